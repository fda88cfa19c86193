// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// LoginProfileMatches checks, in the emulator's store, that user has a
// login profile with exactly these flags.
func (e *Env) LoginProfileMatches(user string, resetRequired, mfaRequired bool) func(*terraform.State) error {
	return func(*terraform.State) error {
		lp, ok := e.Server.LoginProfile(user)
		if !ok {
			return fmt.Errorf("RAM user %q has no login profile in the emulator", user)
		}
		if lp.PasswordResetRequired != resetRequired || lp.MFABindRequired != mfaRequired {
			return fmt.Errorf("login profile of %q in the emulator: PasswordResetRequired=%t MFABindRequired=%t, want %t and %t",
				user, lp.PasswordResetRequired, lp.MFABindRequired, resetRequired, mfaRequired)
		}
		return nil
	}
}

// LoginProfileAbsent checks that user has no login profile in the emulator.
func (e *Env) LoginProfileAbsent(user string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if _, ok := e.Server.LoginProfile(user); ok {
			return fmt.Errorf("RAM user %q still has a login profile in the emulator", user)
		}
		return nil
	}
}

// PasswordIs checks that the emulator holds password as user's current
// console password (it keeps only a salted hash).
func (e *Env) PasswordIs(user, password string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if !e.Server.PasswordMatches(user, password) {
			return fmt.Errorf("the emulator's password for RAM user %q is not the expected one", user)
		}
		return nil
	}
}

// AccessKeyInEmulator checks that the access key in resource addr's state
// (attributes id and user_name) exists in the emulator with status.
func (e *Env) AccessKeyInEmulator(addr, status string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s is not in the state", addr)
		}
		user, id := rs.Primary.Attributes["user_name"], rs.Primary.ID
		for _, k := range e.Server.AccessKeys(user) {
			if k.AccessKeyID == id {
				if k.Status != status {
					return fmt.Errorf("access key %s of %q is %s in the emulator, want %s", id, user, k.Status, status)
				}
				return nil
			}
		}
		return fmt.Errorf("access key %s of %q does not exist in the emulator", id, user)
	}
}

// AccessKeyCount checks how many access keys user has in the emulator.
func (e *Env) AccessKeyCount(user string, want int) func(*terraform.State) error {
	return func(*terraform.State) error {
		if got := len(e.Server.AccessKeys(user)); got != want {
			return fmt.Errorf("RAM user %q has %d access keys in the emulator, want %d", user, got, want)
		}
		return nil
	}
}

// StateLacks fails when any attribute of any resource instance in the
// state, primary or deposed, contains secret.
func StateLacks(secret string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		if secret == "" {
			return fmt.Errorf("StateLacks: empty secret would match everything")
		}
		for _, m := range s.Modules {
			for addr, rs := range m.Resources {
				instances := append([]*terraform.InstanceState{rs.Primary}, rs.Deposed...)
				for _, is := range instances {
					if is == nil {
						continue
					}
					if strings.Contains(is.ID, secret) {
						return fmt.Errorf("%s: the id holds the secret", addr)
					}
					for k, v := range is.Attributes {
						if strings.Contains(v, secret) {
							return fmt.Errorf("%s: attribute %s holds the secret", addr, k)
						}
					}
				}
			}
		}
		return nil
	}
}

// KeyClient is an API client that signs with a given access key on this
// emulator, to prove that a key created through Terraform works.
func (e *Env) KeyClient(accessKeyID, secret string) *alicloud.Client {
	e.t.Helper()
	u := e.Server.URL()
	c, err := alicloud.NewClient(context.Background(), alicloud.Config{
		AccessKey: accessKeyID,
		SecretKey: secret,
		Endpoints: map[alicloud.Product]string{
			alicloud.ProductRAM: u, alicloud.ProductIMS: u, alicloud.ProductResourceManager: u, alicloud.ProductSTS: u,
		},
		UserAgent: "mseram-acctest",
	})
	if err != nil {
		e.t.Fatalf("alicloud.NewClient: %v", err)
	}
	return c
}

