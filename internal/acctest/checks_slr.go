// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// SLRWant is what a service-linked role must look like in the emulator.
// Description "" skips the comparison; Policy "" asserts no attachment.
type SLRWant struct {
	ServiceName, Description, Policy string
}

// SLRMatches checks, in the emulator's store, that the service-linked role
// name exists for want.ServiceName with its description and system policy,
// and, when addr is not empty, that the resource's computed attributes in
// state are the emulator's.
func (e *Env) SLRMatches(addr, name string, want SLRWant) func(*terraform.State) error {
	return func(s *terraform.State) error {
		r, ok := e.emulator().Role(name)
		if !ok {
			return fmt.Errorf("service-linked role %q does not exist in the emulator", name)
		}
		if !r.IsServiceLinkedRole || r.ServiceName != want.ServiceName {
			return fmt.Errorf("role %q in the emulator: service-linked %v for %q, want a service-linked role of %q",
				name, r.IsServiceLinkedRole, r.ServiceName, want.ServiceName)
		}
		if want.Description != "" && r.Description != want.Description {
			return fmt.Errorf("service-linked role %q: description %q in the emulator, want %q", name, r.Description, want.Description)
		}
		var policies []string
		if want.Policy != "" {
			policies = []string{"System:" + want.Policy}
		}
		if got := e.emulator().AttachedPolicies("role", name); !slices.Equal(got, policies) {
			return fmt.Errorf("service-linked role %q: attached policies %v in the emulator, want %v", name, got, policies)
		}
		if addr == "" {
			return nil
		}
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s is not in the state", addr)
		}
		for attr, v := range map[string]string{
			"id": r.RoleName, "role_name": r.RoleName, "role_id": r.RoleID, "arn": r.Arn,
			"assume_role_policy_document": r.AssumeRolePolicyDocument, "description": r.Description,
			"service_name": r.ServiceName,
		} {
			if got := rs.Primary.Attributes[attr]; got != v {
				return fmt.Errorf("%s: %s is %q in state, %q in the emulator", addr, attr, got, v)
			}
		}
		return nil
	}
}

// SLRAbsent checks that the emulator has no role of that name.
func (e *Env) SLRAbsent(name string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if _, ok := e.emulator().Role(name); ok {
			return fmt.Errorf("role %q still exists in the emulator", name)
		}
		return nil
	}
}

// CheckNoServiceLinkedRoles is a CheckDestroy that fails when the emulator
// still holds any service-linked role.
func (e *Env) CheckNoServiceLinkedRoles(*terraform.State) error {
	if roles := e.emulator().ServiceLinkedRoles(); len(roles) > 0 {
		names := make([]string, 0, len(roles))
		for _, r := range roles {
			names = append(names, r.RoleName)
		}
		return fmt.Errorf("service-linked roles left in the emulator after destroy: %v", names)
	}
	return nil
}

// SetServiceInUse marks (or clears) a service as using its roles through
// the emulator's loopback admin endpoint, as an operator script would.
func (e *Env) SetServiceInUse(service string, inUse bool, resources ...string) {
	e.t.Helper()
	body, err := json.Marshal(map[string]any{"in_use": inUse, "resources": resources})
	if err != nil {
		e.t.Fatal(err)
	}
	resp, err := http.Post(e.emulator().URL()+"/__ramsim/services/"+service+"/in-use", "application/json", bytes.NewReader(body))
	if err != nil {
		e.t.Fatalf("ramsim admin endpoint: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		e.t.Fatalf("ramsim admin endpoint: %s", resp.Status)
	}
}

// DeleteServiceLinkedRole deletes a service-linked role behind Terraform's
// back, through the API, and waits for the deletion task to end.
func (e *Env) DeleteServiceLinkedRole(name string) {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c := e.Client()
	task, err := c.DeleteServiceLinkedRole(ctx, name)
	if err != nil {
		e.t.Fatalf("DeleteServiceLinkedRole %s: %v", name, err)
	}
	for {
		st, err := c.GetServiceLinkedRoleDeletionStatus(ctx, task)
		if err != nil {
			e.t.Fatalf("GetServiceLinkedRoleDeletionStatus %s: %v", task, err)
		}
		if st.Done() {
			if st.Status != alicloud.DeletionSucceeded {
				e.t.Fatalf("deletion of %s ended %s: %s", name, st.Status, st.Reason)
			}
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}
