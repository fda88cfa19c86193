// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// store is the account's state, as the state file keeps it.
type store struct {
	users    map[string]*userRecord   // by UserName
	groups   map[string]*groupRecord  // by GroupName
	roles    map[string]*roleRecord   // by RoleName
	policies map[string]*policyRecord // custom policies by PolicyName
	tasks    map[string]*deletionTask // service-linked role deletions by DeletionTaskId
	settings accountSettings          // password policy and security preference
}

// userRecord is one RAM user as persisted.
type userRecord struct {
	ID          string            `json:"id"`
	Name        string            `json:"name"`
	DisplayName string            `json:"displayName,omitempty"`
	MobilePhone string            `json:"mobilePhone,omitempty"`
	Email       string            `json:"email,omitempty"`
	Comments    string            `json:"comments,omitempty"`
	Created     time.Time         `json:"created"`
	Updated     time.Time         `json:"updated"`
	Tags        map[string]string `json:"tags,omitempty"`
	attachedPolicies
	LoginProfile *loginProfileRecord `json:"loginProfile,omitempty"`
	AccessKeys   []*accessKeyRecord  `json:"accessKeys,omitempty"` // in creation order
}

// stateFile is the on-disk form. Format is bumped when a change would make
// an older file load wrongly.
type stateFile struct {
	Format    int             `json:"format"`
	AccountID string          `json:"accountId"`
	Users     []*userRecord   `json:"users"`
	Groups    []*groupRecord  `json:"groups,omitempty"`
	Roles     []*roleRecord   `json:"roles,omitempty"`
	Policies  []*policyRecord `json:"policies,omitempty"`
	// DeletionTasks are the service-linked role deletion tasks.
	DeletionTasks []*deletionTask `json:"deletionTasks,omitempty"`
	// AccountSettings are the password policy and security preference.
	AccountSettings *accountSettings `json:"accountSettings,omitempty"`
}

// stateFormat stays 1: groups, roles, policies, login profiles, access
// keys, service-linked roles and deletion tasks were added as optional
// fields, so a file written before them loads as an account without any.
// The file holds the access-key secrets of RAM users in clear (the
// emulator needs them to verify signatures) and only salted hashes of
// passwords; it is written with mode 0600.
const stateFormat = 1

func newStore() *store {
	return &store{
		users:    make(map[string]*userRecord),
		groups:   make(map[string]*groupRecord),
		roles:    make(map[string]*roleRecord),
		policies: make(map[string]*policyRecord),
		tasks:    make(map[string]*deletionTask),
	}
}

// sortedUsers returns the users ordered by name, the order of ListUsers.
func (st *store) sortedUsers() []*userRecord { return wire.SortedByName(st.users) }

// userByID finds a user by UserId (IMS addresses users by id).
func (st *store) userByID(id string) *userRecord {
	for _, u := range st.users {
		if u.ID == id {
			return u
		}
	}
	return nil
}

// idInUse tells whether a user, group or role already has id.
func (st *store) idInUse(id string) bool {
	if st.userByID(id) != nil {
		return true
	}
	for _, g := range st.groups {
		if g.ID == id {
			return true
		}
	}
	for _, r := range st.roles {
		if r.ID == id {
			return true
		}
	}
	return false
}

// newID returns a 16-digit numeric id, like real UserIds, GroupIds and
// RoleIds, unused by any user, group or role of this store.
func (st *store) newID() (string, error) {
	lo := big.NewInt(1_000_000_000_000_000)
	span := big.NewInt(9_000_000_000_000_000)
	for {
		n, err := rand.Int(rand.Reader, span)
		if err != nil {
			return "", err
		}
		id := n.Add(n, lo).String()
		if !st.idInUse(id) {
			return id, nil
		}
	}
}

// loadStore reads path; a missing file is an empty account.
func loadStore(path string) (*store, error) {
	st := newStore()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, err
	}
	var f stateFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("ramsim state %s: %w", path, err)
	}
	if f.Format != stateFormat {
		return nil, fmt.Errorf("ramsim state %s: format %d, want %d", path, f.Format, stateFormat)
	}
	if err := f.checkNulls(); err != nil {
		return nil, fmt.Errorf("ramsim state %s: %w", path, err)
	}
	for _, u := range f.Users {
		st.users[u.Name] = u
	}
	for _, g := range f.Groups {
		st.groups[g.Name] = g
	}
	for _, r := range f.Roles {
		st.roles[r.Name] = r
	}
	for _, p := range f.Policies {
		st.policies[p.Name] = p
	}
	for _, t := range f.DeletionTasks {
		st.tasks[t.ID] = t
	}
	if f.AccountSettings != nil {
		st.settings = *f.AccountSettings
	}
	return st, nil
}

// save writes the store to path atomically: a temporary file in the same
// directory, fsynced, then renamed over path, so a crash leaves either the
// old or the new state and never a torn file. Mode 0600: the state will
// hold access-key secrets.
func (st *store) save(path, accountID string) error {
	data, err := json.MarshalIndent(stateFile{
		Format: stateFormat, AccountID: accountID, Users: st.sortedUsers(),
		Groups: wire.SortedByName(st.groups), Roles: wire.SortedByName(st.roles), Policies: wire.SortedByName(st.policies),
		DeletionTasks: wire.SortedByName(st.tasks), AccountSettings: st.settings.persisted(),
	}, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	// Persist the rename itself; best effort, not every platform can sync
	// a directory.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}
