// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy_test

import (
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// The differential test: random policies and requests, decided by
// policy.Evaluate and by the oracle (oracle_test.go), which must agree.
// The generator draws from a small vocabulary chosen to hit the corners:
// wildcards that span '/' and ':', '*' standing for an empty region or
// account, '?', action case, Deny against Allow, NotAction, NotResource
// (which policy.Parse must refuse), condition keys present, missing and in
// another case, IfExists, and MSE's instance/namespace/group/DataId
// hierarchy in both of its spellings.

// genCase is one generated comparison: policy documents and a request.
type genCase struct {
	Docs [][]genStatement
	Req  genRequest
}

type genStatement struct {
	Effect      string
	NotAction   bool // the actions are NotAction
	Actions     []string
	NotResource bool // the resources are NotResource
	Resources   []string
	Conditions  []genCondition
}

type genCondition struct {
	Op, Key string
	Values  []string
	Bare    bool // numbers and booleans written unquoted
}

type genRequest struct {
	Action, Resource string
	Context          map[string][]string
}

// render writes one document as RAM's JSON.
func render(stmts []genStatement) string {
	list := make([]map[string]any, 0, len(stmts))
	for _, s := range stmts {
		m := map[string]any{"Effect": s.Effect}
		m[map[bool]string{false: "Action", true: "NotAction"}[s.NotAction]] = s.Actions
		m[map[bool]string{false: "Resource", true: "NotResource"}[s.NotResource]] = s.Resources
		if len(s.Conditions) > 0 {
			cond := map[string]map[string][]json.RawMessage{}
			for _, c := range s.Conditions {
				if cond[c.Op] == nil {
					cond[c.Op] = map[string][]json.RawMessage{}
				}
				for _, v := range c.Values {
					raw, _ := json.Marshal(v)
					if _, err := strconv.ParseFloat(v, 64); c.Bare && (err == nil && json.Valid([]byte(v)) || v == "true" || v == "false") {
						raw = []byte(v)
					}
					cond[c.Op][c.Key] = append(cond[c.Op][c.Key], raw)
				}
			}
			m["Condition"] = cond
		}
		list = append(list, m)
	}
	b, err := json.Marshal(map[string]any{"Version": "1", "Statement": list})
	if err != nil {
		panic(err)
	}
	return string(b)
}

// outcome is what both evaluators say of a case, or why it was not compared.
type outcome struct {
	refused   error // policy.Parse refused a document
	got, want string
}

func (o outcome) disagrees() bool { return o.refused == nil && o.got != o.want }

func decideBoth(c genCase) outcome {
	var docs []*policy.Document
	var odocs []oracleDoc
	for _, stmts := range c.Docs {
		text := render(stmts)
		d, err := policy.Parse(text)
		if err != nil {
			return outcome{refused: err}
		}
		od, err := oracleParse(text)
		if err != nil {
			return outcome{got: "parsed", want: "oracle cannot read it: " + err.Error()}
		}
		docs, odocs = append(docs, d), append(odocs, od)
	}
	got := policy.Evaluate(docs, policy.Request{Action: c.Req.Action, Resource: c.Req.Resource, Context: c.Req.Context}).Decision.String()
	want := oracleDecide(odocs, oracleRequest{Action: c.Req.Action, Resource: c.Req.Resource, Context: c.Req.Context})
	return outcome{got: got, want: want}
}

// TestOracleAgreesWithEvaluator compares the two evaluators on generated
// cases (seeded: every run sees the same ones).
func TestOracleAgreesWithEvaluator(t *testing.T) {
	const policies, requestsPerPolicy = 2500, 10
	g := newGenerator(2026)
	decisions := map[string]int{}
	compared, notResource := 0, 0
	for range policies {
		docs := g.docs()
		if hasNotResource(docs) {
			// NotResource is not in RAM's current grammar (see
			// coversResource): policy.Parse must refuse it.
			notResource++
			if out := decideBoth(genCase{Docs: docs, Req: g.request()}); out.refused == nil || !strings.Contains(out.refused.Error(), "NotResource") {
				t.Fatalf("NotResource not refused: %v\n%s", out.refused, renderAll(docs))
			}
			continue
		}
		for range requestsPerPolicy {
			c := genCase{Docs: docs, Req: g.request()}
			out := decideBoth(c)
			if out.refused != nil {
				t.Fatalf("policy.Parse refused a generated policy: %v\n%s", out.refused, renderAll(docs))
			}
			if out.disagrees() {
				c = shrink(c)
				out = decideBoth(c)
				t.Fatalf("policy.Evaluate says %s, the oracle %s, after %d agreeing cases; minimal case:\n%s", out.got, out.want, compared, describe(c))
			}
			compared++
			decisions[out.got]++
		}
	}
	t.Logf("compared %d cases: %d Allow, %d ExplicitDeny, %d ImplicitDeny; %d NotResource policies refused by policy.Parse",
		compared, decisions["Allow"], decisions["ExplicitDeny"], decisions["ImplicitDeny"], notResource)
	if compared < 20000 {
		t.Errorf("only %d cases compared", compared)
	}
	for _, d := range []string{"Allow", "ExplicitDeny", "ImplicitDeny"} {
		if decisions[d] < compared/20 {
			t.Errorf("%s decided only %d of %d cases: the generator is lopsided", d, decisions[d], compared)
		}
	}
}

// FuzzOracleAgreesWithEvaluator: for any document policy.Parse accepts and
// any request, the two evaluators agree. The context value is given under
// every condition key of the generator's vocabulary but acs:Missing.
func FuzzOracleAgreesWithEvaluator(f *testing.F) {
	g := newGenerator(7)
	for range 40 {
		docs := g.docs()
		if hasNotResource(docs) {
			continue
		}
		req := g.request()
		value := ""
		for _, v := range req.Context {
			value = v[0]
			break
		}
		f.Add(render(docs[0]), req.Action, req.Resource, value)
	}
	f.Add(`{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:*","Resource":"acs:mse:*:*:instance/mse-1"}]}`,
		"mse:GetNacosConfig", "acs:mse:cn-hangzhou:1:instance/mse-1/ns/DEFAULT_GROUP/config/app.yaml", "")
	f.Add(`{"version":"1","statement":[{"effect":"Deny","notaction":"ram:*","resource":"*","condition":{"NotIpAddressIfExists":{"ACS:SOURCEIP":["10.0.0.0/8","::1"]},"NumericLessThan":{"acs:x":3600}}}]}`,
		"mse:ListClusters", "acs:mse:::*", "10.1.2.3")
	// Non-ASCII case (no page decides; see foldEqual) and a zoned address.
	f.Add(`{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:İ*","mse:ı"],"Resource":"*"}]}`, "mse:i", "*", "")
	f.Add(`{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"acs:SourceIp":"fe80::1%eth0"}}}]}`, "mse:a", "*", "fe80::1")
	f.Fuzz(func(t *testing.T, doc, action, resource, value string) {
		d, err := policy.Parse(doc)
		if err != nil {
			return // outside RAM's language
		}
		od, err := oracleParse(doc)
		if err != nil {
			t.Fatalf("policy.Parse accepts what the oracle cannot read (%v):\n%s", err, doc)
		}
		ctx := map[string][]string{}
		for _, k := range conditionKeys {
			if k.name != missingKey {
				ctx[k.name] = []string{value}
			}
		}
		got := policy.Evaluate([]*policy.Document{d}, policy.Request{Action: action, Resource: resource, Context: ctx}).Decision.String()
		want := oracleDecide([]oracleDoc{od}, oracleRequest{Action: action, Resource: resource, Context: ctx})
		if got != want {
			t.Fatalf("policy.Evaluate says %s, the oracle %s:\n%s\naction %q resource %q context %q", got, want, doc, action, resource, value)
		}
	})
}

// TestOracleImportsOnlyStandardLibrary keeps the oracle independent of the
// code it checks: its file may import the standard library only.
func TestOracleImportsOnlyStandardLibrary(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "oracle_test.go", nil, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
			t.Errorf("oracle_test.go imports %s", path)
		}
	}
}

