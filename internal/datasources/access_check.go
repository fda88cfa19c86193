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
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/mse"
	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

var (
	_ datasource.DataSource                   = (*accessCheckDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*accessCheckDataSource)(nil)
)

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
	Action      types.String `tfsdk:"action"`
	Resource    types.String `tfsdk:"resource"`
	InstanceID  types.String `tfsdk:"instance_id"`
	NamespaceID types.String `tfsdk:"namespace_id"`
	Group       types.String `tfsdk:"group"`
	DataID      types.String `tfsdk:"data_id"`
	Service     types.String `tfsdk:"service"`
	GatewayID   types.String `tfsdk:"gateway_id"`
	Region      types.String `tfsdk:"region"`
	AccountID   types.String `tfsdk:"account_id"`
	Context     types.Map    `tfsdk:"context"`
}

type accessCheckResultModel struct {
	Action           types.String `tfsdk:"action"`
	Resource         types.String `tfsdk:"resource"`
	Decision         types.String `tfsdk:"decision"`
	Allowed          types.Bool   `tfsdk:"allowed"`
	MatchedStatement types.String `tfsdk:"matched_statement"`
	ViaHierarchy     types.Bool   `tfsdk:"via_hierarchy"`
	Notes            types.List   `tfsdk:"notes"`
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
			"it answers only for the documents given.\n\n" +
			"A request names its resource either as a raw ARN (`resource`) or through typed fields (`instance_id`, `namespace_id`, " +
			"`group`, `data_id` or `service`, or `gateway_id`, with `region` and `account_id`), which build the ARN as the " +
			"`mse_resource_arn` function does. A real call always names a concrete region and account, while a request that " +
			"leaves them out asks about the literal `*`, which a statement limited to one region (such as a gateway's " +
			"`acs:mse:cn-hangzhou:*:instance/gw-...`) does not cover; each result's `notes` says when that, or a request " +
			"resource RAM never checks, may have changed the answer.\n\n" + ramActionsMarkdown(),
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
							MarkdownDescription: "The resource the request was decided for: its `resource` as given, or the ARN its " +
								"typed fields build (e.g. `acs:mse:cn-hangzhou:*:instance/gw-...`).",
							Computed: true,
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
						"notes": schema.ListAttribute{
							MarkdownDescription: "Why RAM's answer for the real call may differ from `decision`, one sentence each; " +
								"empty when nothing is known to. There is a note when the request's region or account is `*` (typed " +
								"fields left out, or a raw ARN with `*`) and a statement whose action matches is limited to one region " +
								"or account, since a real call names a concrete one; when a RAM or STS action of the table above is " +
								"asked about a resource RAM never checks it against (such as `*`), naming the ARN to ask about " +
								"instead; when RAM checks the action against a second resource too; and when RAM fills in a condition " +
								"key (`ram:ServiceName`) that `context` leaves out.",
							ElementType: types.StringType,
							Computed:    true,
						},
					},
				},
			},
		},
		Blocks: map[string]schema.Block{
			"request": requestBlock(),
		},
	}
}

