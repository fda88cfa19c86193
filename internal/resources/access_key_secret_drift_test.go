// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
)

// secret_file in directories that do not exist yet: they are created
// (0700). Deleting the file by hand is drift: the plan replaces the key,
// and the new key's secret is written to the path.
func TestAccAccessKey_secretFileDirectoriesAndDrift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	dir := filepath.Join(t.TempDir(), "keys", "ops")
	file := filepath.Join(dir, "ak-drift.secret")
	config := env.Config(accessKeyConfig("ak-drift", fmt.Sprintf("  secret_file = %q\n", file)))
	var firstID string
	holdsSecret := func(s *terraform.State) error {
		secret, err := stateAttr(s, accessKeyAddr, "secret")
		if err != nil {
			return err
		}
		if b, err := os.ReadFile(file); err != nil || string(b) != secret {
			return fmt.Errorf("secret_file does not hold the key's secret (read error: %v)", err)
		}
		return nil
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeTestCheckFunc(holdsSecret, env.AccessKeyCount("ak-drift", 1),
					func(s *terraform.State) error {
						fi, err := os.Stat(dir)
						if err != nil {
							return err
						}
						if fi.Mode().Perm() != 0o700 {
							return fmt.Errorf("created directory %s has mode %v, want 0700", dir, fi.Mode().Perm())
						}
						firstID, err = stateAttr(s, accessKeyAddr, "id")
						return err
					}),
			},
			{
				PreConfig: func() {
					if err := os.Remove(file); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(accessKeyAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.ComposeTestCheckFunc(holdsSecret, env.AccessKeyCount("ak-drift", 1),
					func(s *terraform.State) error {
						id, err := stateAttr(s, accessKeyAddr, "id")
						if err == nil && id == firstID {
							return fmt.Errorf("the key %s was kept, though its secret file is gone", id)
						}
						if keys := env.Server.AccessKeys("ak-drift"); len(keys) != 1 || keys[0].AccessKeyID != id {
							return fmt.Errorf("the emulator has keys %v, want only %s", keys, id)
						}
						return err
					}),
			},
		},
	})
}