func hasNotResource(docs [][]genStatement) bool {
	for _, d := range docs {
		for _, s := range d {
			if s.NotResource {
				return true
			}
		}
	}
	return false
}

func renderAll(docs [][]genStatement) string {
	var b strings.Builder
	for i, d := range docs {
		fmt.Fprintf(&b, "document %d: %s\n", i, render(d))
	}
	return b.String()
}

func describe(c genCase) string {
	return fmt.Sprintf("%saction %q\nresource %q\ncontext %q\n", renderAll(c.Docs), c.Req.Action, c.Req.Resource, c.Req.Context)
}

// shrink removes parts of a disagreeing case while it still disagrees, so
// that the report shows only what matters.
func shrink(c genCase) genCase {
	for changed := true; changed; {
		changed = false
		for _, cand := range smaller(c) {
			if decideBoth(cand).disagrees() {
				c, changed = cand, true
				break
			}
		}
	}
	return c
}

// smaller lists the cases with one part of c removed.
func smaller(c genCase) []genCase {
	var out []genCase
	with := func(edit func(*genCase)) {
		cp := clone(c)
		edit(&cp)
		out = append(out, cp)
	}
	for di := range c.Docs {
		if len(c.Docs) > 1 {
			with(func(x *genCase) { x.Docs = slices.Delete(x.Docs, di, di+1) })
		}
		for si, s := range c.Docs[di] {
			if len(c.Docs[di]) > 1 {
				with(func(x *genCase) { x.Docs[di] = slices.Delete(x.Docs[di], si, si+1) })
			}
			for i := range s.Actions {
				if len(s.Actions) > 1 {
					with(func(x *genCase) { st := &x.Docs[di][si]; st.Actions = slices.Delete(st.Actions, i, i+1) })
				}
			}
			for i := range s.Resources {
				if len(s.Resources) > 1 {
					with(func(x *genCase) { st := &x.Docs[di][si]; st.Resources = slices.Delete(st.Resources, i, i+1) })
				}
			}
			for ci, cond := range s.Conditions {
				with(func(x *genCase) { st := &x.Docs[di][si]; st.Conditions = slices.Delete(st.Conditions, ci, ci+1) })
				for vi := range cond.Values {
					if len(cond.Values) > 1 {
						with(func(x *genCase) {
							cc := &x.Docs[di][si].Conditions[ci]
							cc.Values = slices.Delete(cc.Values, vi, vi+1)
						})
					}
				}
			}
		}
	}
	for k, vs := range c.Req.Context {
		with(func(x *genCase) { delete(x.Req.Context, k) })
		for vi := range vs {
			if len(vs) > 1 {
				with(func(x *genCase) { x.Req.Context[k] = slices.Delete(x.Req.Context[k], vi, vi+1) })
			}
		}
	}
	return out
}

func clone(c genCase) genCase {
	out := genCase{Req: c.Req}
	out.Req.Context = map[string][]string{}
	for k, v := range c.Req.Context {
		out.Req.Context[k] = slices.Clone(v)
	}
	for _, d := range c.Docs {
		nd := make([]genStatement, len(d))
		for i, s := range d {
			s.Actions, s.Resources = slices.Clone(s.Actions), slices.Clone(s.Resources)
			s.Conditions = slices.Clone(s.Conditions)
			for j := range s.Conditions {
				s.Conditions[j].Values = slices.Clone(s.Conditions[j].Values)
			}
			nd[i] = s
		}
		out.Docs = append(out.Docs, nd)
	}
	return out
}
