// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/aliyun/credentials-go/credentials/providers"
)

// externalTimeout bounds one run of an External profile's command, as the
// CLI does (60 seconds).
const externalTimeout = time.Minute

// externalProvider runs the process_command of an External CLI profile and
// reads credentials from its standard output. It replaces credentials-go's
// runner, which prints the command and its output to the plugin's stdout
// (and so into Terraform's log) when the output is not JSON, puts the
// command's stderr in its error, and writes the credentials back into the
// profile file. Here the output is never printed, logged or quoted, stderr
// is discarded, and the file is left alone.
//
// The output contract (a JSON object with mode AK or StsToken,
// access_key_id, access_key_secret, sts_token for StsToken, an optional
// expiration in UTC) is the CLI's:
// https://github.com/aliyun/aliyun-cli/blob/master/docs/en/configuration.md
type externalProvider struct {
	profile string
	argv    []string
	cached  *providers.Credentials
	expires time.Time // zero: run the command on every call
}

func newExternalProvider(profile, command string) (*externalProvider, error) {
	argv := splitCommand(command, runtime.GOOS == "windows")
	if len(argv) == 0 {
		return nil, fmt.Errorf("profile %q (mode External): process_command is empty", profile)
	}
	return &externalProvider{profile: profile, argv: argv}, nil
}

func (e *externalProvider) GetProviderName() string { return "external" }

// GetCredentials reuses credentials until three minutes before they
// expire; credentials without an expiration are fetched again on every
// call, as credentials-go does, since the command may rotate them.
func (e *externalProvider) GetCredentials() (*providers.Credentials, error) {
	if e.cached != nil && time.Until(e.expires) > 3*time.Minute {
		return e.cached, nil
	}
	out, err := e.run()
	if err != nil {
		return nil, err
	}
	var resp struct {
		Mode            string `json:"mode"`
		AccessKeyID     string `json:"access_key_id"`
		AccessKeySecret string `json:"access_key_secret"`
		SecurityToken   string `json:"sts_token"`
		Expiration      string `json:"expiration"`
	}
	if err := json.Unmarshal(out, &resp); err != nil {
		return nil, e.fail("printed something other than the credentials JSON (%s)", jsonErrorAt(out, err))
	}
	switch {
	case resp.AccessKeyID == "" || resp.AccessKeySecret == "":
		return nil, e.fail("printed JSON without access_key_id or access_key_secret")
	case resp.Mode == "StsToken" && resp.SecurityToken == "":
		return nil, e.fail("printed mode StsToken without sts_token")
	}
	e.cached = &providers.Credentials{
		AccessKeyId: resp.AccessKeyID, AccessKeySecret: resp.AccessKeySecret, SecurityToken: resp.SecurityToken,
		ProviderName: e.GetProviderName(),
	}
	e.expires = time.Time{}
	if t, err := time.Parse(time.RFC3339, resp.Expiration); err == nil {
		e.expires = t
	}
	return e.cached, nil
}

// run executes the command directly (no shell) and returns its stdout.
func (e *externalProvider) run() ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), externalTimeout)
	defer cancel()
	var stdout bytes.Buffer
	cmd := exec.CommandContext(ctx, e.argv[0], e.argv[1:]...) //nolint:gosec // running the profile's command is the purpose of mode External
	cmd.Stdout = &stdout
	cmd.Stderr = io.Discard
	err := cmd.Run()
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return nil, e.fail("did not finish within %s", externalTimeout)
	case err != nil:
		return nil, e.fail("failed: %v", err)
	}
	return stdout.Bytes(), nil
}

// fail names the profile and the program, never the arguments (which may
// carry a token) or the output.
func (e *externalProvider) fail(format string, args ...any) error {
	return fmt.Errorf("profile %q (mode External): the command %s "+format+"; its output is not shown, as it may hold credentials",
		append([]any{e.profile, filepath.Base(e.argv[0])}, args...)...)
}

// splitCommand splits process_command into arguments the way the CLI does:
// blanks separate arguments; single quotes keep everything literal; double
// quotes group, with a backslash escaping '"' (and, off Windows, '\', '$'
// and '`'); off Windows a backslash outside quotes escapes the next
// character, while on Windows it is a path separator.
func splitCommand(command string, windows bool) []string {
	var args []string
	var cur strings.Builder
	started, single, double := false, false, false
	runes := []rune(command)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		next := rune(0)
		if i+1 < len(runes) {
			next = runes[i+1]
		}
		switch {
		case single:
			if r == '\'' {
				single = false
			} else {
				cur.WriteRune(r)
			}
		case double:
			switch {
			case r == '"':
				double = false
			case r == '\\' && (next == '"' || !windows && strings.ContainsRune("\\$`", next)):
				cur.WriteRune(next)
				i++
			default:
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			single, double, started = r == '\'', r == '"', true
		case r == '\\' && !windows && next != 0:
			cur.WriteRune(next)
			started = true
			i++
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			if started {
				args = append(args, cur.String())
				cur.Reset()
				started = false
			}
		default:
			cur.WriteRune(r)
			started = true
		}
	}
	if started {
		args = append(args, cur.String())
	}
	return args
}
