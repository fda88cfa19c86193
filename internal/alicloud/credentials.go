// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/aliyun/credentials-go/credentials/providers"
)

// ErrNoCredentials is returned (wrapped) by every API method when the client
// was built without credentials. NewClient itself accepts that, so
// configurations that only render documents need no account.
var ErrNoCredentials = errors.New("no Alibaba Cloud credentials configured. Sources tried, in order: the provider " +
	"arguments access_key and secret_key (with security_token for STS credentials); the environment variables " +
	"ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (or ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY, or " +
	"ALIBABACLOUD_ACCESS_KEY_ID and ALIBABACLOUD_ACCESS_KEY_SECRET), with ALIBABA_CLOUD_SECURITY_TOKEN (or " +
	"ALICLOUD_SECURITY_TOKEN); an Aliyun CLI profile from the profile argument, ALIBABA_CLOUD_PROFILE or ALICLOUD_PROFILE, " +
	"in shared_credentials_file or ALIBABA_CLOUD_CREDENTIALS_FILE (default ~/.aliyun/config.json). An assume_role block " +
	"(or ALIBABA_CLOUD_ROLE_ARN) only assumes a role with credentials from one of these; set one of them")

// defaultSessionName is the assume_role session name when none is given; it
// matches the alicloud provider's default.
const defaultSessionName = "terraform"

// newCredential builds the credential chain without any network or file
// access: CLI profiles are read and STS is called on first use. It returns
// nil (and no error) when nothing is configured.
func newCredential(cfg Config, sts endpoint) (*serializedProvider, error) {
	base, err := baseProvider(cfg)
	if base == nil || err != nil {
		return nil, err
	}
	if cfg.AssumeRole != nil {
		if base, err = assumeRoleProvider(base, *cfg.AssumeRole, sts); err != nil {
			return nil, err
		}
	}
	return &serializedProvider{inner: base, secrets: []string{cfg.SecretKey, cfg.SecurityToken}}, nil
}

func baseProvider(cfg Config) (providers.CredentialsProvider, error) {
	switch {
	case (cfg.AccessKey == "") != (cfg.SecretKey == ""):
		return nil, errors.New("incomplete static credentials: access_key and secret_key must be set together " +
			"(or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET)")
	case cfg.AccessKey == "" && cfg.SecurityToken != "":
		return nil, errors.New("security_token needs access_key and secret_key (the temporary key pair it belongs to)")
	case cfg.AccessKey != "" && cfg.SecurityToken != "":
		return providers.NewStaticSTSCredentialsProviderBuilder().
			WithAccessKeyId(cfg.AccessKey).WithAccessKeySecret(cfg.SecretKey).WithSecurityToken(cfg.SecurityToken).Build()
	case cfg.AccessKey != "":
		return providers.NewStaticAKCredentialsProviderBuilder().
			WithAccessKeyId(cfg.AccessKey).WithAccessKeySecret(cfg.SecretKey).Build()
	case cfg.Profile != "" || cfg.SharedCredentialsFile != "":
		p, err := newCLIProfileProvider(cfg.Profile, cfg.SharedCredentialsFile)
		if err != nil {
			return nil, fmt.Errorf("profile %q: %w", cfg.Profile, err)
		}
		return p, nil
	}
	return nil, nil
}

// assumeRoleProvider wraps base in credentials-go's RAM role provider. The
// provider always calls AssumeRole over HTTPS, so an http:// STS endpoint
// (a local emulator) cannot serve it; that is rejected here rather than
// failing every call with a TLS error.
func assumeRoleProvider(base providers.CredentialsProvider, ar AssumeRoleConfig, sts endpoint) (providers.CredentialsProvider, error) {
	if ar.RoleARN == "" {
		return nil, errors.New("assume_role: role_arn is required")
	}
	if sts.scheme != "https" {
		return nil, fmt.Errorf("assume_role: the STS endpoint %s is not HTTPS; credentials-go always calls AssumeRole over HTTPS "+
			"(to assume a role in ramsim, start it with -tls-cert and -tls-key and use its https:// URL)", sts)
	}
	name := ar.SessionName
	if name == "" {
		name = defaultSessionName
	}
	p, err := providers.NewRAMRoleARNCredentialsProviderBuilder().
		WithCredentialsProvider(base).
		WithRoleArn(ar.RoleARN).
		WithRoleSessionName(name).
		WithDurationSeconds(ar.SessionExpiration).
		WithExternalId(ar.ExternalID).
		WithPolicy(ar.Policy).
		WithStsEndpoint(sts.host).
		Build()
	if err != nil {
		return nil, fmt.Errorf("assume_role: %w", err)
	}
	return p, nil
}

// maxKnownSecrets bounds the secrets a serializedProvider remembers.
const maxKnownSecrets = 32

// serializedProvider makes a credentials-go provider safe for concurrent
// use: the CLI-profile and RAM-role providers cache and refresh their state
// without locking, and Terraform runs resource operations in parallel. It
// also labels failures, which would otherwise surface as bare SDK text, and
// remembers every secret it handed out, so that errors can be redacted.
type serializedProvider struct {
	mu      sync.Mutex
	inner   providers.CredentialsProvider
	secrets []string // AccessKey secrets and security tokens seen so far
}

func (s *serializedProvider) GetCredentials() (*providers.Credentials, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cc, err := s.inner.GetCredentials()
	if err != nil {
		return nil, redactError(fmt.Errorf("resolving %s credentials: %w", s.inner.GetProviderName(), err), s.secrets)
	}
	for _, v := range []string{cc.AccessKeySecret, cc.SecurityToken} {
		if v != "" && !slices.Contains(s.secrets, v) {
			s.secrets = append(s.secrets, v)
		}
	}
	// A command or role that rotates credentials on every call must not
	// grow the list without end; older secrets no longer sign anything.
	if over := len(s.secrets) - maxKnownSecrets; over > 0 {
		s.secrets = slices.Delete(s.secrets, 0, over)
	}
	return cc, nil
}

// known returns the secrets seen so far.
func (s *serializedProvider) known() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.secrets)
}

func (s *serializedProvider) GetProviderName() string { return s.inner.GetProviderName() }
