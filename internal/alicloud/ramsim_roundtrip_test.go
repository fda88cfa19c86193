// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// These tests drive every typed RAM method against the emulator, which
// signs, validates and answers like the real service, so request layout,
// response decoding and error classes are checked end to end.

const (
	docV1 = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"ecs:Describe*","Resource":"*"}]}`
	trust = `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}`
)

func docN(n int) string {
	return fmt.Sprintf(`{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"acs:oss:*:*:b%d/*"}]}`, n)
}

// emulated starts ramsim on a free port and returns it with a client
// pointed at it for every product.
func emulated(t *testing.T) (*ramsim.Server, *alicloud.Client) {
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
		AccessKey: "ramsim", SecretKey: "ramsim-secret", UserAgent: "terraform-provider-mseram/roundtrip-test",
		Endpoints: map[alicloud.Product]string{alicloud.ProductRAM: u, alicloud.ProductIMS: u,
			alicloud.ProductResourceManager: u, alicloud.ProductSTS: u},
		Retry: alicloud.RetryPolicy{MaxAttempts: 2, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond},
	})
	if err != nil {
		t.Fatal(err)
	}
	return sim, c
}

// wantErr fails unless err has the class and the exact code.
func wantErr(t *testing.T, what string, err error, class alicloud.ErrorClass, code string) {
	t.Helper()
	if err == nil || alicloud.ClassOf(err) != class || alicloud.ErrorCode(err) != code {
		t.Errorf("%s: err = %v (class %v, code %q), want %v %s", what, err, alicloud.ClassOf(err), alicloud.ErrorCode(err), class, code)
	}
}

func must(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// repeat runs f(0..n-1) in order and fails on the first error. Setup is
// sequential on purpose: concurrent calls make the transport dial spare
// connections that never carry a request, and ramsim's Close (an
// http.Server.Shutdown) then waits 5s for them.
func repeat(t *testing.T, n int, f func(i int) error) {
	t.Helper()
	for i := range n {
		must(t, "setup", f(i))
	}
}

func versionIDs(vs []alicloud.PolicyVersion) (ids []string, def string) {
	for _, v := range vs {
		ids = append(ids, v.VersionID)
		if v.IsDefaultVersion {
			def = v.VersionID
		}
	}
	return ids, def
}

func TestRoundTripPolicies(t *testing.T) {
	sim, c := emulated(t)
	ctx := context.Background()

	p, err := c.CreatePolicy(ctx, alicloud.CreatePolicyInput{PolicyName: "pol", PolicyDocument: docV1,
		Description: "first", Tags: map[string]string{"team": "mse", "env": ""}})
	must(t, "CreatePolicy", err)
	if p.PolicyName != "pol" || p.PolicyType != "Custom" || p.Description != "first" || p.DefaultVersion != "v1" ||
		p.CreateDate == "" || p.AttachmentCount != 0 {
		t.Errorf("CreatePolicy = %+v", p)
	}
	if got, _ := sim.Policy("pol"); !reflect.DeepEqual(got.Tags, map[string]string{"team": "mse", "env": ""}) {
		t.Errorf("tags at create: %v", got.Tags)
	}
	_, err = c.CreatePolicy(ctx, alicloud.CreatePolicyInput{PolicyName: "pol", PolicyDocument: docV1})
	wantErr(t, "CreatePolicy twice", err, alicloud.ClassAlreadyExists, "EntityAlreadyExists.Policy")

	got, v, err := c.GetPolicy(ctx, "pol", "Custom")
	must(t, "GetPolicy", err)
	if got.PolicyName != "pol" || got.DefaultVersion != "v1" || got.Description != "first" {
		t.Errorf("GetPolicy = %+v", got)
	}
	if v == nil || v.VersionID != "v1" || v.PolicyDocument != docV1 || !v.IsDefaultVersion || v.CreateDate == "" {
		t.Errorf("GetPolicy default version = %+v", v)
	}
	sys, sv, err := c.GetPolicy(ctx, "AliyunMSEFullAccess", "System")
	must(t, "GetPolicy System", err)
	if sys.PolicyType != "System" || sv == nil || sv.PolicyDocument == "" {
		t.Errorf("system policy %+v %+v", sys, sv)
	}
	_, _, err = c.GetPolicy(ctx, "nope", "Custom")
	wantErr(t, "GetPolicy missing", err, alicloud.ClassNotFound, "EntityNotExist.Policy")

	// An empty description is sent and clears it.
	up, err := c.UpdatePolicyDescription(ctx, "pol", "")
	must(t, "UpdatePolicyDescription", err)
	if up.Description != "" {
		t.Errorf("description not cleared: %+v", up)
	}
	if got, _ := sim.Policy("pol"); got.Description != "" {
		t.Errorf("emulator description %q", got.Description)
	}
	_, err = c.UpdatePolicyDescription(ctx, "nope", "x")
	wantErr(t, "UpdatePolicyDescription missing", err, alicloud.ClassNotFound, "EntityNotExist.Policy")

	// 101 more custom policies make the listing page (MaxItems 100).
	repeat(t, 101, func(i int) error {
		_, err := c.CreatePolicy(ctx, alicloud.CreatePolicyInput{PolicyName: fmt.Sprintf("bulk-%03d", i), PolicyDocument: docV1})
		return err
	})
	custom, err := c.ListPolicies(ctx, "Custom")
	must(t, "ListPolicies Custom", err)
	var names []string
	for _, p := range custom {
		names = append(names, p.PolicyName)
		if p.PolicyType != "Custom" {
			t.Errorf("ListPolicies Custom returned %+v", p)
		}
	}
	if len(names) != 102 || names[0] != "bulk-000" || names[100] != "bulk-100" || names[101] != "pol" || !slices.IsSorted(names) {
		t.Errorf("ListPolicies Custom: %d %v", len(names), names)
	}
	all, err := c.ListPolicies(ctx, "")
	must(t, "ListPolicies all", err)
	systems := 0
	for _, p := range all {
		if p.PolicyType == "System" {
			systems++
		}
	}
	if systems == 0 || len(all) != 102+systems {
		t.Errorf("ListPolicies all: %d with %d system", len(all), systems)
	}
	_, err = c.ListPolicies(ctx, "Bogus")
	wantErr(t, "ListPolicies bad type", err, alicloud.ClassOther, "InvalidParameter.PolicyType")

	must(t, "DeletePolicy", c.DeletePolicy(ctx, "bulk-000", false))
	_, _, err = c.GetPolicy(ctx, "bulk-000", "Custom")
	wantErr(t, "GetPolicy deleted", err, alicloud.ClassNotFound, "EntityNotExist.Policy")
	wantErr(t, "DeletePolicy missing", c.DeletePolicy(ctx, "bulk-000", false), alicloud.ClassNotFound, "EntityNotExist.Policy")
}

func TestRoundTripPolicyVersions(t *testing.T) {
	_, c := emulated(t)
	ctx := context.Background()
	_, err := c.CreatePolicy(ctx, alicloud.CreatePolicyInput{PolicyName: "pol", PolicyDocument: docN(1)})
	must(t, "CreatePolicy", err)

	v2, err := c.CreatePolicyVersion(ctx, "pol", docN(2), false, "")
	must(t, "CreatePolicyVersion v2", err)
	if v2.VersionID != "v2" || v2.IsDefaultVersion || v2.PolicyDocument != docN(2) || v2.CreateDate == "" {
		t.Errorf("v2 = %+v", v2)
	}
	v3, err := c.CreatePolicyVersion(ctx, "pol", docN(3), true, "")
	must(t, "CreatePolicyVersion v3", err)
	if v3.VersionID != "v3" || !v3.IsDefaultVersion {
		t.Errorf("v3 = %+v", v3)
	}
	vs, err := c.ListPolicyVersions(ctx, "pol", "Custom")
	must(t, "ListPolicyVersions", err)
	if ids, def := versionIDs(vs); !reflect.DeepEqual(ids, []string{"v1", "v2", "v3"}) || def != "v3" || vs[1].PolicyDocument != docN(2) {
		t.Errorf("versions %v default %s", ids, def)
	}

	must(t, "SetDefaultPolicyVersion", c.SetDefaultPolicyVersion(ctx, "pol", "v2"))
	if p, dv, err := c.GetPolicy(ctx, "pol", "Custom"); err != nil || p.DefaultVersion != "v2" || dv.PolicyDocument != docN(2) {
		t.Errorf("after SetDefault: %+v %+v %v", p, dv, err)
	}
	wantErr(t, "SetDefault missing", c.SetDefaultPolicyVersion(ctx, "pol", "v9"), alicloud.ClassNotFound, "EntityNotExist.Policy.Version")
	wantErr(t, "delete default", c.DeletePolicyVersion(ctx, "pol", "v2"), alicloud.ClassConflict, "DeleteConflict.Policy.Version.Default")
	must(t, "DeletePolicyVersion v1", c.DeletePolicyVersion(ctx, "pol", "v1"))
	wantErr(t, "delete v1 again", c.DeletePolicyVersion(ctx, "pol", "v1"), alicloud.ClassNotFound, "EntityNotExist.Policy.Version")

	// v2 (default), v3, v4, v5, v6: the limit of five.
	for n := 4; n <= 6; n++ {
		_, err := c.CreatePolicyVersion(ctx, "pol", docN(n), false, "")
		must(t, "CreatePolicyVersion", err)
	}
	_, err = c.CreatePolicyVersion(ctx, "pol", docN(7), true, "")
	wantErr(t, "sixth version", err, alicloud.ClassOther, "LimitExceeded.Policy.Version")
	_, err = c.CreatePolicyVersion(ctx, "pol", docN(7), true, "Sometimes")
	wantErr(t, "bad rotate strategy", err, alicloud.ClassOther, "InvalidParameter.RotateStrategy")
	v7, err := c.CreatePolicyVersion(ctx, "pol", docN(7), true, "DeleteOldestNonDefaultVersionWhenLimitExceeded")
	must(t, "CreatePolicyVersion with rotation", err)
	if v7.VersionID != "v7" || !v7.IsDefaultVersion {
		t.Errorf("v7 = %+v", v7)
	}
	vs, err = c.ListPolicyVersions(ctx, "pol", "Custom")
	must(t, "ListPolicyVersions", err)
	// The oldest non-default version (v3) made room; v2 was default then.
	if ids, def := versionIDs(vs); !reflect.DeepEqual(ids, []string{"v2", "v4", "v5", "v6", "v7"}) || def != "v7" {
		t.Errorf("after rotation %v default %s", ids, def)
	}
	_, err = c.ListPolicyVersions(ctx, "nope", "Custom")
	wantErr(t, "ListPolicyVersions missing", err, alicloud.ClassNotFound, "EntityNotExist.Policy")
	_, err = c.CreatePolicyVersion(ctx, "nope", docN(1), false, "")
	wantErr(t, "CreatePolicyVersion missing", err, alicloud.ClassNotFound, "EntityNotExist.Policy")

	wantErr(t, "DeletePolicy with versions", c.DeletePolicy(ctx, "pol", false), alicloud.ClassConflict, "DeleteConflict.Policy.Version")
	must(t, "DeletePolicy cascading", c.DeletePolicy(ctx, "pol", true))
	_, _, err = c.GetPolicy(ctx, "pol", "Custom")
	wantErr(t, "GetPolicy after delete", err, alicloud.ClassNotFound, "EntityNotExist.Policy")
}

func TestRoundTripRoles(t *testing.T) {
	sim, c := emulated(t)
	ctx := context.Background()

	r, err := c.CreateRole(ctx, alicloud.CreateRoleInput{RoleName: "ops", AssumeRolePolicyDocument: trust,
		Description: "operators", MaxSessionDuration: 7200, Tags: map[string]string{"team": "mse"}})
	must(t, "CreateRole", err)
	if r.RoleID == "" || r.RoleName != "ops" || r.Arn != "acs:ram::"+sim.AccountID()+":role/ops" || r.Description != "operators" ||
		r.AssumeRolePolicyDocument != trust || r.MaxSessionDuration != 7200 || r.CreateDate == "" || r.UpdateDate == "" {
		t.Errorf("CreateRole = %+v", r)
	}
	if got, _ := sim.Role("ops"); !reflect.DeepEqual(got.Tags, map[string]string{"team": "mse"}) {
		t.Errorf("tags at create: %v", got.Tags)
	}
	minimal, err := c.CreateRole(ctx, alicloud.CreateRoleInput{RoleName: "min", AssumeRolePolicyDocument: trust})
	must(t, "CreateRole minimal", err)
	if minimal.MaxSessionDuration != 3600 || minimal.Description != "" {
		t.Errorf("defaults %+v", minimal)
	}
	_, err = c.CreateRole(ctx, alicloud.CreateRoleInput{RoleName: "ops", AssumeRolePolicyDocument: trust})
	wantErr(t, "CreateRole twice", err, alicloud.ClassAlreadyExists, "EntityAlreadyExists.Role")

	got, err := c.GetRole(ctx, "ops")
	must(t, "GetRole", err)
	if got.RoleID != r.RoleID || got.MaxSessionDuration != 7200 || got.Arn != r.Arn {
		t.Errorf("GetRole = %+v", got)
	}
	_, err = c.GetRole(ctx, "nope")
	wantErr(t, "GetRole missing", err, alicloud.ClassNotFound, "EntityNotExist.Role")

	empty, d := "", 3600
	up, err := c.UpdateRole(ctx, alicloud.UpdateRoleInput{RoleName: "ops", NewDescription: &empty, NewMaxSessionDuration: &d})
	must(t, "UpdateRole", err)
	if up.Description != "" || up.MaxSessionDuration != 3600 || up.AssumeRolePolicyDocument != trust {
		t.Errorf("UpdateRole = %+v", up)
	}
	trust2 := `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::` + sim.AccountID() + `:root"]}}],"Version":"1"}`
	up, err = c.UpdateRole(ctx, alicloud.UpdateRoleInput{RoleName: "ops", NewAssumeRolePolicyDocument: &trust2})
	must(t, "UpdateRole trust", err)
	if up.AssumeRolePolicyDocument != trust2 || up.MaxSessionDuration != 3600 {
		t.Errorf("UpdateRole trust = %+v", up)
	}
	if sr, _ := sim.Role("ops"); sr.AssumeRolePolicyDocument != trust2 || sr.Description != "" {
		t.Errorf("emulator role %+v", sr)
	}
	_, err = c.UpdateRole(ctx, alicloud.UpdateRoleInput{RoleName: "nope", NewDescription: &empty})
	wantErr(t, "UpdateRole missing", err, alicloud.ClassNotFound, "EntityNotExist.Role")

	// 101 more roles make the listing page.
	repeat(t, 101, func(i int) error {
		_, err := c.CreateRole(ctx, alicloud.CreateRoleInput{RoleName: fmt.Sprintf("bulk-%03d", i), AssumeRolePolicyDocument: trust})
		return err
	})
	roles, err := c.ListRoles(ctx)
	must(t, "ListRoles", err)
	var names []string
	for _, r := range roles {
		names = append(names, r.RoleName)
	}
	if len(names) != 103 || names[0] != "bulk-000" || names[101] != "min" || names[102] != "ops" || !slices.IsSorted(names) {
		t.Errorf("ListRoles: %d %v", len(names), names)
	}

	must(t, "DeleteRole", c.DeleteRole(ctx, "min"))
	wantErr(t, "DeleteRole again", c.DeleteRole(ctx, "min"), alicloud.ClassNotFound, "EntityNotExist.Role")
}

