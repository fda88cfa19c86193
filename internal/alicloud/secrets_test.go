// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// No error path may carry a secret: not the error text, not the provider's
// log, not what a credentials library prints to stdout (which Terraform
// copies into its log for a plugin).

// isolate clears every variable that could supply credentials or profiles
// and points HOME at an empty directory.
func isolate(t *testing.T) {
	t.Helper()
	for _, name := range []string{
		"ALIBABA_CLOUD_PROFILE", "ALIBABA_CLOUD_CONFIG_FILE", "ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "DEBUG",
	} {
		t.Setenv(name, "")
	}
	t.Setenv("HOME", t.TempDir())
	clearEndpointEnv(t)
}

// captureStdout runs f with os.Stdout redirected and returns what was
// written there.
func captureStdout(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	orig := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	defer func() { os.Stdout = orig }()
	f()
	os.Stdout = orig
	_ = w.Close()
	return <-done
}

// leaks names the secrets found in any of the texts.
func leaks(secrets []string, texts ...string) []string {
	var found []string
	for _, s := range secrets {
		for _, text := range texts {
			if strings.Contains(text, s) {
				found = append(found, s)
				break
			}
		}
	}
	return found
}

// profileClient is a client of the profile file with every product on a
// fake API, logging into logs.
func profileClient(t *testing.T, api string, logs *bytes.Buffer, cfg Config) (*Client, context.Context) {
	t.Helper()
	ctx := tflogtest.RootLogger(context.Background(), logs)
	cfg.Endpoints = map[Product]string{ProductRAM: api, ProductIMS: api, ProductResourceManager: api, ProductSTS: api}
	cfg.Retry = RetryPolicy{MaxAttempts: 1}
	c, err := NewClient(ctx, cfg)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c, ctx
}

func TestProfileFile_malformedJSONShowsPositionNotContent(t *testing.T) {
	isolate(t)
	secrets := []string{"first-SECRET-7f3a", "second-SECRET-9c1d", "TOKEN-55e2"}
	file := filepath.Join(t.TempDir(), "config.json")
	body := `{"current":"a","profiles":[
  {"name":"a","mode":"AK","access_key_id":"LTAIfirst","access_key_secret":"` + secrets[0] + `"},
  {"name":"b","mode":"StsToken","access_key_id":"LTAIsecond","access_key_secret":"` + secrets[1] + `","sts_token":"` + secrets[2] + `"},
]}`
	if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	api := newFakeAPI(t, ok(map[string]any{}))
	var logs bytes.Buffer
	for _, profile := range []string{"", "b"} {
		c, ctx := profileClient(t, api.URL, &logs, Config{SharedCredentialsFile: file, Profile: profile})
		var err error
		stdout := captureStdout(t, func() { _, err = c.GetCallerIdentity(ctx) })
		if err == nil {
			t.Fatal("a malformed profile file was accepted")
		}
		if l := leaks(secrets, err.Error(), logs.String(), stdout); len(l) > 0 {
			t.Errorf("profile %q: secrets %v escaped: error %q", profile, l, err)
		}
		// The trailing comma leaves "]" where a value must follow: line 4, column 1.
		for _, want := range []string{file, "line 4, column 1"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("profile %q: the error does not say %q: %v", profile, want, err)
			}
		}
	}
	if api.count() != 0 {
		t.Errorf("%d requests were sent without credentials", api.count())
	}
}

// writeExternal writes a profile file whose current profile runs script.
func writeExternal(t *testing.T, script string) string {
	t.Helper()
	dir := t.TempDir()
	cmd := filepath.Join(dir, "creds.sh")
	if err := os.WriteFile(cmd, []byte("#!/bin/sh\n"+script), 0o700); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "config.json")
	body := `{"current":"ext","profiles":[{"name":"ext","mode":"External","process_command":"` + cmd + ` --profile ext"}]}`
	if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestProfileFile_externalOutputIsNeverShown(t *testing.T) {
	isolate(t)
	secret := "EXTERNAL-SECRET-41b8"
	for name, script := range map[string]string{
		"not JSON":    "echo 'access_key_id=LTAIext access_key_secret=" + secret + "'\n",
		"JSON, wrong": "echo '{\"mode\":\"AK\",\"access_key_id\":\"" + secret + "\"}'\n",
		"fails":       "echo '" + secret + "'; echo 'secret " + secret + "' >&2; exit 3\n",
	} {
		t.Run(name, func(t *testing.T) {
			file := writeExternal(t, script)
			api := newFakeAPI(t, ok(map[string]any{}))
			var logs bytes.Buffer
			c, ctx := profileClient(t, api.URL, &logs, Config{SharedCredentialsFile: file})
			var err error
			stdout := captureStdout(t, func() { _, err = c.GetCallerIdentity(ctx) })
			if err == nil {
				t.Fatal("the External profile's output was accepted")
			}
			if l := leaks([]string{secret}, err.Error(), logs.String(), stdout); len(l) > 0 {
				t.Errorf("the command's output escaped: error %q, stdout %q", err, stdout)
			}
			if !strings.Contains(err.Error(), "External") || !strings.Contains(err.Error(), "creds.sh") {
				t.Errorf("the error does not name the profile mode and command: %v", err)
			}
		})
	}
}

