// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// mseram_principal_access against real calls: for every row of every
// scenario's who-may-do-what table, the row's call is made, signed with
// the principal's key, and the emulator is asked what it authorized the
// call on (action, ARNs, condition keys). The next step asks
// mseram_principal_access about the principal the key belongs to, with one
// request per ARN, and its answer must be the call's outcome: allowed when
// the call succeeded, refused when it failed with NoPermission.

// paMinRequests is the least number of requests the scenarios must
// compare, so that a table shrinking unnoticed fails the test.
const paMinRequests = 50

// paScenario is one scenario and what the test does beyond applying it.
type paScenario struct {
	name string
	// setup runs before the apply and returns credentials the test made
	// itself (assumed roles), by who; variants are extra principals that
	// repeat another's rows ("worker-narrow" repeats "worker").
	setup    func(t *testing.T, env *acctest.Env) map[string]acctest.Credential
	variants map[string]string
}

// The worker role of scenario 06, which ACK creates: this copy also trusts
// the account, so that the test can assume it.
const paWorkerRole = "KubernetesWorkerRole-0d1e2f3a-4b5c-6d7e"

// paNarrowSession is the session policy of the "worker-narrow" variant:
// reads only, and MSE's service-linked role explicitly refused, so that the
// session policy's implicit and explicit denials both meet the table.
const paNarrowSession = `{"Version":"1","Statement":[` +
	`{"Effect":"Allow","Action":["mse:List*","ram:CreateServiceLinkedRole"],"Resource":["*"]},` +
	`{"Sid":"NoMSERole","Effect":"Deny","Action":["ram:CreateServiceLinkedRole"],"Resource":["*"],` +
	`"Condition":{"StringEquals":{"ram:ServiceName":["mse.aliyuncs.com"]}}}]}`

var paScenarios = []paScenario{
	{name: "01-ops-and-developers"},
	{name: "02-seed001-typed-policies"},
	{name: "03-gateway-access"},
	{name: "04-mse-service-linked-role"},
	{name: "05-mss-service-linked-roles"},
	{name: "07-delegated-user-admin"},
	{
		name:     "06-ingress-controller-worker-role",
		variants: map[string]string{"worker-narrow": "worker"},
		setup: func(t *testing.T, env *acctest.Env) map[string]acctest.Credential {
			if _, err := env.Client().CreateRole(context.Background(), alicloud.CreateRoleInput{
				RoleName: paWorkerRole,
				AssumeRolePolicyDocument: `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",` +
					`"Principal":{"Service":["ecs.aliyuncs.com"],"RAM":["acs:ram::` + acctest.AccountID + `:root"]}}]}`,
			}); err != nil {
				t.Fatal(err)
			}
			arn := "acs:ram::" + acctest.AccountID + ":role/" + paWorkerRole
			return map[string]acctest.Credential{
				"worker":        env.AssumeRole(arn, "ingress-controller"),
				"worker-narrow": paAssumeWithPolicy(t, env, arn, paNarrowSession),
			}
		},
	},
}

// paAssumeWithPolicy assumes a role with the root key and a session policy.
func paAssumeWithPolicy(t *testing.T, env *acctest.Env, roleARN, sessionPolicy string) acctest.Credential {
	t.Helper()
	root := acctest.Credential{AccessKeyID: acctest.AccessKeyID, AccessKeySecret: acctest.AccessKeySecret}
	res, err := ramsim.Call(env.Server.URL(), root, "sts:AssumeRole",
		map[string]string{"RoleArn": roleARN, "RoleSessionName": "narrow", "Policy": sessionPolicy})
	if err != nil || res.Code != "" {
		t.Fatalf("AssumeRole %s with a session policy: %v %s %s", roleARN, err, res.Code, res.Message)
	}
	c, _ := res.Body["Credentials"].(map[string]any)
	str := func(k string) string { s, _ := c[k].(string); return s }
	return acctest.Credential{AccessKeyID: str("AccessKeyId"), AccessKeySecret: str("AccessKeySecret"), SecurityToken: str("SecurityToken")}
}

// paTally counts the requests compared over all scenarios.
type paTally struct {
	mu                         sync.Mutex
	scenarios, rows            int
	requests, allowed, refused int
}

