// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"encoding/json"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/provider"
)

// These tests send MoveResourceState exactly as Terraform 1.8+ does for a
// `moved { from = alicloud_ram_x.a  to = mseram_x.a }` block: the source
// state is the JSON the alicloud provider (plugin SDK) wrote, with its
// zero values ("" and false) for unset arguments, its computed attributes
// and `timeouts`. The alicloud provider cannot be installed offline, so the
// provider server is called directly instead of through the Terraform CLI.

const (
	aliyunAlicloud    = "registry.terraform.io/aliyun/alicloud"
	hashicorpAlicloud = "registry.terraform.io/hashicorp/alicloud"
	moveTestDocument  = `{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:GetNacosConfig","mse:ListNacosConfigs"],"Resource":"acs:mse:*:*:instance/mse-cn-abc123"}]}`
	moveTestTrust     = `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}`
)

type moveCase struct {
	target, sourceType, address string
	source                      map[string]any
	// want holds every attribute expected to be non-null; all others must
	// be null (to be filled by the next refresh).
	want map[string]any
}

// moveServer is the provider's protocol-6 server and its resource types.
func moveServer(t *testing.T) (tfprotov6.ProviderServer, map[string]tftypes.Type) {
	t.Helper()
	srv, err := providerserver.NewProtocol6WithError(provider.New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := srv.GetProviderSchema(t.Context(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]tftypes.Type{}
	for name, s := range schemas.ResourceSchemas {
		types[name] = s.ValueType()
	}
	return srv, types
}

func moveState(t *testing.T, c moveCase) (map[string]any, []*tfprotov6.Diagnostic) {
	t.Helper()
	srv, types := moveServer(t)
	raw, err := json.Marshal(c.source)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.MoveResourceState(t.Context(), &tfprotov6.MoveResourceStateRequest{
		SourceProviderAddress: c.address,
		SourceTypeName:        c.sourceType,
		SourceSchemaVersion:   0,
		SourceState:           &tfprotov6.RawState{JSON: raw},
		TargetTypeName:        c.target,
	})
	if err != nil {
		t.Fatal(err)
	}
	if resp.TargetState == nil {
		return nil, resp.Diagnostics
	}
	v, err := resp.TargetState.Unmarshal(types[c.target])
	if err != nil {
		t.Fatalf("target state does not conform to the %s schema: %v", c.target, err)
	}
	return toObject(t, v), resp.Diagnostics
}

// toGo turns a state value into nil, string, bool, int64 or maps.
func toGo(t *testing.T, v tftypes.Value) any {
	t.Helper()
	if v.IsNull() {
		return nil
	}
	if !v.IsKnown() {
		t.Fatalf("unknown value in a state: %s", v)
	}
	switch {
	case v.Type().Is(tftypes.String):
		var s string
		_ = v.As(&s)
		return s
	case v.Type().Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		return b
	case v.Type().Is(tftypes.Number):
		var f big.Float
		_ = v.As(&f)
		i, _ := f.Int64()
		return i
	default:
		var m map[string]tftypes.Value
		if err := v.As(&m); err != nil {
			t.Fatalf("unexpected value %s: %v", v, err)
		}
		out := map[string]any{}
		for k, e := range m {
			out[k] = toGo(t, e)
		}
		return out
	}
}

// toObject is toGo for a whole resource state.
func toObject(t *testing.T, v tftypes.Value) map[string]any {
	t.Helper()
	m, ok := toGo(t, v).(map[string]any)
	if !ok {
		t.Fatalf("state %s is not an object", v)
	}
	return m
}

func diagText(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Summary + ": " + d.Detail + "\n")
	}
	return b.String()
}

