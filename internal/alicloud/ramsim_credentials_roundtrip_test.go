// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

func ptr[T any](v T) *T { return &v }

func TestRoundTripLoginProfiles(t *testing.T) {
	sim, c := emulated(t)
	ctx := context.Background()
	_, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: "alice"})
	must(t, "CreateUser", err)

	_, err = c.GetLoginProfile(ctx, "alice")
	wantErr(t, "GetLoginProfile before", err, alicloud.ClassNotFound, "EntityNotExist.User.LoginProfile")
	lp, err := c.CreateLoginProfile(ctx, "alice", "Initial-Passw0rd", true, false)
	must(t, "CreateLoginProfile", err)
	if lp.UserName != "alice" || !lp.PasswordResetRequired || lp.MFABindRequired || lp.CreateDate == "" {
		t.Errorf("CreateLoginProfile = %+v", lp)
	}
	_, err = c.CreateLoginProfile(ctx, "alice", "Initial-Passw0rd", false, false)
	wantErr(t, "CreateLoginProfile twice", err, alicloud.ClassAlreadyExists, "EntityAlreadyExists.User.LoginProfile")
	_, err = c.CreateLoginProfile(ctx, "nobody", "Initial-Passw0rd", false, false)
	wantErr(t, "CreateLoginProfile no user", err, alicloud.ClassNotFound, "EntityNotExist.User")

	// nil fields are not sent: only MFA changes.
	must(t, "UpdateLoginProfile mfa", c.UpdateLoginProfile(ctx, "alice", nil, nil, ptr(true)))
	got, err := c.GetLoginProfile(ctx, "alice")
	must(t, "GetLoginProfile", err)
	if !got.PasswordResetRequired || !got.MFABindRequired || got.CreateDate != lp.CreateDate {
		t.Errorf("after update: %+v", got)
	}
	if !sim.PasswordMatches("alice", "Initial-Passw0rd") {
		t.Error("password changed although not sent")
	}
	must(t, "UpdateLoginProfile password", c.UpdateLoginProfile(ctx, "alice", ptr("Second-Passw0rd"), ptr(false), nil))
	if snap, _ := sim.LoginProfile("alice"); snap.PasswordResetRequired || !snap.MFABindRequired || !sim.PasswordMatches("alice", "Second-Passw0rd") {
		t.Errorf("emulator after update: %+v", snap)
	}
	err = c.UpdateLoginProfile(ctx, "alice", ptr("weak"), nil, nil)
	wantErr(t, "UpdateLoginProfile weak", err, alicloud.ClassOther, "InvalidParameter.Password.TooWeak")
	if err != nil && strings.Contains(err.Error(), "weak\"") {
		t.Errorf("error shows the password: %v", err)
	}

	wantErr(t, "DeleteUser with profile", c.DeleteUser(ctx, "alice"), alicloud.ClassConflict, "DeleteConflict.User.LoginProfile")
	must(t, "DeleteLoginProfile", c.DeleteLoginProfile(ctx, "alice"))
	wantErr(t, "DeleteLoginProfile again", c.DeleteLoginProfile(ctx, "alice"), alicloud.ClassNotFound, "EntityNotExist.User.LoginProfile")
	wantErr(t, "UpdateLoginProfile gone", c.UpdateLoginProfile(ctx, "alice", nil, ptr(true), nil), alicloud.ClassNotFound, "EntityNotExist.User.LoginProfile")
	must(t, "DeleteUser", c.DeleteUser(ctx, "alice"))
}

