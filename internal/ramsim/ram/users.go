// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"maps"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// User is a read-only snapshot of a RAM user for tests; it shares nothing
// with the server's state.
type User struct {
	UserID, UserName, DisplayName, MobilePhone, Email, Comments string
	CreateDate, UpdateDate                                      time.Time
	Tags                                                        map[string]string
}

// User returns the user called name.
func (s *Service) User(name string) (User, bool) {
	u, ok := s.st.users[name]
	if !ok {
		return User{}, false
	}
	return u.snapshot(), true
}

// Users returns every user, sorted by name.
func (s *Service) Users() []User {
	var out []User
	for _, u := range s.st.sortedUsers() {
		out = append(out, u.snapshot())
	}
	return out
}

func (u *userRecord) snapshot() User {
	return User{
		UserID: u.ID, UserName: u.Name, DisplayName: u.DisplayName, MobilePhone: u.MobilePhone,
		Email: u.Email, Comments: u.Comments, CreateDate: u.Created, UpdateDate: u.Updated,
		Tags: maps.Clone(u.Tags),
	}
}

// wire is the API's User object. Unset optional fields are sent as empty
// strings; LastLoginDate is absent because nobody logs in to the emulator.
func (u *userRecord) wire() map[string]any {
	return map[string]any{
		"UserId":      u.ID,
		"UserName":    u.Name,
		"DisplayName": u.DisplayName,
		"MobilePhone": u.MobilePhone,
		"Email":       u.Email,
		"Comments":    u.Comments,
		"CreateDate":  wire.FormatDate(u.Created),
		"UpdateDate":  wire.FormatDate(u.Updated),
	}
}

// now is the server clock at second precision, the precision of API dates.
func (s *Service) now() time.Time { return s.cfg.Now().UTC().Truncate(time.Second) }

// existingUser validates the UserName parameter and finds that user.
func (s *Service) existingUser(rq *wire.Request) (*userRecord, *wire.Error) {
	name, err := rq.Required("UserName")
	if err != nil {
		return nil, err
	}
	if err := validateUserName("UserName", name); err != nil {
		return nil, err
	}
	u, ok := s.st.users[name]
	if !ok {
		return nil, errUserNotExist()
	}
	return u, nil
}

// userField is one optional attribute of a user: its parameter name (the
// update form is "New" + name), its rule, and where it is stored.
type userField struct {
	name     string
	validate func(field, v string) *wire.Error
	ref      func(u *userRecord) *string
}

var userFields = []userField{
	{"DisplayName", validateDisplayName, func(u *userRecord) *string { return &u.DisplayName }},
	{"MobilePhone", validateMobilePhone, func(u *userRecord) *string { return &u.MobilePhone }},
	{"Email", validateEmail, func(u *userRecord) *string { return &u.Email }},
	{"Comments", validateComments, func(u *userRecord) *string { return &u.Comments }},
}

func (s *Service) createUser(rq *wire.Request) (map[string]any, *wire.Error) {
	name, err := rq.Required("UserName")
	if err != nil {
		return nil, err
	}
	if err := validateUserName("UserName", name); err != nil {
		return nil, err
	}
	now := s.now()
	u := &userRecord{Name: name, Created: now, Updated: now}
	for _, f := range userFields {
		// An empty optional value on create simply leaves the field unset.
		if v := rq.Get(f.name); v != "" {
			if err := f.validate(f.name, v); err != nil {
				return nil, err
			}
			*f.ref(u) = v
		}
	}
	if _, ok := s.st.users[name]; ok {
		return nil, errUserExists()
	}
	if len(s.st.users) >= s.cfg.Limits.Users {
		return nil, errUserLimit()
	}
	id, ierr := s.st.newID()
	if ierr != nil {
		return nil, wire.Internal()
	}
	u.ID = id
	s.st.users[name] = u
	return map[string]any{"User": u.wire()}, nil
}

func (s *Service) getUser(rq *wire.Request) (map[string]any, *wire.Error) {
	u, err := s.existingUser(rq)
	if err != nil {
		return nil, err
	}
	return map[string]any{"User": u.wire()}, nil
}

// updateUser changes the fields whose New* parameter is present. A present
// but empty value clears the field: the provider relies on that to unset an
// attribute. NewUserName cannot be cleared (a user needs a name), so an
// empty one is a Length error. For NewDisplayName no evidence of the real
// behavior was found; it is cleared like the other optional fields.
// Renaming keeps UserId, dates, tags, attached policies and group
// memberships (groups hold members by UserId).
func (s *Service) updateUser(rq *wire.Request) (map[string]any, *wire.Error) {
	u, err := s.existingUser(rq)
	if err != nil {
		return nil, err
	}
	updated := *u
	newName, rename := rq.Lookup("NewUserName")
	if rename {
		if err := validateUserName("NewUserName", newName); err != nil {
			return nil, err
		}
		updated.Name = newName
	}
	for _, f := range userFields {
		param := "New" + f.name
		v, present := rq.Lookup(param)
		if !present {
			continue
		}
		if v != "" {
			if err := f.validate(param, v); err != nil {
				return nil, err
			}
		}
		*f.ref(&updated) = v
	}
	if other, ok := s.st.users[updated.Name]; ok && other != u {
		return nil, errUserExists()
	}
	updated.Updated = s.now()
	delete(s.st.users, u.Name)
	*u = updated
	s.st.users[u.Name] = u
	return map[string]any{"User": u.wire()}, nil
}

// userDependants are DeleteUser's checks, in the order the classic
// DeleteUser doc lists the conflicts: AccessKey, LoginProfile, Group,
// Policy, MFADevice (the real evaluation order is not documented). MFA
// devices add their check here when they are implemented.
var userDependants = []func(st *store, u *userRecord) *wire.Error{
	accessKeyConflict,
	loginProfileConflict,
	(*store).groupConflict,
	func(_ *store, u *userRecord) *wire.Error { return policyConflict(userKind, u) },
}

// deleteUser removes a user that has no dependants left.
func (s *Service) deleteUser(rq *wire.Request) (map[string]any, *wire.Error) {
	u, err := s.existingUser(rq)
	if err != nil {
		return nil, err
	}
	for _, check := range userDependants {
		if err := check(s.st, u); err != nil {
			return nil, err
		}
	}
	delete(s.st.users, u.Name)
	return map[string]any{}, nil
}

// listUsers pages through users by name.
func (s *Service) listUsers(rq *wire.Request) (map[string]any, *wire.Error) {
	pg, err := wire.ReadMarkerPage(rq)
	if err != nil {
		return nil, err
	}
	return wire.MarkerPage(pg, s.st.sortedUsers(), (*userRecord).name, "Users", "User", (*userRecord).wire), nil
}

func (u *userRecord) name() string { return u.Name }

// entity is the user as ListEntitiesForPolicy lists it.
func (u *userRecord) entity(string) map[string]any { return u.wire() }