func TestRoundTripGroupsAndMemberships(t *testing.T) {
	sim, c := emulated(t)
	ctx := context.Background()

	g, err := c.CreateGroup(ctx, "devs", "developers")
	must(t, "CreateGroup", err)
	if g.GroupID == "" || g.GroupName != "devs" || g.Comments != "developers" || g.CreateDate == "" {
		t.Errorf("CreateGroup = %+v", g)
	}
	_, err = c.CreateGroup(ctx, "devs", "")
	wantErr(t, "CreateGroup twice", err, alicloud.ClassAlreadyExists, "EntityAlreadyExists.Group")
	if got, err := c.GetGroup(ctx, "devs"); err != nil || *got != *g {
		t.Errorf("GetGroup = %+v, %v; want %+v", got, err, g)
	}

	// Rename and clear the comments in one call; nil leaves a field alone.
	newName, empty := "engineers", ""
	up, err := c.UpdateGroup(ctx, "devs", &newName, &empty)
	must(t, "UpdateGroup", err)
	if up.GroupID != g.GroupID || up.GroupName != "engineers" || up.Comments != "" {
		t.Errorf("UpdateGroup = %+v", up)
	}
	comments := "again"
	up, err = c.UpdateGroup(ctx, "engineers", nil, &comments)
	must(t, "UpdateGroup comments", err)
	if up.GroupName != "engineers" || up.Comments != "again" {
		t.Errorf("UpdateGroup comments = %+v", up)
	}
	_, err = c.GetGroup(ctx, "devs")
	wantErr(t, "GetGroup old name", err, alicloud.ClassNotFound, "EntityNotExist.Group")
	_, err = c.CreateGroup(ctx, "other", "")
	must(t, "CreateGroup other", err)
	_, err = c.UpdateGroup(ctx, "other", &newName, nil)
	wantErr(t, "rename onto existing", err, alicloud.ClassAlreadyExists, "EntityAlreadyExists.Group")

	// 101 members make ListUsersForGroup page.
	repeat(t, 101, func(i int) error {
		name := fmt.Sprintf("user-%03d", i)
		if _, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: name, DisplayName: "U" + name}); err != nil {
			return err
		}
		return c.AddUserToGroup(ctx, "engineers", name)
	})
	members, err := c.ListUsersForGroup(ctx, "engineers")
	must(t, "ListUsersForGroup", err)
	var names []string
	for _, u := range members {
		names = append(names, u.UserName)
		if u.UserID == "" || u.DisplayName != "U"+u.UserName {
			t.Errorf("member %+v", u)
		}
	}
	if len(names) != 101 || names[0] != "user-000" || names[100] != "user-100" || !slices.IsSorted(names) {
		t.Errorf("ListUsersForGroup: %d %v", len(names), names)
	}
	if got := sim.GroupMembers("engineers"); len(got) != 101 {
		t.Errorf("emulator members %d", len(got))
	}

	wantErr(t, "AddUserToGroup twice", c.AddUserToGroup(ctx, "engineers", "user-000"), alicloud.ClassAlreadyExists, "EntityAlreadyExists.User.Group")
	wantErr(t, "AddUserToGroup unknown user", c.AddUserToGroup(ctx, "engineers", "ghost"), alicloud.ClassNotFound, "EntityNotExist.User")
	wantErr(t, "AddUserToGroup unknown group", c.AddUserToGroup(ctx, "ghosts", "user-000"), alicloud.ClassNotFound, "EntityNotExist.Group")
	must(t, "AddUserToGroup other", c.AddUserToGroup(ctx, "other", "user-000"))
	groups, err := c.ListGroupsForUser(ctx, "user-000")
	must(t, "ListGroupsForUser", err)
	if len(groups) != 2 || groups[0].GroupName != "engineers" || groups[0].GroupID != g.GroupID || groups[0].Comments != "again" ||
		groups[0].JoinDate == "" || groups[1].GroupName != "other" {
		t.Errorf("ListGroupsForUser = %+v", groups)
	}
	_, err = c.ListGroupsForUser(ctx, "ghost")
	wantErr(t, "ListGroupsForUser unknown", err, alicloud.ClassNotFound, "EntityNotExist.User")

	wantErr(t, "DeleteGroup with members", c.DeleteGroup(ctx, "other"), alicloud.ClassConflict, "DeleteConflict.Group.User")
	must(t, "RemoveUserFromGroup", c.RemoveUserFromGroup(ctx, "other", "user-000"))
	wantErr(t, "RemoveUserFromGroup again", c.RemoveUserFromGroup(ctx, "other", "user-000"), alicloud.ClassNotFound, "EntityNotExist.User.Group")
	if groups, err := c.ListGroupsForUser(ctx, "user-000"); err != nil || len(groups) != 1 {
		t.Errorf("after removal: %+v, %v", groups, err)
	}
	must(t, "DeleteGroup", c.DeleteGroup(ctx, "other"))
	wantErr(t, "DeleteGroup again", c.DeleteGroup(ctx, "other"), alicloud.ClassNotFound, "EntityNotExist.Group")
}