func runMove(t *testing.T, c moveCase) {
	t.Helper()
	got, diags := moveState(t, c)
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			t.Fatalf("unexpected error diagnostics:\n%s", diagText(diags))
		}
	}
	if got == nil {
		t.Fatal("no target state")
	}
	for name, v := range got {
		want, ok := c.want[name]
		if !ok {
			if v != nil {
				t.Errorf("%s = %#v, want null (left for the refresh)", name, v)
			}
			continue
		}
		if !reflect.DeepEqual(v, want) {
			t.Errorf("%s = %#v, want %#v", name, v, want)
		}
	}
	for name := range c.want {
		if _, ok := got[name]; !ok {
			t.Errorf("attribute %s is not in the %s schema", name, c.target)
		}
	}
}

func wantMoveError(t *testing.T, c moveCase, fragments ...string) {
	t.Helper()
	got, diags := moveState(t, c)
	if got != nil {
		t.Fatalf("got a target state %v, want an error", got)
	}
	text := diagText(diags)
	for _, f := range fragments {
		if !strings.Contains(text, f) {
			t.Errorf("diagnostics do not mention %q:\n%s", f, text)
		}
	}
}

func TestMoveState_user(t *testing.T) {
	runMove(t, moveCase{
		target: "mseram_user", sourceType: "alicloud_ram_user", address: aliyunAlicloud,
		source: map[string]any{
			"id": "204587323829174826", "name": "mse-ops", "display_name": "MSE O&M", "mobile": "86-18600008888",
			"email": "ops@example.com", "comments": "", "force": true, "timeouts": nil,
		},
		want: map[string]any{
			"id": "204587323829174826", "name": "mse-ops", "display_name": "MSE O&M", "mobile_phone": "86-18600008888",
			"email": "ops@example.com", "force_destroy": true,
		},
	})
}

// The alicloud provider is also published as hashicorp/alicloud, and
// mirrors use other hostnames: only NAMESPACE/TYPE matter.
func TestMoveState_userFromHashicorpNamespace(t *testing.T) {
	for _, addr := range []string{hashicorpAlicloud, "registry.opentofu.org/aliyun/alicloud"} {
		runMove(t, moveCase{
			target: "mseram_user", sourceType: "alicloud_ram_user", address: addr,
			source: map[string]any{"id": "204587323829174826", "name": "mse-dev", "display_name": "", "mobile": "", "email": "", "comments": "", "force": false},
			want:   map[string]any{"id": "204587323829174826", "name": "mse-dev", "force_destroy": false},
		})
	}
}

func TestMoveState_policy(t *testing.T) {
	runMove(t, moveCase{
		target: "mseram_policy", sourceType: "alicloud_ram_policy", address: aliyunAlicloud,
		source: map[string]any{
			"id": "mse-config-read", "policy_name": "mse-config-read", "name": "mse-config-read",
			"policy_document": moveTestDocument, "document": moveTestDocument, "description": "Read Nacos configs",
			"rotate_strategy": "DeleteOldestNonDefaultVersionWhenLimitExceeded", "force": true, "tags": map[string]string{"team": "mse"},
			"type": "Custom", "attachment_count": 2, "version_id": "v3", "default_version": "v3", "create_time": "2024-05-01T08:00:00Z",
			"statement": []any{}, "version": "1", "timeouts": nil,
		},
		want: map[string]any{
			"id": "mse-config-read", "name": "mse-config-read", "policy_document": moveTestDocument,
			"description": "Read Nacos configs", "force_destroy": true, "tags": map[string]any{"team": "mse"},
			"attachment_count": int64(2), "default_version": "v3",
		},
	})
}

// States written before alicloud 1.114.0 have only the deprecated name and
// document.
func TestMoveState_policyDeprecatedNames(t *testing.T) {
	runMove(t, moveCase{
		target: "mseram_policy", sourceType: "alicloud_ram_policy", address: aliyunAlicloud,
		source: map[string]any{"id": "legacy", "name": "legacy", "document": moveTestDocument, "description": "", "force": false},
		want:   map[string]any{"id": "legacy", "name": "legacy", "policy_document": moveTestDocument, "force_destroy": false},
	})
}