// requestBlock is the schema of the request blocks that mseram_access_check and
// mseram_principal_access share: one request to decide, named by a raw ARN or
// by typed fields (see requestTarget).
func requestBlock() schema.ListNestedBlock {
	return schema.ListNestedBlock{
		MarkdownDescription: "A request to decide. At least one; results come back in the same order. Name the " +
			"resource with exactly one of `resource` (a raw ARN or `*`), `instance_id` (an MSE instance, optionally down " +
			"to a namespace, group and DataId or service) or `gateway_id` (a cloud-native gateway).",
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
						"(such as `*`), not by `acs:mse:*:*:*`, and a `*` region or account only by statements that " +
						"allow any. Exactly one of `resource`, `instance_id` and `gateway_id`. For RAM and STS actions, use " +
						"the resource from the table above.",
					Optional: true,
					Validators: []validator.String{
						requestResource{},
						stringvalidator.ExactlyOneOf(sibling("instance_id"), sibling("gateway_id")),
					},
				},
				"instance_id": schema.StringAttribute{
					MarkdownDescription: "The MSE instance (registry or configuration center) the request is about, e.g. " +
						"`mse-cn-0pp1j8om80a` (the `InstanceId`, not the `ClusterId`). With `namespace_id`, `group` and " +
						"`data_id` or `service` it names something inside the instance.",
					Optional:   true,
					Validators: []validator.String{notBlank{}},
				},
				"namespace_id": schema.StringAttribute{
					MarkdownDescription: "The Nacos namespace ID inside `instance_id`, e.g. " +
						"`3fd98c48-a709-4061-bba1-e341d79d681b` (`public` for the default namespace).",
					Optional: true,
					Validators: []validator.String{
						notBlank{},
						stringvalidator.AlsoRequires(sibling("instance_id")),
					},
				},
				"group": schema.StringAttribute{
					MarkdownDescription: "The Nacos group inside `namespace_id`, e.g. `DEFAULT_GROUP`.",
					Optional:            true,
					Validators: []validator.String{
						notBlank{},
						stringvalidator.AlsoRequires(sibling("namespace_id")),
					},
				},
				"data_id": schema.StringAttribute{
					MarkdownDescription: "A configuration's DataId inside `group`, e.g. `prod.yaml`. Conflicts with `service`.",
					Optional:            true,
					Validators: []validator.String{
						notBlank{},
						stringvalidator.AlsoRequires(sibling("group")),
						stringvalidator.ConflictsWith(sibling("service")),
					},
				},
				"service": schema.StringAttribute{
					MarkdownDescription: "A service name inside `group`, e.g. `test-service`. Conflicts with `data_id`.",
					Optional:            true,
					Validators: []validator.String{
						notBlank{},
						stringvalidator.AlsoRequires(sibling("group")),
					},
				},
				"gateway_id": schema.StringAttribute{
					MarkdownDescription: "The cloud-native gateway the request is about, e.g. " +
						"`gw-8090caa2a3ab447a8bc5fdf3a3ab447a`. A gateway has no namespaces, so `namespace_id`, `group`, " +
						"`data_id` and `service` do not go with it.",
					Optional: true,
					Validators: []validator.String{
						notBlank{},
						stringvalidator.ConflictsWith(sibling("namespace_id")),
					},
				},
				"region": schema.StringAttribute{
					MarkdownDescription: "The region of the typed target, e.g. `cn-hangzhou`, as the real call names it. " +
						"Left out, the request asks about region `*`, which a statement limited to one region does not " +
						"match (the result then has a note). Not with `resource`, which carries its own region.",
					Optional: true,
					Validators: []validator.String{
						notBlank{},
						stringvalidator.ConflictsWith(sibling("resource")),
					},
				},
				"account_id": schema.StringAttribute{
					MarkdownDescription: "The Alibaba Cloud account ID owning the typed target (digits), e.g. " +
						"`1234567890123456` (see `mseram_caller_identity`). Left out, the request asks about account `*`, " +
						"with a note when a statement is limited to one account. Not with `resource`.",
					Optional: true,
					Validators: []validator.String{
						notBlank{},
						stringvalidator.ConflictsWith(sibling("resource")),
					},
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
			addDocumentErrors(&resp.Diagnostics, path.Root("policy_documents").AtListIndex(i), err)
			continue
		}
		docs[i] = doc
	}
	if resp.Diagnostics.HasError() {
		return
	}

	requests, typed := policyRequests(ctx, m.Requests, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}

	m.Results = make([]accessCheckResultModel, len(requests))
	allAllowed := true
	for i, r := range requests {
		res := policy.Evaluate(docs, r)
		allowed := res.Decision == policy.Allow
		allAllowed = allAllowed && allowed
		notes, diags := types.ListValueFrom(ctx, types.StringType, requestNotes(docs, r, typed[i]))
		resp.Diagnostics.Append(diags...)
		m.Results[i] = accessCheckResultModel{
			Action:           types.StringValue(r.Action),
			Resource:         types.StringValue(r.Resource),
			Decision:         types.StringValue(res.Decision.String()),
			Allowed:          types.BoolValue(allowed),
			MatchedStatement: types.StringValue(matchedStatement(res)),
			ViaHierarchy:     types.BoolValue(res.ViaHierarchy),
			Notes:            notes,
		}
	}
	m.AllAllowed = types.BoolValue(allAllowed)
	m.ID = types.StringValue(accessCheckID(texts, requests))
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// policyRequests turns request blocks into policy requests, reporting a
// target that cannot be built on its attribute. typed[i] is whether
// request i named its resource with typed fields.
func policyRequests(ctx context.Context, models []accessCheckRequestModel, diags *diag.Diagnostics) (requests []policy.Request, typed []bool) {
	requests = make([]policy.Request, len(models))
	typed = make([]bool, len(models))
	for i, r := range models {
		ctxValues := map[string]string{}
		if !r.Context.IsNull() {
			diags.Append(r.Context.ElementsAs(ctx, &ctxValues, false)...)
		}
		target, attr, err := requestTarget(r)
		if err != nil {
			addTargetError(diags, i, attr, err)
			continue
		}
		typed[i] = r.Resource.IsNull()
		requests[i] = policy.Request{Action: r.Action.ValueString(), Resource: target}
		if len(ctxValues) > 0 {
			requests[i].Context = make(map[string][]string, len(ctxValues))
			for k, v := range ctxValues {
				requests[i].Context[k] = []string{v}
			}
		}
	}
	return requests, typed
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
	return statementName(res.Document, res.Statement, "")
}

