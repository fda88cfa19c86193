// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// NacosConfigGrant grants access to Nacos configurations: one DataId, or,
// with DataID empty, every configuration of the group; with Group empty too,
// of the namespace; with NamespaceID empty too, of the instance. An empty
// field here means "omitted": callers that take user input must refuse
// empty strings before they get here (the data source does, so that an
// empty variable never widens a grant).
type NacosConfigGrant struct {
	InstanceID, NamespaceID, Group, DataID string
	Access                                 Access
	Sid                                    string
}

// NacosServiceGrant grants access to Nacos services and their instances, at
// the same levels as NacosConfigGrant.
type NacosServiceGrant struct {
	InstanceID, NamespaceID, Group, Service string
	Access                                  Access
	Sid                                     string
}

// InstanceGrant grants access to a whole instance, or with InstanceID "*"
// to every MSE resource. Access is read_only or full.
type InstanceGrant struct {
	InstanceID string
	Access     Access
	Sid        string
}

// GatewayGrant grants access to a cloud-native gateway. Access is read_only
// or read_write (seed 003's two policies). Companions adds seed 003's log:
// and arms: statements; the data source defaults it to true.
type GatewayGrant struct {
	GatewayID, Region string
	Access            Access
	Companions        bool
	Sid               string
}

// SLRCreationGrant lets a RAM user create service-linked roles for the
// named services (seed 000's FAQ): ram:CreateServiceLinkedRole on
// acs:ram:*:<account>:role/* with the condition ram:ServiceName. AccountID
// defaults to "*". Service names are checked against the service-linked
// role catalog, as mseram_service_linked_role does, unless
// AllowUnknownService.
type SLRCreationGrant struct {
	ServiceNames        []string
	AccountID           string
	AllowUnknownService bool
	Sid                 string
}

// Request is everything the policy document data source renders.
type Request struct {
	// Console adds the navigation statements console users need (see the
	// package documentation); false renders the API-only minimum.
	Console       bool
	NacosConfigs  []NacosConfigGrant
	NacosServices []NacosServiceGrant
	Instances     []InstanceGrant
	Gateways      []GatewayGrant
	SLRCreation   []SLRCreationGrant
	// TrustedServices, TrustedAccounts and ACKWorkerRoles render a role's
	// trust policy (see trust.go); they cannot be mixed with the grants
	// above, which belong in an identity policy.
	TrustedServices []TrustedServiceGrant
	TrustedAccounts []TrustedAccountGrant
	ACKWorkerRoles  []ACKWorkerRoleGrant
	// Statements are raw statements, taken as written. A statement with
	// Principals makes the document a trust policy.
	Statements []policy.Statement
	// Sources and Overrides are JSON policy documents merged by Sid as the
	// AWS provider's aws_iam_policy_document does (see sources.go).
	Sources, Overrides []string
}

// Result is a rendered policy.
type Result struct {
	Document     *policy.Document // canonical
	Kind         policy.Kind      // Identity, or Trust when statements name principals
	JSON         string           // canonical, indented
	MinifiedJSON string           // canonical, compact: what is sent to RAM
	Actions      []string         // every action the Allow statements name, sorted, de-duplicated
	// Grants says what each typed block grants, in the order of the blocks,
	// so that a widening (an omitted namespace) is visible in the plan.
	Grants []GrantSummary
	// Findings are the renderer's and the linter's, each naming the block
	// or statement the user wrote (Warnings lists them as text).
	Findings []Finding
}

// GrantSummary is what one typed block grants, before the renderer merges
// and prunes statements: its access level ("" for blocks without levels)
// and the exact actions and resources.
type GrantSummary struct {
	Block     string // "nacos_config[0]", "console" for console navigation
	Sid       string
	Access    Access
	Actions   []string
	Resources []string
}

// stmt is a statement being rendered; generated marks the ones the typed
// blocks produced, which the renderer may prune (raw, source and override
// statements are the user's and are only merged, never cut). origin names
// what the user wrote that produced it, for findings.
type stmt struct {
	policy.Statement
	generated bool
	origin    string
}

func allow(actions []string, resources ...string) stmt {
	return stmt{Statement: policy.Statement{Effect: policy.EffectAllow, Actions: actions, Resources: resources}, generated: true}
}

