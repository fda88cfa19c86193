// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

var _ datasource.DataSource = (*accessCheckDataSource)(nil)

// accessCheckDataSource evaluates requests against policy documents with
// internal/policy. It has no Configure: it needs no client, so it works with
// a provider block that has no credentials and no endpoints.
type accessCheckDataSource struct{}

// NewAccessCheckDataSource is the constructor the provider registers for the
// mseram_access_check data source.
func NewAccessCheckDataSource() datasource.DataSource {
	return &accessCheckDataSource{}
}

type accessCheckDataModel struct {
	ID              types.String              `tfsdk:"id"`
	PolicyDocuments types.List                `tfsdk:"policy_documents"`
	Requests        []accessCheckRequestModel `tfsdk:"request"`
	Results         []accessCheckResultModel  `tfsdk:"results"`
	AllAllowed      types.Bool                `tfsdk:"all_allowed"`
}

type accessCheckRequestModel struct {
	Action   types.String `tfsdk:"action"`
	Resource types.String `tfsdk:"resource"`
	Context  types.Map    `tfsdk:"context"`
}

type accessCheckResultModel struct {
	Action           types.String `tfsdk:"action"`
	Resource         types.String `tfsdk:"resource"`
	Decision         types.String `tfsdk:"decision"`
	Allowed          types.Bool   `tfsdk:"allowed"`
	MatchedStatement types.String `tfsdk:"matched_statement"`
	ViaHierarchy     types.Bool   `tfsdk:"via_hierarchy"`
}

func (d *accessCheckDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_access_check"
}

func (d *accessCheckDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Answers, offline, the question \"may a principal with these policies do this action on this resource?\" " +
			"It evaluates identity policy documents the way RAM does: any matching `Deny` statement wins (`ExplicitDeny`), " +
			"otherwise any matching `Allow` statement allows (`Allow`), otherwise the request is denied by default (`ImplicitDeny`). " +
			"MSE's resource hierarchy is built in: a statement on `acs:mse:*:*:instance/<id>` (or on a namespace or group) also covers " +
			"every namespace, group, configuration and service beneath it.\n\n" +
			"The data source makes no API call and needs no credentials: it works with an empty `provider \"mseram\" {}` block. " +
			"Use it with `check` blocks or `precondition`s to test a policy before attaching it. " +
			"It does not know about policies attached elsewhere, resource groups, control policies or session policies; " +
			"it answers only for the documents given.",
		Attributes: map[string]schema.Attribute{
			"policy_documents": schema.ListAttribute{
				MarkdownDescription: "Identity policy documents (JSON), as attached to a user, its groups or a role, e.g. " +
					"the `policy_document` of `mseram_policy` resources or data sources. They are evaluated together, as RAM " +
					"evaluates all the policies of a principal. Each is validated with RAM's policy rules at plan time (when known); " +
					"an error names the document's index in this list. Trust policies (documents with a `Principal`) are rejected.",
				ElementType: types.StringType,
				Required:    true,
				Validators: []validator.List{
					listvalidator.SizeAtLeast(1),
					listvalidator.NoNullValues(),
					listvalidator.ValueStringsAre(identityDocument{}),
				},
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "A SHA-256 hash (hex) of the inputs: the documents and the requests.",
				Computed:            true,
			},
			"all_allowed": schema.BoolAttribute{
				MarkdownDescription: "`true` when every request is allowed (every `results[*].allowed` is `true`).",
				Computed:            true,
			},
			"results": schema.ListNestedAttribute{
				MarkdownDescription: "One result per `request` block, in the order of the blocks.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"action": schema.StringAttribute{
							MarkdownDescription: "The request's `action`, as given.",
							Computed:            true,
						},
						"resource": schema.StringAttribute{
							MarkdownDescription: "The request's `resource`, as given.",
							Computed:            true,
						},
						"decision": schema.StringAttribute{
							MarkdownDescription: "`Allow` (an `Allow` statement matched and no `Deny` did), `ExplicitDeny` " +
								"(a `Deny` statement matched; it wins over every `Allow`) or `ImplicitDeny` (no statement matched).",
							Computed: true,
						},
						"allowed": schema.BoolAttribute{
							MarkdownDescription: "`true` when `decision` is `Allow`.",
							Computed:            true,
						},
						"matched_statement": schema.StringAttribute{
							MarkdownDescription: "The statement that decided: its `Sid` if it has one, otherwise " +
								"`<document index>/<statement index>` (both 0-based, in the order written, e.g. `1/0`). " +
								"For `Allow` it is the first matching `Allow` statement, for `ExplicitDeny` the first matching " +
								"`Deny` statement (documents in list order, then statements in order). Empty for `ImplicitDeny`.",
							Computed: true,
						},
						"via_hierarchy": schema.BoolAttribute{
							MarkdownDescription: "`true` when the deciding statement matched the resource only through MSE's " +
								"hierarchy: a pattern on an instance, namespace or group covering a resource beneath it, or the " +
								"`.../<group>/config/<dataId>` and `.../<group>/naming/<service>` spellings of an ARN. " +
								"`false` for a plain (wildcard) match and for `ImplicitDeny`.",
							Computed: true,
						},
					},
				},
			},
		},
		Blocks: map[string]schema.Block{
			"request": schema.ListNestedBlock{
				MarkdownDescription: "A request to decide. At least one; results come back in the same order.",
				Validators: []validator.List{
					listvalidator.IsRequired(),
					listvalidator.SizeAtLeast(1),
				},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"action": schema.StringAttribute{
							MarkdownDescription: "The API action, as `<service>:<Action>`, e.g. `mse:UpdateNacosConfig`. " +
								"One concrete action: no wildcards. Actions match case-insensitively, as in RAM.",
							Required:   true,
							Validators: []validator.String{requestAction{}},
						},
						"resource": schema.StringAttribute{
							MarkdownDescription: "The resource, as an ARN `acs:<service>:<region>:<account-id>:<resource>` or `*`, e.g. " +
								"`acs:mse:*:*:instance/mse-cn-0pp1j8om80a/<namespace-id>/DEFAULT_GROUP/prod.yaml` " +
								"(see the `mse_resource_arn` function). Resources match case-sensitively. The request's resource is taken " +
								"literally: `*` is matched only by statements whose `Resource` pattern covers the string `*` " +
								"(such as `*`), not by `acs:mse:*:*:*`.",
							Required:   true,
							Validators: []validator.String{requestResource{}},
						},
						"context": schema.MapAttribute{
							MarkdownDescription: "Condition keys the request carries, for statements with a `Condition`: " +
								"`acs:SourceIp` (an IP address, e.g. `192.168.1.10`), `acs:CurrentTime` (RFC 3339, e.g. " +
								"`2026-01-02T15:04:05Z`), `acs:SecureTransport` and `acs:MFAPresent` (`true` or `false`), " +
								"`ram:ServiceName`, and any other `<service>:<name>` key. Keys match case-insensitively, so each " +
								"key may appear once. Each key carries exactly one value, used as written: a comma is not a " +
								"separator. Nothing is filled in for you (not even the current time): a key left out is absent, " +
								"so a positive operator such as `IpAddress` does not match and its `Not` form does.",
							ElementType: types.StringType,
							Optional:    true,
							Validators: []validator.Map{
								mapvalidator.NoNullValues(),
								contextKeys{},
							},
						},
					},
				},
			},
		},
	}
}

