// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import "time"

// Config describes one emulated Alibaba Cloud account.
type Config struct {
	AccountID       string // default "1234567890123456"
	AccessKeyID     string // root key id, default "ramsim"
	AccessKeySecret string // default "ramsim-secret"
	// StatePath, when set, is loaded by New if the file exists and saved
	// atomically after every successful mutating request and on Close.
	StatePath string
	// Limits are the account quotas; a zero field takes its DefaultLimits value.
	Limits Limits
	// Now is the clock (nil means time.Now); tests use it to control
	// timestamps and the signature time window.
	Now func() time.Time
}

// Limits are the RAM quotas the emulator enforces. The defaults are the
// documented quotas (https://www.alibabacloud.com/help/en/ram/product-overview/limits);
// tests lower them to reach a limit cheaply. Later resources add their own.
type Limits struct {
	Users       int // RAM users per account (LimitExceeded.User)
	TagsPerUser int // tags on one RAM user (IMS TagResources)
}

// DefaultLimits returns the real account quotas.
func DefaultLimits() Limits {
	return Limits{Users: 5000, TagsPerUser: 20}
}

// withDefaults fills every unset field of c.
func (c Config) withDefaults() Config {
	if c.AccountID == "" {
		c.AccountID = "1234567890123456"
	}
	if c.AccessKeyID == "" {
		c.AccessKeyID = "ramsim"
	}
	if c.AccessKeySecret == "" {
		c.AccessKeySecret = "ramsim-secret"
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	def := DefaultLimits()
	if c.Limits.Users <= 0 {
		c.Limits.Users = def.Users
	}
	if c.Limits.TagsPerUser <= 0 {
		c.Limits.TagsPerUser = def.TagsPerUser
	}
	return c
}
