// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// Eventual consistency (fault key "consistency=D"). A successful mutation
// is diffed against the store as it was before: every RAM user, group,
// role and custom policy, every policy attachment and every group
// membership that appeared or disappeared gets an entry in Service.lag,
// keyed by kind and name, with the time of the change. Until D has passed,
// Get* and List* actions run on a lagged view of the store in which created
// objects are still absent and deleted ones still present; writes and
// authorization always see the truth. Renames are immediate.

// lagKey names one object or link. Objects are named by kind ("User",
// "Group", "Role", "Policy") and name; links, which survive renames, by
// their owners' ids: kind "Attachment" with "<User|Group|Role>/<id>/<type>/<policy>",
// kind "Membership" with "<groupId>/<userId>".
type lagKey struct{ kind, name string }

// lagEntry is the latest change of one object or link.
type lagEntry struct {
	at      time.Time
	created bool // created: invisible until at+D; otherwise deleted: visible until at+D
	rec     any  // the object's record, or the link (lagLink)
}

// lagLink is an attachment or a membership with its owner.
type lagLink struct {
	ownerKind string // "User", "Group", "Role"; "Group" for a membership
	ownerID   string
	att       attachment
	member    membership
}

// storeShape is what the lag table tracks, at one instant.
type storeShape map[lagKey]any

// shape lists the tracked objects and links of st.
func (st *store) shape() storeShape {
	sh := storeShape{}
	links := func(kind, id string, a *attachedPolicies) {
		for _, x := range a.Policies {
			sh[lagKey{"Attachment", kind + "/" + id + "/" + x.Type + "/" + x.Name}] = lagLink{ownerKind: kind, ownerID: id, att: x}
		}
	}
	for n, u := range st.users {
		sh[lagKey{"User", n}] = u
		links("User", u.ID, &u.attachedPolicies)
	}
	for n, g := range st.groups {
		sh[lagKey{"Group", n}] = g
		links("Group", g.ID, &g.attachedPolicies)
		for _, m := range g.Members {
			sh[lagKey{"Membership", g.ID + "/" + m.UserID}] = lagLink{ownerKind: "Group", ownerID: g.ID, member: m}
		}
	}
	for n, r := range st.roles {
		sh[lagKey{"Role", n}] = r
		links("Role", r.ID, &r.attachedPolicies)
	}
	for n, p := range st.policies {
		sh[lagKey{"Policy", n}] = p
	}
	return sh
}

// recordLag notes what a mutation created and deleted.
func (s *Service) recordLag(before, after storeShape) {
	isObject := func(k lagKey) bool { return k.kind != "Attachment" && k.kind != "Membership" }
	// An object record found under both shapes, whatever its name, was
	// renamed or updated in place: not a creation or deletion.
	live := map[any]bool{}
	for k, v := range after {
		if isObject(k) {
			live[v] = true
		}
	}
	old := map[any]bool{}
	for k, v := range before {
		if isObject(k) {
			old[v] = true
		}
	}
	now := s.cfg.Now()
	s.pruneLag(now, s.consistency)
	note := func(k lagKey, created bool, rec any) {
		if s.lag == nil {
			s.lag = map[lagKey]lagEntry{}
		}
		s.lag[k] = lagEntry{at: now, created: created, rec: rec}
	}
	for k, v := range before {
		if w, ok := after[k]; ok && w == v {
			continue
		}
		if isObject(k) && live[v] {
			continue
		}
		if _, ok := after[k]; ok && !isObject(k) {
			continue // a link changed in place (never happens today)
		}
		note(k, false, v)
	}
	for k, v := range after {
		if w, ok := before[k]; ok && w == v {
			continue
		}
		if isObject(k) && old[v] {
			continue
		}
		if _, ok := before[k]; ok && !isObject(k) {
			continue
		}
		note(k, true, v)
	}
}

// laggedStore is the store as Get* and List* actions see it, or nil when
// nothing is pending (then they see s.st itself). Expired entries are
// dropped.
func (s *Service) laggedStore() *store {
	d := s.consistency
	if d <= 0 || len(s.lag) == 0 {
		return nil
	}
	now := s.cfg.Now()
	s.pruneLag(now, d)
	keys := make([]lagKey, 0, len(s.lag))
	for k := range s.lag {
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return nil
	}
	// Deterministic: by change time, then key.
	sort.Slice(keys, func(i, j int) bool {
		a, b := s.lag[keys[i]], s.lag[keys[j]]
		if !a.at.Equal(b.at) {
			return a.at.Before(b.at)
		}
		return keys[i].kind+"/"+keys[i].name < keys[j].kind+"/"+keys[j].name
	})
	v := &store{
		users: maps.Clone(s.st.users), groups: maps.Clone(s.st.groups),
		roles: maps.Clone(s.st.roles), policies: maps.Clone(s.st.policies), tasks: s.st.tasks,
	}
	for _, k := range keys {
		e := s.lag[k]
		switch r := e.rec.(type) {
		case *userRecord:
			lagObject(v.users, k.name, r, e.created)
		case *groupRecord:
			lagObject(v.groups, k.name, r, e.created)
		case *roleRecord:
			lagObject(v.roles, k.name, r, e.created)
		case *policyRecord:
			lagObject(v.policies, k.name, r, e.created)
		}
	}
	cl := &viewCloner{v: v, cloned: map[any]bool{}}
	for _, k := range keys {
		if link, ok := s.lag[k].rec.(lagLink); ok {
			cl.lagLink(link, s.lag[k].created)
		}
	}
	return v
}

