// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/ProtonMail/go-crypto/openpgp/armor"
	"github.com/ProtonMail/go-crypto/openpgp/packet"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// armorPublicKeyHeader starts an ASCII-armored OpenPGP public key.
const armorPublicKeyHeader = "-----BEGIN PGP PUBLIC KEY BLOCK-----"

// keybasePrefix starts a Keybase reference, which some tools resolve by
// downloading the key.
const keybasePrefix = "keybase:"

// pgpMinRSABits is the smallest RSA modulus accepted: smaller keys fall
// short of the 112-bit security strength NIST SP 800-57 asks for today
// (RSA-1024 gives about 80 bits), and Go's crypto/rsa refuses keys below
// 1024 bits outright.
const pgpMinRSABits = 2048

// pgpMinValidity is how long a key must stay valid for encryption: a key
// expiring sooner is almost always a mistake (a throwaway test key, a
// forgotten renewal), and a plan is often applied hours after it is made.
const pgpMinValidity = 24 * time.Hour

// Fixes offered with a refused key.
const (
	pgpFixExport = "Give the public key of the person or system that will decrypt the secret, e.g. the output of " +
		"`gpg --export <key id> | base64 -w0`, or the ASCII-armored block of `gpg --armor --export <key id>`."
	pgpFixWeak = "Make a key with a modern algorithm, e.g. `gpg --quick-generate-key '<name> <email>' future-default default 2y` " +
		"(Ed25519 with a Curve25519 encryption subkey), or RSA of 3072 bits, and give its public key."
	pgpFixExpiry = "Extend the key's validity, e.g. `gpg --quick-set-expire <fingerprint> 1y` for the primary key and " +
		"`gpg --quick-set-expire <fingerprint> 1y '*'` for its subkeys, then export the public key again."
)

// pgpKeyError is why a pgp_key is refused, and what to do about it.
type pgpKeyError struct {
	reason, fix string
}

func (e *pgpKeyError) Error() string { return e.reason }

func pgpKeyErrorf(fix, format string, args ...any) error {
	return &pgpKeyError{reason: fmt.Sprintf(format, args...), fix: fix}
}

// pgpRecipient reads pgp_key and applies the provider's key policy (see
// checkPGPKeyStrength and pgpMinValidity), then encrypts a test message
// to it: whatever the library would refuse, it refuses here, before an
// access key exists. now is the time of the check.
func pgpRecipient(s string, now time.Time) (*openpgp.Entity, error) {
	entity, err := parsePGPPublicKey(s)
	if err != nil {
		return nil, err
	}
	fpr := pgpFingerprint(entity)
	key, ok := entity.EncryptionKey(now)
	if !ok {
		return nil, pgpKeyErrorf(pgpFixExpiry+" "+pgpFixExport,
			"OpenPGP key %s has no valid encryption subkey (expired, revoked, or signing-only)", fpr)
	}
	for _, pk := range []*packet.PublicKey{entity.PrimaryKey, key.PublicKey} {
		if err := checkPGPKeyStrength(pk); err != nil {
			return nil, pgpKeyErrorf(pgpFixWeak, "OpenPGP key %s: %s", fpr, err)
		}
	}
	if _, ok := entity.EncryptionKey(now.Add(pgpMinValidity)); !ok {
		hours := int(pgpMinValidity.Hours())
		return nil, pgpKeyErrorf(pgpFixExpiry,
			"OpenPGP key %s stops being usable for encryption in less than %d hours (the key, its encryption subkey or a "+
				"self-signature expires); pgp_key must stay valid for at least %d more hours", fpr, hours, hours)
	}
	if _, err := encryptForPGP(entity, []byte("trial")); err != nil {
		return nil, pgpKeyErrorf(pgpFixWeak, "a trial encryption to OpenPGP key %s fails: %s", fpr, err)
	}
	return entity, nil
}

// checkPGPKeyStrength refuses the algorithms and sizes that no longer
// protect a secret: RSA below pgpMinRSABits, and DSA and ElGamal, which
// OpenPGP implementations are phasing out (the library's newer API refuses
// them by default, and GnuPG no longer makes them by default).
func checkPGPKeyStrength(pk *packet.PublicKey) error {
	switch pk.PubKeyAlgo {
	case packet.PubKeyAlgoDSA, packet.PubKeyAlgoElGamal:
		name := "DSA"
		if pk.PubKeyAlgo == packet.PubKeyAlgoElGamal {
			name = "ElGamal"
		}
		return fmt.Errorf("its %s key %s uses a deprecated algorithm; DSA and ElGamal keys are refused", name, pk.KeyIdString())
	case packet.PubKeyAlgoRSA, packet.PubKeyAlgoRSAEncryptOnly, packet.PubKeyAlgoRSASignOnly:
		bits, err := pk.BitLength()
		if err != nil {
			return err
		}
		if bits < pgpMinRSABits {
			return fmt.Errorf("its key %s is an RSA key of %d bits; RSA keys must have at least %d bits", pk.KeyIdString(), bits, pgpMinRSABits)
		}
	}
	return nil
}

