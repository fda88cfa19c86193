// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"crypto/hmac"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// STS temporary credentials, as AssumeRole issues them: an AccessKeyId
// "STS.<28 characters>", a secret, and a SecurityToken that must be sent
// with every request they sign. They are held in memory only (never in
// the state file), so a restarted emulator has forgotten them.
const (
	SessionKeyPrefix = "STS."

	minAssumeDuration     = 900
	defaultAssumeDuration = 3600
	maxSessionPolicy      = 2048 // characters of AssumeRole's Policy
)

// stsSession is one set of temporary credentials.
type stsSession struct {
	accessKeyID, secret, token string
	roleID, sessionName        string
	arn                        string // AssumedRoleUser.Arn: acs:ram::<account>:role/<role>/<session>
	callerArn                  string // GetCallerIdentity's Arn: ...:assumed-role/<role>/<session>
	expiration                 time.Time
	policy                     *policy.Document // session policy, nil if none
}

// roleSessionNameChars is RoleSessionName's alphabet (2-64 characters).
var roleSessionNameChars = regexp.MustCompile(`^[A-Za-z0-9.@_-]{2,64}$`)

// assumeRole (STS AssumeRole) issues temporary credentials of a role. The
// caller's own policies must allow sts:AssumeRole on RoleArn (checked by
// AuthorizeRequest before this handler; the root key bypasses it), and the
// role's trust policy must admit the caller: a RAM principal of the
// account root admits every user and role of the account, a user or role
// ARN that principal alone. The credentials act with the role's policies,
// narrowed by Policy (a session policy) when given.
func (s *Service) assumeRole(rq *wire.Request) (map[string]any, *wire.Error) {
	arn, err := rq.Required("RoleArn")
	if err != nil {
		return nil, err
	}
	sessionName, err := rq.Required("RoleSessionName")
	if err != nil {
		return nil, err
	}
	if !roleSessionNameChars.MatchString(sessionName) {
		return nil, errRoleSessionName()
	}
	r, err := s.roleByArn(arn)
	if err != nil {
		return nil, err
	}
	maxDuration := r.MaxSessionDuration
	if maxDuration < minAssumeDuration {
		maxDuration = defaultSessionDuration
	}
	duration, err := rq.IntRange("DurationSeconds", defaultAssumeDuration, minAssumeDuration, maxDuration)
	if err != nil {
		return nil, errDurationSeconds(maxDuration)
	}
	var session *policy.Document
	if text := rq.Get("Policy"); text != "" {
		if utf8.RuneCountInString(text) > maxSessionPolicy {
			return nil, errSessionPolicyLength()
		}
		var perr error
		if session, perr = policy.Parse(text); perr != nil {
			return nil, errSessionPolicy(strings.ReplaceAll(perr.Error(), "\n", "; "))
		}
	}
	if err := s.checkTrust(r, rq); err != nil {
		return nil, err
	}

	keyID, secret, token, kerr := s.newSessionKey()
	if kerr != nil {
		return nil, wire.Internal()
	}
	now := s.cfg.Now().UTC()
	ss := &stsSession{
		accessKeyID: keyID, secret: secret, token: token,
		roleID: r.ID, sessionName: sessionName,
		arn:        r.arn(s.cfg.AccountID) + "/" + sessionName,
		callerArn:  assumedRoleArn(s.cfg.AccountID, r, sessionName),
		expiration: now.Add(time.Duration(duration) * time.Second).Truncate(time.Second),
		policy:     session,
	}
	s.pruneSessions(now)
	if s.sessions == nil {
		s.sessions = make(map[string]*stsSession)
	}
	s.sessions[keyID] = ss
	return map[string]any{
		"Credentials": map[string]any{
			"AccessKeyId":     keyID,
			"AccessKeySecret": secret,
			"SecurityToken":   token,
			"Expiration":      wire.FormatDate(ss.expiration),
		},
		"AssumedRoleUser": map[string]any{
			"Arn":           ss.arn,
			"AssumedRoleId": r.ID + ":" + sessionName,
		},
	}, nil
}

// assumedRoleArn is the ARN a role session acts as, the form
// GetCallerIdentity answers (acs:ram::<account>:assumed-role/<role>/
// <session>, the role name as in the role's own Arn), while AssumeRole's
// AssumedRoleUser.Arn is ...:role/<role>/<session>. Both forms are given by
// the AssumeRole and GetCallerIdentity API references.
func assumedRoleArn(account string, r *roleRecord, session string) string {
	name := strings.TrimPrefix(r.arn(account), roleArn(account, ""))
	return "acs:ram::" + account + ":assumed-role/" + name + "/" + session
}

