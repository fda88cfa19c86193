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
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// armorPublicKeyHeader starts an ASCII-armored OpenPGP public key.
const armorPublicKeyHeader = "-----BEGIN PGP PUBLIC KEY BLOCK-----"

// parsePGPPublicKey reads the recipient of an encrypted secret: either an
// ASCII-armored public key block or the base64 of a binary one (what
// `gpg --export <id> | base64` prints). Only the first key of a key ring is
// used, and it must be able to encrypt now.
func parsePGPPublicKey(s string) (*openpgp.Entity, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, errors.New("the key is empty")
	}
	var raw []byte
	if strings.HasPrefix(s, armorPublicKeyHeader) {
		block, err := armor.Decode(strings.NewReader(s))
		if err != nil {
			return nil, fmt.Errorf("the ASCII-armored block does not decode: %w", err)
		}
		if block.Type != "PGP PUBLIC KEY BLOCK" {
			return nil, fmt.Errorf("the armored block is a %q, not a public key", block.Type)
		}
		var buf bytes.Buffer
		if _, err := buf.ReadFrom(block.Body); err != nil {
			return nil, fmt.Errorf("the ASCII-armored block does not decode: %w", err)
		}
		raw = buf.Bytes()
	} else {
		// Base64 copied from a terminal often carries line breaks.
		compact := strings.Join(strings.Fields(s), "")
		var err error
		if raw, err = base64.StdEncoding.DecodeString(compact); err != nil {
			return nil, fmt.Errorf("it is neither an ASCII-armored public key nor valid base64: %w", err)
		}
	}
	ring, err := openpgp.ReadKeyRing(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("it is not an OpenPGP public key: %w", err)
	}
	if len(ring) == 0 {
		return nil, errors.New("it holds no OpenPGP key")
	}
	entity := ring[0]
	if _, ok := entity.EncryptionKey(time.Now()); !ok {
		return nil, fmt.Errorf("OpenPGP key %s has no valid encryption subkey (expired, revoked, or signing-only)", pgpFingerprint(entity))
	}
	return entity, nil
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

// pgpPublicKeyValidator rejects at plan time a pgp_key that cannot be used,
// so a bad key never gets as far as creating an access key.
type pgpPublicKeyValidator struct{}

func (pgpPublicKeyValidator) Description(context.Context) string {
	return "must be an OpenPGP public key, ASCII-armored or base64-encoded binary, with an encryption subkey"
}

func (v pgpPublicKeyValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (pgpPublicKeyValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := parsePGPPublicKey(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Unusable PGP public key",
			fmt.Sprintf("The access key's secret cannot be encrypted to this pgp_key: %s.\n\n"+
				"Give the public key of the person or system that will decrypt the secret, e.g. the output of "+
				"`gpg --export <key id> | base64 -w0`, or the ASCII-armored block of `gpg --armor --export <key id>`.", err))
	}
}
