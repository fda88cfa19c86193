// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"crypto/rand"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mseram/terraform-provider-mseram/internal/mse"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// ServiceLinkedRoleSpec is one entry of the service catalog: the service
// (its ServiceName in CreateServiceLinkedRole and its trust-policy
// principal), the role it creates, the role's default description, the
// system policy attached to it, whether CreateServiceLinkedRole accepts a
// CustomSuffix or a Description for it, and where the entry comes from.
type ServiceLinkedRoleSpec struct {
	ServiceName, RoleName, Description, PolicyName string
	AllowsCustomSuffix, AllowsDescription          bool
	Source                                         string
}

// builtinServiceCatalog is internal/mse's catalog, the one the provider
// validates plans against, so the two cannot drift apart. Where each entry
// comes from, and what was assumed, is in its Source.
var builtinServiceCatalog = func() []ServiceLinkedRoleSpec {
	var out []ServiceLinkedRoleSpec
	for _, e := range mse.ServiceLinkedRoles() {
		out = append(out, ServiceLinkedRoleSpec{
			ServiceName: e.ServiceName, RoleName: e.RoleName, Description: e.Description, PolicyName: e.PolicyName,
			AllowsCustomSuffix: e.AcceptsSuffix, AllowsDescription: e.AcceptsDescription, Source: e.Source,
		})
	}
	return out
}()

// ServiceCatalog returns the services CreateServiceLinkedRole knows: the
// built-in ones, then Config.ExtraServiceLinkedRoles.
func (s *Service) ServiceCatalog() []ServiceLinkedRoleSpec {
	return slices.Clone(s.catalog)
}

// ServiceSpec returns the catalog entry of the service called name.
func (s *Service) ServiceSpec(name string) (ServiceLinkedRoleSpec, bool) {
	for _, sp := range s.catalog {
		if sp.ServiceName == name {
			return sp, true
		}
	}
	return ServiceLinkedRoleSpec{}, false
}

// ServiceLinkedRoles returns the service-linked roles, sorted by name.
func (s *Service) ServiceLinkedRoles() []Role {
	var out []Role
	for _, r := range wire.SortedByName(s.st.roles) {
		if r.serviceLinked() {
			out = append(out, r.snapshot(s.cfg.AccountID))
		}
	}
	return out
}

// SetServiceInUse marks a service as using its service-linked roles (the
// emulator's stand-in for, say, an active MSS subscription): deleting one
// of its roles then ends FAILED with resources as the resources still
// using it (one made-up ARN when empty). inUse false clears the mark.
func (s *Service) SetServiceInUse(service string, inUse bool, resources []string) {
	if !inUse {
		delete(s.inUse, service)
		return
	}
	if len(resources) == 0 {
		resources = []string{defaultInUseResource(service, s.cfg.AccountID)}
	}
	s.inUse[service] = slices.Clone(resources)
}

// ServicesInUse returns the services marked in use and their resources.
func (s *Service) ServicesInUse() map[string][]string {
	out := make(map[string][]string, len(s.inUse))
	for k, v := range s.inUse {
		out[k] = slices.Clone(v)
	}
	return out
}

// defaultInUseResource is acs:<product>::<account>:instance/ramsim-in-use,
// the product being the label before ".aliyuncs.com".
func defaultInUseResource(service, account string) string {
	host := strings.TrimSuffix(service, ".aliyuncs.com")
	product := host[strings.LastIndex(host, ".")+1:]
	return "acs:" + product + "::" + account + ":instance/ramsim-in-use"
}

// trustPolicyFor is the trust policy of a service-linked role, in the
// form of RM's example.
func trustPolicyFor(service string) string {
	return `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["` + service + `"]}}],"Version":"1"}`
}

var customSuffixChars = regexp.MustCompile(`^[A-Za-z0-9.-]+$`)

