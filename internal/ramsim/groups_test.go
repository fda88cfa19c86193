// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestGroupLifecycle(t *testing.T) {
	env := newEnv(t, Config{})
	body := env.ok(vRAM, "CreateGroup", map[string]string{"GroupName": "dev_ops.1", "Comments": "the team"})
	g := field(body, "Group")
	id := str(g, "GroupId")
	if !regexp.MustCompile(`^[1-9][0-9]{15}$`).MatchString(id) || str(g, "Comments") != "the team" || str(g, "CreateDate") != "2025-03-04T05:06:07Z" {
		t.Fatalf("CreateGroup: %v", body)
	}
	env.fail(vRAM, "CreateGroup", map[string]string{"GroupName": "dev_ops.1"}, 409, "EntityAlreadyExists.Group")
	if got := env.ok(vRAM, "GetGroup", map[string]string{"GroupName": "dev_ops.1"}); str(got, "Group", "GroupId") != id {
		t.Fatalf("GetGroup: %v", got)
	}
	env.clock.add(time.Hour)
	body = env.ok(vRAM, "UpdateGroup", map[string]string{"GroupName": "dev_ops.1", "NewGroupName": "ops", "NewComments": ""})
	if str(body, "Group", "GroupName") != "ops" || str(body, "Group", "GroupId") != id || str(body, "Group", "Comments") != "" ||
		str(body, "Group", "UpdateDate") != "2025-03-04T06:06:07Z" {
		t.Fatalf("UpdateGroup: %v", body)
	}
	env.fail(vRAM, "GetGroup", map[string]string{"GroupName": "dev_ops.1"}, 404, "EntityNotExist.Group")
	env.ok(vRAM, "UpdateGroup", map[string]string{"GroupName": "ops", "NewComments": "c"})
	snap, ok := env.srv.Group("ops")
	if !ok || snap.GroupID != id || snap.Comments != "c" || len(env.srv.Groups()) != 1 {
		t.Fatalf("snapshot %+v", snap)
	}
	env.ok(vRAM, "CreateGroup", map[string]string{"GroupName": "other"})
	env.fail(vRAM, "UpdateGroup", map[string]string{"GroupName": "ops", "NewGroupName": "other"}, 409, "EntityAlreadyExists.Group")
	env.fail(vRAM, "UpdateGroup", map[string]string{"GroupName": "ops", "NewGroupName": "a b"}, 400, "InvalidParameter.NewGroupName.InvalidChars")
	env.fail(vRAM, "UpdateGroup", map[string]string{"GroupName": "ops", "NewComments": strings.Repeat("c", 129)}, 400, "InvalidParameter.NewComments.Length")
	env.fail(vRAM, "CreateGroup", map[string]string{"GroupName": strings.Repeat("g", 65)}, 400, "InvalidParameter.GroupName.Length")
	env.fail(vRAM, "CreateGroup", map[string]string{"GroupName": "g", "Comments": strings.Repeat("c", 129)}, 400, "InvalidParameter.Comments.Length")
	env.fail(vRAM, "CreateGroup", map[string]string{}, 400, "MissingGroupName")
	env.ok(vRAM, "DeleteGroup", map[string]string{"GroupName": "ops"})
	env.fail(vRAM, "DeleteGroup", map[string]string{"GroupName": "ops"}, 404, "EntityNotExist.Group")
}

