// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// exampleCase is one row of testdata/ram_examples/ram_policy_examples.json:
// the decisions an Alibaba Cloud page states or shows for its examples.
// (The file is in a subdirectory because the fixture tests read every
// testdata/*.json as a policy.)
type exampleCase struct {
	Name, Source, Rule string
	Documents          []json.RawMessage
	Requests           []struct {
		Action, Resource string
		Context          map[string][]string
		Decision         string
	}
}

// TestRAMPolicyExamples runs every documented request through
// policy.Evaluate and through the oracle; both must give the page's answer.
func TestRAMPolicyExamples(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "ram_examples", "ram_policy_examples.json"))
	if err != nil {
		t.Fatal(err)
	}
	var table struct{ Cases []exampleCase }
	if err := json.Unmarshal(b, &table); err != nil {
		t.Fatal(err)
	}
	requests := 0
	for _, c := range table.Cases {
		t.Run(c.Name, func(t *testing.T) {
			if !strings.HasPrefix(c.Source, "https://www.alibabacloud.com/help/") || c.Rule == "" {
				t.Fatalf("a case cites an Alibaba Cloud page and states its rule: %q", c.Source)
			}
			if len(c.Documents) == 0 || len(c.Requests) == 0 {
				t.Fatal("a case has documents and requests")
			}
			var docs []*policy.Document
			var odocs []oracleDoc
			for _, raw := range c.Documents {
				d, err := policy.Parse(string(raw))
				if err != nil {
					t.Fatalf("policy.Parse refuses the documented policy: %v", err)
				}
				od, err := oracleParse(string(raw))
				if err != nil {
					t.Fatalf("the oracle cannot read the documented policy: %v", err)
				}
				docs, odocs = append(docs, d), append(odocs, od)
			}
			for _, r := range c.Requests {
				requests++
				got := policy.Evaluate(docs, policy.Request{Action: r.Action, Resource: r.Resource, Context: r.Context}).Decision.String()
				if got != r.Decision {
					t.Errorf("policy.Evaluate: %s on %s %v = %s, the page says %s", r.Action, r.Resource, r.Context, got, r.Decision)
				}
				if want := oracleDecide(odocs, oracleRequest{Action: r.Action, Resource: r.Resource, Context: r.Context}); want != r.Decision {
					t.Errorf("oracle: %s on %s %v = %s, the page says %s", r.Action, r.Resource, r.Context, want, r.Decision)
				}
			}
		})
	}
	if len(table.Cases) < 30 || requests < 60 {
		t.Errorf("only %d cases, %d requests", len(table.Cases), requests)
	}
}
