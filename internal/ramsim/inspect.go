// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

// What tests read and set of the emulated account, through the server's
// lock: package ram answers for RAM, IMS, ResourceManager and STS, package
// msesim for MSE (their methods of the same names document each).

// lock takes the server's lock and returns its release: defer s.lock()().
func (s *Server) lock() func() {
	s.mu.Lock()
	return s.mu.Unlock
}

// User returns the user called name.
func (s *Server) User(name string) (User, bool) { defer s.lock()(); return s.ram.User(name) }

// Users returns every user, sorted by name.
func (s *Server) Users() []User { defer s.lock()(); return s.ram.Users() }

// Group returns the group called name.
func (s *Server) Group(name string) (Group, bool) { defer s.lock()(); return s.ram.Group(name) }

// Groups returns every group, sorted by name.
func (s *Server) Groups() []Group { defer s.lock()(); return s.ram.Groups() }

// GroupMembers returns the names of the users in a group, sorted; nil for
// an unknown group.
func (s *Server) GroupMembers(group string) []string {
	defer s.lock()()
	return s.ram.GroupMembers(group)
}

// Role returns the role called name.
func (s *Server) Role(name string) (Role, bool) { defer s.lock()(); return s.ram.Role(name) }

// Roles returns every role, sorted by name.
func (s *Server) Roles() []Role { defer s.lock()(); return s.ram.Roles() }

// Policy returns the custom policy called name or, if there is none, the
// system policy.
func (s *Server) Policy(name string) (Policy, bool) { defer s.lock()(); return s.ram.Policy(name) }

// Policies returns the custom policies, sorted by name.
func (s *Server) Policies() []Policy { defer s.lock()(); return s.ram.Policies() }

// AccessKeys returns the access keys of user in creation order; nil for an
// unknown user.
func (s *Server) AccessKeys(user string) []AccessKey { defer s.lock()(); return s.ram.AccessKeys(user) }

// LoginProfile returns the login profile of user, if it has one.
func (s *Server) LoginProfile(user string) (LoginProfile, bool) {
	defer s.lock()()
	return s.ram.LoginProfile(user)
}

// PasswordMatches reports whether password is the current password of
// user's login profile.
func (s *Server) PasswordMatches(user, password string) bool {
	defer s.lock()()
	return s.ram.PasswordMatches(user, password)
}

// AccountPasswordPolicy returns the account's password policy as
// GetPasswordPolicy answers it.
func (s *Server) AccountPasswordPolicy() map[string]any {
	defer s.lock()()
	return s.ram.AccountPasswordPolicy()
}

// AccountSecurityPreference returns the account's security preference as
// GetSecurityPreference answers it.
func (s *Server) AccountSecurityPreference() map[string]any {
	defer s.lock()()
	return s.ram.AccountSecurityPreference()
}

// AttachedPolicies returns the policies attached to a principal
// ("user", "group" or "role") as "<PolicyType>:<PolicyName>", sorted.
func (s *Server) AttachedPolicies(principalType, principalName string) []string {
	defer s.lock()()
	return s.ram.AttachedPolicies(principalType, principalName)
}

// ServiceCatalog returns the services CreateServiceLinkedRole knows.
func (s *Server) ServiceCatalog() []ServiceLinkedRoleSpec {
	defer s.lock()()
	return s.ram.ServiceCatalog()
}

// ServiceLinkedRoles returns the service-linked roles, sorted by name.
func (s *Server) ServiceLinkedRoles() []Role { defer s.lock()(); return s.ram.ServiceLinkedRoles() }

// SetServiceInUse marks a service as using its service-linked roles, so
// that deleting them fails, or (inUse false) clears the mark.
func (s *Server) SetServiceInUse(service string, inUse bool, resources []string) {
	defer s.lock()()
	s.ram.SetServiceInUse(service, inUse, resources)
}

// ServicesInUse returns the services marked in use and their resources.
func (s *Server) ServicesInUse() map[string][]string { defer s.lock()(); return s.ram.ServicesInUse() }

// DeletionTaskStatus returns the last reported status of a deletion task
// ("" before the first query) and whether the task exists.
func (s *Server) DeletionTaskStatus(id string) (string, bool) {
	defer s.lock()()
	return s.ram.DeletionTaskStatus(id)
}

// Authorize decides, as the emulator would for a request signed by the RAM
// user userName, whether action is allowed on resource with the condition
// keys of ctx, and names what decided (ram.Service.Authorize).
func (s *Server) Authorize(userName, action, resource string, ctx map[string]string) (allowed bool, detail string) {
	defer s.lock()()
	return s.ram.Authorize(userName, action, resource, ctx)
}

// NacosConfigContent returns the content of a Nacos configuration of the
// emulated MSE, for tests that prove a write went through. An empty
// namespace is "public", an empty group DEFAULT_GROUP, as the API takes them.
func (s *Server) NacosConfigContent(instanceID, namespaceID, group, dataID string) (string, bool) {
	defer s.lock()()
	return s.mse.NacosConfigContent(instanceID, namespaceID, group, dataID)
}

// GatewayRouteNames lists the names of a gateway's routes, in the order
// they were added.
func (s *Server) GatewayRouteNames(gatewayUniqueID string) []string {
	defer s.lock()()
	return s.mse.GatewayRouteNames(gatewayUniqueID)
}
