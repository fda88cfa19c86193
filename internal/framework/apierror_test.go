// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package framework_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
)

// A gateway that repeats the whole request in its error message: the
// diagnostic made from the error still holds no password and no secret
// of the client's credentials.
func TestAPIErrorDiag_holdsNoSecret(t *testing.T) {
	const password, secret, token = "Diag-Passw0rd!", "diag-client-secret", "diag-client-token"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = io.WriteString(w, `{"Code":"BadGateway","Message":"upstream failed for `+r.URL.RawQuery+
			` body `+string(body)+` token `+r.Header.Get("x-acs-security-token")+`"}`)
	}))
	t.Cleanup(srv.Close)
	c, err := alicloud.NewClient(context.Background(), alicloud.Config{
		AccessKey: "STS.diag", SecretKey: secret, SecurityToken: token,
		Endpoints: map[alicloud.Product]string{alicloud.ProductRAM: srv.URL, alicloud.ProductIMS: srv.URL,
			alicloud.ProductResourceManager: srv.URL, alicloud.ProductSTS: srv.URL},
		Retry: alicloud.RetryPolicy{MaxAttempts: 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.CreateLoginProfile(context.Background(), "alice", password, false, false)
	if err == nil {
		t.Fatal("the failing gateway was not reported")
	}
	d := framework.APIErrorDiag("Unable to create login profile", `login profile of "alice"`, err, "")
	text := d.Summary() + d.Detail()
	if !strings.Contains(text, "upstream failed for") {
		t.Fatalf("the gateway's message is missing: %s", text)
	}
	for _, s := range []string{password, "Diag-Passw0rd%21", secret, token} {
		if strings.Contains(text, s) {
			t.Errorf("the diagnostic shows %q: %s", s, text)
		}
	}
}
