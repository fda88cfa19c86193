// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"maps"
	"strings"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// roleRecord is one RAM role as persisted.
type roleRecord struct {
	ID                 string            `json:"id"`
	Name               string            `json:"name"`
	Description        string            `json:"description,omitempty"`
	TrustPolicy        string            `json:"assumeRolePolicyDocument"`
	MaxSessionDuration int               `json:"maxSessionDuration"`
	Created            time.Time         `json:"created"`
	Updated            time.Time         `json:"updated"`
	Tags               map[string]string `json:"tags,omitempty"`
	attachedPolicies
	// ServiceName is set on service-linked roles: the service they belong
	// to. Such roles are created and deleted through ResourceManager and
	// are read-only to RAM's role actions.
	ServiceName string `json:"serviceName,omitempty"`
	// LatestDeletionTask is the DeletionTaskId of the role's newest
	// deletion task (service-linked roles only).
	LatestDeletionTask string `json:"latestDeletionTask,omitempty"`
}

func (r *roleRecord) serviceLinked() bool { return r.ServiceName != "" }

// arn is the role's ARN. Service-linked roles have their name lower-cased
// in it, as RM's CreateServiceLinkedRole example shows
// (acs:ram::<uid>:role/aliyunserviceroleforpolardb).
func (r *roleRecord) arn(account string) string {
	if r.serviceLinked() {
		return roleArn(account, strings.ToLower(r.Name))
	}
	return roleArn(account, r.Name)
}

// principalName is RolePrincipalName: <RoleName>@role.<uid>.onaliyunservice.com.
func (r *roleRecord) principalName(account string) string {
	return r.Name + "@role." + account + ".onaliyunservice.com"
}

// refuseServiceLinked is the guard of RAM's role-changing actions.
func refuseServiceLinked(pr principal) *wire.Error {
	if r, ok := pr.(*roleRecord); ok && r != nil && r.serviceLinked() {
		return errServiceLinkedRoleReadOnly(r.Name)
	}
	return nil
}

// Session duration bounds of a role, in seconds (internal/ramrules).
const (
	minSessionDuration     = ramrules.MinRoleSessionDuration
	maxSessionDuration     = ramrules.MaxRoleSessionDuration
	defaultSessionDuration = ramrules.DefaultRoleSessionDuration
)

// Role is a read-only snapshot of a RAM role for tests. ServiceName is set
// (and IsServiceLinkedRole true) for service-linked roles.
type Role struct {
	RoleID, RoleName, Arn, Description, AssumeRolePolicyDocument string
	MaxSessionDuration                                           int
	CreateDate, UpdateDate                                       time.Time
	Tags                                                         map[string]string
	IsServiceLinkedRole                                          bool
	ServiceName, RolePrincipalName                               string
}

// Role returns the role called name.
func (s *Service) Role(name string) (Role, bool) {
	r, ok := s.st.roles[name]
	if !ok {
		return Role{}, false
	}
	return r.snapshot(s.cfg.AccountID), true
}

// Roles returns every role, sorted by name.
func (s *Service) Roles() []Role {
	var out []Role
	for _, r := range wire.SortedByName(s.st.roles) {
		out = append(out, r.snapshot(s.cfg.AccountID))
	}
	return out
}

func (r *roleRecord) snapshot(account string) Role {
	return Role{
		RoleID: r.ID, RoleName: r.Name, Arn: r.arn(account), Description: r.Description,
		AssumeRolePolicyDocument: r.TrustPolicy, MaxSessionDuration: r.MaxSessionDuration,
		CreateDate: r.Created, UpdateDate: r.Updated, Tags: maps.Clone(r.Tags),
		IsServiceLinkedRole: r.serviceLinked(), ServiceName: r.ServiceName, RolePrincipalName: r.principalName(account),
	}
}

func roleArn(account, name string) string { return "acs:ram::" + account + ":role/" + name }

func (r *roleRecord) name() string { return r.Name }

// entity is the role as ListEntitiesForPolicy lists it.
func (r *roleRecord) entity(account string) map[string]any { return r.wire(account) }

func (s *Service) roleWire(r *roleRecord) map[string]any { return r.wire(s.cfg.AccountID) }

// wire is the API's Role object. IsServiceLinkedRole is not in the
// classic SDK's RAM Role struct; it is sent so that RAM readers can tell
// service-linked roles apart (ResourceManager's Role has it).
func (r *roleRecord) wire(account string) map[string]any {
	return map[string]any{
		"IsServiceLinkedRole":      r.serviceLinked(),
		"RoleId":                   r.ID,
		"RoleName":                 r.Name,
		"Arn":                      r.arn(account),
		"Description":              r.Description,
		"AssumeRolePolicyDocument": r.TrustPolicy,
		"MaxSessionDuration":       r.MaxSessionDuration,
		"CreateDate":               wire.FormatDate(r.Created),
		"UpdateDate":               wire.FormatDate(r.Updated),
		"Tags":                     tagsWire(r.Tags),
	}
}

