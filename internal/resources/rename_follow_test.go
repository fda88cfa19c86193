// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
)

// renameFollowConfig: a user and a group, named user and group, with a
// policy attached to each and the user in the group.
func renameFollowConfig(user, group string) string {
	return fmt.Sprintf(`
resource "mseram_user" "u" {
  name = %[1]q
}

resource "mseram_group" "g" {
  name = %[2]q
}

resource "mseram_user_policy_attachment" "u" {
  user_name   = mseram_user.u.name
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}

resource "mseram_group_policy_attachment" "g" {
  group_name  = mseram_group.g.name
  policy_name = "AliyunMSEFullAccess"
  policy_type = "System"
}

resource "mseram_group_membership" "m" {
  group_name = mseram_group.g.name
  user_name  = mseram_user.u.name
}
`, user, group)
}

// Renaming a user and a group keeps their attachments and memberships in
// place (RAM keeps them across a rename): the plan updates them, no policy
// is detached, and the IDs follow the new names.
func TestAccRenameFollow_attachmentsAndMemberships(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	recorder := env.NewRecorder()
	inPlace := []plancheck.PlanCheck{
		plancheck.ExpectResourceAction("mseram_user.u", plancheck.ResourceActionUpdate),
		plancheck.ExpectResourceAction("mseram_group.g", plancheck.ResourceActionUpdate),
		plancheck.ExpectResourceAction("mseram_user_policy_attachment.u", plancheck.ResourceActionUpdate),
		plancheck.ExpectResourceAction("mseram_group_policy_attachment.g", plancheck.ResourceActionUpdate),
		plancheck.ExpectResourceAction("mseram_group_membership.m", plancheck.ResourceActionUpdate),
		plancheck.ExpectKnownValue("mseram_user_policy_attachment.u", tfjsonpath.New("id"),
			knownvalue.StringExact("user:AliyunMSEReadOnlyAccess:System:ops-new")),
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             resource.ComposeTestCheckFunc(env.CheckNoUsers, env.CheckNoGroups),
		Steps: []resource.TestStep{
			{Config: recorder.Config(renameFollowConfig("ops", "devs"))},
			{
				Config:           recorder.Config(renameFollowConfig("ops-new", "devs-new")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: inPlace},
				Check: resource.ComposeTestCheckFunc(
					env.AttachedExactly("user", "ops-new", "System:AliyunMSEReadOnlyAccess"),
					env.AttachedExactly("group", "devs-new", "System:AliyunMSEFullAccess"),
					env.GroupMembersExactly("devs-new", "ops-new"),
					env.UserAbsent("ops"),
					env.GroupAbsent("devs"),
					unlinkedOnlyAfterRename(recorder),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("mseram_user_policy_attachment.u", tfjsonpath.New("user_name"), knownvalue.StringExact("ops-new")),
					statecheck.ExpectKnownValue("mseram_group_policy_attachment.g", tfjsonpath.New("id"),
						knownvalue.StringExact("group:AliyunMSEFullAccess:System:devs-new")),
					statecheck.ExpectKnownValue("mseram_group_membership.m", tfjsonpath.New("id"), knownvalue.StringExact("devs-new:ops-new")),
				},
			},
			{
				// The state's new names read back without a diff.
				Config:           recorder.Config(renameFollowConfig("ops-new", "devs-new")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// unlinkedOnlyAfterRename checks that every detach and removal was sent
// for an old name after the rename took it away, so it could not have
// taken anything from the renamed user or group.
func unlinkedOnlyAfterRename(recorder *acctest.Recorder) func(*terraform.State) error {
	return func(*terraform.State) error {
		renamed := map[string]bool{}
		for _, c := range recorder.Calls() {
			switch c.Action {
			case "UpdateUser", "UpdateGroup":
				renamed[c.Action] = true
			case "DetachPolicyFromUser", "RemoveUserFromGroup":
				if !renamed["UpdateUser"] || c.UserName != "ops" {
					return fmt.Errorf("%s for user %q sent before the user's rename or for its new name", c.Action, c.UserName)
				}
			case "DetachPolicyFromGroup":
				if !renamed["UpdateGroup"] {
					return fmt.Errorf("%s sent before the group's rename", c.Action)
				}
			}
		}
		return nil
	}
}

// moveConfig attaches a policy to user `to` of two users, both kept.
func moveConfig(to, timeouts string) string {
	return fmt.Sprintf(`
resource "mseram_user" "a" {
  name = "mover-a"
}

resource "mseram_user" "b" {
  name = "mover-b"
}

resource "mseram_user_policy_attachment" "p" {
  user_name   = mseram_user.%[1]s.name
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
  %[2]s
}
`, to, timeouts)
}

// Moving an attachment between two existing users attaches to the new one
// first, then detaches from the old one, in place; a timeouts-only change
// sends nothing and detaches nothing.
func TestAccRenameFollow_moveBetweenUsers(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	recorder := env.NewRecorder()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{Config: recorder.Config(moveConfig("a", ""))},
			{
				Config: recorder.Config(moveConfig("b", "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("mseram_user_policy_attachment.p", plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.AttachedExactly("user", "mover-a"),
					env.AttachedExactly("user", "mover-b", "System:AliyunMSEReadOnlyAccess"),
					func(*terraform.State) error {
						calls := recorder.Calls("AttachPolicyToUser", "DetachPolicyFromUser")
						if len(calls) != 3 || calls[1].Action != "AttachPolicyToUser" || calls[2].Action != "DetachPolicyFromUser" {
							return fmt.Errorf("want attach (create), attach (move), then detach; got %v", calls)
						}
						return nil
					},
				),
			},
			{
				// Only timeouts change: an update that must send nothing.
				Config: recorder.Config(moveConfig("b", `timeouts = { update = "2m" }`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("mseram_user_policy_attachment.p", plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.AttachedExactly("user", "mover-b", "System:AliyunMSEReadOnlyAccess"),
					func(*terraform.State) error {
						if n := len(recorder.Calls("AttachPolicyToUser", "DetachPolicyFromUser")); n != 3 {
							return fmt.Errorf("a timeouts-only update sent %d attach or detach calls", n-3)
						}
						return nil
					},
				),
			},
		},
	})
}
