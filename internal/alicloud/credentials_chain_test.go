// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aliyun/credentials-go/credentials/providers"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/provider"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// The credential chain end to end: the provider's arguments and
// environment variables, credentials-go's providers (static key, STS token,
// CLI profiles in AK, StsToken and RamRoleArn mode, RAM role ARN), signed
// requests and ramsim's STS AssumeRole with trust policies. Identities are
// proved by GetCallerIdentity, or, where the client's STS endpoint must be
// HTTPS, by what the credentials may and may not do under RAM policies.
//
// credentials-go always calls AssumeRole over HTTPS through a clone of
// http.DefaultTransport, so the tests serve the same emulator over TLS too,
// with a certificate for sts.aliyuncs.com and 127.0.0.1, and swap in a
// default transport that trusts it and dials *.aliyuncs.com to it.

const (
	chainAccount = "1234567890123456"
	chainRootID  = "ramsim"
	chainRootKey = "ramsim-secret"
	deployerRole = "acs:ram::" + chainAccount + ":role/deployer"
	trustRoot    = `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::` + chainAccount + `:root"]}}],"Version":"1"}`
	readUsers    = `{"Version":"1","Statement":[{"Effect":"Allow","Action":["ram:GetUser","ram:ListUsers"],"Resource":"*"}]}`
	mayAssume    = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"` + deployerRole + `"}]}`
)

// credentialEnv lists every variable the provider or credentials-go reads
// for credentials, endpoints or profiles; each test starts with all empty.
var credentialEnv = []string{
	"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY", "ALIBABACLOUD_ACCESS_KEY_ID",
	"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY", "ALIBABACLOUD_ACCESS_KEY_SECRET",
	"ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN",
	"ALIBABA_CLOUD_PROFILE", "ALICLOUD_PROFILE", "ALIBABA_CLOUD_CREDENTIALS_FILE", "ALIBABA_CLOUD_CONFIG_FILE",
	"ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_ROLE_SESSION_NAME",
	"ALICLOUD_ASSUME_ROLE_SESSION_EXPIRATION", "ALIBABA_CLOUD_STS_REGION", "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED",
	"ALIBABA_CLOUD_REGION", "ALICLOUD_REGION", "ALIBABA_CLOUD_ECS_METADATA", "ALIBABA_CLOUD_CREDENTIALS_URI",
	"ALIBABA_CLOUD_ENDPOINT_RAM", "ALIBABA_CLOUD_ENDPOINT_IMS", "ALIBABA_CLOUD_ENDPOINT_RESOURCEMANAGER", "ALIBABA_CLOUD_ENDPOINT_STS",
}

type chainSim struct {
	t    *testing.T
	sim  *ramsim.Server
	url  string // plain HTTP
	tls  string // https://127.0.0.1:port, the same emulator
	root *alicloud.Client
	keys map[string]*alicloud.AccessKey // alice, bob, carol
}

// newChainSim starts an emulator with users alice, bob and carol (each
// with an access key), a role "deployer" trusting the account that may
// read users, and alice allowed to assume it. HOME is a fresh directory.
func newChainSim(t *testing.T) *chainSim {
	t.Helper()
	for _, name := range credentialEnv {
		t.Setenv(name, "")
	}
	t.Setenv("HOME", t.TempDir())

	sim, err := ramsim.New(ramsim.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sim.Close() })
	cs := &chainSim{t: t, sim: sim, url: sim.URL(), keys: map[string]*alicloud.AccessKey{}}
	cs.tls = serveTLS(t, sim)
	cs.root = cs.client(alicloud.Config{AccessKey: chainRootID, SecretKey: chainRootKey})

	ctx := t.Context()
	for _, u := range []string{"alice", "bob", "carol"} {
		if _, err := cs.root.CreateUser(ctx, alicloud.CreateUserInput{UserName: u}); err != nil {
			t.Fatal(err)
		}
		k, err := cs.root.CreateAccessKey(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		cs.keys[u] = k
	}
	if _, err := cs.root.CreateRole(ctx, alicloud.CreateRoleInput{RoleName: "deployer", AssumeRolePolicyDocument: trustRoot}); err != nil {
		t.Fatal(err)
	}
	for name, doc := range map[string]string{"read-users": readUsers, "may-assume-deployer": mayAssume} {
		if _, err := cs.root.CreatePolicy(ctx, alicloud.CreatePolicyInput{PolicyName: name, PolicyDocument: doc}); err != nil {
			t.Fatal(err)
		}
	}
	if err := cs.root.AttachPolicy(ctx, alicloud.PrincipalRole, "deployer", "read-users", "Custom"); err != nil {
		t.Fatal(err)
	}
	if err := cs.root.AttachPolicy(ctx, alicloud.PrincipalUser, "alice", "may-assume-deployer", "Custom"); err != nil {
		t.Fatal(err)
	}
	return cs
}

// serveTLS serves h over HTTPS with a certificate for sts.aliyuncs.com and
// 127.0.0.1, and makes http.DefaultTransport (which credentials-go clones)
// trust it and send sts*.aliyuncs.com there, until the test ends.
func serveTLS(t *testing.T, h http.Handler) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "ramsim test STS"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		DNSNames:     []string{"sts.aliyuncs.com", "sts.cn-beijing.aliyuncs.com", "sts.cn-hangzhou.aliyuncs.com"},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:         true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.TLS = &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
	// The API client does not trust this certificate; its refused
	// handshakes (an expected outcome in one test) are not logged.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	t.Cleanup(srv.Close)

	pool := x509.NewCertPool()
	pool.AddCert(cert)
	orig := http.DefaultTransport
	base, ok := orig.(*http.Transport)
	if !ok {
		t.Fatalf("http.DefaultTransport is a %T, not an *http.Transport", orig)
	}
	tr := base.Clone()
	tr.Proxy = nil
	tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12, RootCAs: pool}
	addr := srv.Listener.Addr().String()
	// DialTLSContext, not DialContext: credentials-go replaces the latter
	// to apply its connect timeout.
	tr.DialTLSContext = func(ctx context.Context, network, a string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(a)
		if err != nil {
			return nil, err
		}
		if strings.HasPrefix(host, "sts") && strings.HasSuffix(host, ".aliyuncs.com") {
			a = addr
		}
		d := tls.Dialer{Config: &tls.Config{MinVersion: tls.VersionTLS12, RootCAs: pool, ServerName: host}}
		return d.DialContext(ctx, network, a)
	}
	http.DefaultTransport = tr
	t.Cleanup(func() { http.DefaultTransport = orig })
	return "https://" + addr
}

// client builds a client of cfg with every endpoint on the emulator over
// HTTP, unless cfg names endpoints itself.
func (cs *chainSim) client(cfg alicloud.Config) *alicloud.Client {
	cs.t.Helper()
	if cfg.Endpoints == nil {
		cfg.Endpoints = map[alicloud.Product]string{alicloud.ProductSTS: cs.url}
	}
	for _, p := range []alicloud.Product{alicloud.ProductRAM, alicloud.ProductIMS, alicloud.ProductResourceManager, alicloud.ProductSTS} {
		if cfg.Endpoints[p] == "" {
			cfg.Endpoints[p] = cs.url
		}
	}
	cfg.Retry = alicloud.RetryPolicy{MaxAttempts: 1}
	c, err := alicloud.NewClient(cs.t.Context(), cfg)
	if err != nil {
		cs.t.Fatalf("NewClient: %v", err)
	}
	return c
}

// whoAmI is the ARN GetCallerIdentity answers for cfg.
func (cs *chainSim) whoAmI(cfg alicloud.Config) string {
	cs.t.Helper()
	id, err := cs.client(cfg).GetCallerIdentity(cs.t.Context())
	if err != nil {
		cs.t.Fatalf("GetCallerIdentity: %v", err)
	}
	return id.ARN
}

// assumeCount is how many AssumeRole requests the emulator answered OK.
func (cs *chainSim) assumeCount() int64 {
	return cs.sim.Counters().Actions["AssumeRole"].OK
}

// temporaryCredentials assumes deployer with the root key through
// credentials-go, as a CI job would before handing the triple on.
func (cs *chainSim) temporaryCredentials(session string) *providers.Credentials {
	cs.t.Helper()
	base, err := providers.NewStaticAKCredentialsProviderBuilder().WithAccessKeyId(chainRootID).WithAccessKeySecret(chainRootKey).Build()
	if err != nil {
		cs.t.Fatal(err)
	}
	p, err := providers.NewRAMRoleARNCredentialsProviderBuilder().WithCredentialsProvider(base).
		WithRoleArn(deployerRole).WithRoleSessionName(session).WithDurationSeconds(900).
		WithStsEndpoint(strings.TrimPrefix(cs.tls, "https://")).Build()
	if err != nil {
		cs.t.Fatal(err)
	}
	cc, err := p.GetCredentials()
	if err != nil {
		cs.t.Fatalf("AssumeRole through credentials-go: %v", err)
	}
	if cc.SecurityToken == "" {
		cs.t.Fatal("AssumeRole returned no security token")
	}
	return cc
}

// actsAsDeployer proves c signs as a deployer session: it may read users
// (the role's policy) but not create one (which the root key and no other
// identity here could do without a policy).
func actsAsDeployer(t *testing.T, c *alicloud.Client) {
	t.Helper()
	ctx := t.Context()
	if _, err := c.GetUser(ctx, "alice"); err != nil {
		t.Fatalf("GetUser as deployer: %v", err)
	}
	_, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: "intruder"})
	var apiErr *alicloud.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != "NoPermission" {
		t.Fatalf("CreateUser as deployer: %v, want NoPermission", err)
	}
}

func userArn(name string) string { return "acs:ram::" + chainAccount + ":user/" + name }

func TestCredentialChain_staticKeys(t *testing.T) {
	cs := newChainSim(t)
	if got := cs.whoAmI(alicloud.Config{AccessKey: chainRootID, SecretKey: chainRootKey}); got != "acs:ram::"+chainAccount+":root" {
		t.Errorf("root key signs as %s", got)
	}
	alice := cs.keys["alice"]
	if got := cs.whoAmI(alicloud.Config{AccessKey: alice.AccessKeyID, SecretKey: alice.AccessKeySecret}); got != userArn("alice") {
		t.Errorf("alice's key signs as %s", got)
	}
	// A wrong secret is refused by the signature check, not silently accepted.
	_, err := cs.client(alicloud.Config{AccessKey: alice.AccessKeyID, SecretKey: "wrong"}).GetCallerIdentity(t.Context())
	if err == nil || !strings.Contains(err.Error(), "SignatureDoesNotMatch") {
		t.Errorf("wrong secret: %v", err)
	}
}

func TestCredentialChain_stsToken(t *testing.T) {
	cs := newChainSim(t)
	cc := cs.temporaryCredentials("ci-job-42")
	cfg := alicloud.Config{AccessKey: cc.AccessKeyId, SecretKey: cc.AccessKeySecret, SecurityToken: cc.SecurityToken}
	got := cs.whoAmI(cfg)
	if !strings.Contains(got, "deployer") || !strings.HasSuffix(got, "/ci-job-42") {
		t.Errorf("STS credentials sign as %s, want the deployer session ci-job-42", got)
	}
	actsAsDeployer(t, cs.client(cfg))
	// The temporary key without its token is not a valid credential.
	_, err := cs.client(alicloud.Config{AccessKey: cc.AccessKeyId, SecretKey: cc.AccessKeySecret}).GetCallerIdentity(t.Context())
	if err == nil {
		t.Error("temporary key without its security token was accepted")
	}
}

func TestCredentialChain_assumeRole(t *testing.T) {
	cs := newChainSim(t)
	alice := cs.keys["alice"]
	cfg := alicloud.Config{
		AccessKey: alice.AccessKeyID, SecretKey: alice.AccessKeySecret,
		AssumeRole: &alicloud.AssumeRoleConfig{RoleARN: deployerRole, SessionName: "terraform-ci", SessionExpiration: 900},
		Endpoints:  map[alicloud.Product]string{alicloud.ProductSTS: cs.tls},
	}
	c := cs.client(cfg)
	if n := cs.assumeCount(); n != 0 {
		t.Fatalf("NewClient assumed the role already (%d calls)", n)
	}
	actsAsDeployer(t, c)
	if n := cs.assumeCount(); n != 1 {
		t.Errorf("AssumeRole answered %d times for two calls, want 1 (credentials are cached)", n)
	}

	// A session policy narrows the role: reading users is no longer allowed.
	narrow := cfg
	ar := *cfg.AssumeRole
	ar.Policy = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"ram:ListUsers","Resource":"*"}]}`
	narrow.AssumeRole = &ar
	narrow.Endpoints = map[alicloud.Product]string{alicloud.ProductSTS: cs.tls}
	_, err := cs.client(narrow).GetUser(t.Context(), "alice")
	var apiErr *alicloud.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != "NoPermission" {
		t.Errorf("GetUser under a ListUsers-only session policy: %v, want NoPermission", err)
	}

	// bob has no sts:AssumeRole permission: the first call fails with the
	// credential error, before any RAM request.
	bob := cs.keys["bob"]
	denied := cfg
	denied.AccessKey, denied.SecretKey = bob.AccessKeyID, bob.AccessKeySecret
	denied.Endpoints = map[alicloud.Product]string{alicloud.ProductSTS: cs.tls}
	before := cs.sim.Counters().Actions["GetUser"].Received
	_, err = cs.client(denied).GetUser(t.Context(), "alice")
	if err == nil || !strings.Contains(err.Error(), "ram_role_arn") || !strings.Contains(err.Error(), "NoPermission") {
		t.Errorf("assume_role with a key that may not assume the role: %v", err)
	}
	if after := cs.sim.Counters().Actions["GetUser"].Received; after != before {
		t.Errorf("GetUser reached the emulator (%d requests) although the role could not be assumed", after-before)
	}
}

