// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// emulatedClient starts an emulator for t and returns a client on it (the
// acceptance harness imports this package, so it cannot be used here).
func emulatedClient(t *testing.T) *alicloud.Client {
	t.Helper()
	sim, err := ramsim.New(ramsim.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sim.Close() })
	u := sim.URL()
	c, err := alicloud.NewClient(context.Background(), alicloud.Config{
		AccessKey: "ramsim", SecretKey: "ramsim-secret",
		Endpoints: map[alicloud.Product]string{alicloud.ProductRAM: u, alicloud.ProductIMS: u},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A list read logs, at debug level, how many API calls it made, how many
// objects it listed and how many it kept; a filter that allows nothing
// saves the account listing.
func TestListUsersLogsCalls(t *testing.T) {
	c := emulatedClient(t)
	ctx := context.Background()
	for _, name := range []string{"alice", "bob", "carol"} {
		if _, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: name}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.CreateGroup(ctx, "empty", ""); err != nil {
		t.Fatal(err)
	}
	// unfiltered is a configuration with no filter set, as Terraform sends it.
	unfiltered := func() usersDataModel {
		return usersDataModel{
			attachedPolicyModel: attachedPolicyModel{PolicyName: types.StringNull(), PolicyType: types.StringNull()},
			NameRegex:           types.StringNull(), GroupName: types.StringNull(), Tags: types.MapNull(types.StringType),
		}
	}
	regex, emptyGroup := unfiltered(), unfiltered()
	regex.NameRegex = types.StringValue("^[ab]")
	emptyGroup.GroupName = types.StringValue("empty")
	for _, tc := range []struct {
		name  string
		model usersDataModel
		want  map[string]any
	}{
		{"no filter", unfiltered(), map[string]any{"calls": 1.0, "listed": 3.0, "found": 3.0}},
		{"regex", regex, map[string]any{"calls": 1.0, "listed": 3.0, "found": 2.0}},
		{"empty group", emptyGroup, map[string]any{"calls": 1.0, "listed": 0.0, "found": 0.0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			users, diags := listUsers(tflogtest.RootLogger(ctx, &out), c, &tc.model)
			if diags.HasError() {
				t.Fatal(diags)
			}
			entries, err := tflogtest.MultilineJSONDecode(&out)
			if err != nil {
				t.Fatal(err)
			}
			var got map[string]any
			for _, e := range entries {
				if e["@message"] == "listed RAM users" && e["@level"] == "debug" {
					got = e
				}
			}
			if got == nil {
				b, _ := json.Marshal(entries)
				t.Fatalf("no debug entry \"listed RAM users\" in %s", b)
			}
			for k, v := range tc.want {
				if got[k] != v {
					t.Errorf("%s = %v, want %v (found %d users)", k, got[k], v, len(users))
				}
			}
		})
	}
}
