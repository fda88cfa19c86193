// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/aliyun/credentials-go/credentials/providers"
)

// cliProfileProvider reads an Alibaba Cloud CLI configuration file (the
// ~/.aliyun/config.json that `aliyun configure` writes) on first use. It
// parses the file itself instead of leaving that to credentials-go, whose
// parse error embeds the whole file, every profile's secret included; here
// a parse error names only the file and the position. External and
// ChainableRamRoleArn profiles are built here too (see externalProvider);
// the other modes are handed to credentials-go's CLI profile provider once
// the file is known to parse.
// Profile modes and fields: https://www.alibabacloud.com/help/en/cli/configure-credentials
type cliProfileProvider struct {
	file, name string
	inner      providers.CredentialsProvider
}

// newCLIProfileProvider resolves the file and profile name as credentials-go
// does: the arguments, then ALIBABA_CLOUD_CONFIG_FILE and
// ALIBABA_CLOUD_PROFILE, then ~/.aliyun/config.json and the file's current
// profile. ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true turns profiles off.
func newCLIProfileProvider(name, file string) (*cliProfileProvider, error) {
	if strings.EqualFold(os.Getenv("ALIBABA_CLOUD_CLI_PROFILE_DISABLED"), "true") {
		return nil, errors.New("CLI profiles are disabled (ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true)")
	}
	if file == "" {
		file = os.Getenv("ALIBABA_CLOUD_CONFIG_FILE")
	}
	if file == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return nil, fmt.Errorf("locating the CLI profile file: %w", err)
		}
		file = filepath.Join(home, ".aliyun", "config.json")
	}
	if name == "" {
		name = os.Getenv("ALIBABA_CLOUD_PROFILE")
	}
	return &cliProfileProvider{file: file, name: name}, nil
}

func (p *cliProfileProvider) GetProviderName() string { return "cli_profile" }

// GetCredentials reads the file on the first call (and again after a
// failure, so a fixed file is picked up).
func (p *cliProfileProvider) GetCredentials() (*providers.Credentials, error) {
	if p.inner == nil {
		conf, err := readCLIConfig(p.file)
		if err != nil {
			return nil, err
		}
		name := p.name
		if name == "" {
			name = conf.Current
		}
		inner, err := p.build(conf, name, map[string]bool{})
		if err != nil {
			return nil, err
		}
		p.inner = inner
	}
	cc, err := p.inner.GetCredentials()
	if err != nil {
		// credentials-go reads the file again; should it have turned
		// unparseable since, its error would embed it: report ours.
		if _, perr := readCLIConfig(p.file); perr != nil {
			return nil, perr
		}
		return nil, err
	}
	return cc, nil
}

// build makes the provider of profile name; seen guards against
// source_profile cycles.
func (p *cliProfileProvider) build(conf *cliConfig, name string, seen map[string]bool) (providers.CredentialsProvider, error) {
	prof := conf.profile(name)
	if prof == nil {
		return nil, fmt.Errorf("no profile %q in %s", name, p.file)
	}
	if seen[name] {
		return nil, fmt.Errorf("profile %q in %s: source_profile loops back to it", name, p.file)
	}
	seen[name] = true
	switch prof.Mode {
	case "External":
		return newExternalProvider(name, prof.ProcessCommand)
	case "ChainableRamRoleArn":
		source, err := p.build(conf, prof.SourceProfile, seen)
		if err != nil {
			return nil, err
		}
		return providers.NewRAMRoleARNCredentialsProviderBuilder().
			WithCredentialsProvider(source).
			WithRoleArn(prof.RoleArn).
			WithRoleSessionName(prof.RoleSessionName).
			WithDurationSeconds(prof.DurationSeconds).
			WithStsRegionId(prof.StsRegion).
			WithEnableVpc(prof.EnableVpc).
			WithPolicy(prof.Policy).
			WithExternalId(prof.ExternalID).
			Build()
	}
	return providers.NewCLIProfileCredentialsProviderBuilder().WithProfileFile(p.file).WithProfileName(name).Build()
}