// writeProfiles writes an Aliyun CLI configuration with profiles "ak"
// (alice, the current one), "ops" (bob), "sts" (a deployer session) and
// "role" (RamRoleArn: the root key assumes deployer through STS).
func (cs *chainSim) writeProfiles(file string) {
	cs.t.Helper()
	cc := cs.temporaryCredentials("from-profile")
	alice, bob := cs.keys["alice"], cs.keys["bob"]
	body := `{"current":"ak","profiles":[
  {"name":"ak","mode":"AK","access_key_id":"` + alice.AccessKeyID + `","access_key_secret":"` + alice.AccessKeySecret + `","region_id":"cn-beijing"},
  {"name":"ops","mode":"AK","access_key_id":"` + bob.AccessKeyID + `","access_key_secret":"` + bob.AccessKeySecret + `"},
  {"name":"sts","mode":"StsToken","access_key_id":"` + cc.AccessKeyId + `","access_key_secret":"` + cc.AccessKeySecret + `","sts_token":"` + cc.SecurityToken + `"},
  {"name":"role","mode":"RamRoleArn","access_key_id":"` + chainRootID + `","access_key_secret":"` + chainRootKey + `","ram_role_arn":"` + deployerRole + `","ram_session_name":"profile-session","expired_seconds":900}
]}`
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		cs.t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
		cs.t.Fatal(err)
	}
}