func TestRoundTripAttachments(t *testing.T) {
	sim, c := emulated(t)
	ctx := context.Background()
	_, err := c.CreatePolicy(ctx, alicloud.CreatePolicyInput{PolicyName: "pol", PolicyDocument: docV1, Description: "mine"})
	must(t, "CreatePolicy", err)
	_, err = c.CreateUser(ctx, alicloud.CreateUserInput{UserName: "alice"})
	must(t, "CreateUser", err)
	_, err = c.CreateGroup(ctx, "devs", "")
	must(t, "CreateGroup", err)
	_, err = c.CreateRole(ctx, alicloud.CreateRoleInput{RoleName: "ops", AssumeRolePolicyDocument: trust})
	must(t, "CreateRole", err)

	principals := []struct {
		kind alicloud.PrincipalKind
		name string
	}{{alicloud.PrincipalUser, "alice"}, {alicloud.PrincipalGroup, "devs"}, {alicloud.PrincipalRole, "ops"}}
	for _, p := range principals {
		must(t, "attach custom to "+string(p.kind), c.AttachPolicy(ctx, p.kind, p.name, "pol", "Custom"))
		must(t, "attach system to "+string(p.kind), c.AttachPolicy(ctx, p.kind, p.name, "AliyunMSEReadOnlyAccess", "System"))
		wantErr(t, "attach twice to "+string(p.kind), c.AttachPolicy(ctx, p.kind, p.name, "pol", "Custom"),
			alicloud.ClassAlreadyExists, "EntityAlreadyExists."+string(p.kind)+".Policy")
		wantErr(t, "attach missing policy to "+string(p.kind), c.AttachPolicy(ctx, p.kind, p.name, "nope", "Custom"),
			alicloud.ClassNotFound, "EntityNotExist.Policy")
		wantErr(t, "attach to missing "+string(p.kind), c.AttachPolicy(ctx, p.kind, "ghost", "pol", "Custom"),
			alicloud.ClassNotFound, "EntityNotExist."+string(p.kind))

		ps, err := c.ListPoliciesFor(ctx, p.kind, p.name)
		must(t, "ListPoliciesFor"+string(p.kind), err)
		if len(ps) != 2 || ps[0].PolicyName != "pol" || ps[0].PolicyType != "Custom" || ps[0].Description != "mine" ||
			ps[0].DefaultVersion != "v1" || ps[0].AttachDate == "" || ps[1].PolicyName != "AliyunMSEReadOnlyAccess" || ps[1].PolicyType != "System" {
			t.Errorf("ListPoliciesFor%s = %+v", p.kind, ps)
		}
		if got := sim.AttachedPolicies(string(p.kind), p.name); !reflect.DeepEqual(got, []string{"Custom:pol", "System:AliyunMSEReadOnlyAccess"}) {
			t.Errorf("emulator attachments of %s: %v", p.kind, got)
		}
	}
	_, err = c.ListPoliciesFor(ctx, alicloud.PrincipalRole, "ghost")
	wantErr(t, "ListPoliciesForRole missing", err, alicloud.ClassNotFound, "EntityNotExist.Role")

	e, err := c.ListEntitiesForPolicy(ctx, "pol", "Custom")
	must(t, "ListEntitiesForPolicy", err)
	if want := (&alicloud.PolicyEntities{Users: []string{"alice"}, Groups: []string{"devs"}, Roles: []string{"ops"}}); !reflect.DeepEqual(e, want) {
		t.Errorf("ListEntitiesForPolicy = %+v", e)
	}
	if p, _, err := c.GetPolicy(ctx, "pol", "Custom"); err != nil || p.AttachmentCount != 3 {
		t.Errorf("AttachmentCount: %+v, %v", p, err)
	}
	_, err = c.ListEntitiesForPolicy(ctx, "nope", "Custom")
	wantErr(t, "ListEntitiesForPolicy missing", err, alicloud.ClassNotFound, "EntityNotExist.Policy")

	wantErr(t, "DeletePolicy attached", c.DeletePolicy(ctx, "pol", true), alicloud.ClassConflict, "DeleteConflict.Policy.User")
	wantErr(t, "DeleteRole with policies", c.DeleteRole(ctx, "ops"), alicloud.ClassConflict, "DeleteConflict.Role.Policy")
	wantErr(t, "DeleteGroup with policies", c.DeleteGroup(ctx, "devs"), alicloud.ClassConflict, "DeleteConflict.Group.Policy")

	for _, p := range principals {
		must(t, "detach from "+string(p.kind), c.DetachPolicy(ctx, p.kind, p.name, "pol", "Custom"))
		wantErr(t, "detach twice from "+string(p.kind), c.DetachPolicy(ctx, p.kind, p.name, "pol", "Custom"),
			alicloud.ClassNotFound, "EntityNotExist."+string(p.kind)+".Policy")
		ps, err := c.ListPoliciesFor(ctx, p.kind, p.name)
		if err != nil || len(ps) != 1 || ps[0].PolicyName != "AliyunMSEReadOnlyAccess" {
			t.Errorf("after detach, ListPoliciesFor%s = %+v, %v", p.kind, ps, err)
		}
	}
	e, err = c.ListEntitiesForPolicy(ctx, "pol", "Custom")
	if err != nil || len(e.Users)+len(e.Groups)+len(e.Roles) != 0 {
		t.Errorf("ListEntitiesForPolicy after detach = %+v, %v", e, err)
	}
	if e, err := c.ListEntitiesForPolicy(ctx, "AliyunMSEReadOnlyAccess", "System"); err != nil || len(e.Users) != 1 || len(e.Groups) != 1 || len(e.Roles) != 1 {
		t.Errorf("ListEntitiesForPolicy System = %+v, %v", e, err)
	}
	must(t, "DeletePolicy detached", c.DeletePolicy(ctx, "pol", false))
}