func TestMoveState_userPolicyAttachment(t *testing.T) {
	runMove(t, moveCase{
		target: "mseram_user_policy_attachment", sourceType: "alicloud_ram_user_policy_attachment", address: aliyunAlicloud,
		source: map[string]any{
			"id": "user:AliyunMSEReadOnlyAccess:System:mse-ops", "policy_name": "AliyunMSEReadOnlyAccess",
			"policy_type": "System", "user_name": "mse-ops", "timeouts": nil,
		},
		want: map[string]any{
			"id": "user:AliyunMSEReadOnlyAccess:System:mse-ops", "policy_name": "AliyunMSEReadOnlyAccess",
			"policy_type": "System", "user_name": "mse-ops",
		},
	})
}

func TestMoveState_rolePolicyAttachment(t *testing.T) {
	runMove(t, moveCase{
		target: "mseram_role_policy_attachment", sourceType: "alicloud_ram_role_policy_attachment", address: aliyunAlicloud,
		source: map[string]any{
			"id": "role:mse-config-read:Custom:KubernetesWorkerRole-abc123", "policy_name": "mse-config-read",
			"policy_type": "Custom", "role_name": "KubernetesWorkerRole-abc123",
		},
		want: map[string]any{
			"id": "role:mse-config-read:Custom:KubernetesWorkerRole-abc123", "policy_name": "mse-config-read",
			"policy_type": "Custom", "role_name": "KubernetesWorkerRole-abc123",
		},
	})
}

// Arguments missing from the source state are taken from its id.
func TestMoveState_groupPolicyAttachment(t *testing.T) {
	runMove(t, moveCase{
		target: "mseram_group_policy_attachment", sourceType: "alicloud_ram_group_policy_attachment", address: aliyunAlicloud,
		source: map[string]any{"id": "group:AliyunMSEFullAccess:System:mse-admins", "policy_name": "", "policy_type": "system"},
		want: map[string]any{
			"id": "group:AliyunMSEFullAccess:System:mse-admins", "policy_name": "AliyunMSEFullAccess",
			"policy_type": "System", "group_name": "mse-admins",
		},
	})
}

func TestMoveState_loginProfile(t *testing.T) {
	runMove(t, moveCase{
		target: "mseram_login_profile", sourceType: "alicloud_ram_login_profile", address: aliyunAlicloud,
		source: map[string]any{
			"id": "mse-ops", "user_name": "mse-ops", "password": "Initial-Passw0rd", "password_reset_required": true,
			"mfa_bind_required": false, "create_time": "2024-05-01T08:00:00Z", "timeouts": nil,
		},
		want: map[string]any{
			"id": "mse-ops", "user_name": "mse-ops", "password": "Initial-Passw0rd",
			"password_reset_required": true, "mfa_bind_required": false,
		},
	})
}

func TestMoveState_role(t *testing.T) {
	runMove(t, moveCase{
		target: "mseram_role", sourceType: "alicloud_ram_role", address: aliyunAlicloud,
		source: map[string]any{
			"id": "mse-gateway-ops", "role_name": "mse-gateway-ops", "name": "mse-gateway-ops",
			"assume_role_policy_document": moveTestTrust, "document": moveTestTrust, "description": "Gateway operators",
			"max_session_duration": 7200, "force": true, "tags": map[string]string{}, "role_id": "321867421234567890",
			"arn": "acs:ram::1234567890123456:role/mse-gateway-ops", "create_time": "2024-05-01T08:00:00Z",
			"ram_users": nil, "services": nil, "version": "1", "timeouts": nil,
		},
		want: map[string]any{
			"id": "mse-gateway-ops", "name": "mse-gateway-ops", "assume_role_policy_document": moveTestTrust,
			"description": "Gateway operators", "max_session_duration": int64(7200), "force_destroy": true,
			"role_id": "321867421234567890", "arn": "acs:ram::1234567890123456:role/mse-gateway-ops",
		},
	})
}

