// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package functions

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/mse"
)

var _ function.Function = (*mseResourceARNFunction)(nil)

type mseResourceARNFunction struct{}

// NewMSEResourceARNFunction is the constructor the provider registers for the
// mse_resource_arn function.
func NewMSEResourceARNFunction() function.Function {
	return &mseResourceARNFunction{}
}

func (f *mseResourceARNFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "mse_resource_arn"
}

// The positional parameters, in order; an argument's index is its position
// in errors. The scope map comes after them, at position scopePosition.
var mseARNParams = []string{"instance_id", "namespace_id", "group", "name"}

const scopePosition = 4

// scopeKeys are the keys the optional scope map takes.
var scopeKeys = []string{"account_id", "region"}

func (f *mseResourceARNFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "The RAM resource ARN of an MSE instance, gateway, namespace, group, configuration or service",
		MarkdownDescription: "Builds the ARN that MSE's RAM guides use in policy `Resource` elements and that RAM checks a call against: " +
			"`acs:mse:<region>:<account-id>:instance/<instance_id>[/<namespace_id>[/<group>[/<name>]]]`.\n\n" +
			"Pass `null` to leave out a trailing segment: `(\"mse-cn-0pp1j8om80a\", null, null, null)` names the whole instance " +
			"(which, in a policy, covers everything in it). An empty or blank string is an error, never a way to leave a " +
			"segment out, so that a variable that happens to be empty cannot widen a grant to a whole instance. A segment " +
			"given below one that is `null` is an error, as is a `/` in any segment.\n\n" +
			"Region and account are `*` unless a fifth argument, a map such as `{ region = \"cn-hangzhou\", account_id = " +
			"\"1234567890123456\" }`, names them. Terraform functions have no optional positional parameters; a trailing map " +
			"keeps four-argument calls working, names each value where it is written, and lets either key be given alone. " +
			"Other keys are an error (a misspelled key must not silently leave the region at `*`); a key whose value is `null` " +
			"is left at `*`. A real call is checked against an ARN with its concrete region and account, so a statement " +
			"limited to one region (such as a gateway's `acs:mse:cn-hangzhou:*:instance/gw-...`) matches only an ARN that " +
			"names that region: build the ARN you check with `policy_allows` or `mseram_access_check` with `region` set.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name: "instance_id",
				MarkdownDescription: "The MSE instance ID (the `InstanceId`, e.g. `mse-cn-0pp1j8om80a`, not the `ClusterId`) " +
					"or a cloud-native gateway ID (e.g. `gw-8090caa2a3ab447a8bc5fdf3a3ab447a`). Required: neither `null` nor empty.",
			},
			function.StringParameter{
				Name: "namespace_id",
				MarkdownDescription: "The Nacos namespace ID, e.g. `3fd98c48-a709-4061-bba1-e341d79d681b` (`public` for the default " +
					"namespace); `null` for the instance itself.",
				AllowNullValue: true,
			},
			function.StringParameter{
				Name:                "group",
				MarkdownDescription: "The Nacos group, e.g. `DEFAULT_GROUP`; `null` for the whole namespace.",
				AllowNullValue:      true,
			},
			function.StringParameter{
				Name:                "name",
				MarkdownDescription: "The configuration's DataId (e.g. `prod.yaml`) or the service name; `null` for the whole group.",
				AllowNullValue:      true,
			},
		},
		VariadicParameter: function.MapParameter{
			Name: "scope",
			MarkdownDescription: "At most one map with the keys `region` (e.g. `cn-hangzhou`) and `account_id` (the Alibaba Cloud " +
				"account ID, digits); a key left out, or `null`, stays `*`.",
			ElementType: types.StringType,
		},
		Return: function.StringReturn{},
	}
}

func (f *mseResourceARNFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var instanceID, namespaceID, group, name types.String
	var scopes []types.Map
	resp.Error = function.ConcatFuncErrors(req.Arguments.Get(ctx, &instanceID, &namespaceID, &group, &name, &scopes))
	if resp.Error != nil {
		return
	}
	ref := mse.ResourceRef{}
	for i, p := range []struct {
		v   types.String
		dst *string
	}{{instanceID, &ref.InstanceID}, {namespaceID, &ref.NamespaceID}, {group, &ref.Group}, {name, &ref.Name}} {
		if p.v.IsNull() {
			continue // only trailing parameters allow null; ARN checks that nothing below is set
		}
		if strings.TrimSpace(p.v.ValueString()) == "" {
			resp.Error = function.NewArgumentFuncError(int64(i), emptyArgument(mseARNParams[i], i == 0))
			return
		}
		*p.dst = p.v.ValueString()
	}
	if len(scopes) > 1 {
		resp.Error = function.NewArgumentFuncError(scopePosition, fmt.Sprintf(
			"%d scope maps given: pass at most one map, with the keys region and account_id.", len(scopes)))
		return
	}
	if len(scopes) == 1 {
		if msg := scopeInto(scopes[0], &ref); msg != "" {
			resp.Error = function.NewArgumentFuncError(scopePosition, msg)
			return
		}
	}
	arn, err := ref.ARN()
	if err != nil {
		pos, msg := argumentOf(err.Error())
		resp.Error = function.NewArgumentFuncError(pos, msg)
		return
	}
	resp.Error = function.ConcatFuncErrors(resp.Error, resp.Result.Set(ctx, arn))
}

// emptyArgument explains that an empty string does not leave a segment out.
func emptyArgument(param string, required bool) string {
	if required {
		return param + ": must not be empty: name the instance or gateway (an empty ID never means every instance)."
	}
	return param + ": is empty: pass null to leave it out (an empty string never means \"all\")."
}

// scopeInto copies region and account_id from the scope map into ref; it
// returns what is wrong with the map, or "".
func scopeInto(m types.Map, ref *mse.ResourceRef) string {
	if m.IsNull() {
		return "scope is null: leave the map out for region and account * (or give a map with region and account_id)."
	}
	elems := m.Elements()
	keys := make([]string, 0, len(elems))
	for k := range elems {
		keys = append(keys, k)
	}
	sort.Strings(keys) // report the same key first on every run
	var unknown []string
	for _, k := range keys {
		s, _ := elems[k].(types.String) // ElementType is StringType
		var dst *string
		switch k {
		case "region":
			dst = &ref.Region
		case "account_id":
			dst = &ref.Account
		default:
			unknown = append(unknown, fmt.Sprintf("%q", k))
			continue
		}
		if s.IsNull() {
			continue // null stays "*", as if the key were left out
		}
		if strings.TrimSpace(s.ValueString()) == "" {
			return "scope." + k + ": is empty: leave the key out, or set it to null, for * (an empty string never means \"any\")."
		}
		*dst = s.ValueString()
	}
	if len(unknown) > 0 {
		return fmt.Sprintf("scope: unknown key %s: the keys are %s.", strings.Join(unknown, ", "), strings.Join(scopeKeys, " and "))
	}
	return ""
}

// argumentOf maps an error of mse.ResourceRef.ARN, which starts with the
// name of the field at fault ("group: ..."), to the argument's position,
// and names a scope key as such ("scope.region: ...").
func argumentOf(msg string) (int64, string) {
	field, _, _ := strings.Cut(msg, ":")
	for i, p := range mseARNParams {
		if p == field {
			return int64(i), msg
		}
	}
	return scopePosition, "scope." + msg // region or account_id
}
