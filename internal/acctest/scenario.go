// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/sts"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// A scenario (examples/scenarios/<name>) is a configuration plus a README
// whose "who may do what" table says which calls each principal it creates
// must be allowed and which refused. CheckScenarioTable makes every call of
// the table with the credentials the configuration output, through the
// classic SDK, so the table is proved against the emulator's authorization
// and not restated.

// ScenarioRow is one row of a README table:
//
//	| who | call | parameters | expected |
//	|---|---|---|---|
//	| developer | `mse:GetNacosConfig` | `InstanceId=mse-cn-0pp1j8om80a DataId=prod.yaml` | allowed |
//
// who names an entry of the configuration's `credentials` output; call is
// <service>:<API>; parameters are space-separated Name=Value pairs (a value
// may not contain a space); expected is "allowed" or "denied".
type ScenarioRow struct {
	Who, Call string
	Params    map[string]string
	Allowed   bool
	Line      int // in the README, for messages
}

// scenarioTableHeader starts the table in a README.
const scenarioTableHeader = "| who | call | parameters | expected |"

// ParseScenarioTable reads the who-may-do-what table of a README.
func ParseScenarioTable(path string) ([]ScenarioRow, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(b), "\n")
	start := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == scenarioTableHeader {
			start = i + 2 // skip the |---| line
			break
		}
	}
	if start < 0 {
		return nil, fmt.Errorf("%s: no table with the header %q", path, scenarioTableHeader)
	}
	var rows []ScenarioRow
	for i := start; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
		cells := strings.Split(strings.Trim(strings.TrimSpace(lines[i]), "|"), "|")
		if len(cells) != 4 {
			return nil, fmt.Errorf("%s:%d: want 4 cells, got %d", path, i+1, len(cells))
		}
		for j := range cells {
			cells[j] = strings.Trim(strings.TrimSpace(cells[j]), "`")
		}
		row := ScenarioRow{Who: cells[0], Call: cells[1], Params: map[string]string{}, Line: i + 1}
		for _, kv := range strings.Fields(cells[2]) {
			k, v, ok := strings.Cut(strings.Trim(kv, "`"), "=")
			if !ok {
				return nil, fmt.Errorf("%s:%d: parameter %q is not Name=Value", path, i+1, kv)
			}
			row.Params[k] = v
		}
		switch cells[3] {
		case "allowed":
			row.Allowed = true
		case "denied":
		default:
			return nil, fmt.Errorf("%s:%d: expected must be allowed or denied, not %q", path, i+1, cells[3])
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: the who-may-do-what table has no rows", path)
	}
	return rows, nil
}

// Credential is what a scenario outputs for one principal.
type Credential = ramsim.Credential

// CallAs makes one call on the emulator as cred and returns the API's
// error code, "" on success. A transport failure is an error.
func (e *Env) CallAs(cred Credential, call string, params map[string]string) (string, error) {
	res, err := ramsim.Call(e.emulator().URL(), cred, call, params)
	return res.Code, err
}

// CheckScenarioTable proves every row of a README's table with the
// credentials of the configuration's `credentials` output (a map from who
// to an object with access_key_id, secret and optionally security_token)
// and those in extra (principals the test made itself, such as an assumed
// role). An allowed call must succeed; a denied one must fail with
// NoPermission, not with any other error. It is a state check, not a
// Check function: the legacy state that Check functions get cannot hold
// for_each instances, which scenarios use.
func (e *Env) CheckScenarioTable(readme string, extra map[string]Credential) statecheck.StateCheck {
	return stateCheck(func(s *tfjson.State) error {
		rows, err := ParseScenarioTable(readme)
		if err != nil {
			return err
		}
		creds := map[string]any{}
		if s.Values != nil && s.Values.Outputs["credentials"] != nil {
			v, ok := s.Values.Outputs["credentials"].Value.(map[string]any)
			if !ok {
				return fmt.Errorf("output credentials is %T, want a map of objects", s.Values.Outputs["credentials"].Value)
			}
			creds = v
		}
		for who, c := range extra {
			creds[who] = map[string]any{"access_key_id": c.AccessKeyID, "secret": c.AccessKeySecret, "security_token": c.SecurityToken}
		}
		var failures []string
		for _, r := range rows {
			c, ok := creds[r.Who].(map[string]any)
			if !ok {
				failures = append(failures, fmt.Sprintf("%s:%d: no credentials output for %q", readme, r.Line, r.Who))
				continue
			}
			str := func(k string) string { v, _ := c[k].(string); return v }
			code, err := e.CallAs(Credential{AccessKeyID: str("access_key_id"), AccessKeySecret: str("secret"), SecurityToken: str("security_token")}, r.Call, r.Params)
			switch {
			case err != nil:
				failures = append(failures, fmt.Sprintf("%s:%d: %s as %s: %v", readme, r.Line, r.Call, r.Who, err))
			case r.Allowed && code != "":
				failures = append(failures, fmt.Sprintf("%s:%d: %s as %s must be allowed, got %s", readme, r.Line, r.Call, r.Who, code))
			case !r.Allowed && code != "NoPermission":
				failures = append(failures, fmt.Sprintf("%s:%d: %s as %s must be refused with NoPermission, got %q", readme, r.Line, r.Call, r.Who, code))
			}
		}
		if len(failures) > 0 {
			return errors.New(strings.Join(failures, "\n"))
		}
		return nil
	})
}

// stateCheck adapts a function to statecheck.StateCheck.
type stateCheck func(*tfjson.State) error

func (f stateCheck) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = f(req.State)
}

// StoreCheck runs a check of the emulator's store (one of Env's checks,
// which ignore Terraform's state) as a state check, for configurations
// with for_each.
func StoreCheck(checks ...func(*terraform.State) error) statecheck.StateCheck {
	return stateCheck(func(*tfjson.State) error {
		for _, c := range checks {
			if err := c(nil); err != nil {
				return err
			}
		}
		return nil
	})
}

// AssumeRole assumes a role with the emulator's root key through the
// classic SDK's STS client, as a worker node or CI job would with its own
// credentials, and returns the temporary credentials.
func (e *Env) AssumeRole(roleARN, session string) Credential {
	e.t.Helper()
	c, err := sts.NewClientWithAccessKey("cn-hangzhou", AccessKeyID, AccessKeySecret)
	if err != nil {
		e.t.Fatal(err)
	}
	req := sts.CreateAssumeRoleRequest()
	req.Scheme = "http"
	req.Domain = strings.TrimPrefix(e.emulator().URL(), "http://")
	req.RoleArn, req.RoleSessionName = roleARN, session
	resp, err := c.AssumeRole(req)
	if err != nil {
		e.t.Fatalf("AssumeRole %s: %v", roleARN, err)
	}
	return Credential{AccessKeyID: resp.Credentials.AccessKeyId, AccessKeySecret: resp.Credentials.AccessKeySecret, SecurityToken: resp.Credentials.SecurityToken}
}
