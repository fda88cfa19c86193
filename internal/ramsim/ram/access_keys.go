// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"crypto/rand"
	"math/big"
	"slices"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// Access key statuses.
const (
	keyActive   = "Active"
	keyInactive = "Inactive"
)

// accessKeyRecord is one AccessKey pair of a RAM user as persisted. The
// secret is stored in clear: the emulator must recompute signatures with
// it. The state file is written with mode 0600 (see store.save); it is a
// test fixture, not a vault.
type accessKeyRecord struct {
	ID      string    `json:"id"`
	Secret  string    `json:"secret"`
	Status  string    `json:"status"`
	Created time.Time `json:"created"`
}

// AccessKey is a read-only snapshot of an access key for tests; the secret
// is left out.
type AccessKey struct {
	AccessKeyID, Status string
	CreateDate          time.Time
}

// AccessKeys returns the access keys of user in creation order; nil for an
// unknown user or one without keys.
func (s *Service) AccessKeys(user string) []AccessKey {
	u, ok := s.st.users[user]
	if !ok {
		return nil
	}
	var out []AccessKey
	for _, k := range u.AccessKeys {
		out = append(out, AccessKey{AccessKeyID: k.ID, Status: k.Status, CreateDate: k.Created})
	}
	return out
}

func (k *accessKeyRecord) wire() map[string]any {
	return map[string]any{"AccessKeyId": k.ID, "Status": k.Status, "CreateDate": wire.FormatDate(k.Created)}
}

const keyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

func randomString(n int) (string, error) {
	b := make([]byte, n)
	alphabetLen := big.NewInt(int64(len(keyAlphabet)))
	for i := range b {
		x, err := rand.Int(rand.Reader, alphabetLen)
		if err != nil {
			return "", err
		}
		b[i] = keyAlphabet[x.Int64()]
	}
	return string(b), nil
}

// keyOwner returns the user holding the access key id and the key.
func (st *store) keyOwner(id string) (*userRecord, *accessKeyRecord) {
	for _, u := range st.users {
		for _, k := range u.AccessKeys {
			if k.ID == id {
				return u, k
			}
		}
	}
	return nil, nil
}

// newAccessKey makes a key shaped like real ones: "LTAI" and 20
// characters (24 in all), a 30-character secret; the id is unique in the
// account, root key included.
func (s *Service) newAccessKey() (*accessKeyRecord, error) {
	for {
		suffix, err := randomString(20)
		if err != nil {
			return nil, err
		}
		id := "LTAI" + suffix
		if u, _ := s.st.keyOwner(id); u != nil || id == s.cfg.AccessKeyID {
			continue
		}
		secret, err := randomString(30)
		if err != nil {
			return nil, err
		}
		return &accessKeyRecord{ID: id, Secret: secret, Status: keyActive, Created: s.now()}, nil
	}
}

// keyUser is the user an access-key action is about: UserName, or, when
// it is absent and a RAM user signs the request, that user (RAM documents
// UserName as optional for these actions; the root account's own keys are
// not emulated, so root must name a user: MissingUserName).
func (s *Service) keyUser(rq *wire.Request) (*userRecord, *wire.Error) {
	if _, sent := rq.Lookup("UserName"); !sent && rq.Caller.UserName != "" {
		if u, ok := s.st.users[rq.Caller.UserName]; ok {
			return u, nil
		}
		return nil, errUserNotExist()
	}
	return s.existingUser(rq)
}

// createAccessKey issues a key for a user, at most AccessKeysPerUser (2)
// of them, Active ones and Inactive ones alike. The answer is the only one
// carrying the secret.
func (s *Service) createAccessKey(rq *wire.Request) (map[string]any, *wire.Error) {
	u, err := s.keyUser(rq)
	if err != nil {
		return nil, err
	}
	if len(u.AccessKeys) >= s.cfg.Limits.AccessKeysPerUser {
		return nil, errAccessKeyLimit()
	}
	k, kerr := s.newAccessKey()
	if kerr != nil {
		return nil, wire.Internal()
	}
	u.AccessKeys = append(u.AccessKeys, k)
	w := k.wire()
	w["AccessKeySecret"] = k.Secret
	return map[string]any{"AccessKey": w}, nil
}

// listAccessKeys lists a user's keys without secrets; no paging.
func (s *Service) listAccessKeys(rq *wire.Request) (map[string]any, *wire.Error) {
	u, err := s.keyUser(rq)
	if err != nil {
		return nil, err
	}
	return map[string]any{"AccessKeys": wire.Wrap("AccessKey", u.AccessKeys, (*accessKeyRecord).wire)}, nil
}

// userKey finds UserAccessKeyId among the keys of UserName. A key of
// another user is not found, as in RAM.
func (s *Service) userKey(rq *wire.Request) (*userRecord, int, *wire.Error) {
	u, err := s.keyUser(rq)
	if err != nil {
		return nil, 0, err
	}
	id, err := rq.Required("UserAccessKeyId")
	if err != nil {
		return nil, 0, err
	}
	i := slices.IndexFunc(u.AccessKeys, func(k *accessKeyRecord) bool { return k.ID == id })
	if i < 0 {
		return nil, 0, errAccessKeyNotExist()
	}
	return u, i, nil
}

// updateAccessKey sets Status to Active or Inactive; any other value is
// InvalidParameter.Status (assumed code, RAM's InvalidParameter.<Field>
// form).
func (s *Service) updateAccessKey(rq *wire.Request) (map[string]any, *wire.Error) {
	u, i, err := s.userKey(rq)
	if err != nil {
		return nil, err
	}
	status, err := rq.Required("Status")
	if err != nil {
		return nil, err
	}
	if status != keyActive && status != keyInactive {
		return nil, wire.Incorrect("Status")
	}
	u.AccessKeys[i].Status = status
	return map[string]any{}, nil
}

func (s *Service) deleteAccessKey(rq *wire.Request) (map[string]any, *wire.Error) {
	u, i, err := s.userKey(rq)
	if err != nil {
		return nil, err
	}
	u.AccessKeys = slices.Delete(u.AccessKeys, i, i+1)
	return map[string]any{}, nil
}

// accessKeyConflict is DeleteUser's check for access keys.
func accessKeyConflict(_ *store, u *userRecord) *wire.Error {
	if len(u.AccessKeys) > 0 {
		return errDeleteConflict("User.AccessKey", "The user CAN NOT has any access key while deleting the user.")
	}
	return nil
}

// userCredentials resolves a RAM user's access key: its secret and the user as caller, or InvalidAccessKeyId.Inactive for a
// disabled key. found is false for a key nobody holds.
func (s *Service) userCredentials(accessKeyID string) (secret string, c wire.Caller, found bool, err *wire.Error) {
	u, k := s.st.keyOwner(accessKeyID)
	if u == nil {
		return "", wire.Caller{}, false, nil
	}
	if k.Status != keyActive {
		return "", wire.Caller{}, true, errAccessKeyInactive()
	}
	return k.Secret, wire.Caller{
		IdentityType: "RAMUser",
		AccountID:    s.cfg.AccountID,
		PrincipalID:  u.ID,
		ARN:          "acs:ram::" + s.cfg.AccountID + ":user/" + u.Name,
		UserName:     u.Name,
	}, true, nil
}
