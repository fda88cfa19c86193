// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"time"
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
func (s *Server) LoginProfile(user string) (LoginProfile, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
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
func (s *Server) PasswordMatches(user, password string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.st.users[user]
	return ok && u.LoginProfile != nil && u.LoginProfile.PasswordHash == hashPassword(u.LoginProfile.PasswordSalt, password)
}

func hashPassword(salt, password string) string {
	sum := sha256.Sum256([]byte(salt + "\x00" + password))
	return hex.EncodeToString(sum[:])
}

// setPassword stores a fresh salt and the hash of password.
func (lp *loginProfileRecord) setPassword(password string) *apiError {
	var salt [16]byte
	if _, err := rand.Read(salt[:]); err != nil {
		return errInternal()
	}
	lp.PasswordSalt = hex.EncodeToString(salt[:])
	lp.PasswordHash = hashPassword(lp.PasswordSalt, password)
	return nil
}

// checkPassword applies the account's password policy
// (account_settings.go).
func (s *Server) checkPassword(user, password string) *apiError {
	return s.passwordPolicy().check(user, password)
}

func (u *userRecord) loginProfileWire() map[string]any {
	lp := u.LoginProfile
	return map[string]any{
		"UserName":              u.Name,
		"PasswordResetRequired": lp.PasswordResetRequired,
		"MFABindRequired":       lp.MFABindRequired,
		"CreateDate":            formatDate(lp.Created),
	}
}

// createLoginProfile enables console logon. Checks run in the documented
// order of the error table: UserName, Password, the user, a profile
// already there.
func (s *Server) createLoginProfile(rq *request) (map[string]any, *apiError) {
	u, err := s.existingUser(rq)
	if err != nil {
		return nil, err
	}
	password, err := rq.required("Password")
	if err != nil {
		return nil, err
	}
	reset, err := rq.boolean("PasswordResetRequired")
	if err != nil {
		return nil, err
	}
	mfa, err := rq.boolean("MFABindRequired")
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

func (s *Server) existingLoginProfile(rq *request) (*userRecord, *apiError) {
	u, err := s.existingUser(rq)
	if err != nil {
		return nil, err
	}
	if u.LoginProfile == nil {
		return nil, errLoginProfileNotExist()
	}
	return u, nil
}

func (s *Server) getLoginProfile(rq *request) (map[string]any, *apiError) {
	u, err := s.existingLoginProfile(rq)
	if err != nil {
		return nil, err
	}
	return map[string]any{"LoginProfile": u.loginProfileWire()}, nil
}

// updateLoginProfile changes what is sent: Password (an empty value is
// "not sent", a password cannot be cleared), PasswordResetRequired,
// MFABindRequired. It answers only the RequestId.
func (s *Server) updateLoginProfile(rq *request) (map[string]any, *apiError) {
	u, err := s.existingLoginProfile(rq)
	if err != nil {
		return nil, err
	}
	updated := *u.LoginProfile
	if password := rq.get("Password"); password != "" {
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
		if v, ok := rq.lookup(f.param); ok && v != "" {
			b, err := rq.boolean(f.param)
			if err != nil {
				return nil, err
			}
			*f.ref = b
		}
	}
	*u.LoginProfile = updated
	return map[string]any{}, nil
}

func (s *Server) deleteLoginProfile(rq *request) (map[string]any, *apiError) {
	u, err := s.existingLoginProfile(rq)
	if err != nil {
		return nil, err
	}
	u.LoginProfile = nil
	return map[string]any{}, nil
}

// loginProfileConflict is DeleteUser's check for console logon.
func loginProfileConflict(_ *store, u *userRecord) *apiError {
	if u.LoginProfile != nil {
		return errDeleteConflict("User.LoginProfile", "The user CAN NOT has any login profile while deleting the user.")
	}
	return nil
}
