// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"context"
	"log"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// TestMain adds the sweepers: `go test ./internal/resources/ -sweep=REGION`
// (make sweep) runs them instead of the tests, against the account of the
// ALIBABA_CLOUD_* credentials, and deletes what acceptance runs left
// (objects named in the harness's form, acctest.IsTestName).
func TestMain(m *testing.M) {
	resource.TestMain(m)
}

func init() {
	for name, s := range map[string]struct {
		deps []string
		f    func(context.Context, *alicloud.Client, acctest.Logf) error
	}{
		"mseram_user":  {f: acctest.SweepUsers},
		"mseram_group": {f: acctest.SweepGroups},
		"mseram_role":  {f: acctest.SweepRoles},
		// Principals first: fewer attachments are left to undo.
		"mseram_policy": {deps: []string{"mseram_user", "mseram_group", "mseram_role"}, f: acctest.SweepPolicies},
	} {
		resource.AddTestSweepers(name, &resource.Sweeper{Name: name, Dependencies: s.deps, F: sweeper(s.f)})
	}
}

// sweeper adapts a sweep to the test framework's, with a client for the
// region the -sweep flag names (RAM is global: the region only labels the
// requests).
func sweeper(f func(context.Context, *alicloud.Client, acctest.Logf) error) resource.SweeperFunc {
	return func(region string) error {
		c, err := acctest.CloudClient(region)
		if err != nil {
			return err
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
		defer cancel()
		return f(ctx, c, log.Printf)
	}
}
