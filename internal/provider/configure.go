// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"os"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
)

// defaultRegion matches the alicloud provider's default, so configurations
// move between the two providers unchanged.
const defaultRegion = "cn-beijing"

type providerModel struct {
	AccessKey             types.String     `tfsdk:"access_key"`
	SecretKey             types.String     `tfsdk:"secret_key"`
	SecurityToken         types.String     `tfsdk:"security_token"`
	Region                types.String     `tfsdk:"region"`
	Profile               types.String     `tfsdk:"profile"`
	SharedCredentialsFile types.String     `tfsdk:"shared_credentials_file"`
	AssumeRole            *assumeRoleModel `tfsdk:"assume_role"`
	Endpoints             *endpointsModel  `tfsdk:"endpoints"`
	StrictLint            types.Bool       `tfsdk:"strict_lint"`
	LintIgnore            types.Set        `tfsdk:"lint_ignore"`
}

type assumeRoleModel struct {
	RoleARN           types.String `tfsdk:"role_arn"`
	SessionName       types.String `tfsdk:"session_name"`
	SessionExpiration types.Int64  `tfsdk:"session_expiration"`
	ExternalID        types.String `tfsdk:"external_id"`
	Policy            types.String `tfsdk:"policy"`
}

type endpointsModel struct {
	RAM             types.String `tfsdk:"ram"`
	IMS             types.String `tfsdk:"ims"`
	ResourceManager types.String `tfsdk:"resourcemanager"`
	STS             types.String `tfsdk:"sts"`
}

// Configure builds the API client. It makes no network call: credentials are
// resolved and checked on the first request, so a plan that only renders
// documents works with no credentials and no network.
func (p *mseramProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !req.Config.Raw.IsFullyKnown() {
		resp.Diagnostics.AddError("Provider configuration is not known yet",
			"An argument of the mseram provider depends on a value that is known only after apply. "+
				"Pass credentials and endpoints as literals, variables or environment variables instead.")
		return
	}

	warnSDKDebug(resp)
	static := staticCredentials(m, resp)
	cfg := alicloud.Config{
		AccessKey:             static.key,
		SecretKey:             static.secret,
		SecurityToken:         static.token,
		Region:                pick(m.Region, "ALIBABA_CLOUD_REGION", "ALICLOUD_REGION"),
		Profile:               pick(m.Profile, "ALIBABA_CLOUD_PROFILE", "ALICLOUD_PROFILE"),
		SharedCredentialsFile: pick(m.SharedCredentialsFile, "ALIBABA_CLOUD_CREDENTIALS_FILE"),
		Endpoints:             map[alicloud.Product]string{},
		UserAgent:             "terraform-provider-mseram/" + p.version + " terraform/" + req.TerraformVersion,
	}
	if cfg.Region == "" {
		cfg.Region = defaultRegion
	}
	if m.Endpoints != nil {
		for product, v := range map[alicloud.Product]types.String{
			alicloud.ProductRAM:             m.Endpoints.RAM,
			alicloud.ProductIMS:             m.Endpoints.IMS,
			alicloud.ProductResourceManager: m.Endpoints.ResourceManager,
			alicloud.ProductSTS:             m.Endpoints.STS,
		} {
			if s := v.ValueString(); s != "" {
				cfg.Endpoints[product] = s
			}
		}
	}
	cfg.AssumeRole = assumeRoleConfig(ctx, m.AssumeRole, resp)
	if resp.Diagnostics.HasError() {
		return
	}

	client, err := alicloud.NewClient(ctx, cfg)
	if err != nil {
		resp.Diagnostics.AddError("Invalid mseram provider configuration", err.Error())
		return
	}
	tflog.Debug(ctx, "configured mseram API client", map[string]any{
		"provider_version":     p.version,
		"region":               cfg.Region,
		"ram_endpoint":         client.Endpoint(alicloud.ProductRAM),
		"has_static_key":       cfg.AccessKey != "",
		"has_profile":          cfg.Profile != "" || cfg.SharedCredentialsFile != "",
		"assume_role_with_arn": cfg.AssumeRole != nil,
	})
	data := &framework.ProviderData{Client: client, Lint: lintSettings(ctx, m, resp)}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.EphemeralResourceData = data
}