// Render turns typed grants, raw statements and source/override documents
// into one policy document. Output is deterministic: the same request in any
// order renders the same JSON. See the package documentation for what each
// block grants and how statements merge.
func Render(req Request) (Result, error) {
	gen, err := req.generate()
	if err != nil {
		return Result{}, err
	}
	docs, err := parseDocuments(req)
	if err != nil {
		return Result{}, err
	}
	kind, err := req.kind(docs)
	if err != nil {
		return Result{}, err
	}
	// Typed statements are linted as each block rendered them, before
	// merging mixes blocks; assemble lints the user's own statements.
	findings := gen.findings
	for _, s := range gen.stmts {
		findings = append(findings, lintFor(kind, s.origin, s.Statement)...)
	}
	stmts := gen.stmts
	if kind == policy.Identity {
		stmts, _ = mergeSameResources(stmts)
	}

	stmts, userFindings, err := assemble(req, docs, kind, stmts)
	if err != nil {
		return Result{}, err
	}
	findings = append(findings, userFindings...)
	if len(stmts) == 0 {
		return Result{}, fmt.Errorf("nothing to render: give at least one grant block, statement or source document")
	}
	stmts = prune(stmts)
	stmts = mergeStatements(stmts)

	doc := &policy.Document{Version: policy.Version}
	for _, s := range stmts {
		doc.Statements = append(doc.Statements, s.Statement)
	}
	if err := doc.Validate(kind); err != nil {
		return Result{}, fmt.Errorf("rendered policy is invalid: %w", err)
	}
	doc = doc.Canonical()
	res := Result{Document: doc, Kind: kind, JSON: doc.IndentedJSON(), MinifiedJSON: doc.CanonicalJSON(), Grants: gen.grants}
	if n := len([]rune(res.MinifiedJSON)); n > policy.MaxDocumentLength {
		return Result{}, fmt.Errorf("the rendered policy is %d characters, over RAM's limit of %d: "+
			"split the grants across two mseram_policy resources (a policy per instance or gateway is a natural cut) "+
			"and attach both, or replace long action lists by the wildcards of an access level", n, policy.MaxDocumentLength)
	}
	res.Actions = grantedActions(doc)
	res.Findings = findings
	return res, nil
}

// lintFor lints one statement the user wrote with the rules of the
// document's kind.
func lintFor(kind policy.Kind, where string, s policy.Statement) []Finding {
	if kind == policy.Trust {
		return lintTrustStatement(where, s)
	}
	return lintStatement(where, s)
}

