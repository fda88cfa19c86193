// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"maps"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// Policy types: users create Custom policies; System ones are built in and
// read-only.
const (
	policyCustom = "Custom"
	policySystem = "System"
)

// policyRecord is one policy. Custom ones are persisted; system ones are
// built from systempolicies/ at start.
type policyRecord struct {
	Name        string           `json:"name"`
	Description string           `json:"description,omitempty"`
	Created     time.Time        `json:"created"`
	Updated     time.Time        `json:"updated"`
	Default     string           `json:"defaultVersion"`
	Versions    []*policyVersion `json:"versions"` // oldest first
	// LastVersion is the number of the newest version ever created, so
	// version ids are never reused.
	LastVersion int               `json:"lastVersion"`
	Tags        map[string]string `json:"tags,omitempty"`
	system      bool
}

type policyVersion struct {
	ID       string    `json:"id"`
	Document string    `json:"document"`
	Created  time.Time `json:"created"`
}

// Policy is a read-only snapshot of a policy for tests.
type Policy struct {
	PolicyName, PolicyType, Description string
	DefaultVersion                      string // e.g. "v1"
	CreateDate, UpdateDate              time.Time
	AttachmentCount                     int
	Versions                            []PolicyVersion // oldest first
	Tags                                map[string]string
}

// PolicyVersion is one version of a Policy snapshot.
type PolicyVersion struct {
	VersionID, PolicyDocument string
	IsDefaultVersion          bool
	CreateDate                time.Time
}

// Document returns the default version's document.
func (p Policy) Document() string {
	for _, v := range p.Versions {
		if v.IsDefaultVersion {
			return v.PolicyDocument
		}
	}
	return ""
}

// Policy returns the custom policy called name or, if there is none, the
// system policy of that name.
func (s *Service) Policy(name string) (Policy, bool) {
	p := s.st.policies[name]
	if p == nil {
		p = systemPolicies[name]
	}
	if p == nil {
		return Policy{}, false
	}
	return p.snapshot(s.st.attachmentCount(p)), true
}

// Policies returns the custom policies, sorted by name.
func (s *Service) Policies() []Policy {
	var out []Policy
	for _, p := range wire.SortedByName(s.st.policies) {
		out = append(out, p.snapshot(s.st.attachmentCount(p)))
	}
	return out
}

func (p *policyRecord) snapshot(attachments int) Policy {
	out := Policy{
		PolicyName: p.Name, PolicyType: p.policyType(), Description: p.Description, DefaultVersion: p.Default,
		CreateDate: p.Created, UpdateDate: p.Updated, AttachmentCount: attachments, Tags: maps.Clone(p.Tags),
	}
	for _, v := range p.Versions {
		out.Versions = append(out.Versions, PolicyVersion{VersionID: v.ID, PolicyDocument: v.Document,
			IsDefaultVersion: v.ID == p.Default, CreateDate: v.Created})
	}
	return out
}

func (p *policyRecord) policyType() string {
	if p.system {
		return policySystem
	}
	return policyCustom
}

// key identifies a policy across both types: "Custom:name", "System:name".
func (p *policyRecord) key() string { return policyKey(p.policyType(), p.Name) }

func policyKey(typ, name string) string { return typ + ":" + name }

func (p *policyRecord) version(id string) *policyVersion {
	for _, v := range p.Versions {
		if v.ID == id {
			return v
		}
	}
	return nil
}

func (p *policyRecord) defaultVersion() *policyVersion { return p.version(p.Default) }

// wire is the API's Policy object.
func (p *policyRecord) wire(attachments int) map[string]any {
	return map[string]any{
		"PolicyName":      p.Name,
		"PolicyType":      p.policyType(),
		"Description":     p.Description,
		"DefaultVersion":  p.Default,
		"CreateDate":      wire.FormatDate(p.Created),
		"UpdateDate":      wire.FormatDate(p.Updated),
		"AttachmentCount": attachments,
		"Tags":            tagsWire(p.Tags),
	}
}