// createServiceLinkedRole (RM) creates the role of ServiceName, named
// <RoleName> or <RoleName>_<CustomSuffix>, with the service's trust policy
// and system policy. Service-linked roles count toward the role quota but
// can be created when it is full.
func (s *Service) createServiceLinkedRole(rq *wire.Request) (map[string]any, *wire.Error) {
	service, err := rq.Required("ServiceName")
	if err != nil {
		return nil, err
	}
	spec, ok := s.ServiceSpec(service)
	if !ok {
		return nil, errServiceNotExist()
	}
	name := spec.RoleName
	if suffix := rq.Get("CustomSuffix"); suffix != "" {
		if !spec.AllowsCustomSuffix {
			return nil, errCustomSuffixNotAllowed()
		}
		if !customSuffixChars.MatchString(suffix) {
			return nil, errCustomSuffixInvalidChars()
		}
		name += "_" + suffix
		if len(name) > 64 {
			return nil, errCustomSuffixLength()
		}
	}
	desc := spec.Description
	if d := rq.Get("Description"); d != "" {
		if !spec.AllowsDescription {
			return nil, errDescriptionNotAllowed()
		}
		if utf8.RuneCountInString(d) > 1024 {
			return nil, errSLRDescriptionLength()
		}
		desc = d
	}
	if _, ok := s.st.roles[name]; ok {
		return nil, errRoleAlreadyExists()
	}
	id, ierr := s.st.newID()
	if ierr != nil {
		return nil, wire.Internal()
	}
	now := s.now()
	r := &roleRecord{ID: id, Name: name, Description: desc, TrustPolicy: trustPolicyFor(service),
		MaxSessionDuration: defaultSessionDuration, Created: now, Updated: now, ServiceName: service}
	if _, ok := systemPolicies[spec.PolicyName]; ok {
		r.Policies = []attachment{{Type: policySystem, Name: spec.PolicyName, Date: now}}
	}
	s.st.roles[name] = r
	w := s.rmRoleWire(r)
	delete(w, "LatestDeletionTask")
	return map[string]any{"Role": w}, nil
}

// rmRoleWire is ResourceManager's Role object: RAM's plus
// IsServiceLinkedRole, RolePrincipalName and LatestDeletionTask.
func (s *Service) rmRoleWire(r *roleRecord) map[string]any {
	w := r.wire(s.cfg.AccountID)
	delete(w, "Tags")
	w["IsServiceLinkedRole"] = r.serviceLinked()
	w["RolePrincipalName"] = r.principalName(s.cfg.AccountID)
	if t := s.st.tasks[r.LatestDeletionTask]; t != nil {
		w["LatestDeletionTask"] = map[string]any{"DeletionTaskId": t.ID, "CreateDate": wire.FormatDate(t.Created)}
	}
	return w
}

// rmGetRole is ResourceManager's GetRole: any role, service-linked or not.
// Language is accepted and ignored (descriptions are in English).
func (s *Service) rmGetRole(rq *wire.Request) (map[string]any, *wire.Error) {
	r, err := s.existingRole(rq)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Role": s.rmRoleWire(r)}, nil
}

// rmListRoles is ResourceManager's ListRoles: every role by name, paged by
// PageNumber (from 1) and PageSize (1-100, default 10).
func (s *Service) rmListRoles(rq *wire.Request) (map[string]any, *wire.Error) {
	number, err := rq.IntRange("PageNumber", 1, 1, 1<<30)
	if err != nil {
		return nil, err
	}
	size, err := rq.IntRange("PageSize", 10, 1, 100)
	if err != nil {
		return nil, err
	}
	roles := wire.SortedByName(s.st.roles)
	total := len(roles)
	start := min((number-1)*size, total)
	page := roles[start:min(start+size, total)]
	return map[string]any{
		"PageNumber": number, "PageSize": size, "TotalCount": total,
		"Roles": wire.Wrap("Role", page, s.rmRoleWire),
	}, nil
}

// Deletion task statuses.
const (
	taskNotStarted = "NOT_STARTED"
	taskInProgress = "IN_PROGRESS"
	taskSucceeded  = "SUCCEEDED"
	taskFailed     = "FAILED"
)

// deletionTask is one DeleteServiceLinkedRole as persisted. It finishes
// on the query after Config.DeletionPolls pending ones; the in-use check
// is made then.
type deletionTask struct {
	ID          string    `json:"id"`
	RoleName    string    `json:"roleName"`
	ServiceName string    `json:"serviceName"`
	Created     time.Time `json:"created"`
	Polls       int       `json:"polls"`
	Status      string    `json:"status,omitempty"` // "" while pending
	Message     string    `json:"message,omitempty"`
	Resources   []string  `json:"resources,omitempty"`
}