// parsePGPPublicKey reads the recipient of an encrypted secret: either an
// ASCII-armored public key block or the base64 of a binary one (what
// `gpg --export <id> | base64` prints). Only the first key of a key ring is
// used. It checks the form only; pgpRecipient applies the key policy.
func parsePGPPublicKey(s string) (*openpgp.Entity, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, pgpKeyErrorf(pgpFixExport, "the key is empty")
	}
	if strings.HasPrefix(s, keybasePrefix) {
		// Resolving it would need the network during plan, and the key
		// fetched could change between plan and apply.
		return nil, pgpKeyErrorf("Download the user's public key from Keybase yourself, check its fingerprint, and give the key itself, "+
			"e.g. the ASCII-armored block `gpg --armor --export <key id>` prints after importing it.",
			"Keybase references (%s<user>) are not supported: the provider does not fetch keys over the network, so it could not check the key at plan time", keybasePrefix)
	}
	var raw []byte
	if strings.HasPrefix(s, armorPublicKeyHeader) {
		block, err := armor.Decode(strings.NewReader(s))
		if err != nil {
			return nil, pgpKeyErrorf(pgpFixExport, "the ASCII-armored block does not decode: %s", err)
		}
		if block.Type != "PGP PUBLIC KEY BLOCK" {
			return nil, pgpKeyErrorf(pgpFixExport, "the armored block is a %q, not a public key", block.Type)
		}
		var buf bytes.Buffer
		if _, err := buf.ReadFrom(block.Body); err != nil {
			return nil, pgpKeyErrorf(pgpFixExport, "the ASCII-armored block does not decode: %s", err)
		}
		raw = buf.Bytes()
	} else {
		// Base64 copied from a terminal often carries line breaks.
		compact := strings.Join(strings.Fields(s), "")
		var err error
		if raw, err = base64.StdEncoding.DecodeString(compact); err != nil {
			return nil, pgpKeyErrorf(pgpFixExport, "it is neither an ASCII-armored public key nor valid base64: %s", err)
		}
	}
	ring, err := openpgp.ReadKeyRing(bytes.NewReader(raw))
	if err != nil {
		return nil, pgpKeyErrorf(pgpFixExport, "it is not an OpenPGP public key: %s", err)
	}
	if len(ring) == 0 {
		return nil, pgpKeyErrorf(pgpFixExport, "it holds no OpenPGP key")
	}
	return ring[0], nil
}

// pgpFingerprint is the primary key's fingerprint in lower-case hex, as
// `gpg --with-colons --fingerprint` prints it.
func pgpFingerprint(e *openpgp.Entity) string {
	return hex.EncodeToString(e.PrimaryKey.Fingerprint)
}

// encryptForPGP encrypts plaintext to recipient and returns the base64 of
// the binary OpenPGP message, so `base64 -d | gpg --decrypt` reads it.
func encryptForPGP(recipient *openpgp.Entity, plaintext []byte) (string, error) {
	var out bytes.Buffer
	w, err := openpgp.Encrypt(&out, []*openpgp.Entity{recipient}, nil, nil, nil)
	if err != nil {
		return "", err
	}
	if _, err := w.Write(plaintext); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(out.Bytes()), nil
}

// pgpPublicKeyValidator rejects at plan time a pgp_key that cannot be used
// or is too weak (see pgpRecipient), so such a key never gets as far as
// creating an access key. An unknown value is checked at apply, by Create,
// before the access key is created.
type pgpPublicKeyValidator struct{}

func (pgpPublicKeyValidator) Description(context.Context) string {
	return "must be an OpenPGP public key, ASCII-armored or base64-encoded binary, with an encryption subkey valid for at " +
		"least 24 more hours; RSA keys need at least 2048 bits, DSA and ElGamal keys are refused"
}

func (v pgpPublicKeyValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (pgpPublicKeyValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := pgpRecipient(req.ConfigValue.ValueString(), time.Now()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, pgpKeySummary, pgpKeyDetail(err))
	}
}

// pgpKeySummary heads every diagnostic about a refused pgp_key.
const pgpKeySummary = "Unusable PGP public key"

// pgpKeyDetail explains a refused pgp_key: the rule it breaks and the fix.
func pgpKeyDetail(err error) string {
	fix := pgpFixExport
	var kerr *pgpKeyError
	if errors.As(err, &kerr) {
		fix = kerr.fix
	}
	return fmt.Sprintf("The access key's secret cannot be encrypted to this pgp_key: %s.\n\n%s", err, fix)
}