// statementName is a statement's Sid, else "<document>/<statement>".
func statementName(doc, stmt int, sid string) string {
	if sid != "" {
		return sid
	}
	return strconv.Itoa(doc) + "/" + strconv.Itoa(stmt)
}

// ValidateConfig builds each known typed target at plan time, so that a
// segment MSE's ARN rules refuse is reported on its own attribute.
func (d *accessCheckDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	validateRequestTargets(ctx, req.Config, &resp.Diagnostics)
}

// validateRequestTargets checks the known typed targets of a configuration's
// request blocks, for the data sources that share requestBlock.
func validateRequestTargets(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) {
	var requests types.List
	if d := config.GetAttribute(ctx, path.Root("request"), &requests); d.HasError() || requests.IsNull() || requests.IsUnknown() {
		return
	}
	var models []accessCheckRequestModel
	if d := requests.ElementsAs(ctx, &models, false); d.HasError() {
		return // an unknown request block: Read checks it once it is known
	}
	for i, r := range models {
		if !r.Resource.IsNull() || anyUnknown(r.InstanceID, r.NamespaceID, r.Group, r.DataID, r.Service, r.GatewayID, r.Region, r.AccountID) {
			continue
		}
		if r.InstanceID.IsNull() && r.GatewayID.IsNull() {
			continue // ExactlyOneOf on resource reports it
		}
		if _, attr, err := requestTarget(r); err != nil {
			addTargetError(diags, i, attr, err)
		}
	}
}

func anyUnknown(values ...types.String) bool {
	for _, v := range values {
		if v.IsUnknown() {
			return true
		}
	}
	return false
}

// requestTarget is the resource a request names: resource as given, or
// the ARN its typed fields build with mse.ResourceRef. On error, attr is
// the attribute at fault.
func requestTarget(r accessCheckRequestModel) (arn, attr string, err error) {
	if !r.Resource.IsNull() {
		return r.Resource.ValueString(), "resource", nil
	}
	// Validators refuse blank strings at plan time; a value that was unknown
	// then is checked here, so that "" can never stand for "*".
	fields := []struct {
		name string
		v    types.String
	}{
		{"instance_id", r.InstanceID}, {"gateway_id", r.GatewayID}, {"namespace_id", r.NamespaceID}, {"group", r.Group},
		{"data_id", r.DataID}, {"service", r.Service}, {"region", r.Region}, {"account_id", r.AccountID},
	}
	for _, f := range fields {
		if !f.v.IsNull() && strings.TrimSpace(f.v.ValueString()) == "" {
			return "", f.name, fmt.Errorf("%s: %s", f.name, blankMessage(f.name))
		}
	}
	first, last := "instance_id", "data_id"
	ref := mse.ResourceRef{
		Region: r.Region.ValueString(), Account: r.AccountID.ValueString(),
		InstanceID: r.InstanceID.ValueString(), NamespaceID: r.NamespaceID.ValueString(),
		Group: r.Group.ValueString(), Name: r.DataID.ValueString(),
	}
	if !r.GatewayID.IsNull() {
		first, ref.InstanceID = "gateway_id", r.GatewayID.ValueString()
	}
	if !r.Service.IsNull() {
		last, ref.Name = "service", r.Service.ValueString()
	}
	arn, err = ref.ARN()
	if err != nil {
		// ResourceRef names the first and last segments instance_id and
		// name; say which attribute of this request they came from.
		field, rest, _ := strings.Cut(err.Error(), ": ")
		switch field {
		case "instance_id":
			field = first
		case "name":
			field = last
		}
		return "", field, fmt.Errorf("%s: %s", field, rest)
	}
	return arn, "", nil
}

