// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// documentedCase is one row of testdata/ram_documented/cases.json: a rule of
// RAM's policy language, its source, a document and what RAM does with it.
// internal/ramsim's policy_language_test.go reads the same rows, so that the
// validator, the emulator and the evaluator are held to one table.
type documentedCase struct {
	Name     string
	Rule     string
	Source   string
	Kind     string // "identity" or "trust"
	Document json.RawMessage
	Valid    bool
	Problems []string // substrings of the errors, for an invalid document
	Warnings []string // substrings of the warnings, one per warning
	Requests []documentedRequest
}

// documentedRequest is a request and RAM's decision. Trust-policy requests
// are sts:AssumeRole on the role deployer, by Principal (a RAM ARN).
type documentedRequest struct {
	Action, Resource, Principal string
	Context                     map[string]string
	Decision                    string
}

func readDocumentedCases(t *testing.T) []documentedCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "ram_documented", "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var table struct{ Cases []documentedCase }
	if err := json.Unmarshal(b, &table); err != nil {
		t.Fatal(err)
	}
	return table.Cases
}

// TestRAMDocumentedRules checks every row: the document is refused with the
// documented reason, or accepted with exactly the expected warnings, and each
// request gets RAM's decision.
func TestRAMDocumentedRules(t *testing.T) {
	cases := readDocumentedCases(t)
	if len(cases) < 20 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			if c.Rule == "" || c.Source == "" {
				t.Fatal("a row names its rule and its source")
			}
			kind, parse := Identity, Parse
			if c.Kind == "trust" {
				kind, parse = Trust, ParseTrust
			} else if c.Kind != "identity" {
				t.Fatalf("kind %q", c.Kind)
			}
			text := string(c.Document)
			d, err := parse(text)
			if !c.Valid {
				if err == nil {
					t.Fatalf("accepted; want it refused (%s)", c.Rule)
				}
				for _, w := range c.Problems {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error does not say %q:\n%v", w, err)
					}
				}
				if len(c.Problems) == 0 || len(c.Requests) > 0 {
					t.Error("a refused row names its problems and has no requests")
				}
				return
			}
			if err != nil {
				t.Fatalf("refused; want it accepted (%s):\n%v", c.Rule, err)
			}
			if _, k, err := ParseAny(text); err != nil || k != kind {
				t.Errorf("ParseAny: %v %v", k, err)
			}
			assertWarnings(t, d.Warnings(), c.Warnings)

			// The canonical form means the same, warnings from the text aside.
			canon := d.CanonicalJSON()
			assertFixedPoint(t, canon)
			if eq, err := Equivalent(text, canon); err != nil || !eq {
				t.Errorf("not equivalent to its canonical form %s: %v", canon, err)
			}

			for _, r := range c.Requests {
				req := r.request()
				if got := Evaluate([]*Document{d}, req).Decision.String(); got != r.Decision {
					t.Errorf("%s %s %v: %s, want %s", req.Action, req.Resource, r.Context, got, r.Decision)
				}
				// The canonical form decides alike.
				cd, _, _ := ParseAny(canon)
				if got := Evaluate([]*Document{cd}, req).Decision.String(); got != r.Decision {
					t.Errorf("canonical form: %s %v: %s, want %s", req.Action, r.Context, got, r.Decision)
				}
			}
		})
	}
}

func (r documentedRequest) request() Request {
	req := Request{Action: r.Action, Resource: r.Resource, Context: map[string][]string{}}
	for k, v := range r.Context {
		req.Context[k] = []string{v}
	}
	if r.Principal != "" {
		req.Principal = Principal{Type: PrincipalRAM, ID: r.Principal}
		if req.Action == "" {
			req.Action, req.Resource = ActionAssumeRole, "acs:ram::1234567890123456:role/deployer"
		}
	}
	return req
}

// assertWarnings wants one warning per substring, each containing it.
func assertWarnings(t *testing.T, got []*ValidationError, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d warnings, want %d: %v", len(got), len(want), got)
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || strings.Contains(g.Error(), w)
		}
		if !found {
			t.Errorf("no warning says %q: %v", w, got)
		}
	}
}

// TestWarningsFields: warnings name their statement and Sid like errors do,
// come in statement order, and asking twice gives the same answer.
func TestWarningsFields(t *testing.T) {
	d := mustParse(t, ParseTrust, `{"version":"1","Statement":[`+
		`{"Sid":"A","Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":[]},"condition":{"NumericLessThan":{"acs:MultiFactorAuthAge":3600}}},`+
		`{"Sid":"B","Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":"acs:ram::1:root"},"Condition":{"StringNotLike":{"Action":"x"},"DateLessThan":{"acs:CurrentTime":"2030-01-01"}}}]}`)
	want := []string{
		`version: element names are case-sensitive in RAM's policy grammar; read as "Version"`,
		`statement 0 ("A"): condition: element names are case-sensitive`,
		`statement 0 ("A"): Condition: NumericLessThan: acs:MultiFactorAuthAge: 3600 is a JSON number`,
		`statement 0 ("A"): Principal: Service: is an empty list`,
		`statement 1 ("B"): Condition: StringNotLike: condition key "Action"`,
		`statement 1 ("B"): Condition: DateLessThan: acs:CurrentTime: "2030-01-01" is a date without a time of day`,
	}
	for round := 0; round < 2; round++ {
		got := d.Warnings()
		if len(got) != len(want) {
			t.Fatalf("got %d warnings: %v", len(got), got)
		}
		for i, w := range want {
			if !strings.HasPrefix(got[i].Error(), w) {
				t.Errorf("warning %d = %q, want prefix %q", i, got[i].Error(), w)
			}
		}
	}
	if w := mustParse(t, Parse, doc(allowAll)).Warnings(); w != nil {
		t.Errorf("clean document: %v", w)
	}
	// A hand-built document has no text: only what its content shows.
	hb := &Document{Version: "1", Statements: []Statement{{Effect: "Allow", Actions: []string{"*"}, Resources: []string{"*"},
		Conditions: []Condition{{Operator: "IpAddress", Key: "acs:SourceIp", Values: []string{"10.0.0.1/32", "10.0.0.2"}}}}}}
	if w := hb.Warnings(); len(w) != 1 || !strings.Contains(w[0].Msg, "written as 10.0.0.1") {
		t.Errorf("hand-built: %v", w)
	}
}

// TestParsedValuesKeepText: a JSON number or boolean becomes the string it
// spells, exactly (no reformatting of 1e3 or -0).
func TestParsedValuesKeepText(t *testing.T) {
	d := mustParse(t, Parse, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericEquals":{"acs:x":[1e3,-0,2.50]},"Bool":{"acs:MFAPresent":false}}}`))
	got := d.Statements[0].Conditions
	if len(got) != 2 || strings.Join(got[0].Values, ",") != "1e3,-0,2.50" || got[1].Values[0] != "false" {
		t.Errorf("conditions %+v", got)
	}
	if c := d.CanonicalJSON(); !strings.Contains(c, `"acs:x":["-0","1e3","2.50"]`) || !strings.Contains(c, `"acs:MFAPresent":["false"]`) {
		t.Errorf("canonical %s", c)
	}
}