func TestCredentialChain_profiles(t *testing.T) {
	cs := newChainSim(t)
	home := filepath.Join(os.Getenv("HOME"), ".aliyun", "config.json")
	cs.writeProfiles(home)

	// profile alone: the file is ~/.aliyun/config.json under HOME.
	if got := cs.whoAmI(alicloud.Config{Profile: "ak"}); got != userArn("alice") {
		t.Errorf("profile ak signs as %s", got)
	}
	if got := cs.whoAmI(alicloud.Config{Profile: "ops"}); got != userArn("bob") {
		t.Errorf("profile ops signs as %s", got)
	}
	if got := cs.whoAmI(alicloud.Config{Profile: "sts"}); !strings.HasSuffix(got, "/from-profile") {
		t.Errorf("StsToken profile signs as %s", got)
	}
	// RamRoleArn: credentials-go assumes the role at sts.aliyuncs.com,
	// which this test routes to the emulator.
	before := cs.assumeCount()
	if got := cs.whoAmI(alicloud.Config{Profile: "role"}); !strings.HasSuffix(got, "/profile-session") || !strings.Contains(got, "deployer") {
		t.Errorf("RamRoleArn profile signs as %s", got)
	}
	if cs.assumeCount() != before+1 {
		t.Errorf("the RamRoleArn profile did not call AssumeRole")
	}

	// shared_credentials_file alone: the file's current profile.
	other := filepath.Join(t.TempDir(), "team.json")
	cs.writeProfiles(other)
	if err := os.Remove(home); err != nil {
		t.Fatal(err)
	}
	if got := cs.whoAmI(alicloud.Config{SharedCredentialsFile: other}); got != userArn("alice") {
		t.Errorf("shared_credentials_file's current profile signs as %s", got)
	}
	if got := cs.whoAmI(alicloud.Config{SharedCredentialsFile: other, Profile: "ops"}); got != userArn("bob") {
		t.Errorf("profile ops of shared_credentials_file signs as %s", got)
	}
	// Static keys come before a profile.
	carol := cs.keys["carol"]
	if got := cs.whoAmI(alicloud.Config{AccessKey: carol.AccessKeyID, SecretKey: carol.AccessKeySecret, SharedCredentialsFile: other, Profile: "ops"}); got != userArn("carol") {
		t.Errorf("static keys with a profile sign as %s", got)
	}
	// A profile that does not exist fails on first use, naming it.
	_, err := cs.client(alicloud.Config{SharedCredentialsFile: other, Profile: "nobody"}).GetCallerIdentity(t.Context())
	if err == nil || !strings.Contains(err.Error(), "nobody") {
		t.Errorf("unknown profile: %v", err)
	}
}