func addTargetError(diags *diag.Diagnostics, i int, attr string, err error) {
	p := path.Root("request").AtListIndex(i)
	if attr != "" {
		p = p.AtName(attr)
	}
	diags.AddAttributeError(p, "Invalid request target", fmt.Sprintf("request[%d].%s", i, err))
}

// sibling is the path of another attribute of the same request block.
func sibling(name string) path.Expression {
	return path.MatchRelative().AtParent().AtName(name)
}

// requestNotes says why RAM's answer for the real call may differ from the
// one for req: see the notes attribute.
func requestNotes(docs []*policy.Document, req policy.Request, typed bool) []string {
	notes := []string{} // an empty list, not null, when there is nothing to say
	if a, ok := mse.LookupRAMAction(req.Action); ok {
		keys := make([]string, 0, len(req.Context))
		for k := range req.Context {
			keys = append(keys, k)
		}
		notes = append(notes, a.RequestNotes(req.Resource, keys)...)
	}
	return append(notes, scopeNotes(docs, req, typed)...)
}

// scopeNotes finds the statements whose action matches req and whose
// Resource would cover req.Resource but for being limited to one region or
// account where the request says "*". A real call names its region and
// account, so such a statement may decide it although it did not decide
// req (or, for a Deny, change an Allow).
func scopeNotes(docs []*policy.Document, req policy.Request, typed bool) []string {
	rp := strings.SplitN(req.Resource, ":", 5)
	if len(rp) != 5 || rp[2] != "*" && rp[3] != "*" {
		return nil
	}
	var notes []string
	for di, d := range docs {
		if d == nil {
			continue
		}
		for si := range d.Statements {
			s := &d.Statements[si]
			if !s.MatchesAction(req.Action) {
				continue
			}
			for _, p := range s.Resources {
				pp := strings.SplitN(p, ":", 5)
				if len(pp) != 5 {
					continue
				}
				region, account := rp[2] == "*" && limits(pp[2]), rp[3] == "*" && limits(pp[3])
				if !region && !account {
					continue
				}
				wide := append([]string(nil), pp...)
				var limited, kinds, fix []string
				if region {
					wide[2] = "*"
					limited = append(limited, describeSegment("region", pp[2]))
					kinds, fix = append(kinds, "region"), append(fix, "region")
				}
				if account {
					wide[3] = "*"
					limited = append(limited, describeSegment("account", pp[3]))
					kinds, fix = append(kinds, "account"), append(fix, "account_id")
				}
				if ok, _ := policy.MatchResource(strings.Join(wide, ":"), req.Resource); !ok {
					continue
				}
				how := "set " + strings.Join(fix, " and ") + " in the request"
				if !typed {
					how = "write the concrete " + strings.Join(kinds, " and ") + " into resource"
				}
				notes = append(notes, fmt.Sprintf("Statement %s (%s) applies only to %s (Resource %s), but this request's %s. "+
					"A real call names a concrete %s, so RAM's answer for it may differ from this one: %s to check the call RAM sees.",
					statementName(di, si, s.Sid), s.Effect, strings.Join(limited, " and "), p, starred(region, account),
					strings.Join(kinds, " and "), how))
				break // one note per statement
			}
		}
	}
	return notes
}

// limits reports whether an ARN segment pattern leaves out some region or
// account: anything but a run of '*' (an empty region, as RAM's own ARNs
// have, included).
func limits(seg string) bool {
	return seg == "" || strings.Trim(seg, "*") != ""
}

func describeSegment(kind, seg string) string {
	switch {
	case seg == "":
		return "an empty " + kind + " (as RAM's own ARNs have)"
	case strings.ContainsAny(seg, "*?"):
		return kind + "s matching " + seg
	}
	return kind + " " + seg
}

