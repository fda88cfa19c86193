// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

// languageCase is a row of internal/policy's table of RAM's documented
// policy-language rules (testdata/ram_documented/cases.json there); see
// policy's ram_documented_test.go for the fields.
type languageCase struct {
	Name     string
	Kind     string
	Document json.RawMessage
	Valid    bool
	Problems []string
	Requests []struct {
		Action, Resource, Principal string
		Context                     map[string]string
		Decision                    string
	}
}

// TestPolicyLanguageAgreement holds the emulator to the same table as the
// plan-time validator and the evaluator: CreatePolicy (identity rows) and
// CreateRole (trust rows) accept exactly what policy.Parse and
// policy.ParseTrust accept, refuse the rest as MalformedPolicyDocument with
// the validator's reason, and authorization (Server.Authorize for identity
// policies, AssumeRole for trust policies) reaches the decision of
// policy.Evaluate.
func TestPolicyLanguageAgreement(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "policy", "testdata", "ram_documented", "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var table struct{ Cases []languageCase }
	if err := json.Unmarshal(b, &table); err != nil {
		t.Fatal(err)
	}
	if len(table.Cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range table.Cases {
		t.Run(c.Name, func(t *testing.T) {
			text := string(c.Document)
			trust := c.Kind == "trust"
			var doc *policy.Document
			var perr error
			env := ramsimtest.New(t, ramsim.Config{})
			var status int
			var body map[string]any
			if trust {
				doc, perr = policy.ParseTrust(text)
				status, body = env.Call(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "deployer", "AssumeRolePolicyDocument": text})
			} else {
				doc, perr = policy.Parse(text)
				status, body = env.Call(ramsimtest.VRAM, "CreatePolicy", map[string]string{"PolicyName": "p", "PolicyDocument": text})
			}
			if (perr == nil) != c.Valid {
				t.Fatalf("policy package: valid %v, table says %v: %v", perr == nil, c.Valid, perr)
			}
			if perr != nil {
				ramsimtest.WantError(t, status, body, http.StatusBadRequest, "MalformedPolicyDocument")
				msg := ramsimtest.Str(body, "Message")
				for _, p := range c.Problems {
					if !strings.Contains(msg, p) {
						t.Errorf("emulator's reason does not say %q: %s", p, msg)
					}
				}
				return
			}
			if status != http.StatusOK {
				t.Fatalf("emulator refused a document the validator accepts: %d %v", status, body)
			}

			if trust {
				checkTrustRequests(t, env, doc, c)
				return
			}
			env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice"})
			env.OK(ramsimtest.VRAM, "AttachPolicyToUser", map[string]string{"PolicyName": "p", "PolicyType": "Custom", "UserName": "alice"})
			for _, r := range c.Requests {
				ctx := map[string][]string{}
				for k, v := range r.Context {
					ctx[k] = []string{v}
				}
				want := policy.Evaluate([]*policy.Document{doc}, policy.Request{Action: r.Action, Resource: r.Resource, Context: ctx}).Decision.String()
				if want != r.Decision {
					t.Errorf("evaluator: %s %v: %s, table says %s", r.Action, r.Context, want, r.Decision)
				}
				allowed, detail := env.Srv.Authorize("alice", r.Action, r.Resource, r.Context)
				if allowed != (want == "Allow") || !strings.HasPrefix(detail, want) {
					t.Errorf("emulator: %s %v: %v %q, evaluator says %s", r.Action, r.Context, allowed, detail, want)
				}
			}
		})
	}
}

// checkTrustRequests: alice, allowed to assume the role, is admitted by its
// trust policy exactly when the evaluator admits her with the context the
// emulator supplies (recorded in the table).
func checkTrustRequests(t *testing.T, env *ramsimtest.Env, doc *policy.Document, c languageCase) {
	t.Helper()
	if len(c.Requests) == 0 {
		return
	}
	alice := env.NewAliceKey()
	env.Grant("User", "alice", "assume-deployer", allowAssumeDeployer)
	for _, r := range c.Requests {
		if r.Principal != ramsimtest.UserArn("alice") {
			t.Fatalf("trust requests are alice's, not %q", r.Principal)
		}
		ctx := map[string][]string{}
		for k, v := range r.Context {
			ctx[k] = []string{v}
		}
		want := policy.Evaluate([]*policy.Document{doc}, policy.Request{
			Action: policy.ActionAssumeRole, Resource: deployerArn(), Context: ctx,
			Principal: policy.Principal{Type: policy.PrincipalRAM, ID: r.Principal},
		}).Decision.String()
		if want != r.Decision {
			t.Errorf("evaluator: %v: %s, table says %s", r.Context, want, r.Decision)
		}
		status, body := env.As(alice, ramsimtest.VSTS, "AssumeRole", map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "agreement"})
		if want == "Allow" {
			if status != http.StatusOK {
				t.Errorf("emulator refused AssumeRole the evaluator allows: %d %v", status, body)
			}
			continue
		}
		ramsimtest.WantError(t, status, body, http.StatusForbidden, "NoPermission")
		if d, _ := body["AccessDeniedDetail"].(map[string]any); d["NoPermissionType"] != want || d["PolicyType"] != ram.DeniedByTrustPolicy {
			t.Errorf("emulator's refusal %v, evaluator says %s", d, want)
		}
	}
}
