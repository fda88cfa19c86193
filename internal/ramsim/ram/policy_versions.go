// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// RotateStrategy values of CreatePolicyVersion.
const (
	rotateNone         = "None"
	rotateDeleteOldest = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
)

// addVersion appends the next version, v<LastVersion+1>.
func (p *policyRecord) addVersion(doc string, now time.Time) *policyVersion {
	p.LastVersion++
	v := &policyVersion{ID: "v" + strconv.Itoa(p.LastVersion), Document: doc, Created: now}
	p.Versions = append(p.Versions, v)
	return v
}

// existingVersion finds the VersionId of p.
func existingVersion(rq *wire.Request, p *policyRecord) (*policyVersion, *wire.Error) {
	id, err := rq.Required("VersionId")
	if err != nil {
		return nil, err
	}
	if err := validateVersionID("VersionId", id); err != nil {
		return nil, err
	}
	v := p.version(id)
	if v == nil {
		return nil, errNotExist("Policy.Version")
	}
	return v, nil
}

// createPolicyVersion adds a version. At the version limit it fails with
// LimitExceeded.Policy.Version, unless RotateStrategy asks to delete the
// oldest non-default version first.
func (s *Service) createPolicyVersion(rq *wire.Request) (map[string]any, *wire.Error) {
	p, err := s.existingCustomPolicy(rq)
	if err != nil {
		return nil, err
	}
	doc, err := rq.Required("PolicyDocument")
	if err != nil {
		return nil, err
	}
	if err := checkPolicyDocument("PolicyDocument", doc, false); err != nil {
		return nil, err
	}
	setDefault, err := rq.Boolean("SetAsDefault")
	if err != nil {
		return nil, err
	}
	rotate := cmp.Or(rq.Get("RotateStrategy"), rotateNone)
	if rotate != rotateNone && rotate != rotateDeleteOldest {
		return nil, wire.Incorrect("RotateStrategy")
	}
	if len(p.Versions) >= s.cfg.Limits.PolicyVersions {
		oldest := slices.IndexFunc(p.Versions, func(v *policyVersion) bool { return v.ID != p.Default })
		if rotate == rotateNone || oldest < 0 {
			return nil, errLimit("Policy.Version")
		}
		p.Versions = slices.Delete(p.Versions, oldest, oldest+1)
	}
	now := s.now()
	v := p.addVersion(doc, now)
	if setDefault {
		p.Default = v.ID
	}
	p.Updated = now
	return map[string]any{"PolicyVersion": v.wire(setDefault)}, nil
}

func (s *Service) getPolicyVersion(rq *wire.Request) (map[string]any, *wire.Error) {
	p, err := s.existingPolicy(rq)
	if err != nil {
		return nil, err
	}
	v, err := existingVersion(rq, p)
	if err != nil {
		return nil, err
	}
	return map[string]any{"PolicyVersion": v.wire(v.ID == p.Default)}, nil
}

// listPolicyVersions lists every version, oldest first; no paging.
func (s *Service) listPolicyVersions(rq *wire.Request) (map[string]any, *wire.Error) {
	p, err := s.existingPolicy(rq)
	if err != nil {
		return nil, err
	}
	return map[string]any{"PolicyVersions": wire.Wrap("PolicyVersion", p.Versions, func(v *policyVersion) map[string]any {
		return v.wire(v.ID == p.Default)
	})}, nil
}

// deletePolicyVersion deletes a non-default version.
func (s *Service) deletePolicyVersion(rq *wire.Request) (map[string]any, *wire.Error) {
	p, err := s.existingCustomPolicy(rq)
	if err != nil {
		return nil, err
	}
	v, err := existingVersion(rq, p)
	if err != nil {
		return nil, err
	}
	if v.ID == p.Default {
		return nil, errDeleteConflict("Policy.Version.Default", "The default version of a policy cannot be deleted.")
	}
	p.Versions = slices.DeleteFunc(p.Versions, func(x *policyVersion) bool { return x == v })
	p.Updated = s.now()
	return map[string]any{}, nil
}

func (s *Service) setDefaultPolicyVersion(rq *wire.Request) (map[string]any, *wire.Error) {
	p, err := s.existingCustomPolicy(rq)
	if err != nil {
		return nil, err
	}
	v, err := existingVersion(rq, p)
	if err != nil {
		return nil, err
	}
	p.Default = v.ID
	p.Updated = s.now()
	return map[string]any{}, nil
}