// providerIdentity configures the provider as Terraform would, with the
// given arguments (null unless set) and the current environment, and reads
// mseram_caller_identity: the ARN, or the error diagnostics.
func providerIdentity(t *testing.T, args map[string]tftypes.Value) (string, string) {
	t.Helper()
	ctx := t.Context()
	srv, err := providerserver.NewProtocol6WithError(provider.New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	cfgType := schemas.Provider.ValueType()
	dv, err := tfprotov6.NewDynamicValue(cfgType, nullObjectWith(t, cfgType, args))
	if err != nil {
		t.Fatal(err)
	}
	cresp, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.0", Config: &dv})
	if err != nil {
		t.Fatal(err)
	}
	if msg := errorDiags(cresp.Diagnostics); msg != "" {
		return "", msg
	}
	dsType := schemas.DataSourceSchemas["mseram_caller_identity"].ValueType()
	dsCfg, err := tfprotov6.NewDynamicValue(dsType, nullObjectWith(t, dsType, nil))
	if err != nil {
		t.Fatal(err)
	}
	rresp, err := srv.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "mseram_caller_identity", Config: &dsCfg})
	if err != nil {
		t.Fatal(err)
	}
	if msg := errorDiags(rresp.Diagnostics); msg != "" {
		return "", msg
	}
	v, err := rresp.State.Unmarshal(dsType)
	if err != nil {
		t.Fatal(err)
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		t.Fatal(err)
	}
	var arn string
	if err := attrs["arn"].As(&arn); err != nil {
		t.Fatal(err)
	}
	return arn, ""
}

