// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/ProtonMail/go-crypto/openpgp/armor"
	"github.com/ProtonMail/go-crypto/openpgp/packet"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func testEntity(t *testing.T) *openpgp.Entity {
	t.Helper()
	e, err := openpgp.NewEntity("pgp unit test", "", "unit@example.com", nil)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func publicKeyBinary(t *testing.T, e *openpgp.Entity) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := e.Serialize(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func publicKeyArmored(t *testing.T, e *openpgp.Entity) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := armor.Encode(&buf, openpgp.PublicKeyType, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Serialize(w); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func decryptPGP(t *testing.T, e *openpgp.Entity, b64 string) string {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatalf("encrypted value is not base64: %v", err)
	}
	md, err := openpgp.ReadMessage(bytes.NewReader(raw), openpgp.EntityList{e}, nil, nil)
	if err != nil {
		t.Fatalf("decrypt: %v", err)
	}
	b, err := io.ReadAll(md.UnverifiedBody)
	if err != nil {
		t.Fatalf("read decrypted body: %v", err)
	}
	return string(b)
}

func TestPGPRoundTrip(t *testing.T) {
	e := testEntity(t)
	bin := base64.StdEncoding.EncodeToString(publicKeyBinary(t, e))
	// Line-wrapped base64, as pasted from `base64` without -w0.
	var wrapped strings.Builder
	for i := 0; i < len(bin); i += 76 {
		wrapped.WriteString(bin[i:min(i+76, len(bin))] + "\n")
	}
	for name, key := range map[string]string{
		"base64":          bin,
		"wrapped base64":  wrapped.String(),
		"armored":         publicKeyArmored(t, e),
		"armored, padded": "\n  " + publicKeyArmored(t, e) + "\n",
	} {
		t.Run(name, func(t *testing.T) {
			recipient, err := parsePGPPublicKey(key)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if got, want := pgpFingerprint(recipient), pgpFingerprint(e); got != want {
				t.Fatalf("fingerprint %s, want %s", got, want)
			}
			if len(pgpFingerprint(recipient)) != 40 {
				t.Fatalf("fingerprint %q is not 40 hex digits", pgpFingerprint(recipient))
			}
			ct, err := encryptForPGP(recipient, []byte("s3cret-value"))
			if err != nil {
				t.Fatalf("encrypt: %v", err)
			}
			if strings.Contains(ct, "s3cret-value") {
				t.Fatal("ciphertext contains the plaintext")
			}
			if got := decryptPGP(t, e, ct); got != "s3cret-value" {
				t.Fatalf("decrypted %q", got)
			}
		})
	}
}

func TestPGPRejectsUnusableKeys(t *testing.T) {
	e := testEntity(t)
	var private bytes.Buffer
	w, _ := armor.Encode(&private, openpgp.PrivateKeyType, nil)
	if err := e.SerializePrivate(w, nil); err != nil {
		t.Fatal(err)
	}
	_ = w.Close()
	for name, key := range map[string]string{
		"empty":        "  ",
		"keybase":      "keybase:alice",
		"not a key":    base64.StdEncoding.EncodeToString([]byte("hello, world")),
		"private key":  private.String(),
		"broken armor": armorPublicKeyHeader + "\n\nnot armor\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := parsePGPPublicKey(key); err == nil {
				t.Fatal("want an error")
			}
		})
	}
}

func TestPGPValidator(t *testing.T) {
	ctx := context.Background()
	check := func(v types.String) int {
		resp := &validator.StringResponse{}
		pgpPublicKeyValidator{}.ValidateString(ctx, validator.StringRequest{Path: path.Root("pgp_key"), ConfigValue: v}, resp)
		return resp.Diagnostics.ErrorsCount()
	}
	if n := check(types.StringValue("not a key")); n != 1 {
		t.Fatalf("bad key: %d errors, want 1", n)
	}
	if n := check(types.StringUnknown()) + check(types.StringNull()); n != 0 {
		t.Fatalf("unknown or null key: %d errors, want 0", n)
	}
	if n := check(types.StringValue(publicKeyArmored(t, testEntity(t)))); n != 0 {
		t.Fatalf("good key: %d errors, want 0", n)
	}
}

