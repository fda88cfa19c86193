// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"slices"
	"strings"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// groupRecord is one user group as persisted. Members are kept by UserId,
// so renaming a user or the group keeps memberships.
type groupRecord struct {
	ID       string       `json:"id"`
	Name     string       `json:"name"`
	Comments string       `json:"comments,omitempty"`
	Created  time.Time    `json:"created"`
	Updated  time.Time    `json:"updated"`
	Members  []membership `json:"members,omitempty"` // in join order
	attachedPolicies
}

type membership struct {
	UserID string    `json:"userId"`
	Joined time.Time `json:"joined"`
}

// Group is a read-only snapshot of a user group for tests.
type Group struct {
	GroupID, GroupName, Comments string
	CreateDate, UpdateDate       time.Time
}

// Group returns the group called name.
func (s *Service) Group(name string) (Group, bool) {
	g, ok := s.st.groups[name]
	if !ok {
		return Group{}, false
	}
	return g.snapshot(), true
}

// Groups returns every group, sorted by name.
func (s *Service) Groups() []Group {
	var out []Group
	for _, g := range wire.SortedByName(s.st.groups) {
		out = append(out, g.snapshot())
	}
	return out
}

// GroupMembers returns the names of the users in a group, sorted; nil for
// an unknown group.
func (s *Service) GroupMembers(group string) []string {
	g, ok := s.st.groups[group]
	if !ok {
		return nil
	}
	var out []string
	for _, m := range g.Members {
		if u := s.st.userByID(m.UserID); u != nil {
			out = append(out, u.Name)
		}
	}
	slices.Sort(out)
	return out
}

func (g *groupRecord) snapshot() Group {
	return Group{GroupID: g.ID, GroupName: g.Name, Comments: g.Comments, CreateDate: g.Created, UpdateDate: g.Updated}
}

func (g *groupRecord) name() string { return g.Name }

// wire is the API's Group object.
func (g *groupRecord) wire() map[string]any {
	return map[string]any{
		"GroupId":    g.ID,
		"GroupName":  g.Name,
		"Comments":   g.Comments,
		"CreateDate": wire.FormatDate(g.Created),
		"UpdateDate": wire.FormatDate(g.Updated),
	}
}

// entity is the group as ListEntitiesForPolicy lists it.
func (g *groupRecord) entity(string) map[string]any { return g.wire() }

func (g *groupRecord) member(userID string) int {
	return slices.IndexFunc(g.Members, func(m membership) bool { return m.UserID == userID })
}

// groupsOf returns the groups a user is in, sorted by name.
func (st *store) groupsOf(u *userRecord) []*groupRecord {
	var out []*groupRecord
	for _, g := range wire.SortedByName(st.groups) {
		if g.member(u.ID) >= 0 {
			out = append(out, g)
		}
	}
	return out
}

// existingGroup validates GroupName and finds that group.
func (s *Service) existingGroup(rq *wire.Request) (*groupRecord, *wire.Error) {
	name, err := rq.Required("GroupName")
	if err != nil {
		return nil, err
	}
	if err := validateGroupName("GroupName", name); err != nil {
		return nil, err
	}
	g, ok := s.st.groups[name]
	if !ok {
		return nil, errNotExist("Group")
	}
	return g, nil
}

func (s *Service) createGroup(rq *wire.Request) (map[string]any, *wire.Error) {
	name, err := rq.Required("GroupName")
	if err != nil {
		return nil, err
	}
	if err := validateGroupName("GroupName", name); err != nil {
		return nil, err
	}
	comments := rq.Get("Comments")
	if err := validateComments("Comments", comments); err != nil {
		return nil, err
	}
	if _, ok := s.st.groups[name]; ok {
		return nil, errExists("Group")
	}
	if len(s.st.groups) >= s.cfg.Limits.Groups {
		return nil, errLimit("Group")
	}
	id, ierr := s.st.newID()
	if ierr != nil {
		return nil, wire.Internal()
	}
	now := s.now()
	g := &groupRecord{ID: id, Name: name, Comments: comments, Created: now, Updated: now}
	s.st.groups[name] = g
	return map[string]any{"Group": g.wire()}, nil
}

func (s *Service) getGroup(rq *wire.Request) (map[string]any, *wire.Error) {
	g, err := s.existingGroup(rq)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Group": g.wire()}, nil
}

