// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/mse"
	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

var (
	_ datasource.DataSource                   = (*policyDocumentDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*policyDocumentDataSource)(nil)
)

// policyDocumentDataSource renders least-privilege MSE policies with
// internal/mse. Like mseram_access_check it has no Configure: rendering
// needs no client and no credentials.
type policyDocumentDataSource struct{}

// NewPolicyDocumentDataSource is the constructor the provider registers for
// the mseram_policy_document data source.
func NewPolicyDocumentDataSource() datasource.DataSource {
	return &policyDocumentDataSource{}
}

func (d *policyDocumentDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_policy_document"
}

// accessValidator restricts a block's access argument to the levels the
// block supports.
func accessValidator(levels ...mse.Access) []validator.String {
	names := make([]string, len(levels))
	for i, l := range levels {
		names[i] = string(l)
	}
	return []validator.String{stringvalidator.OneOf(names...)}
}

// hierarchyAttributes are the instance / namespace / group arguments that
// nacos_config and nacos_service share; last is the block's own item
// argument (data_id or service).
func hierarchyAttributes(last, lastDescription string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"instance_id": schema.StringAttribute{
			MarkdownDescription: "The MSE instance ID, e.g. `mse-cn-0pp1j8om80a` (letters, digits, `-`, `_`; `*` is RAM's wildcard).",
			Required:            true,
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"namespace_id": schema.StringAttribute{
			MarkdownDescription: "The Nacos namespace ID, e.g. `3fd98c48-a709-4061-bba1-e341d79d681b` (`public` is the default namespace). " +
				"Omit it to grant on every namespace of the instance.",
			Optional: true,
		},
		"group": schema.StringAttribute{
			MarkdownDescription: "The Nacos group, e.g. `DEFAULT_GROUP`. Needs `namespace_id`. Omit it to grant on every group of the namespace.",
			Optional:            true,
			Validators:          []validator.String{stringvalidator.AlsoRequires(path.MatchRelative().AtParent().AtName("namespace_id"))},
		},
		last: schema.StringAttribute{
			MarkdownDescription: lastDescription + " Needs `group`.",
			Optional:            true,
			Validators:          []validator.String{stringvalidator.AlsoRequires(path.MatchRelative().AtParent().AtName("group"))},
		},
	}
}