func newTaskUUID() string {
	var b [16]byte
	rand.Read(b[:]) //nolint:errcheck // crypto/rand.Read never fails
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// deleteServiceLinkedRole (RM) starts the deletion of a service-linked
// role and answers its DeletionTaskId,
// task/acs-service-role/<service>/<role>/<uuid>. While a task of the role
// is still pending, the same task is answered again (assumed).
func (s *Service) deleteServiceLinkedRole(rq *wire.Request) (map[string]any, *wire.Error) {
	r, err := s.existingRole(rq)
	if err != nil {
		return nil, err
	}
	if !r.serviceLinked() {
		return nil, errNotServiceLinkedRole()
	}
	if t := s.st.tasks[r.LatestDeletionTask]; t != nil && t.Status == "" {
		return map[string]any{"DeletionTaskId": t.ID}, nil
	}
	t := &deletionTask{
		ID:       "task/acs-service-role/" + r.ServiceName + "/" + r.Name + "/" + newTaskUUID(),
		RoleName: r.Name, ServiceName: r.ServiceName, Created: s.now(),
	}
	s.st.tasks[t.ID] = t
	r.LatestDeletionTask = t.ID
	if s.cfg.DeletionPolls == 0 {
		s.finishDeletion(t)
	}
	return map[string]any{"DeletionTaskId": t.ID}, nil
}

// finishDeletion ends a task: FAILED with the resources still using the
// role when its service is in use, otherwise the role is deleted.
func (s *Service) finishDeletion(t *deletionTask) {
	r := s.st.roles[t.RoleName]
	if r == nil || !r.serviceLinked() || r.LatestDeletionTask != t.ID {
		// Gone by other means meanwhile: nothing left to delete.
		t.Status = taskSucceeded
		return
	}
	if res, ok := s.inUse[t.ServiceName]; ok {
		t.Status = taskFailed
		t.Message = "Service-Linked Role " + r.arn(s.cfg.AccountID) + " cannot be deleted as it is in use by " + t.ServiceName + "."
		t.Resources = slices.Clone(res)
		return
	}
	t.Status = taskSucceeded
	delete(s.st.roles, r.Name)
}

// getServiceLinkedRoleDeletionStatus (RM) reports a task, advancing it:
// NOT_STARTED, IN_PROGRESS, then SUCCEEDED or FAILED (with Reason).
func (s *Service) getServiceLinkedRoleDeletionStatus(rq *wire.Request) (map[string]any, *wire.Error) {
	id, err := rq.Required("DeletionTaskId")
	if err != nil {
		return nil, err
	}
	if n := utf8.RuneCountInString(id); n < 26 || n > 255 {
		return nil, errDeletionTaskIDLength()
	}
	if !strings.HasPrefix(id, "task/acs-service-role/") {
		return nil, errDeletionTaskID()
	}
	t := s.st.tasks[id]
	if t == nil {
		return nil, errDeletionTaskNotExist()
	}
	if t.Status == "" {
		t.Polls++
		if t.Polls <= s.cfg.DeletionPolls {
			status := taskInProgress
			if t.Polls == 1 && s.cfg.DeletionPolls >= 2 {
				status = taskNotStarted
			}
			return map[string]any{"Status": status}, nil
		}
		s.finishDeletion(t)
	}
	resp := map[string]any{"Status": t.Status}
	if t.Status == taskFailed {
		resp["Reason"] = map[string]any{
			"Message": t.Message,
			"RoleUsages": map[string]any{"RoleUsage": []any{map[string]any{
				"Region": "global", "Resources": map[string]any{"Resource": slices.Clone(t.Resources)},
			}}},
		}
	}
	return resp, nil
}

// DeletionTaskStatus returns the last reported status of a deletion task
// ("" while pending) for tests.
func (s *Service) DeletionTaskStatus(id string) (string, bool) {
	t, ok := s.st.tasks[id]
	if !ok {
		return "", false
	}
	return t.Status, true
}

// buildCatalog is the built-in catalog plus extra entries; an extra entry
// replaces a built-in one of the same ServiceName.
func buildCatalog(extra []ServiceLinkedRoleSpec) []ServiceLinkedRoleSpec {
	byName := map[string]ServiceLinkedRoleSpec{}
	var order []string
	for _, sp := range append(slices.Clone(builtinServiceCatalog), extra...) {
		if _, ok := byName[sp.ServiceName]; !ok {
			order = append(order, sp.ServiceName)
		}
		byName[sp.ServiceName] = sp
	}
	out := make([]ServiceLinkedRoleSpec, 0, len(order))
	for _, n := range order {
		out = append(out, byName[n])
	}
	return out
}