func TestAccPrincipalAccess_scenariosAgreeWithCalls(t *testing.T) {
	acctest.RamsimOnly(t, scenarioRamsimOnly)
	t.Parallel()
	tally := &paTally{}
	t.Cleanup(func() { // after every subtest, parallel ones included
		tally.mu.Lock()
		defer tally.mu.Unlock()
		t.Logf("mseram_principal_access compared with real calls: %d rows, %d requests (%d allowed, %d refused)",
			tally.rows, tally.requests, tally.allowed, tally.refused)
		if tally.scenarios < len(paScenarios) {
			t.Logf("%d of %d scenarios ran (a -run filter): the minimum of %d requests applies to a full run only",
				tally.scenarios, len(paScenarios), paMinRequests)
			return
		}
		if !t.Failed() && (tally.requests < paMinRequests || tally.allowed == 0 || tally.refused == 0) {
			t.Errorf("want at least %d requests, both allowed and refused; got %d (%d allowed, %d refused)",
				paMinRequests, tally.requests, tally.allowed, tally.refused)
		}
	})
	listed := map[string]bool{}
	for _, sc := range paScenarios {
		listed[sc.name] = true
		t.Run(sc.name, func(t *testing.T) { t.Parallel(); paRunScenario(t, sc, tally) })
	}
	entries, err := os.ReadDir(scenarioDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && !listed[e.Name()] {
			t.Errorf("scenario %s is not in paScenarios: its table is not compared with mseram_principal_access", e.Name())
		}
	}
}

// paCall is one row's call as made: who made it, its outcome, and the
// requests (indexes into the principal's) it stands for.
type paCall struct {
	row      acctest.ScenarioRow
	who      string
	code     string
	from, to int
}

// paPrincipal is what the generated configuration asks about one key's
// principal; JSON null stands for an unset attribute.
type paPrincipal struct {
	Who           string      `json:"who"`
	UserName      *string     `json:"user_name"`
	RoleName      *string     `json:"role_name"`
	SessionPolicy *string     `json:"session_policy"`
	Requests      []paRequest `json:"requests"`
}

type paRequest struct {
	Action   string            `json:"action"`
	Resource string            `json:"resource"`
	Context  map[string]string `json:"context"`
}

// paConfig asks mseram_principal_access about every principal of the
// variable (a JSON list), which the first step fills in once the calls are
// made. count, not for_each: the testing framework's legacy state, read
// before the final destroy, cannot hold for_each instances.
const paConfig = `
variable "principal_access" {
  type = string
}

locals {
  principals = jsondecode(var.principal_access)
}

data "mseram_principal_access" "scenario" {
  count          = length(local.principals)
  user_name      = local.principals[count.index].user_name
  role_name      = local.principals[count.index].role_name
  session_policy = local.principals[count.index].session_policy

  dynamic "request" {
    for_each = local.principals[count.index].requests
    content {
      action   = request.value.action
      resource = request.value.resource
      context  = request.value.context
    }
  }
}
`

func paRunScenario(t *testing.T, sc paScenario, tally *paTally) {
	env := acctest.New(t)
	tfConfig, readme := scenario(t, sc.name)
	var extra map[string]acctest.Credential
	if sc.setup != nil {
		extra = sc.setup(t, env)
	}
	// Filled by the first step's check, read when the second step runs.
	vars := config.Variables{}
	var calls []paCall
	var order []string // who asks through data block [i]
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(tfConfig),
				ConfigStateChecks: []statecheck.StateCheck{paStateCheck(func(s *tfjson.State) error {
					principals, made, err := paMakeCalls(env, s, readme, sc.variants, extra)
					if err != nil {
						return err
					}
					b, err := json.Marshal(principals)
					if err != nil {
						return err
					}
					vars["principal_access"] = config.StringVariable(string(b))
					calls, order = made, nil
					for _, p := range principals {
						order = append(order, p.Who)
					}
					return nil
				})},
			},
			{
				Config:          env.Config(tfConfig + paConfig),
				ConfigVariables: vars,
				ConfigStateChecks: []statecheck.StateCheck{paStateCheck(func(s *tfjson.State) error {
					return paCompare(s, order, calls, tally)
				})},
			},
		},
	})
}

// paMakeCalls makes every row's call (and each variant's) in table order,
// asking the emulator right before what it authorizes the call on, and
// returns the principals to ask about, by who.
func paMakeCalls(env *acctest.Env, s *tfjson.State, readme string, variants map[string]string, extra map[string]acctest.Credential) ([]*paPrincipal, []paCall, error) {
	rows, err := acctest.ParseScenarioTable(readme)
	if err != nil {
		return nil, nil, err
	}
	creds, err := paCredentials(s, extra)
	if err != nil {
		return nil, nil, err
	}
	for variant, of := range variants {
		for _, r := range rows {
			if r.Who == of {
				r.Who = variant
				rows = append(rows, r)
			}
		}
	}
	byWho := map[string]*paPrincipal{}
	var principals []*paPrincipal
	var calls []paCall
	for _, r := range rows {
		cred, ok := creds[r.Who]
		if !ok {
			return nil, nil, fmt.Errorf("%s:%d: no credentials for %q", readme, r.Line, r.Who)
		}
		auth, err := env.Server.Authorization(r.Call, r.Params, cred)
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %s as %s: %w", readme, r.Line, r.Call, r.Who, err)
		}
		p := byWho[r.Who]
		if p == nil {
			p = paPrincipalOf(r.Who, auth)
			byWho[r.Who] = p
			principals = append(principals, p)
		}
		// The call comes from this machine's loopback address, which the
		// emulator supplies as acs:SourceIp.
		auth.Context["acs:SourceIp"] = "127.0.0.1"
		from := len(p.Requests)
		for _, arn := range auth.Resources {
			p.Requests = append(p.Requests, paRequest{Action: auth.Action, Resource: arn, Context: auth.Context})
		}
		code, err := env.CallAs(cred, r.Call, r.Params)
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %s as %s: %w", readme, r.Line, r.Call, r.Who, err)
		}
		calls = append(calls, paCall{row: r, who: r.Who, code: code, from: from, to: len(p.Requests)})
	}
	return principals, calls, nil
}