// An External command that prints the documented JSON signs requests, and
// its output reaches neither stdout nor the log.
func TestProfileFile_externalCredentials(t *testing.T) {
	isolate(t)
	secret := "EXTERNAL-SECRET-77aa"
	file := writeExternal(t, `echo '{"mode":"StsToken","access_key_id":"STS.ext","access_key_secret":"`+secret+`","sts_token":"ext-token"}'`+"\n")
	api := newFakeAPI(t, ok(map[string]any{"Arn": "acs:ram::1:assumed-role/r/s"}))
	var logs bytes.Buffer
	c, ctx := profileClient(t, api.URL, &logs, Config{SharedCredentialsFile: file})
	var id *CallerIdentity
	var err error
	stdout := captureStdout(t, func() { id, err = c.GetCallerIdentity(ctx) })
	if err != nil || id.ARN != "acs:ram::1:assumed-role/r/s" {
		t.Fatalf("GetCallerIdentity = %+v, %v", id, err)
	}
	r := api.requests()[0]
	if !strings.Contains(r.Authorization, "Credential=STS.ext,") || r.SecurityToken != "ext-token" {
		t.Errorf("signed with %q, token %q", r.Authorization, r.SecurityToken)
	}
	if l := leaks([]string{secret}, logs.String(), stdout); len(l) > 0 {
		t.Errorf("the command's output escaped: stdout %q", stdout)
	}
}

// echoRequest answers every request with an error whose message repeats
// the request's query string, body and security token, as a misbehaving
// gateway might.
func echoRequest(w http.ResponseWriter, r seen, _ int) {
	apiError(w, 400, "InvalidParameter", "rejected "+r.RawQuery+" body "+r.Body+" token "+r.SecurityToken)
}

func TestLoginProfile_passwordInBodyAndNeverInErrors(t *testing.T) {
	const password = "Pa55-word+with space&more"
	f := newFakeAPI(t, echoRequest)
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	c := testClient(t, f.URL, func(cfg *Config) { cfg.Retry = RetryPolicy{MaxAttempts: 1} })
	_, errCreate := c.CreateLoginProfile(ctx, "u", password, true, false)
	pw := password
	errUpdate := c.UpdateLoginProfile(ctx, "u", &pw, nil, nil)
	for i, err := range []error{errCreate, errUpdate} {
		var ae *APIError
		if !errors.As(err, &ae) || ae.Code != "InvalidParameter" {
			t.Fatalf("call %d: %v, want the fake API's error", i, err)
		}
		if !strings.Contains(ae.Message, "body ") {
			t.Fatalf("call %d: the echo is missing from %q", i, ae.Message)
		}
		encoded := url.QueryEscape(password)
		if l := leaks([]string{password, encoded}, err.Error(), ae.Message, logs.String()); len(l) > 0 {
			t.Errorf("call %d: the password escaped: %v", i, err)
		}
	}
	for i, r := range f.requests() {
		if r.Query.Has("Password") || strings.Contains(r.RawQuery, "Pa55") {
			t.Errorf("request %d carries the password in its URL: %s", i, r.RawQuery)
		}
		form, err := url.ParseQuery(r.Body)
		if err != nil || form.Get("Password") != password || form.Get("UserName") != "" {
			t.Errorf("request %d: body %q, want only the password", i, r.Body)
		}
	}
}

// The client's own secrets are redacted from API messages too.
func TestAPIError_redactsCredentials(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r seen, _ int) {
		apiError(w, 400, "InvalidParameter", "token "+r.SecurityToken+" secret CLIENT-SECRET-0d1e")
	})
	c := testClient(t, f.URL, func(cfg *Config) {
		cfg.SecretKey, cfg.SecurityToken, cfg.Retry = "CLIENT-SECRET-0d1e", "CLIENT-TOKEN-92ab", RetryPolicy{MaxAttempts: 1}
	})
	_, err := c.GetUser(context.Background(), "u")
	if err == nil || !strings.Contains(err.Error(), "InvalidParameter") {
		t.Fatalf("GetUser: %v", err)
	}
	if l := leaks([]string{"CLIENT-SECRET-0d1e", "CLIENT-TOKEN-92ab"}, err.Error()); len(l) > 0 {
		t.Errorf("credentials escaped: %v", err)
	}
}

// SDKDebugFlags splits DEBUG exactly as the SDK libraries do (on commas,
// without trimming).
func TestSDKDebugFlags(t *testing.T) {
	for env, want := range map[string]string{
		"":                        "",
		"http,other,sdk":          "",
		"dara":                    "dara",
		"tea,dara":                "tea, dara",
		"credential, dara,dara ":  "credential",
		"other,credential,tea,x,": "credential, tea",
	} {
		t.Setenv("DEBUG", env)
		if got := strings.Join(SDKDebugFlags(), ", "); got != want {
			t.Errorf("DEBUG=%q: %q, want %q", env, got, want)
		}
	}
}