// cliConfig is the CLI configuration file. Every field credentials-go
// decodes is declared with the same JSON type, so a file that parses here
// parses there too and credentials-go never meets (and prints) a file that
// does not.
type cliConfig struct {
	Current  string        `json:"current"`
	Profiles []*cliProfile `json:"profiles"`
}

type cliProfile struct {
	Name            string `json:"name"`
	Mode            string `json:"mode"`
	SourceProfile   string `json:"source_profile"`
	ProcessCommand  string `json:"process_command"`
	RoleArn         string `json:"ram_role_arn"`
	RoleSessionName string `json:"ram_session_name"`
	DurationSeconds int    `json:"expired_seconds"`
	StsRegion       string `json:"sts_region"`
	EnableVpc       bool   `json:"enable_vpc"`
	Policy          string `json:"policy"`
	ExternalID      string `json:"external_id"`
	// Read by credentials-go only; declared for their types.
	AccessKeyID            string `json:"access_key_id"`
	AccessKeySecret        string `json:"access_key_secret"`
	SecurityToken          string `json:"sts_token"`
	RegionID               string `json:"region_id"`
	RoleName               string `json:"ram_role_name"`
	OIDCTokenFile          string `json:"oidc_token_file"`
	OIDCToken              string `json:"oidc_token"`
	OIDCProviderARN        string `json:"oidc_provider_arn"`
	SignInURL              string `json:"cloud_sso_sign_in_url"`
	AccountID              string `json:"cloud_sso_account_id"`
	AccessConfig           string `json:"cloud_sso_access_config"`
	AccessToken            string `json:"access_token"`
	AccessTokenExpire      int64  `json:"cloud_sso_access_token_expire"`
	OAuthSiteType          string `json:"oauth_site_type"`
	OAuthRefreshToken      string `json:"oauth_refresh_token"`
	OAuthAccessToken       string `json:"oauth_access_token"`
	OAuthAccessTokenExpire int64  `json:"oauth_access_token_expire"`
	StsExpire              int64  `json:"sts_expiration"`
}

func (c *cliConfig) profile(name string) *cliProfile {
	for _, p := range c.Profiles {
		if p != nil && p.Name == name {
			return p
		}
	}
	return nil
}

// readCLIConfig reads and parses file. Its errors never quote the file.
func readCLIConfig(file string) (*cliConfig, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("reading the CLI profile file: %w", err)
	}
	var conf cliConfig
	if err := json.Unmarshal(data, &conf); err != nil {
		return nil, fmt.Errorf("the CLI profile file %s is not valid: %s (its content is not shown, as it holds credentials)",
			file, jsonErrorAt(data, err))
	}
	if len(conf.Profiles) == 0 {
		return nil, fmt.Errorf("the CLI profile file %s has no profiles", file)
	}
	return &conf, nil
}

// jsonErrorAt describes a JSON decoding error by kind and position only:
// the messages of encoding/json quote a character of the input, which may
// be part of a secret.
func jsonErrorAt(data []byte, err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return "JSON syntax error at " + position(data, syntax.Offset)
	case errors.As(err, &typ):
		// Value is "number 123" for a number: keep the kind only.
		kind, _, _ := strings.Cut(typ.Value, " ")
		return fmt.Sprintf("%s must not be a JSON %s, at %s", typ.Field, kind, position(data, typ.Offset))
	}
	return "not a JSON document"
}

// position is the line and column of the byte encoding/json stopped at
// (its offsets count the bytes read, the offending one included).
func position(data []byte, offset int64) string {
	if offset > 0 {
		offset--
	}
	offset = min(offset, int64(len(data)))
	before := data[:offset]
	line := 1 + strings.Count(string(before), "\n")
	col := int(offset) - strings.LastIndexByte(string(before), '\n')
	return fmt.Sprintf("line %d, column %d", line, col)
}
