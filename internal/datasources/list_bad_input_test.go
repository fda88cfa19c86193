// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
)

// The list data sources' filters fail at plan time, naming the argument,
// when a value would otherwise be read as "no filter" (an empty string or
// map), cannot be compiled, or cannot be sent (a policy name without its
// type); the emulator receives no request.
func TestAccBadInput_listDataSources(t *testing.T) {
	t.Parallel()
	tags21 := make([]string, 21)
	for i := range tags21 {
		tags21[i] = fmt.Sprintf("k%d = \"v\"", i)
	}
	cases := []badDataInput{
		{"name_regex: empty, not compiling",
			dataBlock("mseram_users", "a", []string{"name_regex", `""`}, "") +
				dataBlock("mseram_groups", "b", []string{"name_regex", `"(unclosed"`}, "") +
				dataBlock("mseram_roles", "c", []string{"name_regex", `"[z-a]"`}, "") +
				dataBlock("mseram_policies", "d", []string{"name_regex", `"a{2,1001}"`}, ""),
			[]string{"Attribute name_regex string length must be at least 1, got: 0", `name_regex "(unclosed" does not compile`,
				`name_regex "[z-a]" does not compile`, "invalid repeat count"}},
		{"empty names of the principal filters",
			dataBlock("mseram_users", "a", []string{"group_name", `""`}, "") +
				dataBlock("mseram_groups", "b", []string{"user_name", `""`}, "") +
				dataBlock("mseram_policies", "c", []string{"role_name", `""`}, "") +
				dataBlock("mseram_group", "d", []string{"name", `""`}, ""),
			[]string{"Attribute group_name UTF-8 character count must be between 1 and 64, got: 0",
				"Attribute user_name UTF-8 character count must be between 1 and 64, got: 0",
				"Attribute role_name UTF-8 character count must be between 1 and 64, got: 0",
				"Attribute name UTF-8 character count must be between 1 and 64, got: 0"}},
		{"policy filter: name without type, type without name, wrong case, empty name",
			dataBlock("mseram_users", "a", []string{"policy_name", `"AliyunMSEFullAccess"`}, "") +
				dataBlock("mseram_roles", "b", []string{"policy_type", `"System"`}, "") +
				dataBlock("mseram_policies", "c", []string{"policy_type", `"system"`}, "") +
				dataBlock("mseram_groups", "d", []string{"policy_name", `""`, "policy_type", `"Custom"`}, ""),
			[]string{`Attribute "policy_type" must be specified when "policy_name" is specified`,
				`Attribute "policy_name" must be specified when "policy_type" is specified`,
				`Attribute policy_type value must be one of: ["System" "Custom"], got: "system"`,
				"Attribute policy_name UTF-8 character count must be between 1 and 128, got: 0"}},
		{"tags: empty map, empty key, 21 tags, over-long value",
			dataBlock("mseram_users", "a", []string{"tags", `{}`}, "") +
				dataBlock("mseram_roles", "b", []string{"tags", `{ "" = "v" }`}, "") +
				dataBlock("mseram_policies", "c", []string{"tags", "{\n" + strings.Join(tags21, "\n") + "\n}"}, "") +
				dataBlock("mseram_users", "d", []string{"tags", `{ k = "` + strings.Repeat("v", 129) + `" }`}, ""),
			[]string{"Attribute tags map must contain at least 1 elements and at most 20 elements, got: 0",
				"UTF-8 character count must be between 1 and 128, got: 0",
				"Attribute tags map must contain at least 1 elements and at most 20 elements, got: 21",
				"UTF-8 character count must be at most 128, got: 129"}},
	}
	env := acctest.New(t)
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      env.Config(c.config),
			PlanOnly:    true,
			ExpectError: acctest.ErrorContainsAll(c.want...),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), Steps: steps})
	if c := env.Server.Counters(); c.Total.Received != 0 {
		t.Fatalf("the emulator received %d requests (%v), want none", c.Total.Received, c.Actions)
	}
}