// An old state without max_session_duration gets RAM's default, the value
// mseram_role plans when the argument is omitted.
func TestMoveState_roleDeprecatedNames(t *testing.T) {
	runMove(t, moveCase{
		target: "mseram_role", sourceType: "alicloud_ram_role", address: aliyunAlicloud,
		source: map[string]any{"id": "legacy", "name": "legacy", "document": moveTestTrust, "description": "", "force": false},
		want: map[string]any{
			"id": "legacy", "name": "legacy", "assume_role_policy_document": moveTestTrust,
			"max_session_duration": int64(3600), "force_destroy": false,
		},
	})
}

func TestMoveState_group(t *testing.T) {
	runMove(t, moveCase{
		target: "mseram_group", sourceType: "alicloud_ram_group", address: aliyunAlicloud,
		source: map[string]any{"id": "mse-developers", "group_name": "mse-developers", "name": "mse-developers", "comments": "MSE developers", "force": true},
		want:   map[string]any{"name": "mse-developers", "comments": "MSE developers", "force_destroy": true},
	})
}

func TestMoveState_serviceLinkedRole(t *testing.T) {
	runMove(t, moveCase{
		target: "mseram_service_linked_role", sourceType: "alicloud_resource_manager_service_linked_role", address: aliyunAlicloud,
		source: map[string]any{
			"id": "mse.aliyuncs.com:AliyunServiceRoleForMSE", "service_name": "mse.aliyuncs.com", "custom_suffix": "",
			"description": "", "role_name": "AliyunServiceRoleForMSE", "role_id": "301234567890123456",
			"arn": "acs:ram::1234567890123456:role/aliyunserviceroleformse",
		},
		want: map[string]any{
			"id": "AliyunServiceRoleForMSE", "service_name": "mse.aliyuncs.com", "allow_unknown_service": false,
			"role_name": "AliyunServiceRoleForMSE", "role_id": "301234567890123456",
			"arn": "acs:ram::1234567890123456:role/aliyunserviceroleformse",
		},
	})
}

// A service outside the provider's catalog is moved like import adopts it:
// with allow_unknown_service, and the role name from the id.
func TestMoveState_serviceLinkedRoleUnknownService(t *testing.T) {
	runMove(t, moveCase{
		target: "mseram_service_linked_role", sourceType: "alicloud_resource_manager_service_linked_role", address: aliyunAlicloud,
		source: map[string]any{"id": "example.aliyuncs.com:AliyunServiceRoleForExample_prod", "service_name": "example.aliyuncs.com", "custom_suffix": "prod"},
		want: map[string]any{
			"id": "AliyunServiceRoleForExample_prod", "service_name": "example.aliyuncs.com", "allow_unknown_service": true,
			"custom_suffix": "prod", "role_name": "AliyunServiceRoleForExample_prod",
		},
	})
}

func TestMoveState_wrongSource(t *testing.T) {
	for name, c := range map[string]moveCase{
		"other alicloud type": {
			target: "mseram_user", sourceType: "alicloud_ram_access_key", address: aliyunAlicloud,
			source: map[string]any{"id": "LTAI0000", "user_name": "mse-ops"},
		},
		"mismatched type": {
			target: "mseram_policy", sourceType: "alicloud_ram_role", address: aliyunAlicloud,
			source: map[string]any{"id": "r", "role_name": "r", "assume_role_policy_document": moveTestTrust},
		},
		"other provider": {
			target: "mseram_user", sourceType: "alicloud_ram_user", address: "registry.terraform.io/example/alicloudish",
			source: map[string]any{"id": "1", "name": "mse-ops"},
		},
		"attachment of another principal": {
			target: "mseram_user_policy_attachment", sourceType: "alicloud_ram_role_policy_attachment", address: aliyunAlicloud,
			source: map[string]any{"id": "role:p:Custom:r", "policy_name": "p", "policy_type": "Custom", "role_name": "r"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			wantMoveError(t, c, "Unable to Move Resource State", c.sourceType)
		})
	}
}