func paPrincipalOf(who string, auth ramsim.CallAuthorization) *paPrincipal {
	opt := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	return &paPrincipal{Who: who, UserName: opt(auth.UserName), RoleName: opt(auth.RoleName), SessionPolicy: opt(auth.SessionPolicy)}
}

// paCredentials reads the scenario's credentials output and adds extra.
func paCredentials(s *tfjson.State, extra map[string]acctest.Credential) (map[string]acctest.Credential, error) {
	out := map[string]acctest.Credential{}
	if s.Values != nil && s.Values.Outputs["credentials"] != nil {
		v, ok := s.Values.Outputs["credentials"].Value.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("output credentials is %T, want a map of objects", s.Values.Outputs["credentials"].Value)
		}
		for who, c := range v {
			m, _ := c.(map[string]any)
			str := func(k string) string { s, _ := m[k].(string); return s }
			out[who] = acctest.Credential{AccessKeyID: str("access_key_id"), AccessKeySecret: str("secret"), SecurityToken: str("security_token")}
		}
	}
	for who, c := range extra {
		out[who] = c
	}
	return out, nil
}

// paCompare checks each call's outcome against the data source's results
// for its requests: allowed when every request is, refused otherwise.
func paCompare(s *tfjson.State, order []string, calls []paCall, tally *paTally) error {
	results, err := paResults(s, order)
	if err != nil {
		return err
	}
	var failures []string
	var requests, allowed, refused int
	for _, c := range calls {
		rs := results[c.who]
		if len(rs) < c.to {
			failures = append(failures, fmt.Sprintf("line %d (%s): data source has %d results for %q, want at least %d", c.row.Line, c.row.Call, len(rs), c.who, c.to))
			continue
		}
		predicted := true
		var why []string
		for _, r := range rs[c.from:c.to] {
			requests++
			if r["allowed"] == true {
				allowed++
			} else {
				refused++
				predicted = false
			}
			why = append(why, fmt.Sprintf("%v on %v: %v by %v %v statement %v", r["action"], r["resource"], r["decision"],
				r["decided_by_policy_type"], r["decided_by_policy"], r["decided_by_statement"]))
		}
		switch {
		case c.code != "" && c.code != "NoPermission":
			failures = append(failures, fmt.Sprintf("line %d: %s as %s failed with %s, neither success nor NoPermission", c.row.Line, c.row.Call, c.who, c.code))
		case predicted != (c.code == ""):
			failures = append(failures, fmt.Sprintf("line %d: %s as %s: the call answered %q but the data source says allowed=%t (%s)",
				c.row.Line, c.row.Call, c.who, c.code, predicted, strings.Join(why, "; ")))
		}
	}
	tally.mu.Lock()
	tally.scenarios++
	tally.rows += len(calls)
	tally.requests += requests
	tally.allowed += allowed
	tally.refused += refused
	tally.mu.Unlock()
	if len(failures) > 0 {
		return errors.New("mseram_principal_access disagrees with the emulator:\n" + strings.Join(failures, "\n"))
	}
	return nil
}

// paResults reads each principal's results from the state, by who: data
// block [i] asked about order[i].
func paResults(s *tfjson.State, order []string) (map[string][]map[string]any, error) {
	out := map[string][]map[string]any{}
	if s.Values == nil || s.Values.RootModule == nil {
		return nil, errors.New("the state has no root module")
	}
	for _, r := range s.Values.RootModule.Resources {
		if r.Type != "mseram_principal_access" || r.Name != "scenario" {
			continue
		}
		i, ok := r.Index.(json.Number)
		n, err := i.Int64()
		if !ok || err != nil || n < 0 || int(n) >= len(order) {
			return nil, fmt.Errorf("%s: unexpected index %v for %d principals", r.Address, r.Index, len(order))
		}
		who := order[n]
		list, _ := r.AttributeValues["results"].([]any)
		for _, e := range list {
			m, _ := e.(map[string]any)
			out[who] = append(out[who], m)
		}
	}
	return out, nil
}

// paStateCheck adapts a function to statecheck.StateCheck.
type paStateCheck func(*tfjson.State) error

func (f paStateCheck) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f(req.State)
}
