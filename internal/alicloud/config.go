// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import "time"

// Product names an Alibaba Cloud API the provider talks to. The value is also
// the key of the provider's endpoints block.
type Product string

const (
	ProductRAM             Product = "ram"
	ProductIMS             Product = "ims"
	ProductResourceManager Product = "resourcemanager"
	ProductSTS             Product = "sts"
)

// defaultRegion is used when Config.Region is empty. RAM, IMS and
// ResourceManager are global services, so the region only labels requests.
const defaultRegion = "cn-hangzhou"

// Config is everything NewClient needs. The provider layer resolves
// environment-variable fallbacks and passes final values here, so this
// package reads only the endpoint variables (ALIBABA_CLOUD_ENDPOINT_*).
type Config struct {
	// Static credentials. SecurityToken turns the pair into STS credentials.
	AccessKey, SecretKey, SecurityToken string
	// Aliyun CLI profile (~/.aliyun/config.json format), used when no static
	// key is given and either field is set.
	Profile, SharedCredentialsFile string
	// AssumeRole wraps the base credential. The STS call is made lazily, on
	// the first API call, against the resolved STS endpoint.
	AssumeRole *AssumeRoleConfig
	// Region defaults to "cn-hangzhou".
	Region string
	// Endpoints overrides per product: a host (HTTPS) or a full http(s) URL.
	Endpoints map[Product]string
	// UserAgent is appended to the SDK's user agent, e.g.
	// "terraform-provider-mseram/0.1.0".
	UserAgent string
	Retry     RetryPolicy
}

// AssumeRoleConfig describes the RAM role to assume with the base credential.
type AssumeRoleConfig struct {
	RoleARN, SessionName, ExternalID, Policy string
	// SessionExpiration is in seconds; 0 means 3600.
	SessionExpiration int
}

// RetryPolicy shapes the retries of throttled, 5xx and connection failures:
// jittered exponential backoff from BaseDelay, capped at MaxDelay. A call
// whose context has a deadline (every resource operation) retries until
// that deadline; MaxAttempts bounds only calls without one. Zero fields
// take the defaults: 8 attempts, 200ms base delay, 5s cap. Throttled
// answers also slow the whole Client down (rateLimiter), whatever the
// policy.
type RetryPolicy struct {
	MaxAttempts         int
	BaseDelay, MaxDelay time.Duration
}

func (p RetryPolicy) withDefaults() RetryPolicy {
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = 8
	}
	if p.BaseDelay <= 0 {
		p.BaseDelay = 200 * time.Millisecond
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = 5 * time.Second
	}
	return p
}