func nullObjectWith(t *testing.T, typ tftypes.Type, set map[string]tftypes.Value) tftypes.Value {
	t.Helper()
	obj, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("%s is not an object type", typ)
	}
	vals := map[string]tftypes.Value{}
	for name, at := range obj.AttributeTypes {
		if v, ok := set[name]; ok {
			vals[name] = v
		} else {
			vals[name] = tftypes.NewValue(at, nil)
		}
	}
	return tftypes.NewValue(typ, vals)
}

func errorDiags(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			b.WriteString(d.Summary + ": " + d.Detail + "\n")
		}
	}
	return b.String()
}

func str(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

// The provider reads the alicloud provider's variables, preferred names
// first: ALIBABA_CLOUD_*, then ALICLOUD_*, then ALIBABACLOUD_*; an argument
// beats every variable, and static keys beat a profile.
func TestCredentialChain_environment(t *testing.T) {
	cs := newChainSim(t)
	for _, p := range []string{"RAM", "IMS", "RESOURCEMANAGER", "STS"} {
		t.Setenv("ALIBABA_CLOUD_ENDPOINT_"+p, cs.url)
	}
	alice, bob, carol := cs.keys["alice"], cs.keys["bob"], cs.keys["carol"]
	setKey := func(idVar, secretVar string, k *alicloud.AccessKey) {
		t.Setenv(idVar, k.AccessKeyID)
		t.Setenv(secretVar, k.AccessKeySecret)
	}
	want := func(step, wantArn string, args map[string]tftypes.Value) {
		t.Helper()
		got, diags := providerIdentity(t, args)
		if diags != "" {
			t.Fatalf("%s: %s", step, diags)
		}
		if got != wantArn {
			t.Errorf("%s: signs as %s, want %s", step, got, wantArn)
		}
	}

	setKey("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", alice)
	setKey("ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY", bob)
	setKey("ALIBABACLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_SECRET", carol)
	want("ALIBABA_CLOUD_* first", userArn("alice"), nil)
	want("arguments beat variables", "acs:ram::"+chainAccount+":root",
		map[string]tftypes.Value{"access_key": str(chainRootID), "secret_key": str(chainRootKey)})

	file := filepath.Join(t.TempDir(), "config.json")
	cs.writeProfiles(file)
	t.Setenv("ALIBABA_CLOUD_CREDENTIALS_FILE", file)
	t.Setenv("ALIBABA_CLOUD_PROFILE", "sts")
	want("static keys beat a profile", userArn("alice"), nil)

	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "")
	want("then ALICLOUD_*", userArn("bob"), nil)
	t.Setenv("ALICLOUD_ACCESS_KEY", "")
	t.Setenv("ALICLOUD_SECRET_KEY", "")
	want("then ALIBABACLOUD_*", userArn("carol"), nil)
	t.Setenv("ALIBABACLOUD_ACCESS_KEY_ID", "")
	t.Setenv("ALIBABACLOUD_ACCESS_KEY_SECRET", "")

	got, diags := providerIdentity(t, nil)
	if diags != "" || !strings.HasSuffix(got, "/from-profile") {
		t.Errorf("ALIBABA_CLOUD_PROFILE=sts in ALIBABA_CLOUD_CREDENTIALS_FILE: %s %s", got, diags)
	}
	t.Setenv("ALIBABA_CLOUD_PROFILE", "")
	t.Setenv("ALICLOUD_PROFILE", "ops")
	want("ALICLOUD_PROFILE", userArn("bob"), nil)
	want("the profile argument beats the variable", userArn("alice"), map[string]tftypes.Value{"profile": str("ak")})
	t.Setenv("ALICLOUD_PROFILE", "")
	t.Setenv("ALIBABA_CLOUD_CREDENTIALS_FILE", "")

	// A temporary key with its token in the environment.
	cc := cs.temporaryCredentials("env-session")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", cc.AccessKeyId)
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", cc.AccessKeySecret)
	t.Setenv("ALICLOUD_SECURITY_TOKEN", cc.SecurityToken)
	got, diags = providerIdentity(t, nil)
	if diags != "" || !strings.HasSuffix(got, "/env-session") {
		t.Errorf("ALICLOUD_SECURITY_TOKEN: %s %s", got, diags)
	}
	t.Setenv("ALIBABA_CLOUD_SECURITY_TOKEN", "not-the-token")
	if _, diags = providerIdentity(t, nil); diags == "" {
		t.Error("ALIBABA_CLOUD_SECURITY_TOKEN does not take precedence over ALICLOUD_SECURITY_TOKEN")
	}
}