func (d *accessCheckDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m accessCheckDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}

	var texts []string
	resp.Diagnostics.Append(m.PolicyDocuments.ElementsAs(ctx, &texts, false)...)
	if resp.Diagnostics.HasError() {
		return
	}
	docs := make([]*policy.Document, len(texts))
	for i, text := range texts {
		doc, err := policy.Parse(framework.CompactJSON(text))
		if err != nil {
			addDocumentErrors(&resp.Diagnostics, path.Root("policy_documents").AtListIndex(i), i, err)
			continue
		}
		docs[i] = doc
	}
	if resp.Diagnostics.HasError() {
		return
	}

	requests := make([]policy.Request, len(m.Requests))
	for i, r := range m.Requests {
		ctxValues := map[string]string{}
		if !r.Context.IsNull() {
			resp.Diagnostics.Append(r.Context.ElementsAs(ctx, &ctxValues, false)...)
		}
		requests[i] = policy.Request{Action: r.Action.ValueString(), Resource: r.Resource.ValueString()}
		if len(ctxValues) > 0 {
			requests[i].Context = make(map[string][]string, len(ctxValues))
			for k, v := range ctxValues {
				requests[i].Context[k] = []string{v}
			}
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}

	m.Results = make([]accessCheckResultModel, len(requests))
	allAllowed := true
	for i, r := range requests {
		res := policy.Evaluate(docs, r)
		allowed := res.Decision == policy.Allow
		allAllowed = allAllowed && allowed
		m.Results[i] = accessCheckResultModel{
			Action:           types.StringValue(r.Action),
			Resource:         types.StringValue(r.Resource),
			Decision:         types.StringValue(res.Decision.String()),
			Allowed:          types.BoolValue(allowed),
			MatchedStatement: types.StringValue(matchedStatement(res)),
			ViaHierarchy:     types.BoolValue(res.ViaHierarchy),
		}
	}
	m.AllAllowed = types.BoolValue(allAllowed)
	m.ID = types.StringValue(accessCheckID(texts, requests))
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// matchedStatement names the deciding statement: its Sid, else
// "<document index>/<statement index>"; empty for an implicit deny.
func matchedStatement(res policy.Result) string {
	switch {
	case res.Decision == policy.ImplicitDeny || res.Statement < 0:
		return ""
	case res.Sid != "":
		return res.Sid
	}
	return strconv.Itoa(res.Document) + "/" + strconv.Itoa(res.Statement)
}

// accessCheckID hashes the inputs. encoding/json writes map keys sorted, so
// the hash does not depend on the order of context keys.
func accessCheckID(docs []string, requests []policy.Request) string {
	type req struct {
		Action   string              `json:"a"`
		Resource string              `json:"r"`
		Context  map[string][]string `json:"c,omitempty"`
	}
	in := struct {
		Docs     []string `json:"d"`
		Requests []req    `json:"q"`
	}{Docs: docs}
	for _, r := range requests {
		in.Requests = append(in.Requests, req{r.Action, r.Resource, r.Context})
	}
	b, _ := json.Marshal(in) // strings and maps of strings always marshal
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// addDocumentErrors reports each problem of document i at its path.
func addDocumentErrors(diags *diag.Diagnostics, p path.Path, i int, err error) {
	summary := fmt.Sprintf("Invalid policy document at index %d", i)
	problems := policy.Problems(err)
	if len(problems) == 0 {
		diags.AddAttributeError(p, summary, fmt.Sprintf("policy_documents[%d]: %s", i, err))
		return
	}
	for _, pr := range problems {
		diags.AddAttributeError(p, summary, fmt.Sprintf("policy_documents[%d]: %s", i, pr.Error()))
	}
}

// identityDocument validates one element of policy_documents with
// policy.Parse (identity-policy rules), on the compact form RAM counts
// toward its length limit.
type identityDocument struct{}

func (identityDocument) Description(context.Context) string {
	return "must be a valid RAM identity policy document"
}

func (v identityDocument) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (identityDocument) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := policy.Parse(framework.CompactJSON(req.ConfigValue.ValueString())); err != nil {
		addDocumentErrors(&resp.Diagnostics, req.Path, listIndex(req.Path), err)
	}
}

// listIndex returns the index of the last step of p, which ValueStringsAre
// sets to the element's position in the list.
func listIndex(p path.Path) int {
	last, _ := p.Steps().LastStep()
	if idx, ok := last.(path.PathStepElementKeyInt); ok {
		return int(idx)
	}
	return -1
}

// requestAction accepts "<service>:<Action>" without wildcards: a request
// names one concrete action. The rules otherwise follow internal/policy's
// for Action elements (and the policy_allows function's).
type requestAction struct{}

func (requestAction) Description(context.Context) string {
	return `must be of the form <service>:<Action>, such as "mse:GetNacosConfig", without wildcards`
}

func (v requestAction) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v requestAction) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if a := req.ConfigValue.ValueString(); !policy.IsRequestAction(a) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid action", fmt.Sprintf("%q %s.", a, v.Description(ctx)))
	}
}

