// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package ramsim is a local emulator of Alibaba Cloud RAM (2015-05-01), IMS
// (2019-08-15), ResourceManager (2020-03-31), STS (2015-04-01) and the slice
// of Microservices Engine (MSE, 2019-05-31) that MSE's RAM policies govern,
// enforcing RAM policies on every call a RAM user or role makes. It speaks
// the real wire protocol on one HTTP port: RPC-style requests signed with
// signature V1 (HMAC-SHA1) or V3 (ACS3-HMAC-SHA256), answers with the
// real field names, error codes and HTTP statuses. Answers are JSON, or XML
// when the request's Format is XML (any case): the XML declaration, a root
// named after the action plus "Response" (Error for an error, RequestId,
// HostId, Code and Message first), objects as child elements in name order,
// each list item a repeated element. An unknown Format is refused with
// InvalidParameter; without Format the answer is JSON (V3 calls send none
// and expect JSON; format_xml.go says why). Acceptance tests run it
// in-process; cmd/ramsim serves it as a binary. Anything it does not
// implement answers like the real gateway answers an unknown action, never
// with a silent success. The protocol follows the products' public API references;
// "seed NNN" names one of the MSE documentation pages listed under Sources
// in internal/mse's package documentation.
//
// # Credentials
//
// The root key of Config signs as the account. An access key created with
// CreateAccessKey signs as its RAM user (GetCallerIdentity: IdentityType
// RAMUser, Arn acs:ram::<account>:user/<name>), within what the user's
// policies allow (see Authorization). An Inactive key answers
// InvalidAccessKeyId.Inactive, a deleted one (or one of a deleted user)
// InvalidAccessKeyId.NotFound. The state file keeps those secrets in clear
// (signatures are verified with them) and is written with mode 0600;
// login-profile passwords are kept only as salted SHA-256 hashes.
//
// STS AssumeRole (RoleArn, RoleSessionName of 2-64 letters, digits and
// ".@-_", DurationSeconds 900 to the role's MaxSessionDuration, default
// 3600, optional session Policy and ExternalId) issues temporary
// credentials: AccessKeyId "STS.…", AccessKeySecret, SecurityToken and
// Expiration, with AssumedRoleUser Arn acs:ram::<account>:role/<role>/<session>
// and AssumedRoleId <RoleId>:<session>. The caller needs sts:AssumeRole on
// the role RoleArn resolves to (in any case; its own ARN is authorized)
// from its own policies (the root key bypasses that) and the
// role's trust policy must admit it: a RAM principal acs:ram::<account>:root
// admits every user and role of the account, a user ARN that user only;
// otherwise NoPermission. An unknown role is EntityNotExist.Role.
// Temporary credentials sign only together with their token (V1 parameter
// SecurityToken, V3 header x-acs-security-token): without it
// MissingSecurityToken, with another one
// InvalidSecurityToken.MismatchWithAccessKey, at or after Expiration (by
// Config.Now) InvalidSecurityToken.Expired; a token sent with a permanent
// key is InvalidSecurityToken.Malformed. They sign as IdentityType
// AssumedRoleUser (GetCallerIdentity answers Arn
// acs:ram::<account>:assumed-role/<role>/<session> and RoleId, no UserId) and act
// with the role's attached policies, narrowed by the session policy.
// Temporary credentials are held in memory only, never in the state file:
// a restarted emulator has forgotten them.
//
// # Authorization
//
// A request not signed with the root key is authorized after
// authentication and routing, under the store lock and before its handler,
// so a denied request changes nothing. The action is
// <service>:<Action> (ram:CreateUser, sts:AssumeRole, mse:…), except
// ResourceManager's role actions, which RAM authorizes under ram:
// (ram:CreateServiceLinkedRole, as seed 000 and AliyunMSEFullAccess
// grant it), and IMS's tag actions, whose API reference gives RAM's code
// (ram:TagResources). The resources are ARNs:
// acs:ram::<account>:user/<name>, …:group/<name>, …:role/<name>,
// …:policy/<name> (system policies acs:ram::system:policy/<name>), and
// …:<kind>/* for listing and for creating users and groups; policy
// attachments are authorized on the principal and the policy, group
// membership on the user and the group, renames on the new name too
// (authz_resources.go lists every action and its documented source). Each
// resource must be allowed by internal/policy.Evaluate over the default
// versions of the policies attached to the user and its groups (System and
// Custom), or for an assumed role over the role's policies and, if one was
// given, the session policy as well; an explicit Deny anywhere wins. A
// refusal is NoPermission (403), "You are not authorized to do this
// action. Action: <action>, Resource: <arn>", with an AccessDeniedDetail
// object (AuthAction, AuthPrincipalType, AuthPrincipalDisplayName,
// AuthPrincipalOwnerId, NoPermissionType ImplicitDeny or ExplicitDeny,
// PolicyType). sts:GetCallerIdentity is answered for any valid
// credentials, as the real STS does.
//
// Condition keys filled from the request: acs:SourceIp (the client address
// of the connection; forwarding headers are never read), acs:CurrentTime (the server clock, RFC 3339 UTC),
// acs:SecureTransport ("true" over TLS, else "false"), acs:MFAPresent
// ("false": access keys carry no MFA), ram:ServiceName (CreateServiceLinkedRole's
// ServiceName; for DeleteServiceLinkedRole and
// GetServiceLinkedRoleDeletionStatus the role's service) and sts:ExternalId
// (AssumeRole's ExternalId, when sent). Any other key is missing, and
// internal/policy decides what that means: a positive operator
// (StringEquals, IpAddress, …) does not match a missing key, its Not form
// does. Server.Authorize evaluates a user's policies for tests. Call (and
// `ramsim call`) makes one signed call as the holder of a key, through the
// classic SDK, to prove what a principal may do.
//
// # Service-linked roles
//
// ResourceManager's CreateServiceLinkedRole knows the services of a
// built-in catalog (Server.ServiceCatalog: MSE's two roles of seed 000,
// MSS's two of seed 002) plus Config.ExtraServiceLinkedRoles. Such roles
// are listed by RAM's GetRole/ListRoles with IsServiceLinkedRole true, and
// RAM's UpdateRole, DeleteRole, AttachPolicyToRole and DetachPolicyFromRole
// refuse them (NoPermission, an assumed code). DeleteServiceLinkedRole
// starts a task that GetServiceLinkedRoleDeletionStatus advances, one step
// per query (Config.DeletionPolls): NOT_STARTED, IN_PROGRESS, then
// SUCCEEDED (the role is deleted) or, when the service is marked in use,
// FAILED with the resources using the role.
//
// # Account settings
//
// IMS's GetPasswordPolicy / SetPasswordPolicy and GetSecurityPreference /
// SetSecurityPreference keep the account's password policy and security
// preference, starting from the documented defaults (Config.PasswordPolicy
// may tighten the initial policy). A Set changes the parameters it sends,
// refuses a value outside the documented range (InvalidParameter.<Name>.Range
// for integers, documented for MinimumPasswordLength, assumed for the
// others) and answers the whole object. CreateLoginProfile and
// UpdateLoginProfile check a password against the policy in force: length,
// character classes, distinct characters, the user name
// (InvalidParameter.Password.TooWeak). Expiry, lockout, password reuse and
// the security preference govern console logons, which the emulator does
// not have: they are stored and answered, not enforced.
//
// # Admin endpoint
//
// A service is marked in use with Server.SetServiceInUse,
// Config.ServicesInUse, cmd/ramsim's -in-use flag, or over HTTP on the API
// port, from loopback clients only (others get 403), never relayed
// (a request with a proxy header such as X-Forwarded-For or Forwarded is
// 403) nor from a browser (an Origin or cross-site Sec-Fetch-Site header
// is 403), a POST with Content-Type application/json (415 otherwise):
//
//	POST /__ramsim/services/<service-name>/in-use  {"in_use":true,"resources":["acs:mssp::..."]}
//	GET  /__ramsim/services/<service-name>/in-use
//
// Both answer {"service":...,"in_use":...,"resources":[...]}; a service not
// in the catalog answers 404.
//
// # Microservices Engine (MSE 2019-05-31)
//
// The slice of MSE that the seeds' policies govern is emulated on the same
// port (Version 2019-05-31; HostId mse.cn-hangzhou.aliyuncs.com, the
// classic SDK's regional endpoint for the fixtures' region). Parameters
// and answers follow the classic SDK's services/mse request and response
// structs: Success, Message and HttpCode (clusters, configurations) or
// Code and HttpStatusCode (services, instances, gateways); PageNumber,
// PageSize and TotalCount (TotalSize under Data for gateways). Paging is
// PageNum (clusters, Nacos) or PageNumber (gateways) from 1, PageSize
// 1-100, default 10. ListClusters and ListGateway list only the request's
// RegionId when one is sent (the classic SDK always sends its client's
// region; darabonba sends none). Implemented actions:
//
//   - clusters: ListClusters, QueryClusterDetail
//   - Nacos configurations: CreateNacosConfig, GetNacosConfig,
//     UpdateNacosConfig (optional Md5 compare-and-set), DeleteNacosConfig,
//     DeleteNacosConfigs (Ids from ListNacosConfigs), ListNacosConfigs
//     (DataId, Group, AppName filter by substring), GetNacosHistoryConfig
//     (Nid), ListNacosHistoryConfigs (newest first). Each create, update
//     and delete records a history entry, as Nacos does: "I" with the new
//     content, "U" and "D" with the content replaced or removed.
//   - Nacos services and instances: CreateNacosService, UpdateNacosService,
//     DeleteNacosService (refused while it has instances), ListAnsServices,
//     GetServiceListeners (always empty: there are no Nacos clients),
//     ListAnsServiceClusters, CreateNacosInstance (creates the service when
//     missing and updates an instance registered at the same IP, port and
//     cluster), UpdateNacosInstance, DeleteNacosInstance, ListAnsInstances.
//   - gateways: ListGateway, GetGateway (the SDK has no GetGatewayDetail),
//     ListGatewayRoute, AddGatewayRoute (published at once), DeleteGatewayRoute,
//     ListGatewayDomain, AddGatewayDomain, ListGatewayService. FilterParams
//     and the other struct parameters are accepted flattened (the classic
//     SDK: FilterParams.GatewayUniqueId=...) or as a JSON string.
//
// An empty NamespaceId means "public" and an empty Group / GroupName
// "DEFAULT_GROUP". MSE answers follow both SDKs' models: ListGatewayRoute
// returns a route's RoutePredicates, RouteServices, FallbackServices,
// DirectResponse and Redirect as objects (Predicates and Services also as
// JSON strings) with the values AddGatewayRoute was given, typed as the
// models type them; QueryClusterDetail gives Cpu in vCPUs and
// MemoryCapacity and DiskCapacity in GB, read from the fixture's
// ClusterSpecification, with VpcId, VSwitchId and PubNetworkFlow. Dates
// follow each field's reference example, in UTC: "2006-01-02 15:04:05"
// mostly, ISO with milliseconds for GetGateway, epoch milliseconds for
// history and heartbeats. Errors: a missing parameter is Missing<Name>
// (400); a bad value MSE's InvalidParameter (400, "Parameter error:<Name>
// is not valid", as the per-action error tables give it); an unknown
// InstanceId mse-200-021 (404; the code terraform-provider-alicloud reads
// as "MSE cluster not found", the status assumed); an unknown namespace,
// configuration, history entry, service or instance NotFound (404,
// assumed: the tables' rows for it could not be read); a duplicate, a
// blocked delete or a stale Md5 IllegalRequest (400, a documented code
// whose use for these cases is assumed). MSE error bodies also carry
// Success false, ErrorCode and HttpStatusCode (assumed; no error example
// is published). The gateway actions answer an unknown gateway, route or
// domain as the real gateway API does, with HTTP 200, Success false and
// Code / HttpStatusCode 404 (ErrorCode NotFound;
// terraform-provider-alicloud's DescribeMseGateway reads that), and a
// duplicate route or domain name with Code 400 (IllegalRequest).
//
// Authorization uses the seeds' ARNs (mseProduct.resources; the action is
// mse:<Action>): acs:mse:<region>:<account>:* for ListClusters (and
// ListGateway without a gateway filter);
// acs:mse:<region>:<account>:instance/<InstanceId> for instance-level
// actions (QueryClusterDetail and the List* of configurations, history,
// services, clusters and instances, as seed 001's table has them);
// .../instance/<InstanceId>/<NamespaceId> for DeleteNacosConfigs;
// .../instance/<InstanceId>/<NamespaceId>/<Group>/<DataId> for one
// configuration and .../<GroupName>/<ServiceName> for a service and its
// instances; .../instance/<GatewayUniqueId> for gateway actions. The
// region is the instance's or gateway's; for an unknown id or an
// account-level action the request's RegionId, else cn-hangzhou.
//
// The MSE state lives in memory: it is not written to the state file, and
// every New starts from the fixtures. Config.Fixtures (cmd/ramsim
// -fixtures FILE) names a JSON file; without one a built-in set
// (testdata/fixtures/default.json) holds the seeds' ids: Nacos instance
// mse-cn-0pp1j8om80a with namespaces public and
// 3fd98c48-a709-4061-bba1-e341d79d681b (DataIds prod.yaml and dev.yaml in
// DEFAULT_GROUP, service test-service) and gateway
// gw-8090caa2a3ab447a8bc5fdf3a3ab447a (seed 003's
// gw-8090caa2a3ab447a8bc5fdf3********), both in cn-hangzhou. The format
// (field names as the API spells them; unknown fields are refused; only
// the ids and names are required; the values shown for the others are
// their defaults, except where noted):
//
//	{
//	  "Clusters": [{
//	    "InstanceId": "mse-cn-0pp1j8om80a",
//	    "ClusterId": "mse-0pp1j8om80a", "ClusterName": "mse-0pp1j8om80a",
//	    "ClusterAliasName": "nacos-prod", "ClusterType": "Nacos-Ans",
//	    "Version": "2.2.3", "MseVersion": "mse_pro", "RegionId": "cn-hangzhou",
//	    "Namespaces": [{
//	      "NamespaceId": "3fd98c48-a709-4061-bba1-e341d79d681b", "NamespaceShowName": "prod",
//	      "Configs": [{"DataId": "prod.yaml", "Group": "DEFAULT_GROUP", "Type": "yaml",
//	                   "Content": "env: prod\n", "AppName": "", "Desc": "", "Tags": ""}],
//	      "Services": [{"ServiceName": "test-service", "GroupName": "DEFAULT_GROUP",
//	                    "ProtectThreshold": 0, "Ephemeral": true,
//	                    "Instances": [{"Ip": "192.168.1.10", "Port": 8080, "ClusterName": "DEFAULT",
//	                                   "Weight": 1, "Enabled": true, "Healthy": true,
//	                                   "Metadata": {"version": "v1"}}]}]
//	    }]
//	  }],
//	  "Gateways": [{
//	    "GatewayUniqueId": "gw-8090caa2a3ab447a8bc5fdf3a3ab447a", "InstanceId": "",
//	    "Name": "test-gateway", "RegionId": "cn-hangzhou", "Spec": "MSE_GTW_2_4_200_c",
//	    "Replica": 2, "Version": "2.0.6", "GatewayType": "Ingress",
//	    "Domains": [{"Name": "example.com", "Protocol": "HTTP"}],
//	    "Services": [{"Name": "test-service", "Namespace": "public", "GroupName": "DEFAULT_GROUP",
//	                  "SourceType": "MSE", "ServiceProtocol": "HTTP", "ServicePort": 8080,
//	                  "Ips": ["192.168.0.10"]}],
//	    "Routes": [{"Name": "test-route", "Path": "/", "DomainNames": ["example.com"],
//	                "ServiceName": "test-service", "Published": true}]
//	  }]
//	}
//
// The namespace public always exists. ClusterId defaults to InstanceId
// without "-cn", ClusterName to ClusterId, ClusterAliasName to ClusterName
// and a gateway's Name to its id. Ids must not contain '/', '*', '?' or
// white space; duplicates, routes naming unknown domains or services and
// out-of-range values are refused. A bad file makes New fail with an error
// naming the file and the field, e.g. "ramsim: fixtures f.json:
// Clusters[0].Namespaces[1].Configs[0].DataId: required".
//
// # Faults
//
// Config.Faults (cmd/ramsim -faults) injects the failures a client of the
// real service meets, for reliability tests. The spec is comma-separated
// key=value pairs, each optional, whitespace ignored, "" for none:
//
//	throttle=P     answer Throttling.User (400, "Request was denied due to
//	               user flow control.") before the handler runs
//	5xx=P          answer InternalError (500) or ServiceUnavailable (503),
//	               half each, before the handler runs
//	lost=P         run the handler (its change is committed and saved),
//	               then close the connection without an answer
//	reset=P        close the connection (TCP RST) before the handler runs:
//	               nothing changes
//	latency=D      delay every answer (and every dropped connection) by D
//	jitter=D       ... plus a uniform random part in [0, D)
//	qps=N          per-AccessKey token bucket (N a second, bursts of
//	               max(N, 1)) on Config.Now; over it: Throttling.User
//	consistency=D  eventual consistency, see below
//	actions=A|B    only these actions get the per-request faults above
//	               (all but consistency); default every action
//
// P is a probability per request in [0, 1]; the four add up to at most 1.
// D is a Go duration (50ms, 1s), N a number > 0. A bad spec is refused with
// an error naming the key and the rule ("faults: key \"throttle\": must be
// a probability between 0 and 1, got \"2\""), by New and SetFaults alike.
//
// Determinism: the injector draws from math/rand/v2 PCG seeded with
// Config.Seed (-seed) and exactly three numbers per request in scope, so
// the same seed and the same request sequence give the same faults.
// SetFaults (or the admin endpoint) replaces the spec and restarts the
// sequence and the token buckets. The qps limit is checked before the
// signature, on the AccessKeyId the request claims. Through a
// ResponseWriter that cannot be hijacked (HTTP/2, httptest.ResponseRecorder)
// lost and reset panic with http.ErrAbortHandler.
//
// consistency=D: a RAM user, group, role or custom policy created, and a
// policy attachment or group membership added, stays invisible to Get* and
// List* actions for D after the change (GetUser answers
// EntityNotExist.User, ListUsers omits it, AttachmentCount does not count
// it); a deleted or removed one stays visible for D. Writes and
// authorization see the truth at once, as in the real service. A mutation
// is diffed against the store before it (faults_consistency.go) and the
// changes noted, by kind and name, with Config.Now; renames and in-place
// updates are immediate. Turning consistency off forgets the pending
// changes.
//
// Body limit: a request body over 1 MiB is answered 413
// RequestEntityTooLarge (an assumed code) without running anything.
//
// Counters: every API request is counted per Action ("-" without one):
// received, ok, errors (injected ones included), throttled (Throttling.User
// injected or over qps) and faults by kind (throttle, qps, 5xx, lost,
// reset, latency). Server.Counters and ResetCounters read them in Go.
//
// Admin endpoints, on the API port, loopback clients only (403 otherwise;
// relayed and browser requests too, as above), unsigned JSON (a PUT or
// POST without Content-Type application/json is 415):
//
//	GET  /__ramsim/faults                   {"spec":"throttle=0.2,latency=50ms","seed":1}
//	PUT  /__ramsim/faults  {"spec":"...","seed":N}  (seed absent: keep it;
//	                                        a bad spec or body: 400 {"error":"..."})
//	GET  /__ramsim/counters                 {"actions":{"CreateUser":{"received":3,"ok":2,
//	                                        "errors":1,"throttled":1,"faults":{"throttle":1}}},
//	                                        "total":{...}}
//	POST /__ramsim/counters/reset           the counters before the reset
package ramsim