func TestGroupMembership(t *testing.T) {
	env := newEnv(t, Config{Limits: Limits{GroupsPerUser: 2}})
	for _, u := range []string{"carol", "alice", "bob"} {
		env.ok(vRAM, "CreateUser", map[string]string{"UserName": u})
	}
	for _, g := range []string{"devs", "ops", "sec"} {
		env.ok(vRAM, "CreateGroup", map[string]string{"GroupName": g})
	}
	member := func(g, u string) map[string]string { return map[string]string{"GroupName": g, "UserName": u} }
	joined := formatDate(env.clock.now())
	for _, u := range []string{"carol", "alice", "bob"} {
		env.ok(vRAM, "AddUserToGroup", member("devs", u))
	}
	env.ok(vRAM, "AddUserToGroup", member("ops", "alice"))
	env.fail(vRAM, "AddUserToGroup", member("devs", "alice"), 409, "EntityAlreadyExists.User.Group")
	env.fail(vRAM, "AddUserToGroup", member("sec", "alice"), 409, "LimitExceeded.User.Group")
	env.fail(vRAM, "AddUserToGroup", member("nope", "alice"), 404, "EntityNotExist.Group")
	env.fail(vRAM, "AddUserToGroup", member("devs", "nobody"), 404, "EntityNotExist.User")

	body := env.ok(vRAM, "ListGroupsForUser", map[string]string{"UserName": "alice"})
	groups := asList(t, field(body, "Groups", "Group"))
	if names(groups, "GroupName") != "devs,ops" || str(groups[0], "JoinDate") != joined || str(groups[0], "GroupId") == "" {
		t.Fatalf("ListGroupsForUser: %v", body)
	}
	var pages []string
	marker := ""
	for {
		p := map[string]string{"GroupName": "devs", "MaxItems": "2"}
		if marker != "" {
			p["Marker"] = marker
		}
		body := env.ok(vRAM, "ListUsersForGroup", p)
		users := asList(t, field(body, "Users", "User"))
		if str(users[0], "JoinDate") != joined || str(users[0], "UserId") == "" {
			t.Fatalf("ListUsersForGroup: %v", body)
		}
		pages = append(pages, names(users, "UserName"))
		if body["IsTruncated"] != true {
			break
		}
		marker = str(body, "Marker")
	}
	if fmt.Sprint(pages) != "[alice,bob carol]" {
		t.Fatalf("pages %v", pages)
	}

	// Users in groups cannot be deleted; groups with users neither.
	env.fail(vRAM, "DeleteUser", map[string]string{"UserName": "alice"}, 409, "DeleteConflict.User.Group")
	env.fail(vRAM, "DeleteGroup", map[string]string{"GroupName": "ops"}, 409, "DeleteConflict.Group.User")
	// Renaming a user or a group keeps memberships.
	env.ok(vRAM, "UpdateUser", map[string]string{"UserName": "alice", "NewUserName": "alice2"})
	env.ok(vRAM, "UpdateGroup", map[string]string{"GroupName": "ops", "NewGroupName": "ops2"})
	if got := env.srv.GroupMembers("ops2"); fmt.Sprint(got) != "[alice2]" {
		t.Fatalf("members %v", got)
	}
	if got := env.srv.GroupMembers("devs"); fmt.Sprint(got) != "[alice2 bob carol]" {
		t.Fatalf("members %v", got)
	}
	env.ok(vRAM, "RemoveUserFromGroup", member("ops2", "alice2"))
	env.fail(vRAM, "RemoveUserFromGroup", member("ops2", "alice2"), 404, "EntityNotExist.User.Group")
	env.ok(vRAM, "AddUserToGroup", member("sec", "alice2"))
	env.ok(vRAM, "DeleteGroup", map[string]string{"GroupName": "ops2"})
	if env.srv.GroupMembers("ops2") != nil {
		t.Fatal("members of a deleted group")
	}

	// Group with a policy.
	env.ok(vRAM, "AttachPolicyToGroup", map[string]string{"GroupName": "sec", "PolicyType": "System", "PolicyName": "ReadOnlyAccess"})
	env.ok(vRAM, "RemoveUserFromGroup", member("sec", "alice2"))
	env.fail(vRAM, "DeleteGroup", map[string]string{"GroupName": "sec"}, 409, "DeleteConflict.Group.Policy")

	// A user with groups and policies reports the group first.
	env.ok(vRAM, "AttachPolicyToUser", map[string]string{"UserName": "alice2", "PolicyType": "System", "PolicyName": "ReadOnlyAccess"})
	env.fail(vRAM, "DeleteUser", map[string]string{"UserName": "alice2"}, 409, "DeleteConflict.User.Group")
	env.ok(vRAM, "RemoveUserFromGroup", member("devs", "alice2"))
	env.fail(vRAM, "DeleteUser", map[string]string{"UserName": "alice2"}, 409, "DeleteConflict.User.Policy")
	env.ok(vRAM, "DetachPolicyFromUser", map[string]string{"UserName": "alice2", "PolicyType": "System", "PolicyName": "ReadOnlyAccess"})
	env.ok(vRAM, "DeleteUser", map[string]string{"UserName": "alice2"})
}

func TestGroupLimitAndPaging(t *testing.T) {
	env := newEnv(t, Config{Limits: Limits{Groups: 3}})
	for _, g := range []string{"c", "a", "b"} {
		env.ok(vRAM, "CreateGroup", map[string]string{"GroupName": g})
	}
	env.fail(vRAM, "CreateGroup", map[string]string{"GroupName": "d"}, 409, "LimitExceeded.Group")
	body := env.ok(vRAM, "ListGroups", map[string]string{"MaxItems": "2"})
	if names(field(body, "Groups", "Group"), "GroupName") != "a,b" || body["IsTruncated"] != true {
		t.Fatalf("page 1: %v", body)
	}
	body = env.ok(vRAM, "ListGroups", map[string]string{"MaxItems": "2", "Marker": str(body, "Marker")})
	if names(field(body, "Groups", "Group"), "GroupName") != "c" || body["IsTruncated"] != false {
		t.Fatalf("page 2: %v", body)
	}
}
