// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import "time"

// Config describes the RAM side of one emulated account.
type Config struct {
	AccountID string
	// AccessKeyID is the account's root key, which no RAM user's key may
	// take.
	AccessKeyID string
	Now         func() time.Time
	// Limits are the account quotas, PasswordPolicy the password policy
	// until IMS SetPasswordPolicy changes it (a state file's wins over it;
	// account_settings.go), DeletionPolls how many status queries a
	// service-linked role deletion answers before it finishes: the values
	// of ramsim.Config after its defaults.
	Limits         Limits
	PasswordPolicy PasswordPolicy
	DeletionPolls  int
	// ExtraServiceLinkedRoles are added to the built-in service catalog.
	ExtraServiceLinkedRoles []ServiceLinkedRoleSpec
}

// Service is the RAM side of one emulated account: its users, groups,
// roles, policies and service-linked role deletion tasks (the store, which
// a state file may persist), the STS sessions and services in use (memory
// only), and the handlers of RAM, IMS, ResourceManager and STS that act on
// them. It is not safe for concurrent use: the server calls it with its
// lock held.
type Service struct {
	cfg   Config
	st    *store
	inUse map[string][]string // services marked in use -> resources using their roles
	// sessions are the STS temporary credentials by AccessKeyId; memory
	// only, never saved (see sts_assume_role.go).
	sessions map[string]*stsSession
	catalog  []ServiceLinkedRoleSpec // service-linked role catalog, fixed at New
	// lag is the eventual-consistency side table (lag.go) for the delay
	// consistency.
	lag         map[lagKey]lagEntry
	consistency time.Duration
}

// New creates the account, loading statePath if it is set and the file
// exists.
func New(cfg Config, statePath string) (*Service, error) {
	st := newStore()
	if statePath != "" {
		var err error
		if st, err = loadStore(statePath); err != nil {
			return nil, err
		}
	}
	return &Service{cfg: cfg, st: st, inUse: map[string][]string{}, catalog: buildCatalog(cfg.ExtraServiceLinkedRoles)}, nil
}

// Save writes the account to path atomically, with mode 0600 (see
// store.save).
func (s *Service) Save(path string) error { return s.st.save(path, s.cfg.AccountID) }

// AssumedRole is the name of the role whose session is roleID's, and
// whether the role still exists.
func (s *Service) AssumedRole(roleID string) (string, bool) {
	if r := s.st.roleByID(roleID); r != nil {
		return r.Name, true
	}
	return "", false
}