// roleByArn finds the role of acs:ram::<account>:role/<name> in this
// account; role names match in any case, as service-linked roles' ARNs
// are lower-cased. Another account's role does not exist here.
func (s *Service) roleByArn(arn string) (*roleRecord, *wire.Error) {
	rest, ok := strings.CutPrefix(arn, "acs:ram::")
	account, name, ok2 := strings.Cut(rest, ":role/")
	if !ok || !ok2 || account == "" || name == "" || strings.Contains(name, "/") {
		return nil, errRoleArn()
	}
	if account == s.cfg.AccountID {
		if r := s.st.roles[name]; r != nil {
			return r, nil
		}
		for _, r := range s.st.roles {
			if strings.EqualFold(r.Name, name) {
				return r, nil
			}
		}
	}
	return nil, errNotExist("Role")
}

// checkTrust evaluates the role's trust policy for the caller: the root
// (acs:ram::<account>:root), a RAM user (...:user/<name>) or, for role
// chaining, the role of an assumed-role caller (...:role/<name>).
func (s *Service) checkTrust(r *roleRecord, rq *wire.Request) *wire.Error {
	c := &rq.Caller
	principal := c.ARN
	if c.IdentityType == wire.IdentityAssumedRole {
		if cr := s.st.roleByID(c.RoleID); cr != nil {
			principal = cr.arn(s.cfg.AccountID)
		}
	}
	resource := r.arn(s.cfg.AccountID)
	var docs []*policy.Document
	if doc, err := policy.ParseTrust(r.TrustPolicy); err == nil {
		docs = append(docs, doc)
	}
	res := policy.Evaluate(docs, policy.Request{
		Action:    policy.ActionAssumeRole,
		Resource:  resource,
		Context:   s.ConditionContext(policy.ActionAssumeRole, rq),
		Principal: policy.Principal{Type: policy.PrincipalRAM, ID: principal},
	})
	if res.Decision == policy.Allow {
		return nil
	}
	detail := s.deniedDetail(c, policy.ActionAssumeRole, decision{result: res, policyType: deniedByTrustPolicy})
	if c.IdentityType == wire.IdentityAccount {
		detail["AuthPrincipalType"], detail["AuthPrincipalDisplayName"] = "Account", c.AccountID
	}
	return errNoPermission(policy.ActionAssumeRole, resource, detail)
}

// newSessionKey makes a temporary AccessKeyId (unique among live
// sessions), its secret and its security token.
func (s *Service) newSessionKey() (keyID, secret, token string, err error) {
	for {
		suffix, err := randomString(28)
		if err != nil {
			return "", "", "", err
		}
		keyID = SessionKeyPrefix + suffix
		if _, taken := s.sessions[keyID]; !taken {
			break
		}
	}
	if secret, err = randomString(44); err != nil {
		return "", "", "", err
	}
	body, err := randomString(200)
	if err != nil {
		return "", "", "", err
	}
	return keyID, secret, "CAIS" + body, nil
}

// expiredSessionKept is how long expired credentials are remembered, so
// that using them answers InvalidSecurityToken.Expired rather than an
// unknown key.
const expiredSessionKept = 24 * time.Hour

// pruneSessions forgets credentials that expired long ago.
func (s *Service) pruneSessions(now time.Time) {
	for id, ss := range s.sessions {
		if now.Sub(ss.expiration) > expiredSessionKept {
			delete(s.sessions, id)
		}
	}
}

// sessionCredentials resolves temporary credentials: the AccessKeyId must
// be a live session's and come with that session's security token. An
// unknown id answers InvalidAccessKeyId.NotFound, a missing token
// MissingSecurityToken, another token
// InvalidSecurityToken.MismatchWithAccessKey, and credentials used at or
// after their Expiration (by the server clock) InvalidSecurityToken.Expired.
func (s *Service) sessionCredentials(accessKeyID, token string) (string, wire.Caller, *wire.Error) {
	ss := s.sessions[accessKeyID]
	switch {
	case ss == nil:
		return "", wire.Caller{}, wire.AccessKeyNotFound()
	case token == "":
		return "", wire.Caller{}, wire.Missing("SecurityToken")
	case !hmac.Equal([]byte(token), []byte(ss.token)):
		return "", wire.Caller{}, errSecurityTokenMismatch()
	case !s.cfg.Now().Before(ss.expiration):
		return "", wire.Caller{}, errSecurityTokenExpired()
	}
	return ss.secret, wire.Caller{
		IdentityType:  wire.IdentityAssumedRole,
		AccountID:     s.cfg.AccountID,
		PrincipalID:   ss.roleID + ":" + ss.sessionName,
		ARN:           ss.callerArn,
		RoleID:        ss.roleID,
		SessionPolicy: ss.policy,
	}, nil
}