// assumeRoleConfig merges the assume_role block with its environment
// variables, each checked by the argument's validators; it returns nil when
// no role is to be assumed.
func assumeRoleConfig(ctx context.Context, m *assumeRoleModel, resp *provider.ConfigureResponse) *alicloud.AssumeRoleConfig {
	if m == nil {
		m = &assumeRoleModel{}
	}
	at := path.Root("assume_role")
	arn := validatedString(ctx, m.RoleARN, "ALIBABA_CLOUD_ROLE_ARN", at.AtName("role_arn"), roleARNValidators, resp)
	if arn == "" {
		if m.SessionName.ValueString() != "" || !m.SessionExpiration.IsNull() || m.ExternalID.ValueString() != "" || m.Policy.ValueString() != "" {
			resp.Diagnostics.AddAttributeError(at.AtName("role_arn"), "Missing role ARN",
				"The assume_role block needs role_arn (or the ALIBABA_CLOUD_ROLE_ARN environment variable) to know which role to assume.")
		}
		return nil
	}
	ar := &alicloud.AssumeRoleConfig{
		RoleARN:     arn,
		SessionName: validatedString(ctx, m.SessionName, "ALIBABA_CLOUD_ROLE_SESSION_NAME", at.AtName("session_name"), sessionNameValidators, resp),
		ExternalID:  m.ExternalID.ValueString(),
		Policy:      m.Policy.ValueString(),
		SessionExpiration: int(validatedInt64(ctx, m.SessionExpiration, "ALICLOUD_ASSUME_ROLE_SESSION_EXPIRATION",
			at.AtName("session_expiration"), sessionExpirationValidators, resp)),
	}
	if ar.SessionName == "" {
		ar.SessionName = "terraform"
	}
	return ar
}

// warnSDKDebug warns when DEBUG turns on the SDK libraries' HTTP dumps,
// which go to the plugin's stdout and from there into Terraform's log.
func warnSDKDebug(resp *provider.ConfigureResponse) {
	flags := alicloud.SDKDebugFlags()
	if len(flags) == 0 {
		return
	}
	resp.Diagnostics.AddWarning("SDK debug output is on",
		"The environment variable DEBUG enables "+strings.Join(flags, ", ")+": the Alibaba Cloud SDK libraries print every "+
			"request and answer, with request headers (an STS security token included) and the temporary credentials STS "+
			"returns, to the provider's output, which Terraform writes to its log. Unset DEBUG unless you are debugging the "+
			"SDK, and do not share such a log.")
}

// pick returns the configured value, else the first non-empty environment
// variable in the order given (preferred names first).
func pick(v types.String, envs ...string) string {
	if s := v.ValueString(); s != "" {
		return s
	}
	for _, name := range envs {
		if s := os.Getenv(name); s != "" {
			return s
		}
	}
	return ""
}

// lintSettings reads strict_lint (falling back to MSERAM_STRICT_LINT, so a
// CI pipeline can turn it on without editing configurations) and
// lint_ignore.
func lintSettings(ctx context.Context, m providerModel, resp *provider.ConfigureResponse) framework.LintSettings {
	var s framework.LintSettings
	switch {
	case !m.StrictLint.IsNull():
		s.Strict = m.StrictLint.ValueBool()
	case os.Getenv("MSERAM_STRICT_LINT") != "":
		strict, err := strconv.ParseBool(os.Getenv("MSERAM_STRICT_LINT"))
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("strict_lint"), "Invalid MSERAM_STRICT_LINT",
				"MSERAM_STRICT_LINT must be true or false, got "+strconv.Quote(os.Getenv("MSERAM_STRICT_LINT"))+".")
		}
		s.Strict = strict
	}
	if !m.LintIgnore.IsNull() {
		resp.Diagnostics.Append(m.LintIgnore.ElementsAs(ctx, &s.Ignore, false)...)
	}
	return s
}