// KeyAuthenticates calls STS GetCallerIdentity with the key and checks it
// is accepted as user's key.
func (e *Env) KeyAuthenticates(user, accessKeyID, secret string) error {
	id, err := e.KeyClient(accessKeyID, secret).GetCallerIdentity(context.Background())
	if err != nil {
		return fmt.Errorf("access key %s does not authenticate: %w", accessKeyID, err)
	}
	if want := "acs:ram::" + AccountID + ":user/" + user; id.ARN != want {
		return fmt.Errorf("access key %s authenticates as %s, want %s", accessKeyID, id.ARN, want)
	}
	return nil
}

// RecordedCall is one API action a Recorder saw, with the parameters that
// name what it acted on.
type RecordedCall struct {
	Action, UserName, AccessKeyID string
	// CreatedKeyID and CreatedKeySecret are what a successful
	// CreateAccessKey returned. The secret stays in the test's memory, so a
	// test can prove where an ephemeral secret went; it is never printed.
	CreatedKeyID, CreatedKeySecret string
	// KeyExisted is, for DeleteAccessKey, whether the key was in the
	// emulator (and so usable) right before the call.
	KeyExisted bool
}

// Recorder is an endpoint in front of the test's emulator that records the
// actions sent through it, for proving calls that leave no trace in the
// store (an ephemeral key created and deleted within one run).
type Recorder struct {
	env *Env
	srv *httptest.Server

	mu    sync.Mutex
	calls []RecordedCall
}

// NewRecorder starts a recording endpoint, stopped when the test ends.
func (e *Env) NewRecorder() *Recorder {
	r := &Recorder{env: e}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
	e.t.Cleanup(r.srv.Close)
	return r
}

func (r *Recorder) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	req.Body = io.NopCloser(bytes.NewReader(body))
	// Parameters may sit in the query or the form body; keep both readable
	// for the emulator, which reads the body itself.
	_ = req.ParseForm()
	req.Body = io.NopCloser(bytes.NewReader(body))
	call := RecordedCall{
		Action:      firstOf(req.Form.Get("Action"), req.Header.Get("x-acs-action")),
		UserName:    req.Form.Get("UserName"),
		AccessKeyID: req.Form.Get("UserAccessKeyId"),
	}
	if call.Action == "DeleteAccessKey" {
		for _, k := range r.env.Server.AccessKeys(call.UserName) {
			call.KeyExisted = call.KeyExisted || k.AccessKeyID == call.AccessKeyID
		}
	}
	rec := httptest.NewRecorder()
	r.env.Server.ServeHTTP(rec, req)
	if call.Action == "CreateAccessKey" && rec.Code == http.StatusOK {
		call.CreatedKeyID, call.CreatedKeySecret = extractAccessKey(rec.Body.Bytes())
	}
	r.mu.Lock()
	r.calls = append(r.calls, call)
	r.mu.Unlock()
	for k, vs := range rec.Header() {
		w.Header()[k] = vs
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

// Calls returns the recorded calls of the given actions (all when none is
// given), in order.
func (r *Recorder) Calls(actions ...string) []RecordedCall {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []RecordedCall
	for _, c := range r.calls {
		if len(actions) == 0 || slices.Contains(actions, c.Action) {
			out = append(out, c)
		}
	}
	return out
}

// Config is Env.Config with every product pointed at the recorder.
func (r *Recorder) Config(body string) string {
	return strings.ReplaceAll(r.env.ProviderConfig(), r.env.Server.URL(), r.srv.URL) + body
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// extractAccessKey reads AccessKey.AccessKeyId and AccessKeySecret of a
// CreateAccessKey answer.
func extractAccessKey(body []byte) (id, secret string) {
	var out struct {
		AccessKey struct{ AccessKeyId, AccessKeySecret string }
	}
	_ = json.Unmarshal(body, &out)
	return out.AccessKey.AccessKeyId, out.AccessKey.AccessKeySecret
}