func TestMoveState_badAttribute(t *testing.T) {
	for name, tc := range map[string]struct {
		c     moveCase
		names []string
	}{
		"user name not a string": {moveCase{
			target: "mseram_user", sourceType: "alicloud_ram_user", address: aliyunAlicloud,
			source: map[string]any{"id": "1", "name": 42, "mobile": true},
		}, []string{`"name"`, `"mobile"`, "alicloud_ram_user"}},
		"user name missing": {moveCase{
			target: "mseram_user", sourceType: "alicloud_ram_user", address: aliyunAlicloud,
			source: map[string]any{"id": "1", "name": ""},
		}, []string{`"name"`, "missing"}},
		"policy document not JSON": {moveCase{
			target: "mseram_policy", sourceType: "alicloud_ram_policy", address: aliyunAlicloud,
			source: map[string]any{"id": "p", "policy_name": "p", "policy_document": "Allow everything"},
		}, []string{`"policy_document"`, "not a JSON policy document"}},
		"policy with inline statements only": {moveCase{
			target: "mseram_policy", sourceType: "alicloud_ram_policy", address: aliyunAlicloud,
			source: map[string]any{"id": "p", "name": "p", "statement": []any{map[string]any{"effect": "Allow", "action": []string{"mse:*"}}}},
		}, []string{`"statement"`}},
		"policy tags not strings": {moveCase{
			target: "mseram_policy", sourceType: "alicloud_ram_policy", address: aliyunAlicloud,
			source: map[string]any{"id": "p", "policy_name": "p", "policy_document": moveTestDocument, "tags": []string{"a"}},
		}, []string{`"tags"`}},
		"attachment policy type": {moveCase{
			target: "mseram_user_policy_attachment", sourceType: "alicloud_ram_user_policy_attachment", address: aliyunAlicloud,
			source: map[string]any{"id": "user:p:Managed:u", "policy_name": "p", "policy_type": "Managed", "user_name": "u"},
		}, []string{`"policy_type"`, "Managed"}},
		"role duration": {moveCase{
			target: "mseram_role", sourceType: "alicloud_ram_role", address: aliyunAlicloud,
			source: map[string]any{"id": "r", "role_name": "r", "assume_role_policy_document": moveTestTrust, "max_session_duration": "long"},
		}, []string{`"max_session_duration"`}},
		"role force": {moveCase{
			target: "mseram_role", sourceType: "alicloud_ram_role", address: aliyunAlicloud,
			source: map[string]any{"id": "r", "role_name": "r", "assume_role_policy_document": moveTestTrust, "force": "yes"},
		}, []string{`"force"`}},
		"service name": {moveCase{
			target: "mseram_service_linked_role", sourceType: "alicloud_resource_manager_service_linked_role", address: aliyunAlicloud,
			source: map[string]any{"id": "mse:AliyunServiceRoleForMSE", "service_name": "mse", "role_name": "AliyunServiceRoleForMSE"},
		}, []string{`"service_name"`}},
	} {
		t.Run(name, func(t *testing.T) {
			wantMoveError(t, tc.c, tc.names...)
		})
	}
}

// objectWith is a value of the object type typ with every attribute null
// except those in set.
func objectWith(t *testing.T, typ tftypes.Type, set map[string]tftypes.Value) tftypes.Value {
	t.Helper()
	obj, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("%s is not an object type", typ)
	}
	vals := map[string]tftypes.Value{}
	for name, at := range obj.AttributeTypes {
		if v, ok := set[name]; ok {
			vals[name] = v
			continue
		}
		vals[name] = tftypes.NewValue(at, nil)
	}
	return tftypes.NewValue(typ, vals)
}