// existingRole validates RoleName and finds that role. A service-linked
// role with a custom suffix has an "_" in its name that RoleName's rule
// does not allow, so such an existing role is found before validating.
func (s *Service) existingRole(rq *wire.Request) (*roleRecord, *wire.Error) {
	name, err := rq.Required("RoleName")
	if err != nil {
		return nil, err
	}
	if r, ok := s.st.roles[name]; ok && r.serviceLinked() {
		return r, nil
	}
	if err := validateRoleName("RoleName", name); err != nil {
		return nil, err
	}
	r, ok := s.st.roles[name]
	if !ok {
		return nil, errNotExist("Role")
	}
	return r, nil
}

// sessionDuration reads an optional MaxSessionDuration-like parameter.
func sessionDuration(rq *wire.Request, param string, def int) (int, *wire.Error) {
	return rq.IntRange(param, def, minSessionDuration, maxSessionDuration)
}

func (s *Service) createRole(rq *wire.Request) (map[string]any, *wire.Error) {
	name, err := rq.Required("RoleName")
	if err != nil {
		return nil, err
	}
	if err := validateRoleName("RoleName", name); err != nil {
		return nil, err
	}
	trust, err := rq.Required("AssumeRolePolicyDocument")
	if err != nil {
		return nil, err
	}
	if err := checkPolicyDocument("AssumeRolePolicyDocument", trust, true); err != nil {
		return nil, err
	}
	desc, err := optionalDescription(rq, "Description")
	if err != nil {
		return nil, err
	}
	duration, err := sessionDuration(rq, "MaxSessionDuration", defaultSessionDuration)
	if err != nil {
		return nil, err
	}
	tags, err := s.createTags(rq)
	if err != nil {
		return nil, err
	}
	if _, ok := s.st.roles[name]; ok {
		return nil, errExists("Role")
	}
	if len(s.st.roles) >= s.cfg.Limits.Roles {
		return nil, errLimit("Role")
	}
	id, ierr := s.st.newID()
	if ierr != nil {
		return nil, wire.Internal()
	}
	now := s.now()
	r := &roleRecord{ID: id, Name: name, Description: desc, TrustPolicy: trust, MaxSessionDuration: duration,
		Created: now, Updated: now, Tags: tags}
	s.st.roles[name] = r
	return map[string]any{"Role": s.roleWire(r)}, nil
}

func (s *Service) getRole(rq *wire.Request) (map[string]any, *wire.Error) {
	r, err := s.existingRole(rq)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Role": s.roleWire(r)}, nil
}

// updateRole changes what its New* parameters name. An empty
// NewDescription clears the description (as UpdateUser clears fields).
func (s *Service) updateRole(rq *wire.Request) (map[string]any, *wire.Error) {
	r, err := s.existingRole(rq)
	if err != nil {
		return nil, err
	}
	if err := refuseServiceLinked(r); err != nil {
		return nil, err
	}
	updated := *r
	if trust, ok := rq.Lookup("NewAssumeRolePolicyDocument"); ok {
		if trust == "" {
			return nil, wire.Missing("NewAssumeRolePolicyDocument")
		}
		if err := checkPolicyDocument("NewAssumeRolePolicyDocument", trust, true); err != nil {
			return nil, err
		}
		updated.TrustPolicy = trust
	}
	if desc, ok := rq.Lookup("NewDescription"); ok {
		if err := validateDescription("NewDescription", desc); err != nil {
			return nil, err
		}
		updated.Description = desc
	}
	if updated.MaxSessionDuration, err = sessionDuration(rq, "NewMaxSessionDuration", r.MaxSessionDuration); err != nil {
		return nil, err
	}
	updated.Updated = s.now()
	*r = updated
	return map[string]any{"Role": s.roleWire(r)}, nil
}

// deleteRole deletes a role that has no policies attached.
func (s *Service) deleteRole(rq *wire.Request) (map[string]any, *wire.Error) {
	r, err := s.existingRole(rq)
	if err != nil {
		return nil, err
	}
	if err := refuseServiceLinked(r); err != nil {
		return nil, err
	}
	if err := policyConflict(roleKind, r); err != nil {
		return nil, err
	}
	delete(s.st.roles, r.Name)
	return map[string]any{}, nil
}

// listRoles pages through roles by name, optionally only those carrying
// every Tag filter.
func (s *Service) listRoles(rq *wire.Request) (map[string]any, *wire.Error) {
	filters, err := jsonTags(rq)
	if err != nil {
		return nil, err
	}
	pg, err := wire.ReadMarkerPage(rq)
	if err != nil {
		return nil, err
	}
	var roles []*roleRecord
	for _, r := range wire.SortedByName(s.st.roles) {
		if _, ok := filterTags(r.Tags, filters); ok {
			roles = append(roles, r)
		}
	}
	return wire.MarkerPage(pg, roles, (*roleRecord).name, "Roles", "Role", s.roleWire), nil
}