func (v *policyVersion) wire(isDefault bool) map[string]any {
	return map[string]any{
		"VersionId":        v.ID,
		"PolicyDocument":   v.Document,
		"IsDefaultVersion": isDefault,
		"CreateDate":       wire.FormatDate(v.Created),
	}
}

// lookupPolicy finds a policy of a type.
func (s *Service) lookupPolicy(typ, name string) *policyRecord {
	if typ == policySystem {
		return systemPolicies[name]
	}
	return s.st.policies[name]
}

// policyTypeParam reads PolicyType: required when required, else optional
// ("" when absent); anything but System or Custom is
// InvalidParameter.PolicyType.
func policyTypeParam(rq *wire.Request, required bool) (string, *wire.Error) {
	typ := rq.Get("PolicyType")
	if typ == "" {
		if required {
			return "", wire.Missing("PolicyType")
		}
		return "", nil
	}
	if typ != policySystem && typ != policyCustom {
		return "", wire.Incorrect("PolicyType")
	}
	return typ, nil
}

// existingPolicy finds the policy named by PolicyName and PolicyType (both
// required).
func (s *Service) existingPolicy(rq *wire.Request) (*policyRecord, *wire.Error) {
	name, err := rq.Required("PolicyName")
	if err != nil {
		return nil, err
	}
	if err := validatePolicyName(name); err != nil {
		return nil, err
	}
	typ, err := policyTypeParam(rq, true)
	if err != nil {
		return nil, err
	}
	p := s.lookupPolicy(typ, name)
	if p == nil {
		return nil, errNotExist("Policy")
	}
	return p, nil
}

// existingCustomPolicy finds the custom policy named by PolicyName: the
// actions that change a policy take no PolicyType, so a system policy's
// name finds nothing and system policies stay read-only.
func (s *Service) existingCustomPolicy(rq *wire.Request) (*policyRecord, *wire.Error) {
	name, err := rq.Required("PolicyName")
	if err != nil {
		return nil, err
	}
	if err := validatePolicyName(name); err != nil {
		return nil, err
	}
	p := s.st.policies[name]
	if p == nil {
		return nil, errNotExist("Policy")
	}
	return p, nil
}

// optionalDescription reads an optional Description-like parameter.
func optionalDescription(rq *wire.Request, param string) (string, *wire.Error) {
	v := rq.Get(param)
	if err := validateDescription(param, v); err != nil {
		return "", err
	}
	return v, nil
}

// createPolicy creates a custom policy with version v1 as its default. A
// system policy's name is taken (assumed: both share the account's policy
// names).
func (s *Service) createPolicy(rq *wire.Request) (map[string]any, *wire.Error) {
	name, err := rq.Required("PolicyName")
	if err != nil {
		return nil, err
	}
	if err := validatePolicyName(name); err != nil {
		return nil, err
	}
	doc, err := rq.Required("PolicyDocument")
	if err != nil {
		return nil, err
	}
	if err := checkPolicyDocument("PolicyDocument", doc, false); err != nil {
		return nil, err
	}
	desc, err := optionalDescription(rq, "Description")
	if err != nil {
		return nil, err
	}
	tags, err := s.createTags(rq)
	if err != nil {
		return nil, err
	}
	if s.st.policies[name] != nil || systemPolicies[name] != nil {
		return nil, errExists("Policy")
	}
	if len(s.st.policies) >= s.cfg.Limits.Policies {
		return nil, errLimit("Policy")
	}
	now := s.now()
	p := &policyRecord{Name: name, Description: desc, Created: now, Updated: now, Tags: tags}
	p.addVersion(doc, now)
	p.Default = p.Versions[0].ID
	s.st.policies[name] = p
	return map[string]any{"Policy": p.wire(0)}, nil
}

func (s *Service) getPolicy(rq *wire.Request) (map[string]any, *wire.Error) {
	p, err := s.existingPolicy(rq)
	if err != nil {
		return nil, err
	}
	wire := p.wire(s.st.attachmentCount(p))
	wire["PolicyDocument"] = p.defaultVersion().Document
	return map[string]any{"Policy": wire, "DefaultPolicyVersion": p.defaultVersion().wire(true)}, nil
}