// updateGroup renames (NewGroupName) and sets comments (NewComments; a
// present empty value clears them). Members and attachments stay.
func (s *Service) updateGroup(rq *wire.Request) (map[string]any, *wire.Error) {
	g, err := s.existingGroup(rq)
	if err != nil {
		return nil, err
	}
	name := g.Name
	if newName, ok := rq.Lookup("NewGroupName"); ok {
		if err := validateGroupName("NewGroupName", newName); err != nil {
			return nil, err
		}
		name = newName
	}
	comments, setComments := rq.Lookup("NewComments")
	if setComments {
		if err := validateComments("NewComments", comments); err != nil {
			return nil, err
		}
	}
	if other, ok := s.st.groups[name]; ok && other != g {
		return nil, errExists("Group")
	}
	if setComments {
		g.Comments = comments
	}
	delete(s.st.groups, g.Name)
	g.Name = name
	g.Updated = s.now()
	s.st.groups[name] = g
	return map[string]any{"Group": g.wire()}, nil
}

// deleteGroup deletes a group without members (DeleteConflict.Group.User)
// and without policies (DeleteConflict.Group.Policy).
func (s *Service) deleteGroup(rq *wire.Request) (map[string]any, *wire.Error) {
	g, err := s.existingGroup(rq)
	if err != nil {
		return nil, err
	}
	if len(g.Members) > 0 {
		return nil, errDeleteConflict("Group.User", "The group has users; remove them first.")
	}
	if err := policyConflict(groupKind, g); err != nil {
		return nil, err
	}
	delete(s.st.groups, g.Name)
	return map[string]any{}, nil
}

func (s *Service) listGroups(rq *wire.Request) (map[string]any, *wire.Error) {
	pg, err := wire.ReadMarkerPage(rq)
	if err != nil {
		return nil, err
	}
	return wire.MarkerPage(pg, wire.SortedByName(s.st.groups), (*groupRecord).name, "Groups", "Group", (*groupRecord).wire), nil
}

// userAndGroup finds the GroupName and UserName of a membership call.
func (s *Service) userAndGroup(rq *wire.Request) (*userRecord, *groupRecord, *wire.Error) {
	g, err := s.existingGroup(rq)
	if err != nil {
		return nil, nil, err
	}
	u, err := s.existingUser(rq)
	if err != nil {
		return nil, nil, err
	}
	return u, g, nil
}

func (s *Service) addUserToGroup(rq *wire.Request) (map[string]any, *wire.Error) {
	u, g, err := s.userAndGroup(rq)
	if err != nil {
		return nil, err
	}
	if g.member(u.ID) >= 0 {
		return nil, errExists("User.Group")
	}
	if len(s.st.groupsOf(u)) >= s.cfg.Limits.GroupsPerUser {
		return nil, errLimit("User.Group")
	}
	g.Members = append(g.Members, membership{UserID: u.ID, Joined: s.now()})
	return map[string]any{}, nil
}

func (s *Service) removeUserFromGroup(rq *wire.Request) (map[string]any, *wire.Error) {
	u, g, err := s.userAndGroup(rq)
	if err != nil {
		return nil, err
	}
	i := g.member(u.ID)
	if i < 0 {
		return nil, errNotExist("User.Group")
	}
	g.Members = slices.Delete(g.Members, i, i+1)
	return map[string]any{}, nil
}

// listGroupsForUser lists a user's groups by name, with JoinDate; no paging.
func (s *Service) listGroupsForUser(rq *wire.Request) (map[string]any, *wire.Error) {
	u, err := s.existingUser(rq)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Groups": wire.Wrap("Group", s.st.groupsOf(u), func(g *groupRecord) map[string]any {
		return map[string]any{"GroupId": g.ID, "GroupName": g.Name, "Comments": g.Comments,
			"JoinDate": wire.FormatDate(g.Members[g.member(u.ID)].Joined)}
	})}, nil
}

// listUsersForGroup pages through a group's members by user name.
func (s *Service) listUsersForGroup(rq *wire.Request) (map[string]any, *wire.Error) {
	g, err := s.existingGroup(rq)
	if err != nil {
		return nil, err
	}
	pg, err := wire.ReadMarkerPage(rq)
	if err != nil {
		return nil, err
	}
	joined := map[string]time.Time{}
	var users []*userRecord
	for _, m := range g.Members {
		if u := s.st.userByID(m.UserID); u != nil {
			users = append(users, u)
			joined[u.ID] = m.Joined
		}
	}
	slices.SortFunc(users, func(a, b *userRecord) int { return strings.Compare(a.Name, b.Name) })
	return wire.MarkerPage(pg, users, (*userRecord).name, "Users", "User", func(u *userRecord) map[string]any {
		return map[string]any{"UserId": u.ID, "UserName": u.Name, "DisplayName": u.DisplayName,
			"JoinDate": wire.FormatDate(joined[u.ID])}
	}), nil
}

// groupConflict is DeleteUser's check for memberships.
func (st *store) groupConflict(u *userRecord) *wire.Error {
	if len(st.groupsOf(u)) > 0 {
		return errDeleteConflict("User.Group", "The user is a member of groups; remove it from them first.")
	}
	return nil
}
