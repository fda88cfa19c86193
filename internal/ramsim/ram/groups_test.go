// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

func TestGroupLifecycle(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	body := env.OK(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": "dev_ops.1", "Comments": "the team"})
	g := ramsimtest.Field(body, "Group")
	id := ramsimtest.Str(g, "GroupId")
	if !regexp.MustCompile(`^[1-9][0-9]{15}$`).MatchString(id) || ramsimtest.Str(g, "Comments") != "the team" || ramsimtest.Str(g, "CreateDate") != "2025-03-04T05:06:07Z" {
		t.Fatalf("CreateGroup: %v", body)
	}
	env.Fail(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": "dev_ops.1"}, 409, "EntityAlreadyExists.Group")
	if got := env.OK(ramsimtest.VRAM, "GetGroup", map[string]string{"GroupName": "dev_ops.1"}); ramsimtest.Str(got, "Group", "GroupId") != id {
		t.Fatalf("GetGroup: %v", got)
	}
	env.Clock.Add(time.Hour)
	body = env.OK(ramsimtest.VRAM, "UpdateGroup", map[string]string{"GroupName": "dev_ops.1", "NewGroupName": "ops", "NewComments": ""})
	if ramsimtest.Str(body, "Group", "GroupName") != "ops" || ramsimtest.Str(body, "Group", "GroupId") != id || ramsimtest.Str(body, "Group", "Comments") != "" ||
		ramsimtest.Str(body, "Group", "UpdateDate") != "2025-03-04T06:06:07Z" {
		t.Fatalf("UpdateGroup: %v", body)
	}
	env.Fail(ramsimtest.VRAM, "GetGroup", map[string]string{"GroupName": "dev_ops.1"}, 404, "EntityNotExist.Group")
	env.OK(ramsimtest.VRAM, "UpdateGroup", map[string]string{"GroupName": "ops", "NewComments": "c"})
	snap, ok := env.Srv.Group("ops")
	if !ok || snap.GroupID != id || snap.Comments != "c" || len(env.Srv.Groups()) != 1 {
		t.Fatalf("snapshot %+v", snap)
	}
	env.OK(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": "other"})
	env.Fail(ramsimtest.VRAM, "UpdateGroup", map[string]string{"GroupName": "ops", "NewGroupName": "other"}, 409, "EntityAlreadyExists.Group")
	env.Fail(ramsimtest.VRAM, "UpdateGroup", map[string]string{"GroupName": "ops", "NewGroupName": "a b"}, 400, "InvalidParameter.NewGroupName.InvalidChars")
	env.Fail(ramsimtest.VRAM, "UpdateGroup", map[string]string{"GroupName": "ops", "NewComments": strings.Repeat("c", 129)}, 400, "InvalidParameter.NewComments.Length")
	env.Fail(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": strings.Repeat("g", 65)}, 400, "InvalidParameter.GroupName.Length")
	env.Fail(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": "g", "Comments": strings.Repeat("c", 129)}, 400, "InvalidParameter.Comments.Length")
	env.Fail(ramsimtest.VRAM, "CreateGroup", map[string]string{}, 400, "MissingGroupName")
	env.OK(ramsimtest.VRAM, "DeleteGroup", map[string]string{"GroupName": "ops"})
	env.Fail(ramsimtest.VRAM, "DeleteGroup", map[string]string{"GroupName": "ops"}, 404, "EntityNotExist.Group")
}

func TestGroupMembership(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Limits: ram.Limits{GroupsPerUser: 2}})
	for _, u := range []string{"carol", "alice", "bob"} {
		env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": u})
	}
	for _, g := range []string{"devs", "ops", "sec"} {
		env.OK(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": g})
	}
	member := func(g, u string) map[string]string { return map[string]string{"GroupName": g, "UserName": u} }
	joined := wire.FormatDate(env.Clock.Now())
	for _, u := range []string{"carol", "alice", "bob"} {
		env.OK(ramsimtest.VRAM, "AddUserToGroup", member("devs", u))
	}
	env.OK(ramsimtest.VRAM, "AddUserToGroup", member("ops", "alice"))
	env.Fail(ramsimtest.VRAM, "AddUserToGroup", member("devs", "alice"), 409, "EntityAlreadyExists.User.Group")
	env.Fail(ramsimtest.VRAM, "AddUserToGroup", member("sec", "alice"), 409, "LimitExceeded.User.Group")
	env.Fail(ramsimtest.VRAM, "AddUserToGroup", member("nope", "alice"), 404, "EntityNotExist.Group")
	env.Fail(ramsimtest.VRAM, "AddUserToGroup", member("devs", "nobody"), 404, "EntityNotExist.User")

	body := env.OK(ramsimtest.VRAM, "ListGroupsForUser", map[string]string{"UserName": "alice"})
	groups := ramsimtest.AsList(t, ramsimtest.Field(body, "Groups", "Group"))
	if names(groups, "GroupName") != "devs,ops" || ramsimtest.Str(groups[0], "JoinDate") != joined || ramsimtest.Str(groups[0], "GroupId") == "" {
		t.Fatalf("ListGroupsForUser: %v", body)
	}
	var pages []string
	marker := ""
	for {
		p := map[string]string{"GroupName": "devs", "MaxItems": "2"}
		if marker != "" {
			p["Marker"] = marker
		}
		body := env.OK(ramsimtest.VRAM, "ListUsersForGroup", p)
		users := ramsimtest.AsList(t, ramsimtest.Field(body, "Users", "User"))
		if ramsimtest.Str(users[0], "JoinDate") != joined || ramsimtest.Str(users[0], "UserId") == "" {
			t.Fatalf("ListUsersForGroup: %v", body)
		}
		pages = append(pages, names(users, "UserName"))
		if body["IsTruncated"] != true {
			break
		}
		marker = ramsimtest.Str(body, "Marker")
	}
	if fmt.Sprint(pages) != "[alice,bob carol]" {
		t.Fatalf("pages %v", pages)
	}

	// Users in groups cannot be deleted; groups with users neither.
	env.Fail(ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "alice"}, 409, "DeleteConflict.User.Group")
	env.Fail(ramsimtest.VRAM, "DeleteGroup", map[string]string{"GroupName": "ops"}, 409, "DeleteConflict.Group.User")
	// Renaming a user or a group keeps memberships.
	env.OK(ramsimtest.VRAM, "UpdateUser", map[string]string{"UserName": "alice", "NewUserName": "alice2"})
	env.OK(ramsimtest.VRAM, "UpdateGroup", map[string]string{"GroupName": "ops", "NewGroupName": "ops2"})
	if got := env.Srv.GroupMembers("ops2"); fmt.Sprint(got) != "[alice2]" {
		t.Fatalf("members %v", got)
	}
	if got := env.Srv.GroupMembers("devs"); fmt.Sprint(got) != "[alice2 bob carol]" {
		t.Fatalf("members %v", got)
	}
	env.OK(ramsimtest.VRAM, "RemoveUserFromGroup", member("ops2", "alice2"))
	env.Fail(ramsimtest.VRAM, "RemoveUserFromGroup", member("ops2", "alice2"), 404, "EntityNotExist.User.Group")
	env.OK(ramsimtest.VRAM, "AddUserToGroup", member("sec", "alice2"))
	env.OK(ramsimtest.VRAM, "DeleteGroup", map[string]string{"GroupName": "ops2"})
	if env.Srv.GroupMembers("ops2") != nil {
		t.Fatal("members of a deleted group")
	}

	// Group with a policy.
	env.OK(ramsimtest.VRAM, "AttachPolicyToGroup", map[string]string{"GroupName": "sec", "PolicyType": "System", "PolicyName": "ReadOnlyAccess"})
	env.OK(ramsimtest.VRAM, "RemoveUserFromGroup", member("sec", "alice2"))
	env.Fail(ramsimtest.VRAM, "DeleteGroup", map[string]string{"GroupName": "sec"}, 409, "DeleteConflict.Group.Policy")

	// A user with groups and policies reports the group first.
	env.OK(ramsimtest.VRAM, "AttachPolicyToUser", map[string]string{"UserName": "alice2", "PolicyType": "System", "PolicyName": "ReadOnlyAccess"})
	env.Fail(ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "alice2"}, 409, "DeleteConflict.User.Group")
	env.OK(ramsimtest.VRAM, "RemoveUserFromGroup", member("devs", "alice2"))
	env.Fail(ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "alice2"}, 409, "DeleteConflict.User.Policy")
	env.OK(ramsimtest.VRAM, "DetachPolicyFromUser", map[string]string{"UserName": "alice2", "PolicyType": "System", "PolicyName": "ReadOnlyAccess"})
	env.OK(ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "alice2"})
}

func TestGroupLimitAndPaging(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Limits: ram.Limits{Groups: 3}})
	for _, g := range []string{"c", "a", "b"} {
		env.OK(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": g})
	}
	env.Fail(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": "d"}, 409, "LimitExceeded.Group")
	body := env.OK(ramsimtest.VRAM, "ListGroups", map[string]string{"MaxItems": "2"})
	if names(ramsimtest.Field(body, "Groups", "Group"), "GroupName") != "a,b" || body["IsTruncated"] != true {
		t.Fatalf("page 1: %v", body)
	}
	body = env.OK(ramsimtest.VRAM, "ListGroups", map[string]string{"MaxItems": "2", "Marker": ramsimtest.Str(body, "Marker")})
	if names(ramsimtest.Field(body, "Groups", "Group"), "GroupName") != "c" || body["IsTruncated"] != false {
		t.Fatalf("page 2: %v", body)
	}
}