// pruneLag forgets the changes older than d.
func (s *Service) pruneLag(now time.Time, d time.Duration) {
	for k, e := range s.lag {
		if !now.Before(e.at.Add(d)) {
			delete(s.lag, k)
		}
	}
}

// lagObject hides a created record (if its name still holds it) or shows
// a deleted one (if its name is free).
func lagObject[T comparable](m map[string]T, name string, rec T, created bool) {
	cur, ok := m[name]
	switch {
	case created && ok && cur == rec:
		delete(m, name)
	case !created && !ok:
		m[name] = rec
	}
}

// viewCloner copies, once each, the principals of a lagged view whose
// links it changes, so the real records stay untouched.
type viewCloner struct {
	v      *store
	cloned map[any]bool
}

func (c *viewCloner) lagLink(l lagLink, created bool) {
	if l.att.Name != "" {
		a := c.owner(l.ownerKind, l.ownerID)
		if a == nil {
			return
		}
		i := a.find(l.att.Type, l.att.Name)
		switch {
		case created && i >= 0:
			a.Policies = slices.Delete(a.Policies, i, i+1)
		case !created && i < 0:
			a.Policies = append(a.Policies, l.att)
		}
		return
	}
	g := c.group(l.ownerID)
	if g == nil {
		return
	}
	i := g.member(l.member.UserID)
	switch {
	case created && i >= 0:
		g.Members = slices.Delete(g.Members, i, i+1)
	case !created && i < 0:
		g.Members = append(g.Members, l.member)
	}
}

// owner returns the attachments of the view's principal of kind and id,
// on a private copy of the principal; nil when the view has none.
func (c *viewCloner) owner(kind, id string) *attachedPolicies {
	switch kind {
	case "User":
		if u := cloneByID(c, c.v.users, id, func(u *userRecord) string { return u.ID }, func(u *userRecord) *userRecord {
			cp := *u
			cp.Policies = slices.Clone(u.Policies)
			return &cp
		}); u != nil {
			return &u.attachedPolicies
		}
	case "Group":
		if g := c.group(id); g != nil {
			return &g.attachedPolicies
		}
	case "Role":
		if r := cloneByID(c, c.v.roles, id, func(r *roleRecord) string { return r.ID }, func(r *roleRecord) *roleRecord {
			cp := *r
			cp.Policies = slices.Clone(r.Policies)
			return &cp
		}); r != nil {
			return &r.attachedPolicies
		}
	}
	return nil
}

func (c *viewCloner) group(id string) *groupRecord {
	return cloneByID(c, c.v.groups, id, func(g *groupRecord) string { return g.ID }, func(g *groupRecord) *groupRecord {
		cp := *g
		cp.Policies = slices.Clone(g.Policies)
		cp.Members = slices.Clone(g.Members)
		return &cp
	})
}

// cloneByID finds the record with id in m and replaces it by a copy the
// first time; nil when absent.
func cloneByID[T comparable](c *viewCloner, m map[string]T, id string, idOf func(T) string, clone func(T) T) T {
	var zero T
	for name, rec := range m {
		if idOf(rec) != id {
			continue
		}
		if c.cloned[rec] {
			return rec
		}
		cp := clone(rec)
		c.cloned[cp] = true
		m[name] = cp
		return cp
	}
	return zero
}

// SetConsistency sets the delay after which reads see creations and
// deletions; 0 turns the lag off and forgets the pending changes.
func (s *Service) SetConsistency(d time.Duration) {
	s.consistency = d
	if d <= 0 {
		s.lag = nil
	}
}

// consistent runs every action of api through the lag: with a consistency
// delay set, a mutation's creations and deletions are recorded, and a Get*
// or List* action reads the lagged view of the store.
func consistent(api *wire.API[*Service]) *wire.API[*Service] {
	for action, rt := range api.Actions {
		h := rt.Handle
		mutates := rt.Mutates
		rt.Handle = func(s *Service, rq *wire.Request) (map[string]any, *wire.Error) {
			return s.handleLagged(action, h, mutates, rq)
		}
		api.Actions[action] = rt
	}
	return api
}

// handleLagged runs h, a handler of action, on the store or its lagged
// view (see consistent). The server's lock is held.
func (s *Service) handleLagged(action string, h handler, mutates bool, rq *wire.Request) (map[string]any, *wire.Error) {
	if s.consistency <= 0 {
		return h(s, rq)
	}
	if mutates {
		before := s.st.shape()
		resp, err := h(s, rq)
		if err == nil {
			s.recordLag(before, s.st.shape())
		}
		return resp, err
	}
	if lagged(action, mutates) {
		if view := s.laggedStore(); view != nil {
			live := s.st
			s.st = view
			defer func() { s.st = live }()
		}
	}
	return h(s, rq)
}

// lagged reports whether action reads through the lagged view: the Get*
// and List* actions that change nothing.
func lagged(action string, mutates bool) bool {
	return !mutates && (strings.HasPrefix(action, "Get") || strings.HasPrefix(action, "List"))
}