// listPolicies lists custom then system policies by name, optionally only
// one PolicyType and only policies carrying every Tag filter.
func (s *Service) listPolicies(rq *wire.Request) (map[string]any, *wire.Error) {
	typ, err := policyTypeParam(rq, false)
	if err != nil {
		return nil, err
	}
	filters, err := jsonTags(rq)
	if err != nil {
		return nil, err
	}
	pg, err := wire.ReadMarkerPage(rq)
	if err != nil {
		return nil, err
	}
	var all []*policyRecord
	for _, p := range append(wire.SortedByName(s.st.policies), wire.SortedByName(systemPolicies)...) {
		if typ != "" && p.policyType() != typ {
			continue
		}
		if _, ok := filterTags(p.Tags, filters); ok {
			all = append(all, p)
		}
	}
	counts := s.st.attachmentCounts()
	return wire.MarkerPage(pg, all, (*policyRecord).key, "Policies", "Policy", func(p *policyRecord) map[string]any {
		return p.wire(counts[p.key()])
	}), nil
}

// policyInUse is DeletePolicy's answer for a policy still attached to a
// principal of each kind. RAM's error code list documents
// DeleteConflict.Policy.User and DeleteConflict.Policy.Group with these
// messages. It documents no code for a policy attached to a role; the
// alicloud provider's alicloud_ram_policy retries DeletePolicy on
// DeleteConflict.Role.Policy (the code RAM documents for DeleteRole), so
// that is the code answered here, with DeleteRole's documented message
// shape. No document decides it; docs/guides/testing-with-ramsim.md says so.
var policyInUse = map[string][2]string{
	"User":  {"Policy.User", "The policy CAN NOT been attached to any user while deleting the policy."},
	"Group": {"Policy.Group", "The policy CAN NOT been attached to any group while deleting the policy."},
	"Role":  {"Role.Policy", "The policy CAN NOT been attached to any role while deleting the policy."},
}

// deletePolicy deletes a custom policy. It must be detached from every
// user, group and role first (checked in that order); its non-default
// versions must be deleted first unless CascadingDelete=true.
func (s *Service) deletePolicy(rq *wire.Request) (map[string]any, *wire.Error) {
	p, err := s.existingCustomPolicy(rq)
	if err != nil {
		return nil, err
	}
	cascade, err := rq.Boolean("CascadingDelete")
	if err != nil {
		return nil, err
	}
	for _, k := range principalKinds {
		for _, pr := range k.all(s.st) {
			if pr.attached().find(p.policyType(), p.Name) >= 0 {
				c := policyInUse[k.kind]
				return nil, errDeleteConflict(c[0], c[1])
			}
		}
	}
	if len(p.Versions) > 1 && !cascade {
		return nil, errDeleteConflict("Policy.Version", "The policy CAN NOT has any version except the default version.")
	}
	delete(s.st.policies, p.Name)
	return map[string]any{}, nil
}

// updatePolicyDescription sets the description; a present but empty
// NewDescription clears it, an absent one keeps it.
func (s *Service) updatePolicyDescription(rq *wire.Request) (map[string]any, *wire.Error) {
	p, err := s.existingCustomPolicy(rq)
	if err != nil {
		return nil, err
	}
	if desc, ok := rq.Lookup("NewDescription"); ok {
		if err := validateDescription("NewDescription", desc); err != nil {
			return nil, err
		}
		p.Description = desc
		p.Updated = s.now()
	}
	return map[string]any{"Policy": p.wire(s.st.attachmentCount(p))}, nil
}

// attachmentCount is how many users, groups and roles have p attached.
func (st *store) attachmentCount(p *policyRecord) int {
	return st.attachmentCounts()[p.key()]
}

// attachmentCounts maps policy keys to their attachment counts; computed,
// so never out of step with the attachments.
func (st *store) attachmentCounts() map[string]int {
	counts := map[string]int{}
	for _, k := range principalKinds {
		for _, pr := range k.all(st) {
			for _, a := range pr.attached().Policies {
				counts[policyKey(a.Type, a.Name)]++
			}
		}
	}
	return counts
}