// pgpEntity makes a key pair with cfg; nil is the library's default (RSA-2048).
func pgpEntity(t *testing.T, cfg *packet.Config) *openpgp.Entity {
	t.Helper()
	e, err := openpgp.NewEntity("pgp policy test", "", "policy@example.com", cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// withRSA512Subkey replaces e's encryption subkey by a 512-bit RSA one.
// The library refuses to make one, and so does rsa.GenerateKey unless
// GODEBUG=rsa1024min=0, a process-wide setting that would keep the tests
// using these keys from running in parallel: rsa512 builds it instead.
func withRSA512Subkey(t *testing.T, e *openpgp.Entity) *openpgp.Entity {
	t.Helper()
	priv := rsa512(t)
	created := e.PrimaryKey.CreationTime
	sub := packet.NewRSAPrivateKey(created, priv)
	sub.IsSubkey = true
	sig := &packet.Signature{
		Version:                   e.PrimaryKey.Version,
		SigType:                   packet.SigTypeSubkeyBinding,
		PubKeyAlgo:                e.PrimaryKey.PubKeyAlgo,
		Hash:                      crypto.SHA256,
		CreationTime:              created,
		IssuerKeyId:               &e.PrimaryKey.KeyId,
		IssuerFingerprint:         e.PrimaryKey.Fingerprint,
		FlagsValid:                true,
		FlagEncryptCommunications: true,
		FlagEncryptStorage:        true,
	}
	if err := sig.SignKey(&sub.PublicKey, e.PrivateKey, nil); err != nil {
		t.Fatal(err)
	}
	e.Subkeys = []openpgp.Subkey{{PublicKey: &sub.PublicKey, PrivateKey: sub, Sig: sig}}
	return e
}

// rsa512 puts a 512-bit RSA key (e = 65537) together from two random
// 256-bit primes, as rsa.GenerateKey would for a size it allows.
func rsa512(t *testing.T) *rsa.PrivateKey {
	t.Helper()
	one, e := big.NewInt(1), big.NewInt(65537)
	for {
		p, err := rand.Prime(rand.Reader, 256)
		if err != nil {
			t.Fatal(err)
		}
		q, err := rand.Prime(rand.Reader, 256)
		if err != nil {
			t.Fatal(err)
		}
		n := new(big.Int).Mul(p, q)
		d := new(big.Int).ModInverse(e, new(big.Int).Mul(new(big.Int).Sub(p, one), new(big.Int).Sub(q, one)))
		if p.Cmp(q) == 0 || n.BitLen() != 512 || d == nil {
			continue // equal primes, a short product, or e not invertible: draw again
		}
		k := &rsa.PrivateKey{PublicKey: rsa.PublicKey{N: n, E: int(e.Int64())}, D: d, Primes: []*big.Int{p, q}}
		k.Precompute()
		if err := k.Validate(); err != nil {
			t.Fatal(err)
		}
		return k
	}
}

// PGPKeyCase is a pgp_key and a fragment of the diagnostic it must get
// (empty when the key is good). Exported for the acceptance tests.
type PGPKeyCase struct {
	Name, Key, Rule string
}

// WeakPGPKeys are keys the provider must refuse before any access key
// exists, each with the rule its diagnostic names.
func WeakPGPKeys(t *testing.T) []PGPKeyCase {
	t.Helper()
	ed25519 := &packet.Config{Algorithm: packet.PubKeyAlgoEdDSA}
	dsaElGamal, err := os.ReadFile(filepath.Join("testdata", "pgp-dsa2048-elg2048.asc"))
	if err != nil {
		t.Fatal(err)
	}
	return []PGPKeyCase{
		{"RSA-512 subkey", publicKeyArmored(t, withRSA512Subkey(t, pgpEntity(t, ed25519))), "RSA key of 512 bits"},
		{"RSA-1024", publicKeyArmored(t, pgpEntity(t, &packet.Config{RSABits: 1024})), "RSA key of 1024 bits"},
		// Minutes, not seconds: an acceptance test plans with these keys
		// while other tests run, and a key that has expired by then gets
		// another diagnostic.
		{"expires in 10 minutes", publicKeyArmored(t, pgpEntity(t, &packet.Config{Algorithm: packet.PubKeyAlgoEdDSA, KeyLifetimeSecs: 10 * 60})), "less than 24 hours"},
		{"expires in 23 hours", publicKeyArmored(t, pgpEntity(t, &packet.Config{Algorithm: packet.PubKeyAlgoEdDSA, KeyLifetimeSecs: 23 * 3600})), "less than 24 hours"},
		// Made once with GnuPG 2.2: `gpg --quick-gen-key <uid> dsa2048 sign never`,
		// `gpg --quick-add-key <fpr> elg2048 encr never`, `gpg --armor --export`.
		// The library cannot make DSA or ElGamal keys.
		{"DSA/ElGamal", string(dsaElGamal), "DSA"},
	}
}

func TestPGPKeyPolicy(t *testing.T) {
	ctx := context.Background()
	validate := func(key string) diag.Diagnostics {
		resp := &validator.StringResponse{}
		pgpPublicKeyValidator{}.ValidateString(ctx, validator.StringRequest{Path: path.Root("pgp_key"), ConfigValue: types.StringValue(key)}, resp)
		return resp.Diagnostics
	}
	for _, c := range WeakPGPKeys(t) {
		t.Run("refuses "+c.Name, func(t *testing.T) {
			diags := validate(c.Key)
			if diags.ErrorsCount() != 1 {
				t.Fatalf("%d errors, want 1: %v", diags.ErrorsCount(), diags)
			}
			d := diags.Errors()[0]
			withPath, ok := d.(diag.DiagnosticWithPath)
			if !ok || !withPath.Path().Equal(path.Root("pgp_key")) {
				t.Fatalf("diagnostic is not attached to pgp_key: %v", d)
			}
			for _, want := range []string{"pgp_key", c.Rule, "gpg --"} {
				if !strings.Contains(d.Detail(), want) {
					t.Errorf("detail lacks %q:\n%s", want, d.Detail())
				}
			}
		})
	}
	t.Run("refuses keybase references, saying why", func(t *testing.T) {
		diags := validate("keybase:alice")
		if diags.ErrorsCount() != 1 || !strings.Contains(diags.Errors()[0].Detail(), "does not fetch keys over the network") {
			t.Fatalf("want one error explaining that Keybase is not reached: %v", diags)
		}
	})
	good := map[string]*openpgp.Entity{
		"RSA-2048":            pgpEntity(t, nil),
		"RSA-3072":            pgpEntity(t, &packet.Config{RSABits: 3072}),
		"Ed25519/Curve25519":  pgpEntity(t, &packet.Config{Algorithm: packet.PubKeyAlgoEdDSA}),
		"Ed25519/X25519 (v6)": pgpEntity(t, &packet.Config{Algorithm: packet.PubKeyAlgoEd25519, V6Keys: true}),
		"expires in 30 hours": pgpEntity(t, &packet.Config{Algorithm: packet.PubKeyAlgoEdDSA, KeyLifetimeSecs: 30 * 3600}),
	}
	for name, e := range good {
		t.Run("accepts "+name, func(t *testing.T) {
			if diags := validate(publicKeyArmored(t, e)); diags.HasError() {
				t.Fatalf("refused: %v", diags)
			}
		})
	}
}
