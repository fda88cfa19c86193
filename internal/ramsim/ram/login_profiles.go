// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// loginProfileRecord is a user's console logon as persisted. The password
// itself is never stored: only a salted SHA-256, enough to tell whether a
// later password is the same and never needed to answer any action.
type loginProfileRecord struct {
	PasswordSalt          string    `json:"passwordSalt"`
	PasswordHash          string    `json:"passwordHash"`
	PasswordResetRequired bool      `json:"passwordResetRequired,omitempty"`
	MFABindRequired       bool      `json:"mfaBindRequired,omitempty"`
	Created               time.Time `json:"created"`
}

// LoginProfile is a read-only snapshot of a user's login profile for tests
// (no password).
type LoginProfile struct {
	UserName                               string
	PasswordResetRequired, MFABindRequired bool
	CreateDate                             time.Time
}

// LoginProfile returns the login profile of user, if it has one.
func (s *Service) LoginProfile(user string) (LoginProfile, bool) {
	u, ok := s.st.users[user]
	if !ok || u.LoginProfile == nil {
		return LoginProfile{}, false
	}
	lp := u.LoginProfile
	return LoginProfile{UserName: u.Name, PasswordResetRequired: lp.PasswordResetRequired,
		MFABindRequired: lp.MFABindRequired, CreateDate: lp.Created}, true
}

// PasswordMatches reports whether password is the current password of
// user's login profile (for tests that check an update took effect).
func (s *Service) PasswordMatches(user, password string) bool {
	u, ok := s.st.users[user]
	return ok && u.LoginProfile != nil && u.LoginProfile.PasswordHash == hashPassword(u.LoginProfile.PasswordSalt, password)
}

func hashPassword(salt, password string) string {
	sum := sha256.Sum256([]byte(salt + "\x00" + password))
	return hex.EncodeToString(sum[:])
}

// setPassword stores a fresh salt and the hash of password.
func (lp *loginProfileRecord) setPassword(password string) *wire.Error {
	var salt [16]byte
	if _, err := rand.Read(salt[:]); err != nil {
		return wire.Internal()
	}
	lp.PasswordSalt = hex.EncodeToString(salt[:])
	lp.PasswordHash = hashPassword(lp.PasswordSalt, password)
	return nil
}

// checkPassword applies the account's password policy
// (account_settings.go).
func (s *Service) checkPassword(user, password string) *wire.Error {
	return s.passwordPolicy().check(user, password)
}

func (u *userRecord) loginProfileWire() map[string]any {
	lp := u.LoginProfile
	return map[string]any{
		"UserName":              u.Name,
		"PasswordResetRequired": lp.PasswordResetRequired,
		"MFABindRequired":       lp.MFABindRequired,
		"CreateDate":            wire.FormatDate(lp.Created),
	}
}

// createLoginProfile enables console logon. Checks run in the documented
// order of the error table: UserName, Password, the user, a profile
// already there.
func (s *Service) createLoginProfile(rq *wire.Request) (map[string]any, *wire.Error) {
	u, err := s.existingUser(rq)
	if err != nil {
		return nil, err
	}
	password, err := rq.Required("Password")
	if err != nil {
		return nil, err
	}
	reset, err := rq.Boolean("PasswordResetRequired")
	if err != nil {
		return nil, err
	}
	mfa, err := rq.Boolean("MFABindRequired")
	if err != nil {
		return nil, err
	}
	if err := s.checkPassword(u.Name, password); err != nil {
		return nil, err
	}
	if u.LoginProfile != nil {
		return nil, errLoginProfileExists()
	}
	lp := &loginProfileRecord{PasswordResetRequired: reset, MFABindRequired: mfa, Created: s.now()}
	if err := lp.setPassword(password); err != nil {
		return nil, err
	}
	u.LoginProfile = lp
	return map[string]any{"LoginProfile": u.loginProfileWire()}, nil
}

func (s *Service) existingLoginProfile(rq *wire.Request) (*userRecord, *wire.Error) {
	u, err := s.existingUser(rq)
	if err != nil {
		return nil, err
	}
	if u.LoginProfile == nil {
		return nil, errLoginProfileNotExist()
	}
	return u, nil
}

func (s *Service) getLoginProfile(rq *wire.Request) (map[string]any, *wire.Error) {
	u, err := s.existingLoginProfile(rq)
	if err != nil {
		return nil, err
	}
	return map[string]any{"LoginProfile": u.loginProfileWire()}, nil
}

// updateLoginProfile changes what is sent: Password (an empty value is
// "not sent", a password cannot be cleared), PasswordResetRequired,
// MFABindRequired. It answers only the RequestId.
func (s *Service) updateLoginProfile(rq *wire.Request) (map[string]any, *wire.Error) {
	u, err := s.existingLoginProfile(rq)
	if err != nil {
		return nil, err
	}
	updated := *u.LoginProfile
	if password := rq.Get("Password"); password != "" {
		if err := s.checkPassword(u.Name, password); err != nil {
			return nil, err
		}
		if err := updated.setPassword(password); err != nil {
			return nil, err
		}
	}
	for _, f := range []struct {
		param string
		ref   *bool
	}{{"PasswordResetRequired", &updated.PasswordResetRequired}, {"MFABindRequired", &updated.MFABindRequired}} {
		if v, ok := rq.Lookup(f.param); ok && v != "" {
			b, err := rq.Boolean(f.param)
			if err != nil {
				return nil, err
			}
			*f.ref = b
		}
	}
	*u.LoginProfile = updated
	return map[string]any{}, nil
}

func (s *Service) deleteLoginProfile(rq *wire.Request) (map[string]any, *wire.Error) {
	u, err := s.existingLoginProfile(rq)
	if err != nil {
		return nil, err
	}
	u.LoginProfile = nil
	return map[string]any{}, nil
}

// loginProfileConflict is DeleteUser's check for console logon.
func loginProfileConflict(_ *store, u *userRecord) *wire.Error {
	if u.LoginProfile != nil {
		return errDeleteConflict("User.LoginProfile", "The user CAN NOT has any login profile while deleting the user.")
	}
	return nil
}
