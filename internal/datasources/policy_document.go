// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/mse"
)

var (
	_ datasource.DataSource                   = (*policyDocumentDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*policyDocumentDataSource)(nil)
	_ datasource.DataSourceWithConfigure      = (*policyDocumentDataSource)(nil)
)

// policyDocumentDataSource renders least-privilege MSE policies with
// internal/mse. Rendering needs no client and no credentials; Configure
// only takes the provider's lint settings.
type policyDocumentDataSource struct {
	lint framework.LintSettings
}

func (d *policyDocumentDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, _ *datasource.ConfigureResponse) {
	d.lint = framework.LintFrom(req.ProviderData)
}

// NewPolicyDocumentDataSource is the constructor the provider registers for
// the mseram_policy_document data source.
func NewPolicyDocumentDataSource() datasource.DataSource {
	return &policyDocumentDataSource{}
}

func (d *policyDocumentDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_policy_document"
}

// The typed blocks' arguments are checked where they are converted
// (policy_document_model.go) and by internal/mse, not by schema validators,
// so that each mistake gets one diagnostic that names the argument at fault:
// a schema validator and the renderer would each report it.

// sidAttribute is the optional Sid of a typed block's statement.
func sidAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: "Statement ID for what this block renders, so access checks (`matched_statement`) and overrides can name it. " +
			"A block that renders several statements numbers the others (`<sid>2`, `<sid>3`, ...). Must be unique in the document. " +
			"Statements with a Sid are not merged with others.",
		Optional: true,
	}
}

// scopeAttribute is an optional scope argument of a typed block: omitted
// (null) widens the grant, as widen says; an empty string is an error.
func scopeAttribute(description, widen string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description + " " + widen + " An empty string is refused: only an omitted argument widens a grant.",
		Optional:            true,
	}
}

// hierarchyAttributes are the instance / namespace / group arguments that
// nacos_config and nacos_service share; last is the block's own item
// argument (data_id or service), what the block's access is for.
func hierarchyAttributes(last, lastDescription, what string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"instance_id": schema.StringAttribute{
			MarkdownDescription: "The MSE instance ID, e.g. `mse-cn-0pp1j8om80a` (letters, digits, `-`, `_`; `*` is RAM's wildcard).",
			Required:            true,
		},
		"namespace_id": scopeAttribute("The Nacos namespace ID, e.g. `3fd98c48-a709-4061-bba1-e341d79d681b` (`public` is the default namespace).",
			"Omit it to grant on every namespace of the instance (a write grant then gets a `wide_write` lint warning)."),
		"group":  scopeAttribute("The Nacos group, e.g. `DEFAULT_GROUP`. Needs `namespace_id`.", "Omit it to grant on every group of the namespace."),
		last:     scopeAttribute(lastDescription+" Needs `group`.", "Omit it to grant on every "+what+" of the group."),
		"access": schema.StringAttribute{MarkdownDescription: "`read_only`, `read_write` or `full`.", Required: true},
		"sid":    sidAttribute(),
	}
}

func (d *policyDocumentDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders a least-privilege RAM policy document for Microservices Engine from typed inputs: " +
			"instances, Nacos configurations and services, gateways, and service-linked role creation. No ARN or action list is typed " +
			"by hand. The output is canonical JSON (sorted, de-duplicated, stable across runs), ready for `mseram_policy.policy_document`.\n\n" +
			"What each block grants is listed in the block's description; the renderer then drops actions another statement " +
			"already grants and merges statements with the same effect and resources, without changing any decision. " +
			"Raw `statement` blocks, `source_policy_documents` and `override_policy_documents` combine by `Sid` as in the AWS " +
			"provider's `aws_iam_policy_document`.\n\n" +
			"The data source makes no API call and needs no credentials. Check what the result allows with `mseram_access_check` " +
			"or the `policy_allows` function.\n\n" +
			"With principals (`trusted_service`, `trusted_account`, `ack_worker_role`, or `principals` in a `statement`) it renders " +
			"a role's trust policy for `mseram_role.assume_role_policy_document` instead; `kind` says which.\n\n" +
			"Lint findings (see `warnings`) are reported as plan warnings on the block that caused them; the provider's " +
			"`strict_lint` makes them errors and `lint_ignore` silences rules.",
		Attributes: policyDocumentAttributes(),
		Blocks:     policyDocumentBlocks(),
	}
}

func policyDocumentAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"console": schema.BoolAttribute{
			MarkdownDescription: "Add what a console user needs to reach the granted objects (default `true`): `mse:ListClusters` on the " +
				"account so the instance list shows, and `mse:List*`, `mse:Query*`, `mse:Get*` on each instance a `nacos_config`, " +
				"`nacos_service` or `instance` block names. `false` renders the strict API-only minimum. Gateway output is the " +
				"same either way (its global read statement is part of the gateway policy).",
			Optional: true,
		},
		"source_policy_documents": schema.ListAttribute{
			MarkdownDescription: "Policy documents (JSON) whose statements come first. A `Sid` may appear only once across them; " +
				"a `statement` block with the same `Sid` replaces the source's statement.",
			ElementType: types.StringType,
			Optional:    true,
			Validators:  []validator.List{listvalidator.NoNullValues()},
		},
		"override_policy_documents": schema.ListAttribute{
			MarkdownDescription: "Policy documents (JSON) applied last, in order: a statement whose `Sid` matches one already " +
				"present replaces it; the others are appended.",
			ElementType: types.StringType,
			Optional:    true,
			Validators:  []validator.List{listvalidator.NoNullValues()},
		},
		"id": schema.StringAttribute{
			MarkdownDescription: "A SHA-256 hash (hex) of `minified_json`.",
			Computed:            true,
		},
		"json": schema.StringAttribute{
			MarkdownDescription: "The policy document, canonical and indented.",
			Computed:            true,
		},
		"minified_json": schema.StringAttribute{
			MarkdownDescription: "The same document without whitespace: what RAM receives and counts toward its 6144-character limit.",
			Computed:            true,
		},
		"actions": schema.ListAttribute{
			MarkdownDescription: "Every `Action` entry of the `Allow` statements, as written (wildcards included), sorted and de-duplicated.",
			ElementType:         types.StringType,
			Computed:            true,
		},
		"warnings": schema.ListAttribute{
			MarkdownDescription: "Lint findings, sorted, each as `<where>: <message> [<rule>]`: wildcards wider than needed, unknown " +
				"`mse:` actions (with a suggestion), write actions inside an otherwise read-only statement, writes on a whole instance, " +
				"wildcard gateway IDs, grants that cannot work without console navigation. Rules in the provider's `lint_ignore` are left out.",
			ElementType: types.StringType,
			Computed:    true,
		},
		"kind": schema.StringAttribute{
			MarkdownDescription: "`identity` for a policy to attach with `mseram_policy`, `trust` for a role's trust policy " +
				"(some statement names principals).",
			Computed: true,
		},
		"grants": schema.ListNestedAttribute{
			MarkdownDescription: "What each typed block grants, in the order written, before statements are merged: so a widening " +
				"(an omitted `namespace_id`, a wildcard) shows in the plan. Console navigation is listed as block `console`.",
			Computed: true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"block":     schema.StringAttribute{MarkdownDescription: "The block as written, e.g. `nacos_config[0]`.", Computed: true},
				"sid":       schema.StringAttribute{MarkdownDescription: "The block's `sid`, or null.", Computed: true},
				"access":    schema.StringAttribute{MarkdownDescription: "The access level, or null for blocks without one.", Computed: true},
				"actions":   schema.ListAttribute{MarkdownDescription: "The actions granted.", ElementType: types.StringType, Computed: true},
				"resources": schema.ListAttribute{MarkdownDescription: "The exact resources they are granted on.", ElementType: types.StringType, Computed: true},
			}},
		},
	}
}