// requestResource accepts "*" and acs:<service>:<region>:<account>:<resource>,
// as internal/policy does for Resource elements. A '*' inside the ARN is kept
// as written (MSE's documented ARNs say acs:mse:*:*:...), and matches a '*'
// or anything else in a policy pattern.
type requestResource struct{}

func (requestResource) Description(context.Context) string {
	return `must be "*" or an ARN of the form acs:<service>:<region>:<account-id>:<resource>, such as "acs:mse:*:*:instance/mse-cn-xxx"`
}

func (v requestResource) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v requestResource) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if r := req.ConfigValue.ValueString(); !policy.IsRequestResource(r) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid resource", fmt.Sprintf("%q %s.", r, v.Description(ctx)))
	}
}

// contextKeys checks that every context key is <service>:<name> and that no
// two keys differ only in case (RAM looks keys up case-insensitively, so the
// request would be ambiguous).
type contextKeys struct{}

func (contextKeys) Description(context.Context) string {
	return "keys must be of the form <service>:<name>, such as acs:SourceIp, each at most once ignoring case"
}

func (v contextKeys) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (contextKeys) ValidateMap(_ context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	keys := make([]string, 0, len(req.ConfigValue.Elements()))
	for k := range req.ConfigValue.Elements() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	seen := map[string]string{}
	for _, k := range keys {
		service, name, ok := strings.Cut(k, ":")
		if !ok || service == "" || name == "" || strings.ContainsAny(k, " \t\n") {
			resp.Diagnostics.AddAttributeError(req.Path.AtMapKey(k), "Invalid condition key",
				fmt.Sprintf("Condition key %q must be of the form <service>:<name>, such as acs:SourceIp.", k))
			continue
		}
		lower := strings.ToLower(k)
		if other, dup := seen[lower]; dup {
			resp.Diagnostics.AddAttributeError(req.Path.AtMapKey(k), "Duplicate condition key",
				fmt.Sprintf("Condition keys %q and %q differ only in case; RAM looks keys up case-insensitively, so give the key once.", other, k))
			continue
		}
		seen[lower] = k
	}
}
