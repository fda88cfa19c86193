// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package functions

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"
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

// mseARNParams names the arguments in order; the index is the argument
// position reported in errors.
var mseARNParams = []string{"instance_id", "namespace_id", "group", "name"}

func (f *mseResourceARNFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "The RAM resource ARN of an MSE instance, namespace, group, configuration or service",
		MarkdownDescription: "Builds the ARN that MSE's RAM guide uses in policy `Resource` elements: " +
			"`acs:mse:*:*:instance/<instance_id>[/<namespace_id>[/<group>[/<name>]]]`. " +
			"Empty trailing arguments are left out, so `(\"mse-cn-0pp1j8om80a\", \"\", \"\", \"\")` names the whole instance " +
			"(which, in a policy, covers everything in it). An empty argument followed by a non-empty one is an error, " +
			"as is an argument containing `/`. The region and account are `*`, as in MSE's documentation.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "instance_id",
				MarkdownDescription: "The MSE instance ID (the `InstanceId`, e.g. `mse-cn-0pp1j8om80a`, not the `ClusterId`). Required: must not be empty.",
			},
			function.StringParameter{
				Name:                "namespace_id",
				MarkdownDescription: "The Nacos namespace ID, e.g. `3fd98c48-a709-4061-bba1-e341d79d681b`; empty for the instance itself.",
			},
			function.StringParameter{
				Name:                "group",
				MarkdownDescription: "The Nacos group, e.g. `DEFAULT_GROUP`; empty for the whole namespace.",
			},
			function.StringParameter{
				Name:                "name",
				MarkdownDescription: "The configuration's DataId (e.g. `prod.yaml`) or the service name; empty for the whole group.",
			},
		},
		Return: function.StringReturn{},
	}
}

func (f *mseResourceARNFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var instanceID, namespaceID, group, name string
	resp.Error = function.ConcatFuncErrors(req.Arguments.Get(ctx, &instanceID, &namespaceID, &group, &name))
	if resp.Error != nil {
		return
	}
	arn, argIndex, err := mseResourceARN(instanceID, namespaceID, group, name)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(int64(argIndex), err.Error())
		return
	}
	resp.Error = function.ConcatFuncErrors(resp.Error, resp.Result.Set(ctx, arn))
}

// mseResourceARN builds acs:mse:*:*:instance/<instance_id>[/<namespace_id>[/<group>[/<name>]]].
// Empty trailing segments are omitted; an empty segment followed by a
// non-empty one is an error; a segment that is given must be non-empty and
// must not contain '/'. The instance ID is always given. On error it
// returns the 0-based index of the offending argument.
//
// TODO: move this builder to internal/mse (ResourceRef.ARN) once that
// package lands, keeping these rules, and call it from here.
func mseResourceARN(segments ...string) (arn string, argIndex int, err error) {
	last := 0 // index of the last non-empty segment; the instance ID is always included
	for i, s := range segments {
		if s != "" {
			last = i
		}
	}
	for i := 0; i <= last; i++ {
		s := segments[i]
		switch {
		case s == "" && i == 0:
			return "", i, fmt.Errorf("%s must not be empty", mseARNParams[i])
		case s == "":
			return "", i, fmt.Errorf("%s is empty but %s is %q; leave out only trailing arguments",
				mseARNParams[i], mseARNParams[last], segments[last])
		case strings.Contains(s, "/"):
			return "", i, fmt.Errorf("%s %q must not contain '/'", mseARNParams[i], s)
		}
	}
	return "acs:mse:*:*:instance/" + strings.Join(segments[:last+1], "/"), 0, nil
}
