// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsimtest

import "net/http"

// NewAliceKey creates the RAM user alice with an access key and returns a
// signer for it (V1; set v3 on the copy for V3).
func (e *Env) NewAliceKey() Signer {
	e.T.Helper()
	e.OK(VRAM, "CreateUser", map[string]string{"UserName": "alice"})
	k := Field(e.OK(VRAM, "CreateAccessKey", map[string]string{"UserName": "alice"}), "AccessKey")
	return Signer{KeyID: Str(k, "AccessKeyId"), Secret: Str(k, "AccessKeySecret")}
}

// Grant creates a custom policy and attaches it to a principal (kind User,
// Group or Role).
func (e *Env) Grant(kind, principal, policyName, doc string) {
	e.T.Helper()
	e.OK(VRAM, "CreatePolicy", map[string]string{"PolicyName": policyName, "PolicyDocument": doc})
	e.OK(VRAM, "AttachPolicyTo"+kind, map[string]string{"PolicyName": policyName, "PolicyType": "Custom", kind + "Name": principal})
}

// As makes a call signed by sg.
func (e *Env) As(sg Signer, version, action string, p map[string]string) (int, map[string]any) {
	e.T.Helper()
	return e.Do(e.Request(sg, version, action, p))
}

// AsOK makes a call signed by sg that must succeed.
func (e *Env) AsOK(sg Signer, version, action string, p map[string]string) map[string]any {
	e.T.Helper()
	status, body := e.As(sg, version, action, p)
	if status != http.StatusOK {
		e.T.Fatalf("%s %v as %s: %d %v", action, p, sg.KeyID, status, body)
	}
	return body
}

// AsDenied makes a call signed by sg that must be refused with
// NoPermission naming action and resource; it returns AccessDeniedDetail.
func (e *Env) AsDenied(sg Signer, version, action string, p map[string]string, wantAction, wantResource string) map[string]any {
	e.T.Helper()
	status, body := e.As(sg, version, action, p)
	WantError(e.T, status, body, http.StatusForbidden, "NoPermission")
	want := "You are not authorized to do this action. Action: " + wantAction + ", Resource: " + wantResource
	if msg := Str(body, "Message"); msg != want {
		e.T.Fatalf("message %q, want %q", msg, want)
	}
	detail, ok := body["AccessDeniedDetail"].(map[string]any)
	if !ok || detail["AuthAction"] != wantAction {
		e.T.Fatalf("AccessDeniedDetail %v", body["AccessDeniedDetail"])
	}
	for k, v := range detail {
		if _, ok := v.(string); !ok {
			e.T.Fatalf("AccessDeniedDetail.%s is not a string: %v", k, detail)
		}
	}
	return detail
}

// UserArn is the ARN of the test account's user called name.
func UserArn(name string) string { return "acs:ram::" + Account + ":user/" + name }