func starred(region, account bool) string {
	switch {
	case region && account:
		return "region and account are *"
	case region:
		return "region is *"
	}
	return "account is *"
}

// ramActionsMarkdown renders internal/mse's RAM action catalog for the
// data source's documentation.
func ramActionsMarkdown() string {
	var b strings.Builder
	b.WriteString("### RAM and STS actions: which resource to ask about\n\n" +
		"RAM checks a call of a RAM or STS action against the ARN of the entity it acts on, written as that entity's own " +
		"ARN carries it (`acs:ram::<account-id>:role/<role-name>`, with an empty region), not against `*` or the pattern a " +
		"policy grants it on. Ask about that ARN; a result for another resource gets a note naming it.\n\n" +
		"| Action | Ask about | Policies grant it on | Condition keys | Needed by | Documented in |\n" +
		"|---|---|---|---|---|---|\n")
	var undecided []string
	for _, a := range mse.RAMActions() {
		var checks, docs []string
		for _, c := range a.Checks {
			checks = append(checks, codeList(c.Forms, " or ")+" ("+c.What+")")
		}
		for i, src := range a.Sources {
			docs = append(docs, fmt.Sprintf("[%d](%s)", i+1, src))
		}
		keys := "-"
		if len(a.ConditionKeys) > 0 {
			keys = codeList(a.ConditionKeys, ", ")
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s |\n", a.Name, strings.Join(checks, "; "), codeList(a.Patterns, ", "),
			keys, a.UsedBy, strings.Join(docs, " "))
		if a.Undecided != "" {
			undecided = append(undecided, fmt.Sprintf("* `%s`: %s", a.Name, a.Undecided))
		}
	}
	b.WriteString("\nWhat the documents leave open, and what the table assumes:\n\n" + strings.Join(undecided, "\n\n"))
	return b.String()
}

func codeList(items []string, sep string) string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = "`" + it + "`"
	}
	return strings.Join(out, sep)
}

// notBlank refuses an empty or blank string: leaving a typed target field
// out must be said by leaving it out, never by "", so that an empty
// variable cannot widen a request to a whole instance or any region.
type notBlank struct{}

func (notBlank) Description(context.Context) string {
	return "must not be empty or blank: leave the attribute out (or set it to null) instead"
}

func (v notBlank) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (notBlank) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || strings.TrimSpace(req.ConfigValue.ValueString()) != "" {
		return
	}
	last, _ := req.Path.Steps().LastStep()
	name := strings.Trim(last.String(), `"[]`)
	resp.Diagnostics.AddAttributeError(req.Path, "Empty request target", fmt.Sprintf("%s: %s", req.Path, blankMessage(name)))
}

// blankMessage explains, for one typed target attribute, why "" is
// refused and what leaving it out means.
func blankMessage(name string) string {
	left := map[string]string{
		"namespace_id": "the request then names the whole instance",
		"group":        "the request then names the whole namespace",
		"data_id":      "the request then names the whole group",
		"service":      "the request then names the whole group",
		"region":       "the request then asks about region *",
		"account_id":   "the request then asks about account *",
	}[name]
	if left == "" {
		return "is empty: an empty string never stands for \"all\". Name the instance or gateway, or use resource."
	}
	return "is empty: an empty string never stands for \"all\". Remove the attribute, or set it to null, to leave it out (" + left + ")."
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

// addDocumentErrors reports each problem of the document at p (an element
// of a list of documents, such as policy_documents[1], or a single one,
// such as session_policy), naming p in each message.
func addDocumentErrors(diags *diag.Diagnostics, p path.Path, err error) {
	summary := "Invalid policy document"
	if i := listIndex(p); i >= 0 {
		summary = fmt.Sprintf("Invalid policy document at index %d", i)
	}
	problems := policy.Problems(err)
	if len(problems) == 0 {
		diags.AddAttributeError(p, summary, fmt.Sprintf("%s: %s", p, err))
		return
	}
	for _, pr := range problems {
		diags.AddAttributeError(p, summary, fmt.Sprintf("%s: %s", p, pr.Error()))
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
		addDocumentErrors(&resp.Diagnostics, req.Path, err)
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
