// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Migration from the alicloud provider with `moved` blocks (Terraform 1.8+):
//
//	moved {
//	  from = alicloud_ram_user.ops
//	  to   = mseram_user.ops
//	}
//
// Terraform hands the target resource the source's raw state (JSON as the
// alicloud provider wrote it). Each mover reads the attributes it knows from
// that JSON, so no copy of the alicloud schema is kept here and attributes
// the alicloud provider adds later are simply dropped. Computed values the
// alicloud state lacks stay null: the refresh that precedes every plan fills
// them from the API.

// alicloudNamespaces are the registry namespaces the alicloud provider is
// published under; the hostname is ignored, as the framework recommends.
var alicloudNamespaces = map[string]bool{"aliyun": true, "hashicorp": true}

// isAlicloudProvider reports whether addr (HOSTNAME/NAMESPACE/TYPE, or
// NAMESPACE/TYPE) is the alicloud provider.
func isAlicloudProvider(addr string) bool {
	parts := strings.Split(strings.ToLower(addr), "/")
	if len(parts) < 2 {
		return false
	}
	return parts[len(parts)-1] == "alicloud" && alicloudNamespaces[parts[len(parts)-2]]
}

// alicloudSource is a decoded alicloud state: attribute name to raw JSON
// value. Readers record problems in diags, naming the source attribute, and
// return a null-ish result so all problems are reported at once.
type alicloudSource struct {
	typeName string
	attrs    map[string]json.RawMessage
	diags    diag.Diagnostics
}

// moveFromAlicloud is a StateMover for one alicloud resource type. build
// maps the source to target attributes; it is only called when the request
// is for sourceType of the alicloud provider, so other requests fall
// through to the framework's "not supported" error.
func moveFromAlicloud(sourceType string, build func(*alicloudSource) map[string]any) resource.StateMover {
	return resource.StateMover{
		StateMover: func(ctx context.Context, req resource.MoveStateRequest, resp *resource.MoveStateResponse) {
			if req.SourceTypeName != sourceType || !isAlicloudProvider(req.SourceProviderAddress) {
				return
			}
			src := &alicloudSource{typeName: sourceType}
			if req.SourceRawState == nil || len(req.SourceRawState.JSON) == 0 {
				resp.Diagnostics.AddError("Unable to move "+sourceType+" state",
					"Terraform sent no state in JSON form for the "+sourceType+" resource. Run terraform apply with the alicloud "+
						"provider once, so that its state is written in the current format, then move it.")
				return
			}
			dec := json.NewDecoder(bytes.NewReader(req.SourceRawState.JSON))
			dec.UseNumber()
			if err := dec.Decode(&src.attrs); err != nil {
				resp.Diagnostics.AddError("Unable to move "+sourceType+" state",
					fmt.Sprintf("The %s state is not a JSON object: %s", sourceType, err))
				return
			}
			target := build(src)
			resp.Diagnostics.Append(src.diags...)
			if resp.Diagnostics.HasError() {
				return
			}
			names := make([]string, 0, len(target))
			for name := range target {
				names = append(names, name)
			}
			sort.Strings(names)
			for _, name := range names {
				if target[name] == nil {
					continue // stays null
				}
				resp.Diagnostics.Append(resp.TargetState.SetAttribute(ctx, path.Root(name), target[name])...)
			}
		},
	}
}

func (s *alicloudSource) fail(attr, detail string) {
	s.diags.AddError("Unable to move "+s.typeName+" state",
		fmt.Sprintf("Attribute %q of the %s state %s.", attr, s.typeName, detail))
}

// raw returns the first of names that is present and not null, and its name.
func (s *alicloudSource) raw(names ...string) (json.RawMessage, string) {
	for _, n := range names {
		if v, ok := s.attrs[n]; ok && !bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
			return v, n
		}
	}
	return nil, ""
}

// str is the first non-empty string among names (the alicloud provider
// writes "" for an unset optional string), or nil.
func (s *alicloudSource) str(names ...string) *string {
	for _, n := range names {
		v, _ := s.raw(n)
		if v == nil {
			continue
		}
		var out string
		if err := json.Unmarshal(v, &out); err != nil {
			s.fail(n, "is not a string: "+string(v))
			return nil
		}
		if out != "" {
			return &out
		}
	}
	return nil
}

// requiredStr is str, failing when none of names holds a value.
func (s *alicloudSource) requiredStr(names ...string) *string {
	before := s.diags.ErrorsCount()
	v := s.str(names...)
	if v == nil && s.diags.ErrorsCount() == before {
		s.fail(strings.Join(names, `" or "`), "is missing or empty; the target resource needs it")
	}
	return v
}

// boolean is the value of name; absent or null is false, the alicloud
// provider's zero value and the default of every target flag.
func (s *alicloudSource) boolean(name string) bool {
	v, _ := s.raw(name)
	if v == nil {
		return false
	}
	var out bool
	if err := json.Unmarshal(v, &out); err != nil {
		// SDKv2 states written by very old versions may hold "true"/"false".
		var str string
		if json.Unmarshal(v, &str) == nil && (str == "true" || str == "false") {
			return str == "true"
		}
		s.fail(name, "is not a boolean: "+string(v))
		return false
	}
	return out
}

// integer is the value of name, or nil when absent or null.
func (s *alicloudSource) integer(name string) *int64 {
	v, _ := s.raw(name)
	if v == nil {
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(v, &n); err != nil {
		var str string
		if json.Unmarshal(v, &str) != nil {
			s.fail(name, "is not a number: "+string(v))
			return nil
		}
		n = json.Number(str)
	}
	i, err := n.Int64()
	if err != nil {
		s.fail(name, "is not an integer: "+string(v))
		return nil
	}
	return &i
}

// stringMap is the map of strings in name, or nil when absent or empty.
func (s *alicloudSource) stringMap(name string) map[string]string {
	v, _ := s.raw(name)
	if v == nil {
		return nil
	}
	var out map[string]string
	if err := json.Unmarshal(v, &out); err != nil {
		s.fail(name, "is not a map of strings: "+string(v))
		return nil
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// document is a JSON policy document from the first non-empty of names;
// validation against RAM's rules happens at plan time, as for any
// configuration.
func (s *alicloudSource) document(names ...string) *string {
	doc := s.requiredStr(names...)
	if doc == nil {
		return nil
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(*doc), &obj); err != nil {
		_, name := s.raw(names...)
		s.fail(name, "is not a JSON policy document: "+err.Error())
		return nil
	}
	return doc
}

// forbidden records an error when name holds a value the target cannot
// represent, e.g. a deprecated inline form with no equivalent.
func (s *alicloudSource) forbidden(name, why string) {
	v, _ := s.raw(name)
	if v == nil {
		return
	}
	switch strings.TrimSpace(string(v)) {
	case `""`, "[]", "{}", "false", "0":
		return
	}
	s.fail(name, why)
}
