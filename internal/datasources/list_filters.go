// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
)

// The list data sources (mseram_users, mseram_groups, mseram_roles,
// mseram_policies) read the whole account with RAM's paged List* actions
// and keep what every given filter allows. An unset filter does not
// filter; an empty one is refused at plan time, so that a value that
// arrives empty never silently means "everything". A filter that matches
// nothing gives empty lists, and the account listing is then skipped.

// listFilterNote ends each list data source's description.
const listFilterNote = "Filters combine with AND; an unset filter does not filter, and an empty string or map is refused at plan time. " +
	"No match gives empty lists, not an error. The number of API calls a read made is logged at debug level (`TF_LOG=DEBUG`)."

// nameRegexAttribute is the name_regex filter of a list data source;
// prefix is a name prefix to show in the example.
func nameRegexAttribute(what, prefix string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("Keep only %s whose name matches this regular expression (Go RE2 syntax, not anchored: "+
			"`^%s` keeps the names that start with `%s`; `(?i)` ignores case). Unset: any name.", what, prefix, prefix),
		Optional:   true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1), regexValidator{}},
	}
}

// tagsFilterAttribute is the tags filter: objects carrying every one of
// these tags, key and value equal. Keys are 1 to 128 characters and values
// up to valueMax, as on the objects; the rules for setting a tag (no
// "aliyun" or "acs:" prefix, no URL) are not applied, since they do not bind
// a search. IMS documents 1 to 20 filter tags for users; RAM's ListRoles and
// ListPolicies do not give a number, and 20, the limit of its TagResources,
// is assumed:
// https://www.alibabacloud.com/help/en/ram/developer-reference/api-ims-2019-08-15-listtagresources
// https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-listroles
// https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-tagresources
func tagsFilterAttribute(what string, valueMax int) schema.MapAttribute {
	return schema.MapAttribute{
		MarkdownDescription: fmt.Sprintf("Keep only %s carrying every one of these tags, with these values (an empty value matches "+
			"only an empty value). At most %d tags. Unset: any tags.", what, ramrules.MaxTagsPerResource),
		ElementType: types.StringType,
		Optional:    true,
		Validators: []validator.Map{
			mapvalidator.SizeBetween(1, ramrules.MaxTagsPerResource),
			mapvalidator.KeysAre(stringvalidator.UTF8LengthBetween(1, ramrules.TagKeyMaxLen)),
			mapvalidator.ValueStringsAre(stringvalidator.UTF8LengthAtMost(valueMax)),
		},
	}
}

// attachedPolicyAttributes are the policy_name and policy_type filters of
// the principal lists: principals the policy is attached to directly (not
// through a group). ListEntitiesForPolicy needs both, so each requires the
// other.
func attachedPolicyAttributes(what string) (name, typ schema.StringAttribute) {
	name = schema.StringAttribute{
		MarkdownDescription: fmt.Sprintf("Keep only %s this policy is attached to directly (one `ListEntitiesForPolicy` call). "+
			"Requires `policy_type`. Unset: attached policies do not matter.", what),
		Optional:   true,
		Validators: append(framework.PolicyName(), stringvalidator.AlsoRequires(path.MatchRoot("policy_type"))),
	}
	typ = schema.StringAttribute{
		MarkdownDescription: "The type of `policy_name`: `System` or `Custom`. Requires `policy_name`.",
		Optional:            true,
		Validators:          append(framework.PolicyType(), stringvalidator.AlsoRequires(path.MatchRoot("policy_name"))),
	}
	return name, typ
}

// includeDocumentsAttribute is the include_documents switch: read what the
// listing lacks with one more call per object found.
func includeDocumentsAttribute(what, action, attr string) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: fmt.Sprintf("Also read %s, with one `%s` call per object found. Unset or `false`: `%s` is null.", what, action, attr),
		Optional:            true,
	}
}

// documentValue is the document read for key with include_documents, and
// null without.
func documentValue(include types.Bool, docs map[string]string, key string) types.String {
	if !include.ValueBool() {
		return types.StringNull()
	}
	return types.StringValue(docs[key])
}

// listOutputs are the names, ids and id attributes every list data source
// computes; ids is left out where the objects have no ID (policies).
func listOutputs(what string, withIDs bool) map[string]schema.Attribute {
	out := map[string]schema.Attribute{
		"id": schema.StringAttribute{
			MarkdownDescription: "The filters, joined; the same for the same filters.",
			Computed:            true,
		},
		"names": schema.ListAttribute{
			MarkdownDescription: fmt.Sprintf("The names of the %s found, in the order of the list.", what),
			ElementType:         types.StringType,
			Computed:            true,
		},
	}
	if withIDs {
		out["ids"] = schema.ListAttribute{
			MarkdownDescription: fmt.Sprintf("The IDs of the %s found, in the order of the list.", what),
			ElementType:         types.StringType,
			Computed:            true,
		}
	}
	return out
}