func (d *policyDocumentDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	withAccess := func(attrs map[string]schema.Attribute, description string, levels ...mse.Access) map[string]schema.Attribute {
		attrs["access"] = schema.StringAttribute{MarkdownDescription: description, Required: true, Validators: accessValidator(levels...)}
		return attrs
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders a least-privilege RAM policy document for Microservices Engine from typed inputs: " +
			"instances, Nacos configurations and services, gateways, and service-linked role creation. No ARN or action list is typed " +
			"by hand. The output is canonical JSON (sorted, de-duplicated, stable across runs), ready for `mseram_policy.policy_document`.\n\n" +
			"What each block grants is listed in the block's description; the renderer then drops actions another statement " +
			"already grants and merges statements with the same effect and resources, without changing any decision. " +
			"Raw `statement` blocks, `source_policy_documents` and `override_policy_documents` combine by `Sid` as in the AWS " +
			"provider's `aws_iam_policy_document`.\n\n" +
			"The data source makes no API call and needs no credentials. Check what the result allows with `mseram_access_check` " +
			"or the `policy_allows` function.",
		Attributes: map[string]schema.Attribute{
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
				Validators:  []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(identityDocument{})},
			},
			"override_policy_documents": schema.ListAttribute{
				MarkdownDescription: "Policy documents (JSON) applied last, in order: a statement whose `Sid` matches one already " +
					"present replaces it; the others are appended.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(identityDocument{})},
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
				MarkdownDescription: "Lint findings, sorted: wildcards wider than needed, unknown `mse:` actions, write actions inside an " +
					"otherwise read-only statement, wildcard gateway IDs, grants that cannot work without console navigation. " +
					"They do not fail the plan; use a `check` block to make them do so.",
				ElementType: types.StringType,
				Computed:    true,
			},
		},
		Blocks: map[string]schema.Block{
			"nacos_config": schema.ListNestedBlock{
				MarkdownDescription: "Access to Nacos configurations: one DataId, or without `data_id` every configuration of the group, " +
					"without `group` of the namespace, without `namespace_id` of the instance. " +
					"`read_only` grants `GetNacosConfig`, `GetNacosHistoryConfig`, `ListListenersByConfig`; `read_write` adds " +
					"`CreateNacosConfig`, `UpdateNacosConfig`; `full` adds deletes, gray releases and, on a namespace or wider, " +
					"bulk delete, export, import and clone.",
				NestedObject: schema.NestedBlockObject{Attributes: withAccess(
					hierarchyAttributes("data_id", "The configuration's DataId, e.g. `prod.yaml`."),
					"`read_only`, `read_write` or `full`.", mse.AccessReadOnly, mse.AccessReadWrite, mse.AccessFull)},
			},
			"nacos_service": schema.ListNestedBlock{
				MarkdownDescription: "Access to Nacos services and their instances, at the same levels as `nacos_config`. It grants " +
					"service and instance actions, never configuration actions. `read_only` grants `GetServiceListeners`; `read_write` " +
					"adds creating and updating services, instances and clusters; `full` adds deleting services and instances. " +
					"Listing services works only on a whole instance: keep `console = true` or add an `instance` block.",
				NestedObject: schema.NestedBlockObject{Attributes: withAccess(
					hierarchyAttributes("service", "The service name, e.g. `test-service`."),
					"`read_only`, `read_write` or `full`.", mse.AccessReadOnly, mse.AccessReadWrite, mse.AccessFull)},
			},
			"instance": schema.ListNestedBlock{
				MarkdownDescription: "Access to a whole instance and everything in it, or with `instance_id = \"*\"` to every MSE " +
					"resource. `read_only` grants `mse:List*`, `mse:Query*`, `mse:Get*`; `full` grants `mse:*`.",
				NestedObject: schema.NestedBlockObject{Attributes: withAccess(map[string]schema.Attribute{
					"instance_id": schema.StringAttribute{
						MarkdownDescription: "The MSE instance ID, e.g. `mse-cn-0pp1j8om80a`, or `*` for every instance.",
						Required:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
				}, "`read_only` or `full`.", mse.AccessReadOnly, mse.AccessFull)},
			},
			"gateway": schema.ListNestedBlock{
				MarkdownDescription: "Access to one cloud-native gateway, as the MSE gateway RAM guide's two policies give it. " +
					"`read_only` grants the read wildcards on the gateway and the global reads the console needs (never a write); " +
					"`read_write` grants `mse:*` on the gateway plus the global statement.",
				NestedObject: schema.NestedBlockObject{Attributes: withAccess(map[string]schema.Attribute{
					"gateway_id": schema.StringAttribute{
						MarkdownDescription: "The gateway ID, e.g. `gw-8090caa2a3ab447a8bc5fdf3a3ab447a`. A `*` in it is a wildcard and gets a warning.",
						Required:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"region": schema.StringAttribute{
						MarkdownDescription: "The gateway's region, e.g. `cn-hangzhou`. Omit it for any region (`*`).",
						Optional:            true,
					},
					"companions": schema.BoolAttribute{
						MarkdownDescription: "Add the Simple Log Service and ARMS statements the gateway console needs for logs and alerts " +
							"(default `true`).",
						Optional: true,
					},
				}, "`read_only` or `read_write`.", mse.AccessReadOnly, mse.AccessReadWrite)},
			},
			"service_linked_role_creation": schema.ListNestedBlock{
				MarkdownDescription: "Lets the principal create the service-linked roles of the named services, and no other: " +
					"`ram:CreateServiceLinkedRole` limited by the condition `ram:ServiceName`.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"service_names": schema.ListAttribute{
						MarkdownDescription: "Service names, e.g. `[\"mse.aliyuncs.com\"]`.",
						ElementType:         types.StringType,
						Required:            true,
						Validators:          []validator.List{listvalidator.SizeAtLeast(1), listvalidator.NoNullValues()},
					},
					"account_id": schema.StringAttribute{
						MarkdownDescription: "The account the roles are created in (digits). Omit it for `*`.",
						Optional:            true,
					},
				}},
			},
			"statement": schema.ListNestedBlock{
				MarkdownDescription: "A statement taken as written, for what the typed blocks do not cover (other services, `Deny`, conditions).",
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"sid": schema.StringAttribute{
							MarkdownDescription: "Statement ID; unique among the `statement` blocks. A `Sid` also decides what replaces what " +
								"when source and override documents are merged.",
							Optional: true,
						},
						"effect": schema.StringAttribute{
							MarkdownDescription: "`Allow` (default) or `Deny`.",
							Optional:            true,
							Validators:          []validator.String{stringvalidator.OneOf(policy.EffectAllow, policy.EffectDeny)},
						},
						"actions": schema.ListAttribute{
							MarkdownDescription: "Actions, as `<service>:<Action>` with `*` and `?` wildcards, e.g. `mse:GetNacosConfig`. Exactly one of `actions` and `not_actions`.",
							ElementType:         types.StringType,
							Optional:            true,
							Validators: []validator.List{
								listvalidator.SizeAtLeast(1),
								listvalidator.NoNullValues(),
								listvalidator.ExactlyOneOf(path.MatchRelative().AtParent().AtName("not_actions")),
							},
						},
						"not_actions": schema.ListAttribute{
							MarkdownDescription: "Every action except these.",
							ElementType:         types.StringType,
							Optional:            true,
							Validators:          []validator.List{listvalidator.SizeAtLeast(1), listvalidator.NoNullValues()},
						},
						"resources": schema.ListAttribute{
							MarkdownDescription: "Resource ARNs or `*` (RAM has no `NotResource`). Build MSE ARNs with the `mse_resource_arn` function.",
							ElementType:         types.StringType,
							Required:            true,
							Validators:          []validator.List{listvalidator.SizeAtLeast(1), listvalidator.NoNullValues()},
						},
					},
					Blocks: map[string]schema.Block{
						"condition": schema.ListNestedBlock{
							MarkdownDescription: "A condition; several are ANDed, the values of one are ORed.",
							NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
								"operator": schema.StringAttribute{
									MarkdownDescription: "The operator, e.g. `StringEquals`, `IpAddress`, `DateLessThan`, `Bool`.",
									Required:            true,
									Validators:          []validator.String{stringvalidator.OneOfCaseInsensitive(policy.Operators()...)},
								},
								"key": schema.StringAttribute{
									MarkdownDescription: "The condition key, e.g. `acs:SourceIp`, `acs:MFAPresent`, `ram:ServiceName`.",
									Required:            true,
								},
								"values": schema.ListAttribute{
									MarkdownDescription: "The values to compare with.",
									ElementType:         types.StringType,
									Required:            true,
									Validators:          []validator.List{listvalidator.SizeAtLeast(1), listvalidator.NoNullValues()},
								},
							}},
						},
					},
				},
			},
		},
	}
}

// ValidateConfig renders the document when every input is known, so that
// `terraform validate` reports a bad segment or an over-size document and
// not only plan.
func (d *policyDocumentDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var m policyDocumentModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || !m.known() {
		return
	}
	r, diags := m.request(ctx)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
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
	sum := sha256.Sum256([]byte(res.MinifiedJSON))
	m.ID = types.StringValue(hex.EncodeToString(sum[:]))
	m.JSON = types.StringValue(res.JSON)
	m.MinifiedJSON = types.StringValue(res.MinifiedJSON)
	var d1, d2 diag.Diagnostics
	m.Actions, d1 = types.ListValueFrom(ctx, types.StringType, res.Actions)
	m.Warnings, d2 = types.ListValueFrom(ctx, types.StringType, nonNil(res.Warnings))
	resp.Diagnostics.Append(d1...)
	resp.Diagnostics.Append(d2...)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