func policyDocumentBlocks() map[string]schema.Block {
	return map[string]schema.Block{
		"nacos_config": schema.ListNestedBlock{
			MarkdownDescription: "Access to Nacos configurations: one DataId, or without `data_id` every configuration of the group, " +
				"without `group` of the namespace, without `namespace_id` of the instance. " +
				"`read_only` grants `GetNacosConfig`, `GetNacosHistoryConfig`, `ListListenersByConfig`; `read_write` adds " +
				"`CreateNacosConfig`, `UpdateNacosConfig`; `full` adds deletes, gray releases and, on a namespace or wider, " +
				"bulk delete, export, import and clone.",
			NestedObject: schema.NestedBlockObject{Attributes: hierarchyAttributes("data_id", "The configuration's DataId, e.g. `prod.yaml`.", "configuration")},
		},
		"nacos_service": schema.ListNestedBlock{
			MarkdownDescription: "Access to Nacos services and their instances, at the same levels as `nacos_config`. It grants " +
				"service and instance actions, never configuration actions. `read_only` grants `GetServiceListeners`; `read_write` " +
				"adds creating and updating services, instances and clusters; `full` adds deleting services and instances. " +
				"Listing services works only on a whole instance: keep `console = true` or add an `instance` block.",
			NestedObject: schema.NestedBlockObject{Attributes: hierarchyAttributes("service", "The service name, e.g. `test-service`.", "service")},
		},
		"instance": schema.ListNestedBlock{
			MarkdownDescription: "Access to a whole instance and everything in it, or with `instance_id = \"*\"` to every MSE " +
				"resource. `read_only` grants `mse:List*`, `mse:Query*`, `mse:Get*`; `full` grants `mse:*` (a `wide_write` lint warning " +
				"says so in the plan).",
			NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
				"instance_id": schema.StringAttribute{
					MarkdownDescription: "The MSE instance ID, e.g. `mse-cn-0pp1j8om80a`, or `*` for every instance.",
					Required:            true,
				},
				"access": schema.StringAttribute{MarkdownDescription: "`read_only` or `full`.", Required: true},
				"sid":    sidAttribute(),
			}},
		},
		"gateway": schema.ListNestedBlock{
			MarkdownDescription: "Access to one cloud-native gateway, as the MSE gateway RAM guide's two policies give it. " +
				"`read_only` grants the read wildcards on the gateway and the global reads the console needs (never a write); " +
				"`read_write` grants `mse:*` on the gateway plus the global statement.",
			NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
				"gateway_id": schema.StringAttribute{
					MarkdownDescription: "The gateway ID, e.g. `gw-8090caa2a3ab447a8bc5fdf3a3ab447a`. A `*` in it is a wildcard and gets a warning.",
					Required:            true,
				},
				"region": scopeAttribute("The gateway's region, e.g. `cn-hangzhou`.", "Omit it for any region (`*`)."),
				"companions": schema.BoolAttribute{
					MarkdownDescription: "Add the Simple Log Service and ARMS statements the gateway console needs for logs and alerts " +
						"(default `true`).",
					Optional: true,
				},
				"access": schema.StringAttribute{MarkdownDescription: "`read_only` or `read_write`.", Required: true},
				"sid":    sidAttribute(),
			}},
		},
		"service_linked_role_creation": schema.ListNestedBlock{
			MarkdownDescription: "Lets the principal create the service-linked roles of the named services, and no other: " +
				"`ram:CreateServiceLinkedRole` limited by the condition `ram:ServiceName`.",
			NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
				"service_names": schema.ListAttribute{
					MarkdownDescription: "Service names, e.g. `[\"mse.aliyuncs.com\"]`, checked against the same catalog as " +
						"`mseram_service_linked_role` (see the `mseram_service_linked_roles` data source).",
					ElementType: types.StringType,
					Required:    true,
				},
				"allow_unknown_service": schema.BoolAttribute{
					MarkdownDescription: "Accept service names the catalog does not list (only their syntax is checked), as " +
						"`mseram_service_linked_role.allow_unknown_service` does. Default `false`.",
					Optional: true,
				},
				"account_id": scopeAttribute("The account the roles are created in (digits).", "Omit it for any account (`*`)."),
				"sid":        sidAttribute(),
			}},
		},
		"trusted_service": trustedServiceBlock(),
		"trusted_account": trustedAccountBlock(),
		"ack_worker_role": ackWorkerRoleBlock(),
		"statement":       statementBlock(),
	}
}

// ValidateConfig checks every known argument and renders the document when
// every input is known, so that `terraform validate` reports an empty scope
// argument, a bad segment or an over-size document, and not only plan.
// Lint findings are left to Read, which runs once per plan: reporting them
// here too would show each twice.
func (d *policyDocumentDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var m policyDocumentModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r, diags := m.request(ctx)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() || !m.known() {
		return
	}
	if _, err := mse.Render(r); err != nil {
		addRenderError(&resp.Diagnostics, err)
	}
}

func (d *policyDocumentDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m policyDocumentModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r, diags := m.request(ctx)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	res, err := mse.Render(r)
	if err != nil {
		addRenderError(&resp.Diagnostics, err)
		return
	}
	kept := framework.AddFindings(&resp.Diagnostics, d.lint, "mseram_policy_document", res.Findings, findingPath)
	if resp.Diagnostics.HasError() {
		return
	}
	sum := sha256.Sum256([]byte(res.MinifiedJSON))
	m.ID = types.StringValue(hex.EncodeToString(sum[:]))
	m.JSON = types.StringValue(res.JSON)
	m.MinifiedJSON = types.StringValue(res.MinifiedJSON)
	m.Kind = types.StringValue(strings.ToLower(res.Kind.String()))
	var d1, d2, d3 diag.Diagnostics
	m.Actions, d1 = types.ListValueFrom(ctx, types.StringType, res.Actions)
	m.Warnings, d2 = types.ListValueFrom(ctx, types.StringType, mse.Warnings(kept))
	m.Grants, d3 = grantsValue(ctx, res.Grants)
	resp.Diagnostics.Append(d1...)
	resp.Diagnostics.Append(d2...)
	resp.Diagnostics.Append(d3...)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