// nameFilter keeps names that match the regular expression (if any) and
// belong to every set of allowed keys a membership or attachment filter
// gave.
type nameFilter struct {
	re   *regexp.Regexp
	sets []map[string]bool
}

// newNameFilter compiles name_regex (validated at plan time already).
func newNameFilter(nameRegex types.String) (*nameFilter, diag.Diagnostics) {
	f := &nameFilter{}
	var diags diag.Diagnostics
	if nameRegex.IsNull() {
		return f, diags
	}
	re, err := regexp.Compile(nameRegex.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("name_regex"), "Invalid regular expression", err.Error())
	}
	f.re = re
	return f, diags
}

// only adds a filter that allows just these keys.
func (f *nameFilter) only(keys []string) {
	set := make(map[string]bool, len(keys))
	for _, k := range keys {
		set[k] = true
	}
	f.sets = append(f.sets, set)
}

// none reports whether some filter allows nothing, so the listing can be
// skipped.
func (f *nameFilter) none() bool {
	return slices.ContainsFunc(f.sets, func(s map[string]bool) bool { return len(s) == 0 })
}

// keeps reports whether name matches and key is in every set.
func (f *nameFilter) keeps(name, key string) bool {
	if f.re != nil && !f.re.MatchString(name) {
		return false
	}
	for _, s := range f.sets {
		if !s[key] {
			return false
		}
	}
	return true
}

// tagsFilter reads the tags filter: nil when unset.
func tagsFilter(ctx context.Context, tags types.Map) (map[string]string, diag.Diagnostics) {
	if tags.IsNull() {
		return nil, nil
	}
	out := map[string]string{}
	diags := tags.ElementsAs(ctx, &out, false)
	return out, diags
}

// hasTags reports whether have carries every tag of want.
func hasTags(have, want map[string]string) bool {
	for k, v := range want {
		if got, ok := have[k]; !ok || got != v {
			return false
		}
	}
	return true
}

// tagsValue is a list answer's Tags object as a computed map.
func tagsValue(t *alicloud.PolicyTags, diags *diag.Diagnostics) types.Map {
	elems := map[string]attr.Value{}
	for k, v := range tagMap(t) {
		elems[k] = types.StringValue(v)
	}
	m, d := types.MapValue(types.StringType, elems)
	diags.Append(d...)
	return m
}

// tagMap is a list answer's Tags object as a map; empty for none.
func tagMap(t *alicloud.PolicyTags) map[string]string {
	if t == nil {
		return map[string]string{}
	}
	return t.Map()
}

// filterArg is one filter argument as the id attribute shows it.
type filterArg struct {
	name  string
	value attr.Value
}

func arg(name string, value attr.Value) filterArg { return filterArg{name, value} }

// filterID joins the set filters, in the order given, as name=value (a map
// as name.key=value per entry), for the id attribute; "all" when none is
// set.
func filterID(ctx context.Context, args ...filterArg) string {
	var parts []string
	for _, a := range args {
		if a.value.IsNull() {
			continue
		}
		switch v := a.value.(type) {
		case types.String:
			parts = append(parts, a.name+"="+v.ValueString())
		case types.Map:
			tags, _ := tagsFilter(ctx, v)
			for _, k := range slices.Sorted(maps.Keys(tags)) {
				parts = append(parts, a.name+"."+k+"="+tags[k])
			}
		default:
			parts = append(parts, a.name+"="+v.String())
		}
	}
	if len(parts) == 0 {
		return "all"
	}
	return strings.Join(parts, ",")
}

// stringList is a computed list of strings; empty, never null, when there
// are none.
func stringList(ctx context.Context, values []string) (types.List, diag.Diagnostics) {
	if values == nil {
		values = []string{}
	}
	return types.ListValueFrom(ctx, types.StringType, values)
}

// logListed says at debug level what a list data source's read cost.
func logListed(ctx context.Context, what string, calls *alicloud.CallCounter, listed, found int) {
	tflog.Debug(ctx, "listed RAM "+what, map[string]any{"calls": calls.Calls(), "listed": listed, "found": found})
}

// sortBy sorts items by key, keeping the API's order among equal keys.
func sortBy[T any](items []T, key func(T) string) {
	slices.SortStableFunc(items, func(a, b T) int { return strings.Compare(key(a), key(b)) })
}

// notFoundHint is hint when err says the object does not exist.
func notFoundHint(err error, hint string) string {
	if alicloud.IsNotFound(err) {
		return hint
	}
	return ""
}

// attachedPolicyDiag reports a failed ListEntitiesForPolicy of the
// policy_name/policy_type filter.
func attachedPolicyDiag(name, typ types.String, err error) diag.Diagnostic {
	return framework.APIErrorDiag("Unable to list who a RAM policy is attached to",
		fmt.Sprintf("%s policy %q (policy_name, policy_type)", typ.ValueString(), name.ValueString()), err,
		notFoundHint(err, `Check policy_name (case-sensitive) and policy_type: Alibaba Cloud's policies need policy_type = "System", the account's own "Custom".`))
}
