// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// Exit codes of `ramsim call` beyond 0 (the call succeeded) and 1 (usage or
// transport error): the API refused the call for lack of permission, or
// failed it for another reason. Scripts prove access with them.
const (
	exitAPIError     = 2
	exitNoPermission = 3
)

// defaultEndpoint is where `ramsim call` looks for the emulator without
// -endpoint or RAMSIM_ENDPOINT: the command's default -addr.
const defaultEndpoint = "http://127.0.0.1:8765"

// exitError carries an exit code out of run.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// runCall is `ramsim call [flags] <service>:<API> [Name=Value ...]`: one
// signed call, through the classic SDK, as the holder of the given key.
func runCall(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ramsim call", flag.ContinueOnError)
	fs.SetOutput(stderr)
	// The defaults come from the environment after parsing, not as flag
	// defaults: the usage text prints flag defaults, and with them the
	// secret and the token.
	endpoint := fs.String("endpoint", "", "the emulator's URL (default: $RAMSIM_ENDPOINT, else "+defaultEndpoint+")")
	var cred ramsim.Credential
	fs.StringVar(&cred.AccessKeyID, "access-key-id", "", "AccessKey id (default: $ALIBABA_CLOUD_ACCESS_KEY_ID)")
	fs.StringVar(&cred.AccessKeySecret, "access-key-secret", "", "AccessKey secret (default: $ALIBABA_CLOUD_ACCESS_KEY_SECRET)")
	fs.StringVar(&cred.SecurityToken, "security-token", "", "STS security token (default: $ALIBABA_CLOUD_SECURITY_TOKEN)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: ramsim call [flags] <service>:<API> [Name=Value ...]\n\n"+
			"Makes one signed call, e.g.\n  ramsim call mse:GetNacosConfig InstanceId=mse-cn-0pp1j8om80a DataId=prod.yaml\n"+
			"and prints the answer. Exit status: 0 success, 1 usage or transport error, 2 API error, 3 NoPermission.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	for _, f := range []struct {
		v        *string
		env, def string
	}{
		{endpoint, "RAMSIM_ENDPOINT", defaultEndpoint},
		{&cred.AccessKeyID, "ALIBABA_CLOUD_ACCESS_KEY_ID", ""},
		{&cred.AccessKeySecret, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", ""},
		{&cred.SecurityToken, "ALIBABA_CLOUD_SECURITY_TOKEN", ""},
	} {
		if *f.v == "" {
			*f.v = envOr(f.env, f.def)
		}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("call: name the call, e.g. mse:ListClusters")
	}
	params := map[string]string{}
	for _, kv := range fs.Args()[1:] {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return fmt.Errorf("call: parameter %q is not Name=Value", kv)
		}
		params[k] = v
	}
	res, err := ramsim.Call(*endpoint, cred, fs.Arg(0), params)
	if err != nil {
		return err
	}
	if res.Code != "" {
		code := exitAPIError
		if res.Code == "NoPermission" {
			code = exitNoPermission
		}
		return &exitError{code: code, msg: res.Code + ": " + res.Message}
	}
	out, err := json.MarshalIndent(res.Body, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(stdout, string(out))
	return err
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