// After a move, the refresh that precedes the next plan reads what the
// alicloud state lacked (user_id, create_date, tags; a group's GroupId)
// from the API, here a ramsim holding the objects the alicloud provider
// had created.
func TestMoveState_refreshFillsComputed(t *testing.T) {
	acctest.RamsimOnly(t, "the test configures the provider server itself with the emulator's root key and endpoints")
	t.Parallel()
	ctx := t.Context()
	env := acctest.New(t)
	client := env.Client()
	user, err := client.CreateUser(ctx, alicloud.CreateUserInput{UserName: "mse-ops", Email: "ops@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	srv, types := moveServer(t)
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	providerType := schemas.Provider.ValueType()
	providerObject, ok := providerType.(tftypes.Object)
	if !ok {
		t.Fatalf("provider schema type %s is not an object", providerType)
	}
	endpointsType := providerObject.AttributeTypes["endpoints"]
	u := tftypes.NewValue(tftypes.String, env.Server.URL())
	config := objectWith(t, providerType, map[string]tftypes.Value{
		"access_key": tftypes.NewValue(tftypes.String, acctest.AccessKeyID),
		"secret_key": tftypes.NewValue(tftypes.String, acctest.AccessKeySecret),
		"endpoints":  objectWith(t, endpointsType, map[string]tftypes.Value{"ram": u, "ims": u, "resourcemanager": u, "sts": u}),
	})
	dv, err := tfprotov6.NewDynamicValue(providerType, config)
	if err != nil {
		t.Fatal(err)
	}
	cresp, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.0", Config: &dv})
	if err != nil || len(cresp.Diagnostics) > 0 {
		t.Fatalf("ConfigureProvider: %v %s", err, diagText(cresp.Diagnostics))
	}

	got := moveAndRead(t, srv, types, "alicloud_ram_user", "mseram_user", map[string]any{
		"id": user.UserID, "name": "mse-ops", "display_name": "", "mobile": "", "email": "ops@example.com", "comments": "", "force": false,
	})
	if got["user_id"] != user.UserID || got["id"] != user.UserID {
		t.Errorf("id = %v, user_id = %v, want %s", got["id"], got["user_id"], user.UserID)
	}
	if s, _ := got["create_date"].(string); s == "" {
		t.Errorf("create_date = %v, want the API's value", got["create_date"])
	}
	if got["email"] != "ops@example.com" || got["force_destroy"] != false {
		t.Errorf("email = %v, force_destroy = %v", got["email"], got["force_destroy"])
	}

	group, err := client.CreateGroup(ctx, "mse-developers", "MSE developers")
	if err != nil {
		t.Fatal(err)
	}
	got = moveAndRead(t, srv, types, "alicloud_ram_group", "mseram_group", map[string]any{
		"id": "mse-developers", "group_name": "mse-developers", "comments": "MSE developers", "force": false,
	})
	if got["id"] != group.GroupID || got["group_id"] != group.GroupID {
		t.Errorf("id = %v, group_id = %v, want %s", got["id"], got["group_id"], group.GroupID)
	}
}

func moveAndRead(t *testing.T, srv tfprotov6.ProviderServer, types map[string]tftypes.Type, sourceType, target string, source map[string]any) map[string]any {
	t.Helper()
	ctx := t.Context()
	raw, _ := json.Marshal(source)
	mresp, err := srv.MoveResourceState(ctx, &tfprotov6.MoveResourceStateRequest{
		SourceProviderAddress: aliyunAlicloud, SourceTypeName: sourceType,
		SourceState: &tfprotov6.RawState{JSON: raw}, TargetTypeName: target,
	})
	if err != nil || mresp.TargetState == nil {
		t.Fatalf("MoveResourceState: %v %s", err, diagText(mresp.Diagnostics))
	}
	rresp, err := srv.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: target, CurrentState: mresp.TargetState})
	if err != nil || len(rresp.Diagnostics) > 0 {
		t.Fatalf("ReadResource: %v %s", err, diagText(rresp.Diagnostics))
	}
	v, err := rresp.NewState.Unmarshal(types[target])
	if err != nil {
		t.Fatal(err)
	}
	return toObject(t, v)
}
