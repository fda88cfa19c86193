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
	"time"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// LoginProfileMatches checks, through the API, that user has a login
// profile with exactly these flags.
func (e *Env) LoginProfileMatches(user string, resetRequired, mfaRequired bool) func(*terraform.State) error {
	return func(*terraform.State) error {
		ctx, cancel := callContext()
		defer cancel()
		lp, err := e.Client().GetLoginProfile(ctx, user)
		if err != nil {
			return fmt.Errorf("login profile of RAM user %q in %s: %w", user, e.where(), err)
		}
		if lp.PasswordResetRequired != resetRequired || lp.MFABindRequired != mfaRequired {
			return fmt.Errorf("login profile of %q in %s: PasswordResetRequired=%t MFABindRequired=%t, want %t and %t",
				user, e.where(), lp.PasswordResetRequired, lp.MFABindRequired, resetRequired, mfaRequired)
		}
		return nil
	}
}

// LoginProfileAbsent checks that user has no login profile.
func (e *Env) LoginProfileAbsent(user string) func(*terraform.State) error {
	return func(*terraform.State) error {
		ctx, cancel := callContext()
		defer cancel()
		_, err := e.Client().GetLoginProfile(ctx, user)
		return e.absent("the login profile of RAM user", user, err)
	}
}

// PasswordIs checks that the emulator holds password as user's current
// console password (it keeps only a salted hash). RAM's API never shows a
// password, so on the cloud backend the check is not made: it logs why
// and passes, and the step's other checks still run.
func (e *Env) PasswordIs(user, password string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if e.backend == BackendCloud {
			e.t.Logf("ramsim only, not checked on the %s backend: a user's console password (RAM's API never returns one)", BackendCloud)
			return nil
		}
		if !e.Server.PasswordMatches(user, password) {
			return fmt.Errorf("the emulator's password for RAM user %q is not the expected one", user)
		}
		return nil
	}
}

// accessKeys lists user's access keys; a user that does not exist has
// none.
func (e *Env) accessKeys(user string) ([]alicloud.AccessKey, error) {
	ctx, cancel := callContext()
	defer cancel()
	keys, err := e.Client().ListAccessKeys(ctx, user)
	if err != nil && !alicloud.IsNotFound(err) {
		return nil, fmt.Errorf("access keys of RAM user %q in %s: %w", user, e.where(), err)
	}
	return keys, nil
}

// AccessKeyInEmulator checks, through the API, that the access key in
// resource addr's state (attributes id and user_name) exists with status.
// The name is older than the cloud backend: it checks the account the
// test runs against.
func (e *Env) AccessKeyInEmulator(addr, status string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s is not in the state", addr)
		}
		user, id := rs.Primary.Attributes["user_name"], rs.Primary.ID
		keys, err := e.accessKeys(user)
		if err != nil {
			return err
		}
		for _, k := range keys {
			if k.AccessKeyID == id {
				if k.Status != status {
					return fmt.Errorf("access key %s of %q is %s in %s, want %s", id, user, k.Status, e.where(), status)
				}
				return nil
			}
		}
		return fmt.Errorf("access key %s of %q does not exist in %s", id, user, e.where())
	}
}

// AccessKeyCount checks how many access keys user has.
func (e *Env) AccessKeyCount(user string, want int) func(*terraform.State) error {
	return func(*terraform.State) error {
		keys, err := e.accessKeys(user)
		if err != nil {
			return err
		}
		if len(keys) != want {
			return fmt.Errorf("RAM user %q has %d access keys in %s, want %d", user, len(keys), e.where(), want)
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
// test's backend, to prove that a key created through Terraform works.
func (e *Env) KeyClient(accessKeyID, secret string) *alicloud.Client {
	e.t.Helper()
	c, err := e.keyClient(accessKeyID, secret)
	if err != nil {
		e.t.Fatalf("alicloud.NewClient: %v", err)
	}
	return c
}

// keyClient is KeyClient returning its error: on ramsim every product
// is the emulator; on the cloud backend the endpoints are the
// environment's (ALIBABA_CLOUD_ENDPOINT_*) or the public ones.
func (e *Env) keyClient(accessKeyID, secret string) (*alicloud.Client, error) {
	cfg := alicloud.Config{AccessKey: accessKeyID, SecretKey: secret, UserAgent: "mseram-acctest"}
	if e.backend == BackendRamsim {
		u := e.Server.URL()
		cfg.Endpoints = map[alicloud.Product]string{
			alicloud.ProductRAM: u, alicloud.ProductIMS: u, alicloud.ProductResourceManager: u, alicloud.ProductSTS: u,
		}
	}
	return alicloud.NewClient(context.Background(), cfg)
}

// keyPropagation is how long Eventually tries on a real account.
const keyPropagation = 30 * time.Second

// KeyAuthenticates calls STS GetCallerIdentity with the key and checks it
// is accepted as user's key.
func (e *Env) KeyAuthenticates(user, accessKeyID, secret string) error {
	c := e.KeyClient(accessKeyID, secret)
	want := "acs:ram::" + e.AccountID() + ":user/" + user
	return e.Eventually(func() error {
		id, err := c.GetCallerIdentity(context.Background())
		if err != nil {
			return fmt.Errorf("access key %s does not authenticate: %w", accessKeyID, err)
		}
		if id.ARN != want {
			return fmt.Errorf("access key %s authenticates as %s, want %s", accessKeyID, id.ARN, want)
		}
		return nil
	})
}

// Eventually runs check until it passes: once on the emulator, which
// applies a change to credentials at once; on a real account for up to
// keyPropagation, which may take a moment to accept a key it just issued
// or to refuse one just deactivated (no document gives a bound).
func (e *Env) Eventually(check func() error) error {
	err := check()
	for end := time.Now().Add(keyPropagation); err != nil && e.backend == BackendCloud && time.Now().Before(end); {
		time.Sleep(2 * time.Second)
		err = check()
	}
	return err
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

// NewRecorder starts a recording endpoint, stopped when the test ends. It
// stands in front of the emulator, so the test is skipped on the cloud
// backend.
func (e *Env) NewRecorder() *Recorder {
	e.t.Helper()
	RamsimOnly(e.t, "the recorder stands in front of the emulator to see calls that leave no trace in the account")
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
