// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"os"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The variables of each part of an AccessKey credential, preferred name
// first. Within the environment each part takes its first set variable, as
// the alicloud provider does, so a CI job moves between the two unchanged.
var (
	keyIDVars  = []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY", "ALIBABACLOUD_ACCESS_KEY_ID"}
	secretVars = []string{"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY", "ALIBABACLOUD_ACCESS_KEY_SECRET"}
	tokenVars  = []string{"ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN"}
)

// staticCredential is an AccessKey pair and its optional STS token.
type staticCredential struct{ key, secret, token string }

// staticCredentials takes the AccessKey credential from one source: the
// provider arguments when any of access_key, secret_key and security_token
// is set, else the environment. The arguments are never completed from the
// environment: a key ID of one key with the secret of another signs as
// nobody, and a long-term key with a stray token is refused by the API. An
// incomplete set with nothing elsewhere is left to alicloud.NewClient.
func staticCredentials(m providerModel, resp *provider.ConfigureResponse) staticCredential {
	hcl := staticCredential{m.AccessKey.ValueString(), m.SecretKey.ValueString(), m.SecurityToken.ValueString()}
	if hcl != (staticCredential{}) {
		checkHCLCredential(hcl, resp)
		return hcl
	}
	var env staticCredential
	_, env.key = firstEnv(keyIDVars...)
	_, env.secret = firstEnv(secretVars...)
	_, env.token = firstEnv(tokenVars...)
	return env
}

// checkHCLCredential refuses an incomplete credential in the arguments
// whose missing part the environment has, and warns when the environment
// holds a token that a complete pair in the arguments leaves unused.
func checkHCLCredential(hcl staticCredential, resp *provider.ConfigureResponse) {
	type part struct {
		arg, value string
		vars       []string
	}
	parts := []part{
		{"access_key", hcl.key, keyIDVars},
		{"secret_key", hcl.secret, secretVars},
		{"security_token", hcl.token, tokenVars},
	}
	var set []string
	for _, p := range parts {
		if p.value != "" {
			set = append(set, p.arg)
		}
	}
	for _, p := range parts {
		name, _ := firstEnv(p.vars...)
		switch {
		case p.value != "" || name == "":
		case p.arg == "security_token" && hcl.key != "" && hcl.secret != "":
			resp.Diagnostics.AddWarning("Environment security token ignored",
				name+" is set, but access_key and secret_key are set in the provider configuration, which is where "+
					"the whole credential is taken from. The token is not used; set security_token as well if the key "+
					"pair is a temporary one.")
		default:
			resp.Diagnostics.AddAttributeError(path.Root(p.arg), "Credential split between configuration and environment",
				strings.Join(set, " and ")+" set in the provider configuration, and "+p.arg+" is not, while "+name+
					" is set in the environment. One credential is never put together from both: set "+p.arg+
					" in the configuration too, or move the whole credential to the environment variables.")
		}
	}
}

// firstEnv returns the name and value of the first non-empty variable of
// names, or two empty strings.
func firstEnv(names ...string) (name, value string) {
	for _, n := range names {
		if v := os.Getenv(n); v != "" {
			return n, v
		}
	}
	return "", ""
}

// validatedString is the argument when set, else the variable env, which
// must pass the argument's own validators: the same value is accepted or
// refused, with the same message, wherever it is written.
func validatedString(ctx context.Context, v types.String, env string, at path.Path, vs []validator.String, resp *provider.ConfigureResponse) string {
	if s := v.ValueString(); s != "" {
		return s
	}
	s := os.Getenv(env)
	if s == "" {
		return ""
	}
	req := validator.StringRequest{Path: at, PathExpression: at.Expression(), ConfigValue: types.StringValue(s)}
	for _, val := range vs {
		var r validator.StringResponse
		val.ValidateString(ctx, req, &r)
		addFromEnv(env, r.Diagnostics.Errors(), resp)
	}
	return s
}

// validatedInt64 is validatedString for a whole-number variable.
func validatedInt64(ctx context.Context, v types.Int64, env string, at path.Path, vs []validator.Int64, resp *provider.ConfigureResponse) int64 {
	if !v.IsNull() {
		return v.ValueInt64()
	}
	s := os.Getenv(env)
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		resp.Diagnostics.AddError("Invalid "+env, "The environment variable "+env+" must be a whole number, got "+strconv.Quote(s)+".")
		return 0
	}
	req := validator.Int64Request{Path: at, PathExpression: at.Expression(), ConfigValue: types.Int64Value(n)}
	for _, val := range vs {
		var r validator.Int64Response
		val.ValidateInt64(ctx, req, &r)
		addFromEnv(env, r.Diagnostics.Errors(), resp)
	}
	return n
}

// addFromEnv reports a validator's errors on a variable's value, naming the
// variable in place of the argument it stands in for.
func addFromEnv(env string, errs diag.Diagnostics, resp *provider.ConfigureResponse) {
	for _, d := range errs {
		resp.Diagnostics.AddError(d.Summary(), "From the environment variable "+env+": "+d.Detail())
	}
}
