// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import "time"

// The documented root AccessKey, used when Config leaves it unset. It is
// public, so Start serves it on loopback addresses only unless
// Config.AllowRemote is set.
const (
	DefaultAccessKeyID     = "ramsim"
	DefaultAccessKeySecret = "ramsim-secret"
)

// Config describes one emulated Alibaba Cloud account.
type Config struct {
	AccountID       string // default "1234567890123456"
	AccessKeyID     string // root key id, default DefaultAccessKeyID
	AccessKeySecret string // default DefaultAccessKeySecret
	// AllowRemote lets Start listen on an address other than loopback while
	// the root secret is DefaultAccessKeySecret, which anyone can read in
	// the docs. With a secret of one's own no permission is needed.
	AllowRemote bool
	// AllowedHosts are names, besides localhost, IP literals and names under
	// aliyuncs.com, accepted in the Host header of requests that arrive
	// through a listener, e.g. the name of a machine serving ramsim to
	// others. Any other name is refused (network_guard.go: DNS rebinding).
	// Entries are bare names: no scheme, port or path; case and a trailing
	// dot do not matter.
	AllowedHosts []string
	// StatePath, when set, is loaded by New if the file exists and saved
	// atomically after every successful mutating request and on Close.
	StatePath string
	// Limits are the account quotas; a zero field takes its DefaultLimits value.
	Limits Limits
	// Now is the clock (nil means time.Now); tests use it to control
	// timestamps and the signature time window.
	Now func() time.Time
	// PasswordPolicy is the account's password policy until IMS
	// SetPasswordPolicy changes it (and a state file's wins over it); the
	// zero value is RAM's default policy (at least 8 characters).
	PasswordPolicy PasswordPolicy
	// DeletionPolls is how many GetServiceLinkedRoleDeletionStatus calls a
	// deletion task answers before it finishes: the first NOT_STARTED (when
	// DeletionPolls >= 2), the others IN_PROGRESS. 0 means the default 2; a
	// negative value makes the first query already final.
	DeletionPolls int
	// ServicesInUse are services marked in use from the start, as
	// SetServiceInUse would (service name -> resource ARNs; nil or empty
	// ARNs get one made-up resource).
	ServicesInUse map[string][]string
	// ExtraServiceLinkedRoles are added to the built-in service catalog
	// (tests use them for services that accept a custom suffix or
	// description). An entry with an unknown PolicyName gets no policy.
	ExtraServiceLinkedRoles []ServiceLinkedRoleSpec
	// Fixtures is the path of a JSON file with the MSE instances and
	// gateways to emulate (see the package doc); "" loads the built-in set
	// with the seeds' ids. MSE state lives in memory: every New starts
	// from the fixtures.
	Fixtures string
	// Faults is the fault-injection spec, e.g.
	// "throttle=0.2,5xx=0.05,latency=50ms,consistency=1s" (syntax: the
	// package doc, section "Faults"); "" injects nothing. New rejects a bad
	// spec. SetFaults changes it while running.
	Faults string
	// Seed seeds the fault injector's random source: the same seed and the
	// same sequence of requests inject the same faults.
	Seed int64
	// TLSCertFile and TLSKeyFile, both or neither, are PEM files of the
	// server's certificate (with its chain) and private key: Start then
	// serves HTTPS and URL says https:// (tls.go).
	TLSCertFile, TLSKeyFile string
}

// PasswordPolicy is the account's password policy as far as the emulator
// enforces it. Its zero value is RAM's default (IMS SetPasswordPolicy:
// MinimumPasswordLength 8, no character class required).
type PasswordPolicy struct {
	MinimumPasswordLength      int // 8-32; 0 means 8
	RequireLowercaseCharacters bool
	RequireUppercaseCharacters bool
	RequireNumbers             bool
	RequireSymbols             bool
	PasswordNotContainUserName bool
}

// Limits are the RAM quotas the emulator enforces. The defaults are the
// documented quotas (https://www.alibabacloud.com/help/en/ram/product-overview/limits);
// tests lower them to reach a limit cheaply. Later resources add their own.
type Limits struct {
	Users           int // RAM users per account (LimitExceeded.User)
	TagsPerUser     int // tags on one RAM user (IMS TagResources)
	Groups          int // user groups per account (LimitExceeded.Group)
	GroupsPerUser   int // groups one user may join (LimitExceeded.User.Group)
	Roles           int // RAM roles per account (LimitExceeded.Role)
	Policies        int // custom policies per account (LimitExceeded.Policy)
	PolicyVersions  int // versions of one custom policy (LimitExceeded.Policy.Version)
	TagsPerResource int // tags on one RAM role or custom policy (RAM TagResources)
	// SystemPoliciesPerPrincipal and CustomPoliciesPerPrincipal bound the
	// policies attached to one user, group or role
	// (LimitExceeded.{User,Group,Role}.Policy); the quota is the same for
	// the three kinds.
	SystemPoliciesPerPrincipal int
	CustomPoliciesPerPrincipal int
	AccessKeysPerUser          int // AccessKey pairs of one user (LimitExceeded.User.AccessKey)
}

// DefaultLimits returns the real account quotas.
func DefaultLimits() Limits {
	return Limits{
		Users: 5000, TagsPerUser: 20, Groups: 300, GroupsPerUser: 10, Roles: 1000,
		Policies: 1500, PolicyVersions: 5, TagsPerResource: 20,
		SystemPoliciesPerPrincipal: 20, CustomPoliciesPerPrincipal: 10, AccessKeysPerUser: 2,
	}
}

// withDefaults fills every unset field of c.
func (c Config) withDefaults() Config {
	if c.AccountID == "" {
		c.AccountID = "1234567890123456"
	}
	if c.AccessKeyID == "" {
		c.AccessKeyID = DefaultAccessKeyID
	}
	if c.AccessKeySecret == "" {
		c.AccessKeySecret = DefaultAccessKeySecret
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.PasswordPolicy.MinimumPasswordLength <= 0 {
		c.PasswordPolicy.MinimumPasswordLength = 8
	}
	switch {
	case c.DeletionPolls == 0:
		c.DeletionPolls = 2
	case c.DeletionPolls < 0:
		c.DeletionPolls = 0
	}
	def := DefaultLimits()
	for _, f := range []struct{ v, def *int }{
		{&c.Limits.Users, &def.Users},
		{&c.Limits.TagsPerUser, &def.TagsPerUser},
		{&c.Limits.Groups, &def.Groups},
		{&c.Limits.GroupsPerUser, &def.GroupsPerUser},
		{&c.Limits.Roles, &def.Roles},
		{&c.Limits.Policies, &def.Policies},
		{&c.Limits.PolicyVersions, &def.PolicyVersions},
		{&c.Limits.TagsPerResource, &def.TagsPerResource},
		{&c.Limits.SystemPoliciesPerPrincipal, &def.SystemPoliciesPerPrincipal},
		{&c.Limits.CustomPoliciesPerPrincipal, &def.CustomPoliciesPerPrincipal},
		{&c.Limits.AccessKeysPerUser, &def.AccessKeysPerUser},
	} {
		if *f.v <= 0 {
			*f.v = *f.def
		}
	}
	return c
}
