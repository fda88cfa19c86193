// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/mse"
)

// roleARNPattern is the shape of a RAM role ARN, checked before any STS call.
var roleARNPattern = regexp.MustCompile(`^acs:ram::[0-9]+:role/[A-Za-z0-9.-]{1,64}$`)

// The assume_role validators, shared with the environment variables that
// stand in for the arguments (configure.go), so both are checked alike.
var (
	roleARNValidators = []validator.String{stringvalidator.RegexMatches(roleARNPattern,
		`must be a RAM role ARN such as "acs:ram::1234567890123456:role/terraform"`)}
	sessionNameValidators = []validator.String{
		stringvalidator.LengthBetween(2, 64),
		stringvalidator.RegexMatches(regexp.MustCompile(`^[A-Za-z0-9.@_-]+$`), "may contain only letters, digits, '.', '@', '-' and '_'"),
	}
	sessionExpirationValidators = []validator.Int64{int64validator.Between(900, 43200)}
)

func (p *mseramProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	endpoint := func(product, env, def string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: "Endpoint of the " + product + " API: a host name (HTTPS is used) or a full URL such as `http://127.0.0.1:8765` for the ramsim emulator. " +
				"Falls back to `" + env + "`, then to `" + def + "`.",
			Optional:   true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages Alibaba Cloud RAM access for Microservices Engine (MSE): RAM users, console logons and " +
			"AccessKeys, custom policies and their attachments, roles, groups and service-linked roles, plus least-privilege " +
			"policy documents rendered from typed inputs and offline access checks. No API call is made while the provider is " +
			"configured; data sources and functions that only render or check documents need no credentials at all.",
		Attributes: map[string]schema.Attribute{
			"access_key": schema.StringAttribute{
				MarkdownDescription: "AccessKey ID. Falls back to `ALIBABA_CLOUD_ACCESS_KEY_ID`, then `ALICLOUD_ACCESS_KEY`, then `ALIBABACLOUD_ACCESS_KEY_ID`. Must be given together with `secret_key`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"secret_key": schema.StringAttribute{
				MarkdownDescription: "AccessKey secret. Falls back to `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, then `ALICLOUD_SECRET_KEY`, then `ALIBABACLOUD_ACCESS_KEY_SECRET`.",
				Optional:            true,
				Sensitive:           true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"security_token": schema.StringAttribute{
				MarkdownDescription: "STS security token, for temporary credentials. Falls back to `ALIBABA_CLOUD_SECURITY_TOKEN`, then `ALICLOUD_SECURITY_TOKEN`.",
				Optional:            true,
				Sensitive:           true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"region": schema.StringAttribute{
				MarkdownDescription: "Region the requests are signed for. RAM is global, so this rarely matters. Falls back to `ALIBABA_CLOUD_REGION`, then `ALICLOUD_REGION`, then `" + defaultRegion + "`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`^[a-z0-9-]+$`), "must be a region id such as \"cn-hangzhou\"")},
			},
			"profile": schema.StringAttribute{
				MarkdownDescription: "Profile name in the Alibaba Cloud CLI configuration file, used when no AccessKey is given. Falls back to `ALIBABA_CLOUD_PROFILE`, then `ALICLOUD_PROFILE`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"shared_credentials_file": schema.StringAttribute{
				MarkdownDescription: "Path of the Alibaba Cloud CLI configuration file that holds `profile`. Falls back to `ALIBABA_CLOUD_CREDENTIALS_FILE`, then `~/.aliyun/config.json`.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"strict_lint": schema.BoolAttribute{
				MarkdownDescription: "Report policy lint findings (on `mseram_policy_document`, `mseram_policy` and `mseram_role`) as errors " +
					"instead of warnings, so a plan with a finding fails. Default `false`; falls back to `MSERAM_STRICT_LINT`.",
				Optional: true,
			},
			"lint_ignore": schema.SetAttribute{
				MarkdownDescription: "Lint rules whose findings are not reported (and left out of `mseram_policy_document.warnings`): " + lintRulesMarkdown() + ".",
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(lintRuleNames()...))},
			},
		},
		Blocks: map[string]schema.Block{
			"assume_role": schema.SingleNestedBlock{
				MarkdownDescription: "Assume a RAM role with the credentials found above, through STS `AssumeRole`. The call is made on first use, not while configuring.",
				Attributes: map[string]schema.Attribute{
					"role_arn": schema.StringAttribute{
						MarkdownDescription: "ARN of the role, `acs:ram::<account-id>:role/<name>`. Falls back to `ALIBABA_CLOUD_ROLE_ARN`.",
						Optional:            true,
						Validators:          roleARNValidators,
					},
					"session_name": schema.StringAttribute{
						MarkdownDescription: "Role session name, 2–64 characters of letters, digits, `.`, `@`, `-` and `_`. Falls back to `ALIBABA_CLOUD_ROLE_SESSION_NAME`, then `terraform`.",
						Optional:            true,
						Validators:          sessionNameValidators,
					},
					"session_expiration": schema.Int64Attribute{
						MarkdownDescription: "Lifetime of the temporary credentials in seconds, 900–43200. Falls back to `ALICLOUD_ASSUME_ROLE_SESSION_EXPIRATION`, then 3600.",
						Optional:            true,
						Validators:          sessionExpirationValidators,
					},
					"external_id": schema.StringAttribute{
						MarkdownDescription: "External ID the role's trust policy requires, if any.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.LengthBetween(2, 1224)},
					},
					"policy": schema.StringAttribute{
						MarkdownDescription: "Session policy (JSON) that narrows the role's permissions for this session.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.LengthBetween(1, 1024)},
					},
				},
			},
			"endpoints": schema.SingleNestedBlock{
				MarkdownDescription: "Per-product API endpoints, for private deployments or the ramsim emulator.",
				Attributes: map[string]schema.Attribute{
					"ram":             endpoint("RAM", "ALIBABA_CLOUD_ENDPOINT_RAM", "ram.aliyuncs.com"),
					"ims":             endpoint("IMS", "ALIBABA_CLOUD_ENDPOINT_IMS", "ims.aliyuncs.com"),
					"resourcemanager": endpoint("ResourceManager", "ALIBABA_CLOUD_ENDPOINT_RESOURCEMANAGER", "resourcemanager.aliyuncs.com"),
					"sts":             endpoint("STS", "ALIBABA_CLOUD_ENDPOINT_STS", "sts.aliyuncs.com"),
				},
			},
		},
	}
}

func lintRuleNames() []string {
	names := make([]string, 0, len(mse.LintRules))
	for n := range mse.LintRules {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func lintRulesMarkdown() string {
	var parts []string
	for _, n := range lintRuleNames() {
		parts = append(parts, "`"+n+"` ("+strings.TrimSuffix(mse.LintRules[n], ".")+")")
	}
	return strings.Join(parts, "; ")
}