// userClient is a client signing with a RAM user's key.
func userClient(t *testing.T, sim *ramsim.Server, key *alicloud.AccessKey) *alicloud.Client {
	t.Helper()
	u := sim.URL()
	c, err := alicloud.NewClient(context.Background(), alicloud.Config{
		AccessKey: key.AccessKeyID, SecretKey: key.AccessKeySecret, UserAgent: "terraform-provider-mseram/roundtrip-test",
		Endpoints: map[alicloud.Product]string{alicloud.ProductRAM: u, alicloud.ProductIMS: u,
			alicloud.ProductResourceManager: u, alicloud.ProductSTS: u},
		Retry: alicloud.RetryPolicy{MaxAttempts: 1, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRoundTripAccessKeys(t *testing.T) {
	sim, c := emulated(t)
	ctx := context.Background()
	u, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: "bob"})
	must(t, "CreateUser", err)

	k1, err := c.CreateAccessKey(ctx, "bob")
	must(t, "CreateAccessKey", err)
	if !strings.HasPrefix(k1.AccessKeyID, "LTAI") || k1.AccessKeySecret == "" || k1.Status != "Active" || k1.CreateDate == "" {
		t.Errorf("CreateAccessKey = %+v", k1)
	}
	k2, err := c.CreateAccessKey(ctx, "bob")
	must(t, "CreateAccessKey 2", err)
	_, err = c.CreateAccessKey(ctx, "bob")
	wantErr(t, "CreateAccessKey 3", err, alicloud.ClassOther, "LimitExceeded.User.AccessKey")
	_, err = c.CreateAccessKey(ctx, "nobody")
	wantErr(t, "CreateAccessKey no user", err, alicloud.ClassNotFound, "EntityNotExist.User")

	keys, err := c.ListAccessKeys(ctx, "bob")
	must(t, "ListAccessKeys", err)
	if len(keys) != 2 || keys[0].AccessKeyID != k1.AccessKeyID || keys[1].AccessKeyID != k2.AccessKeyID || keys[0].AccessKeySecret != "" {
		t.Errorf("ListAccessKeys = %+v", keys)
	}

	// The new key signs as bob.
	asBob := userClient(t, sim, k1)
	id, err := asBob.GetCallerIdentity(ctx)
	must(t, "GetCallerIdentity as bob", err)
	if id.IdentityType != "RAMUser" || id.ARN != "acs:ram::"+sim.AccountID()+":user/bob" || id.UserID != u.UserID || id.PrincipalID != u.UserID {
		t.Errorf("GetCallerIdentity = %+v", id)
	}

	must(t, "UpdateAccessKey", c.UpdateAccessKey(ctx, "bob", k1.AccessKeyID, "Inactive"))
	if ks := sim.AccessKeys("bob"); ks[0].Status != "Inactive" {
		t.Errorf("emulator keys %+v", ks)
	}
	_, err = asBob.GetCallerIdentity(ctx)
	wantErr(t, "inactive key", err, alicloud.ClassOther, "InvalidAccessKeyId.Inactive")
	wantErr(t, "UpdateAccessKey bad status", c.UpdateAccessKey(ctx, "bob", k1.AccessKeyID, "Off"), alicloud.ClassOther, "InvalidParameter.Status")
	wantErr(t, "UpdateAccessKey unknown key", c.UpdateAccessKey(ctx, "bob", "LTAInone", "Active"), alicloud.ClassNotFound, "EntityNotExist.User.AccessKey")

	wantErr(t, "DeleteUser with keys", c.DeleteUser(ctx, "bob"), alicloud.ClassConflict, "DeleteConflict.User.AccessKey")
	for _, k := range []*alicloud.AccessKey{k1, k2} {
		must(t, "DeleteAccessKey", c.DeleteAccessKey(ctx, "bob", k.AccessKeyID))
	}
	wantErr(t, "DeleteAccessKey again", c.DeleteAccessKey(ctx, "bob", k1.AccessKeyID), alicloud.ClassNotFound, "EntityNotExist.User.AccessKey")
	_, err = asBob.GetCallerIdentity(ctx)
	// A credential error, not a missing entity: class Other.
	wantErr(t, "deleted key", err, alicloud.ClassOther, "InvalidAccessKeyId.NotFound")
	keys, err = c.ListAccessKeys(ctx, "bob")
	if err != nil || len(keys) != 0 {
		t.Errorf("ListAccessKeys after delete = %+v, %v", keys, err)
	}
	must(t, "DeleteUser", c.DeleteUser(ctx, "bob"))
}

func TestRoundTripServiceLinkedRoles(t *testing.T) {
	sim, c := emulated(t)
	ctx := context.Background()

	r, err := c.CreateServiceLinkedRole(ctx, "mse.aliyuncs.com", "", "")
	must(t, "CreateServiceLinkedRole", err)
	acct := sim.AccountID()
	if r.RoleName != "AliyunServiceRoleForMSE" || !r.IsServiceLinkedRole || r.Arn != "acs:ram::"+acct+":role/aliyunserviceroleformse" ||
		r.RoleID == "" || r.CreateDate == "" || r.Description == "" || r.RolePrincipalName != "AliyunServiceRoleForMSE@role."+acct+".onaliyunservice.com" ||
		!strings.Contains(r.AssumeRolePolicyDocument, `"Service":["mse.aliyuncs.com"]`) {
		t.Errorf("CreateServiceLinkedRole = %+v", r)
	}
	_, err = c.CreateServiceLinkedRole(ctx, "mse.aliyuncs.com", "", "")
	wantErr(t, "twice", err, alicloud.ClassAlreadyExists, "EntityAlreadyExists.Role")
	_, err = c.CreateServiceLinkedRole(ctx, "nope.aliyuncs.com", "", "")
	wantErr(t, "unknown service", err, alicloud.ClassNotFound, "EntityNotExist.Service")
	_, err = c.CreateServiceLinkedRole(ctx, "mssp.aliyuncs.com", "x", "")
	wantErr(t, "suffix", err, alicloud.ClassOther, "InvalidParameter.CustomSuffix.NotAllowed")
	_, err = c.CreateServiceLinkedRole(ctx, "mssp.aliyuncs.com", "", "mine")
	wantErr(t, "description", err, alicloud.ClassOther, "InvalidParameter.Description.NotAllowed")

	got, err := c.GetServiceLinkedRole(ctx, "AliyunServiceRoleForMSE")
	must(t, "GetServiceLinkedRole", err)
	if *got != *r {
		t.Errorf("GetServiceLinkedRole = %+v, want %+v", got, r)
	}
	_, err = c.GetServiceLinkedRole(ctx, "nope")
	wantErr(t, "get missing", err, alicloud.ClassNotFound, "EntityNotExist.Role")
	// RAM's view of the same role, and its refusal to change it.
	ramRole, err := c.GetRole(ctx, "AliyunServiceRoleForMSE")
	must(t, "RAM GetRole", err)
	if ramRole.RoleID != r.RoleID {
		t.Errorf("RAM GetRole = %+v", ramRole)
	}
	wantErr(t, "RAM DeleteRole", c.DeleteRole(ctx, "AliyunServiceRoleForMSE"), alicloud.ClassOther, "NoPermission")

	_, err = c.CreateRole(ctx, alicloud.CreateRoleInput{RoleName: "plain", AssumeRolePolicyDocument: trust})
	must(t, "CreateRole", err)
	plain, err := c.GetServiceLinkedRole(ctx, "plain")
	must(t, "GetServiceLinkedRole plain", err)
	if plain.IsServiceLinkedRole {
		t.Errorf("plain role marked: %+v", plain)
	}
	_, err = c.DeleteServiceLinkedRole(ctx, "plain")
	wantErr(t, "delete plain", err, alicloud.ClassNotFound, "EntityNotExist.ServiceLinkedRole")

	task, err := c.DeleteServiceLinkedRole(ctx, "AliyunServiceRoleForMSE")
	must(t, "DeleteServiceLinkedRole", err)
	if !strings.HasPrefix(task, "task/acs-service-role/mse.aliyuncs.com/AliyunServiceRoleForMSE/") {
		t.Errorf("task %q", task)
	}
	var statuses []string
	for {
		st, err := c.GetServiceLinkedRoleDeletionStatus(ctx, task)
		must(t, "GetServiceLinkedRoleDeletionStatus", err)
		statuses = append(statuses, st.Status)
		if st.Done() || len(statuses) > 5 {
			break
		}
	}
	if !slices.Equal(statuses, []string{"NOT_STARTED", "IN_PROGRESS", "SUCCEEDED"}) {
		t.Errorf("statuses %v", statuses)
	}
	_, err = c.GetServiceLinkedRole(ctx, "AliyunServiceRoleForMSE")
	wantErr(t, "after deletion", err, alicloud.ClassNotFound, "EntityNotExist.Role")
	_, err = c.GetServiceLinkedRoleDeletionStatus(ctx, "task/acs-service-role/mse.aliyuncs.com/AliyunServiceRoleForMSE/nope")
	wantErr(t, "unknown task", err, alicloud.ClassNotFound, "EntityNotExist.ServiceLinkedRole.DeletionTask")

	// In use (MSS with an active subscription): FAILED with the resources.
	_, err = c.CreateServiceLinkedRole(ctx, "mssp.aliyuncs.com", "", "")
	must(t, "CreateServiceLinkedRole mssp", err)
	res := []string{"acs:mssp::" + acct + ":subscription/s-1"}
	sim.SetServiceInUse("mssp.aliyuncs.com", true, res)
	task, err = c.DeleteServiceLinkedRole(ctx, "AliyunServiceRoleForMssp")
	must(t, "DeleteServiceLinkedRole mssp", err)
	var st *alicloud.DeletionStatus
	for range 5 {
		st, err = c.GetServiceLinkedRoleDeletionStatus(ctx, task)
		must(t, "status", err)
		if st.Done() {
			break
		}
	}
	if st.Status != alicloud.DeletionFailed || !slices.Equal(st.Resources, res) || !strings.Contains(st.Reason, "in use by mssp.aliyuncs.com") {
		t.Errorf("in-use deletion = %+v", st)
	}
	if _, err := c.GetServiceLinkedRole(ctx, "AliyunServiceRoleForMssp"); err != nil {
		t.Errorf("role gone although in use: %v", err)
	}
}
