// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"strings"
	"testing"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/ProtonMail/go-crypto/openpgp/armor"
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
		"not base64":   "keybase:alice",
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
