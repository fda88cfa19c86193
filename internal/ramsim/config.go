// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"time"
)

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
	// gateways to emulate (format: the ramsim guide, docs/guides/ramsim.md);
	// "" loads the built-in set with the ids of MSE's documentation. MSE state lives in memory: every New starts
	// from the fixtures.
	Fixtures string
	// Faults is the fault-injection spec, e.g.
	// "throttle=0.2,5xx=0.05,latency=50ms,consistency=1s" (syntax: the
	// ramsim guide, section "Faults"); "" injects nothing. New rejects a bad
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
