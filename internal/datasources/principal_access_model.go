// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

type principalAccessDataModel struct {
	ID                   types.String                 `tfsdk:"id"`
	UserName             types.String                 `tfsdk:"user_name"`
	GroupName            types.String                 `tfsdk:"group_name"`
	RoleName             types.String                 `tfsdk:"role_name"`
	ExtraPolicyDocuments types.List                   `tfsdk:"extra_policy_documents"`
	SessionPolicy        types.String                 `tfsdk:"session_policy"`
	Requests             []accessCheckRequestModel    `tfsdk:"request"`
	Policies             []principalPolicyModel       `tfsdk:"policies"`
	Results              []principalAccessResultModel `tfsdk:"results"`
	AllAllowed           types.Bool                   `tfsdk:"all_allowed"`
}

type principalPolicyModel struct {
	Name        types.String `tfsdk:"name"`
	Type        types.String `tfsdk:"type"`
	Version     types.String `tfsdk:"version"`
	AttachedVia types.String `tfsdk:"attached_via"`
}

type principalAccessResultModel struct {
	Action              types.String `tfsdk:"action"`
	Resource            types.String `tfsdk:"resource"`
	Decision            types.String `tfsdk:"decision"`
	Allowed             types.Bool   `tfsdk:"allowed"`
	DecidedByPolicy     types.String `tfsdk:"decided_by_policy"`
	DecidedByPolicyType types.String `tfsdk:"decided_by_policy_type"`
	DecidedByVersion    types.String `tfsdk:"decided_by_version"`
	DecidedByStatement  types.Int64  `tfsdk:"decided_by_statement"`
	DecidedBySid        types.String `tfsdk:"decided_by_sid"`
	ViaHierarchy        types.Bool   `tfsdk:"via_hierarchy"`
	Notes               types.List   `tfsdk:"notes"`
}

// Policy types that are not RAM's System and Custom: documents the
// configuration supplies.
const (
	policyTypeExtra   = "extra"
	policyTypeSession = "session"
)

// policySource is one document the principal acts with and where it came
// from. version is "" for the documents the configuration supplies.
type policySource struct {
	name, policyType, version string
	doc                       *policy.Document
}

// accessDecision is the outcome of one request and the document that
// decided it: source is nil for an implicit deny that no policy decided.
type accessDecision struct {
	result policy.Result
	source *policySource
}

// decideAccess evaluates req as RAM does for a principal whose identity
// policies are identity and, for an assumed role given one, whose session
// policy is session (nil if none): policy.EvaluateWithSession, the rule
// ramsim authorizes role sessions with.
func decideAccess(identity []policySource, session *policySource, req policy.Request) accessDecision {
	docs := make([]*policy.Document, len(identity))
	for i := range identity {
		docs[i] = identity[i].doc
	}
	var sessionDoc *policy.Document
	if session != nil {
		sessionDoc = session.doc
	}
	r, bySession := policy.EvaluateWithSession(docs, sessionDoc, req)
	switch {
	case bySession:
		return accessDecision{result: r, source: session}
	case r.Document >= 0:
		return accessDecision{result: r, source: &identity[r.Document]}
	}
	return accessDecision{result: r}
}

// resultModel renders a decision for request req.
func (d accessDecision) resultModel(req policy.Request, notes types.List) principalAccessResultModel {
	m := principalAccessResultModel{
		Action:              types.StringValue(req.Action),
		Resource:            types.StringValue(req.Resource),
		Decision:            types.StringValue(d.result.Decision.String()),
		Allowed:             types.BoolValue(d.result.Decision == policy.Allow),
		DecidedByPolicy:     types.StringNull(),
		DecidedByPolicyType: types.StringNull(),
		DecidedByVersion:    types.StringNull(),
		DecidedByStatement:  types.Int64Null(),
		DecidedBySid:        types.StringNull(),
		ViaHierarchy:        types.BoolValue(d.result.ViaHierarchy),
		Notes:               notes,
	}
	if d.source == nil {
		return m
	}
	m.DecidedByPolicy = types.StringValue(d.source.name)
	m.DecidedByPolicyType = types.StringValue(d.source.policyType)
	if d.source.version != "" {
		m.DecidedByVersion = types.StringValue(d.source.version)
	}
	if d.result.Statement >= 0 {
		m.DecidedByStatement = types.Int64Value(int64(d.result.Statement))
	}
	if d.result.Sid != "" {
		m.DecidedBySid = types.StringValue(d.result.Sid)
	}
	return m
}
