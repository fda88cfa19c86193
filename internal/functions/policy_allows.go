// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package functions holds the provider-defined functions (Terraform 1.8 and
// later), called as provider::mseram::<name>(...). They are pure: no API
// call, no credentials.
package functions

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

var _ function.Function = (*policyAllowsFunction)(nil)

type policyAllowsFunction struct{}

// NewPolicyAllowsFunction is the constructor the provider registers for the
// policy_allows function.
func NewPolicyAllowsFunction() function.Function {
	return &policyAllowsFunction{}
}

func (f *policyAllowsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "policy_allows"
}

func (f *policyAllowsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Whether an identity policy allows an action on a resource",
		MarkdownDescription: "Evaluates one RAM identity policy document offline, the way RAM does, and returns `true` when it " +
			"allows `action` on `resource`: some `Allow` statement matches and no `Deny` statement does. " +
			"MSE's resource hierarchy is built in (a statement on `acs:mse:*:*:instance/<id>` covers the namespaces, groups, " +
			"configurations and services beneath it). The request carries no condition keys, so a statement with a " +
			"positive condition (such as `IpAddress` on `acs:SourceIp`) never matches, and one with a `Not` operator always does; " +
			"use the `mseram_access_check` data source to supply `acs:SourceIp`, `acs:CurrentTime` and other keys, to evaluate " +
			"several documents together, or to learn which statement decided.\n\n" +
			"An invalid document, a trust policy, an action not of the form `<service>:<Action>` or a resource that is neither " +
			"`*` nor an ARN is an error.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "policy_json",
				MarkdownDescription: "The identity policy document (JSON), validated with RAM's policy rules.",
			},
			function.StringParameter{
				Name:                "action",
				MarkdownDescription: "The API action as `<service>:<Action>`, e.g. `mse:UpdateNacosConfig`; no wildcards. Matched case-insensitively.",
			},
			function.StringParameter{
				Name: "resource",
				MarkdownDescription: "The resource: an ARN `acs:<service>:<region>:<account-id>:<resource>` (see `mse_resource_arn`) " +
					"or `*`, taken literally. Matched case-sensitively. A `*` region or account is the literal string `*`, " +
					"not \"any\": a statement limited to `cn-hangzhou` does not match it, although it matches the real call, " +
					"which names its region. Ask with the concrete region and account (`mse_resource_arn`'s scope map), or use " +
					"`mseram_access_check`, whose results say when a `*` may have changed the answer.",
			},
		},
		Return: function.BoolReturn{},
	}
}

func (f *policyAllowsFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var doc, action, resource string
	resp.Error = function.ConcatFuncErrors(req.Arguments.Get(ctx, &doc, &action, &resource))
	if resp.Error != nil {
		return
	}
	parsed, err := policy.Parse(framework.CompactJSON(doc))
	if err != nil {
		resp.Error = function.NewArgumentFuncError(0, "Invalid policy document: "+describeProblems(err))
		return
	}
	if !policy.IsRequestAction(action) {
		resp.Error = function.NewArgumentFuncError(1, fmt.Sprintf(
			`Invalid action %q: it must be of the form <service>:<Action>, such as "mse:GetNacosConfig", without wildcards.`, action))
		return
	}
	if !policy.IsRequestResource(resource) {
		resp.Error = function.NewArgumentFuncError(2, fmt.Sprintf(
			`Invalid resource %q: it must be "*" or an ARN of the form acs:<service>:<region>:<account-id>:<resource>, such as "acs:mse:*:*:instance/mse-cn-xxx".`, resource))
		return
	}
	res := policy.Evaluate([]*policy.Document{parsed}, policy.Request{Action: action, Resource: resource})
	resp.Error = function.ConcatFuncErrors(resp.Error, resp.Result.Set(ctx, res.Decision == policy.Allow))
}

// describeProblems lists every problem policy.Parse found, separated by "; ".
func describeProblems(err error) string {
	problems := policy.Problems(err)
	if len(problems) == 0 {
		return err.Error()
	}
	msgs := make([]string, len(problems))
	for i, p := range problems {
		msgs[i] = p.Error()
	}
	return strings.Join(msgs, "; ")
}