func TestRoundTripRAMTags(t *testing.T) {
	sim, c := emulated(t)
	ctx := context.Background()
	_, err := c.CreateRole(ctx, alicloud.CreateRoleInput{RoleName: "ops", AssumeRolePolicyDocument: trust,
		Tags: map[string]string{"team": "mse", "env": "dev"}})
	must(t, "CreateRole", err)
	_, err = c.CreatePolicy(ctx, alicloud.CreatePolicyInput{PolicyName: "pol", PolicyDocument: docV1})
	must(t, "CreatePolicy", err)
	// Another tagged role: its tags must not leak into ops's.
	_, err = c.CreateRole(ctx, alicloud.CreateRoleInput{RoleName: "other", AssumeRolePolicyDocument: trust, Tags: map[string]string{"x": "y"}})
	must(t, "CreateRole other", err)

	tags, err := c.ListResourceTags(ctx, alicloud.RAMResourceRole, "ops")
	if err != nil || !reflect.DeepEqual(tags, map[string]string{"team": "mse", "env": "dev"}) {
		t.Fatalf("role tags at create: %v, %v", tags, err)
	}
	tags, err = c.ListResourceTags(ctx, alicloud.RAMResourcePolicy, "pol")
	if err != nil || len(tags) != 0 {
		t.Fatalf("untagged policy: %v, %v", tags, err)
	}

	must(t, "TagResource role", c.TagResource(ctx, alicloud.RAMResourceRole, "ops", map[string]string{"env": "prod", "owner": `a&b <c@d>`}))
	must(t, "UntagResource role", c.UntagResource(ctx, alicloud.RAMResourceRole, "ops", []string{"team", "absent"}))
	tags, err = c.ListResourceTags(ctx, alicloud.RAMResourceRole, "ops")
	if want := map[string]string{"env": "prod", "owner": `a&b <c@d>`}; err != nil || !reflect.DeepEqual(tags, want) {
		t.Errorf("role tags: %v, %v", tags, err)
	}
	if r, _ := sim.Role("ops"); !reflect.DeepEqual(r.Tags, tags) {
		t.Errorf("emulator role tags %v", r.Tags)
	}

	many := map[string]string{}
	for i := range 20 {
		many[fmt.Sprintf("k%02d", i)] = fmt.Sprint(i)
	}
	must(t, "TagResource policy", c.TagResource(ctx, alicloud.RAMResourcePolicy, "pol", many))
	tags, err = c.ListResourceTags(ctx, alicloud.RAMResourcePolicy, "pol")
	if err != nil || !reflect.DeepEqual(tags, many) {
		t.Errorf("policy tags: %v, %v", tags, err)
	}
	err = c.TagResource(ctx, alicloud.RAMResourcePolicy, "pol", map[string]string{"one-too-many": ""})
	wantErr(t, "21st tag", err, alicloud.ClassOther, "LimitExceeded.Tag")
	must(t, "UntagResource policy", c.UntagResource(ctx, alicloud.RAMResourcePolicy, "pol", []string{"k00", "k19"}))
	if p, _ := sim.Policy("pol"); len(p.Tags) != 18 || p.Tags["k00"] != "" || p.Tags["k01"] != "1" {
		t.Errorf("emulator policy tags %v", p.Tags)
	}

	// Empty changes make no call, so they succeed even for unknown names.
	must(t, "TagResource empty", c.TagResource(ctx, alicloud.RAMResourceRole, "ghost", nil))
	must(t, "UntagResource empty", c.UntagResource(ctx, alicloud.RAMResourceRole, "ghost", nil))

	_, err = c.ListResourceTags(ctx, alicloud.RAMResourceRole, "ghost")
	wantErr(t, "ListResourceTags unknown role", err, alicloud.ClassNotFound, "EntityNotExist.Role")
	err = c.TagResource(ctx, alicloud.RAMResourcePolicy, "ghost", map[string]string{"a": "b"})
	wantErr(t, "TagResource unknown policy", err, alicloud.ClassNotFound, "EntityNotExist.Policy")
	err = c.UntagResource(ctx, alicloud.RAMResourcePolicy, "AliyunMSEFullAccess", []string{"a"})
	wantErr(t, "UntagResource system policy", err, alicloud.ClassNotFound, "EntityNotExist.Policy")
}