// ALIBABA_CLOUD_ROLE_ARN and ALIBABA_CLOUD_ROLE_SESSION_NAME configure
// assume_role without a block, with the key from the environment.
func TestCredentialChain_assumeRoleFromEnvironment(t *testing.T) {
	cs := newChainSim(t)
	alice := cs.keys["alice"]
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", alice.AccessKeyID)
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", alice.AccessKeySecret)
	t.Setenv("ALIBABA_CLOUD_ROLE_ARN", deployerRole)
	t.Setenv("ALIBABA_CLOUD_ROLE_SESSION_NAME", "env-role")
	for _, p := range []string{"RAM", "IMS", "RESOURCEMANAGER"} {
		t.Setenv("ALIBABA_CLOUD_ENDPOINT_"+p, cs.url)
	}
	t.Setenv("ALIBABA_CLOUD_ENDPOINT_STS", cs.tls)
	// GetCallerIdentity would go to the HTTPS endpoint, which the API
	// client does not trust; the session shows in what it may do instead.
	_, diags := providerIdentity(t, nil)
	if cs.assumeCount() != 1 {
		t.Fatalf("AssumeRole answered %d times, want 1 (diagnostics: %s)", cs.assumeCount(), diags)
	}
	// The same chain, built directly, acts as the role.
	actsAsDeployer(t, cs.client(alicloud.Config{
		AccessKey: alice.AccessKeyID, SecretKey: alice.AccessKeySecret,
		AssumeRole: &alicloud.AssumeRoleConfig{RoleARN: deployerRole, SessionName: "env-role"},
		Endpoints:  map[alicloud.Product]string{alicloud.ProductSTS: cs.tls},
	}))
}