// grantedActions lists the Action entries of the Allow statements.
func grantedActions(doc *policy.Document) []string {
	var out []string
	for _, s := range doc.Statements {
		if s.Effect == policy.EffectAllow {
			out = append(out, s.Actions...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// generated is what the typed blocks render: their statements, a summary
// per block, and the renderer's findings.
type generated struct {
	stmts    []stmt
	grants   []GrantSummary
	findings []Finding
}

// add records one block's statements under its name and Sid. A block with a
// Sid keeps it on its first statement and numbers the others (Sid, Sid2,
// ...); such statements are the user's to target with overrides and to find
// in access checks, so the renderer neither prunes nor merges them.
func (g *generated) add(block, sid string, access Access, stmts ...stmt) {
	sum := GrantSummary{Block: block, Sid: sid, Access: access}
	for i := range stmts {
		s := &stmts[i]
		s.origin = block
		if sid != "" {
			s.Sid = sid
			if i > 0 {
				s.Sid = fmt.Sprintf("%s%d", sid, i+1)
			}
			s.generated = false
		}
		sum.Actions = append(sum.Actions, s.Actions...)
		sum.Resources = append(sum.Resources, s.Resources...)
	}
	sum.Actions, sum.Resources = sortedSet(sum.Actions), sortedSet(sum.Resources)
	g.stmts = append(g.stmts, stmts...)
	g.grants = append(g.grants, sum)
}

func (g *generated) warn(rule, block, format string, args ...any) {
	g.findings = append(g.findings, Finding{Rule: rule, Where: block, Msg: fmt.Sprintf(format, args...)})
}

// generate renders the typed blocks. Errors name the block and argument as
// the data source spells them: nacos_config[2].namespace_id.
func (req Request) generate() (generated, error) {
	var g generated
	var navInstances []string // instances console users must be able to open
	fail := func(block string, err error) error {
		return fmt.Errorf("%s.%w", block, err)
	}

	for i, c := range req.NacosConfigs {
		block := fmt.Sprintf("nacos_config[%d]", i)
		ref := ResourceRef{InstanceID: c.InstanceID, NamespaceID: c.NamespaceID, Group: c.Group, Name: c.DataID}
		s, nav, err := nacosGrant(ref, ruleName.named("data_id"), c.Access, nacosConfigActions)
		if err != nil {
			return g, fail(block, err)
		}
		g.add(block, c.Sid, c.Access, s)
		g.wideWrite(block, ref, c.Access, "configuration")
		navInstances = append(navInstances, nav)
	}
	for i, c := range req.NacosServices {
		block := fmt.Sprintf("nacos_service[%d]", i)
		ref := ResourceRef{InstanceID: c.InstanceID, NamespaceID: c.NamespaceID, Group: c.Group, Name: c.Service}
		s, nav, err := nacosGrant(ref, ruleName.named("service"), c.Access, nacosServiceActions)
		if err != nil {
			return g, fail(block, err)
		}
		g.add(block, c.Sid, c.Access, s)
		g.wideWrite(block, ref, c.Access, "service")
		navInstances = append(navInstances, nav)
		if c.Access == AccessReadOnly && ref.depth() > 1 && !req.Console {
			g.warn(RuleListNeedsInstance, block, "read_only below the instance grants only mse:GetServiceListeners; "+
				"listing services and their instances (mse:ListAnsServices, mse:ListAnsInstances) works only on the whole instance: "+
				"set console = true or add an instance block with read_only")
		}
	}
	for i, c := range req.Instances {
		block := fmt.Sprintf("instance[%d]", i)
		s, nav, err := instanceGrant(c)
		if err != nil {
			return g, fail(block, err)
		}
		g.add(block, c.Sid, c.Access, s)
		// Full access to "*" is reported by the linter as AliyunMSEFullAccess
		// written by hand: one finding for one choice.
		if c.Access == AccessFull && c.InstanceID != "*" {
			g.wideWrite(block, ResourceRef{InstanceID: c.InstanceID}, c.Access, "")
		}
		navInstances = append(navInstances, nav)
	}
	for i, c := range req.Gateways {
		block := fmt.Sprintf("gateway[%d]", i)
		s, err := gatewayGrant(c)
		if err != nil {
			return g, fail(block, err)
		}
		g.add(block, c.Sid, c.Access, s...)
		if strings.Contains(c.GatewayID, "*") {
			g.warn(RuleWildcardGateway, block, "gateway_id %q contains '*', a wildcard: the policy covers every gateway whose ID matches it", c.GatewayID)
		}
	}
	for i, c := range req.SLRCreation {
		block := fmt.Sprintf("service_linked_role_creation[%d]", i)
		s, err := slrGrant(c)
		if err != nil {
			return g, fail(block, err)
		}
		g.add(block, c.Sid, "", s)
	}
	if err := req.generateTrust(&g); err != nil {
		return g, err
	}

	if req.Console && len(navInstances) > 0 {
		g.add("console", "", AccessReadOnly, consoleNavigation(navInstances)...)
	}
	return g, nil
}

// wideWrite warns when a block writes on a whole instance or more: an
// omitted namespace_id (or a wildcard instance) reaches every namespace,
// production included. Widening is allowed, but must be visible.
func (g *generated) wideWrite(block string, ref ResourceRef, access Access, what string) {
	wildcard := strings.Contains(ref.InstanceID, "*")
	if access.rank() < AccessReadWrite.rank() || (ref.depth() > 1 && !wildcard) {
		return
	}
	const silence = "; or, if that is meant, silence the rule with the provider's lint_ignore"
	switch {
	case wildcard:
		g.warn(RuleWideWrite, block, "%s grants writes on every instance matching %q, every namespace included: name one instance%s",
			access, ref.InstanceID, silence)
	case what == "":
		g.warn(RuleWideWrite, block, "full grants mse:* on everything in instance %s, every namespace included: to limit it, "+
			"grant on namespaces with nacos_config or nacos_service blocks%s", ref.InstanceID, silence)
	default:
		g.warn(RuleWideWrite, block, "namespace_id is omitted, so %s grants writes on every %s of every namespace of instance %s, "+
			"production included: set namespace_id to limit it to one namespace%s", access, what, ref.InstanceID, silence)
	}
}

// nacosGrant renders a nacos_config or nacos_service block; nav is the
// instance ARN for console navigation.
func nacosGrant(ref ResourceRef, last segmentRule, access Access, family []leveled) (stmt, string, error) {
	if err := checkAccess(access, AccessReadOnly, AccessReadWrite, AccessFull); err != nil {
		return stmt{}, "", err
	}
	arn, err := ref.arn(ruleInstance, last)
	if err != nil {
		return stmt{}, "", err
	}
	nav, _ := ResourceRef{InstanceID: ref.InstanceID}.ARN() // valid: arn checked it
	return allow(actionsFor(family, access, ref.depth()), arn), nav, nil
}

func instanceGrant(g InstanceGrant) (stmt, string, error) {
	if err := checkAccess(g.Access, AccessReadOnly, AccessFull); err != nil {
		return stmt{}, "", err
	}
	// "*" is every MSE resource, written as seed 001's example 2 does.
	arn := AllResources("", "")
	if g.InstanceID != "*" {
		var err error
		if arn, err = (ResourceRef{InstanceID: g.InstanceID}).ARN(); err != nil {
			return stmt{}, "", err
		}
	}
	if g.Access == AccessFull {
		return allow([]string{allMSE}, arn), arn, nil
	}
	return allow(slices.Clone(instanceReadPatterns), arn), arn, nil
}

// gatewayGrant renders seed 003's policies for one gateway: the gateway
// statement, the global statement and, with Companions, log and arms.
func gatewayGrant(g GatewayGrant) ([]stmt, error) {
	if err := checkAccess(g.Access, AccessReadOnly, AccessReadWrite); err != nil {
		return nil, err
	}
	arn, err := ResourceRef{Region: g.Region, InstanceID: g.GatewayID}.arn(ruleInstance.named("gateway_id"), ruleName)
	if err != nil {
		return nil, err
	}
	gw, global, logs := gatewayReadPatterns, gatewayGlobalRead, gatewayLogRead
	if g.Access == AccessReadWrite {
		gw, global, logs = []string{allMSE}, gatewayGlobalReadWrite, gatewayLogReadWrite
	}
	out := []stmt{allow(slices.Clone(gw), arn), allow(slices.Clone(global), AllResources("", ""))}
	if g.Companions {
		out = append(out, allow(slices.Clone(logs), "*"), allow(slices.Clone(gatewayARMS), "*"))
	}
	return out, nil
}

func slrGrant(g SLRCreationGrant) (stmt, error) {
	if len(g.ServiceNames) == 0 {
		return stmt{}, fmt.Errorf("service_names: give at least one service, such as mse.aliyuncs.com")
	}
	for j, n := range g.ServiceNames {
		if err := CheckServiceName(n, g.AllowUnknownService); err != nil {
			return stmt{}, fmt.Errorf("service_names[%d]: %w", j, err)
		}
	}
	account := orStar(g.AccountID)
	if account != "*" {
		if err := ruleAccount.check(account); err != nil {
			return stmt{}, err
		}
	}
	s := allow([]string{"ram:CreateServiceLinkedRole"}, "acs:ram:*:"+account+":role/*")
	s.Conditions = []policy.Condition{{Operator: "StringEquals", Key: policy.KeyServiceName, Values: slices.Clone(g.ServiceNames)}}
	return s, nil
}

// consoleNavigation is what seed 001's examples 3 to 5 grant before the
// grant itself: mse:ListClusters on the account so the instance list shows,
// and read access to each instance so the console can open it.
func consoleNavigation(instances []string) []stmt {
	out := []stmt{allow(slices.Clone(consoleAccountActions), AllResources("", ""))}
	slices.Sort(instances)
	for _, arn := range slices.Compact(instances) {
		out = append(out, allow(slices.Clone(instanceReadPatterns), arn))
	}
	return out
}

func checkAccess(a Access, allowed ...Access) error {
	if slices.Contains(allowed, a) {
		return nil
	}
	names := make([]string, len(allowed))
	for i, x := range allowed {
		names[i] = string(x)
	}
	if a == "" {
		return fmt.Errorf("access: required, one of %s", strings.Join(names, ", "))
	}
	return fmt.Errorf("access: %q is not one of %s", a, strings.Join(names, ", "))
}