// With nothing configured the first API call fails with ErrNoCredentials,
// whose text names the sources a user can set.
func TestCredentialChain_nothingFound(t *testing.T) {
	cs := newChainSim(t)
	_, err := cs.client(alicloud.Config{}).GetUser(t.Context(), "alice")
	if !errors.Is(err, alicloud.ErrNoCredentials) {
		t.Fatalf("err = %v, want ErrNoCredentials", err)
	}
	msg := err.Error()
	for _, source := range []string{
		"access_key", "secret_key", "security_token", "profile", "shared_credentials_file", "assume_role",
		"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY",
		"ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_PROFILE",
		"ALIBABACLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECURITY_TOKEN",
		"ALICLOUD_PROFILE", "ALIBABA_CLOUD_CREDENTIALS_FILE", "ALIBABA_CLOUD_ROLE_ARN",
	} {
		if !strings.Contains(msg, source) {
			t.Errorf("the error does not name %s: %s", source, msg)
		}
	}
	// The provider surfaces the same error on first use, not at configure.
	for _, p := range []string{"RAM", "IMS", "RESOURCEMANAGER", "STS"} {
		t.Setenv("ALIBABA_CLOUD_ENDPOINT_"+p, cs.url)
	}
	if _, diags := providerIdentity(t, nil); !strings.Contains(diags, "ALIBABA_CLOUD_ACCESS_KEY_ID") {
		t.Errorf("caller identity without credentials: %q", diags)
	}
}
