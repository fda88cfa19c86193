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
// of the namespace; with NamespaceID empty too, of the instance.
type NacosConfigGrant struct {
	InstanceID, NamespaceID, Group, DataID string
	Access                                 Access
}

// NacosServiceGrant grants access to Nacos services and their instances, at
// the same levels as NacosConfigGrant.
type NacosServiceGrant struct {
	InstanceID, NamespaceID, Group, Service string
	Access                                  Access
}

// InstanceGrant grants access to a whole instance, or with InstanceID "*"
// to every MSE resource. Access is read_only or full.
type InstanceGrant struct {
	InstanceID string
	Access     Access
}

// GatewayGrant grants access to a cloud-native gateway. Access is read_only
// or read_write (seed 003's two policies). Companions adds seed 003's log:
// and arms: statements; the data source defaults it to true.
type GatewayGrant struct {
	GatewayID, Region string
	Access            Access
	Companions        bool
}

// SLRCreationGrant lets a RAM user create service-linked roles for the
// named services (seed 000's FAQ): ram:CreateServiceLinkedRole on
// acs:ram:*:<account>:role/* with the condition ram:ServiceName. AccountID
// defaults to "*".
type SLRCreationGrant struct {
	ServiceNames []string
	AccountID    string
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
	// Statements are raw statements, taken as written.
	Statements []policy.Statement
	// Sources and Overrides are JSON policy documents merged by Sid as the
	// AWS provider's aws_iam_policy_document does (see sources.go).
	Sources, Overrides []string
}

// Result is a rendered policy.
type Result struct {
	Document     *policy.Document // canonical
	JSON         string           // canonical, indented
	MinifiedJSON string           // canonical, compact: what is sent to RAM
	Actions      []string         // every action the Allow statements name, sorted, de-duplicated
	Warnings     []string         // from the renderer and Lint, sorted
}

// stmt is a statement being rendered; generated marks the ones the typed
// blocks produced, which the renderer may prune (raw, source and override
// statements are the user's and are only merged, never cut).
type stmt struct {
	policy.Statement
	generated bool
}

func allow(actions []string, resources ...string) stmt {
	return stmt{Statement: policy.Statement{Effect: policy.EffectAllow, Actions: actions, Resources: resources}, generated: true}
}

// Render turns typed grants, raw statements and source/override documents
// into one policy document. Output is deterministic: the same request in any
// order renders the same JSON. See the package documentation for what each
// block grants and how statements merge.
func Render(req Request) (Result, error) {
	var warnings []string
	gen, w, err := req.generate()
	if err != nil {
		return Result{}, err
	}
	warnings = append(warnings, w...)
	gen, _ = mergeSameResources(gen)

	stmts, err := assemble(req, gen)
	if err != nil {
		return Result{}, err
	}
	if len(stmts) == 0 {
		return Result{}, fmt.Errorf("nothing to render: give at least one grant block, statement or source document")
	}
	stmts = prune(stmts)
	stmts = mergeStatements(stmts)

	doc := &policy.Document{Version: policy.Version}
	for _, s := range stmts {
		doc.Statements = append(doc.Statements, s.Statement)
	}
	if err := doc.Validate(policy.Identity); err != nil {
		return Result{}, fmt.Errorf("rendered policy is invalid: %w", err)
	}
	doc = doc.Canonical()
	res := Result{Document: doc, JSON: doc.IndentedJSON(), MinifiedJSON: doc.CanonicalJSON()}
	if n := len([]rune(res.MinifiedJSON)); n > policy.MaxDocumentLength {
		return Result{}, fmt.Errorf("the rendered policy is %d characters, over RAM's limit of %d: "+
			"split the grants across two mseram_policy resources (a policy per instance or gateway is a natural cut) "+
			"and attach both, or replace long action lists by the wildcards of an access level", n, policy.MaxDocumentLength)
	}
	res.Actions = grantedActions(doc)
	warnings = append(warnings, Lint(doc)...)
	slices.Sort(warnings)
	res.Warnings = slices.Compact(warnings)
	return res, nil
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

// generate renders the typed blocks. Errors name the block and argument as
// the data source spells them: nacos_config[2].namespace_id.
func (req Request) generate() ([]stmt, []string, error) {
	var out []stmt
	var warnings []string
	var navInstances []string // instances console users must be able to open
	fail := func(block string, i int, err error) error {
		return fmt.Errorf("%s[%d].%w", block, i, err)
	}

	for i, g := range req.NacosConfigs {
		ref := ResourceRef{InstanceID: g.InstanceID, NamespaceID: g.NamespaceID, Group: g.Group, Name: g.DataID}
		s, nav, err := nacosGrant(ref, ruleName.named("data_id"), g.Access, nacosConfigActions)
		if err != nil {
			return nil, nil, fail("nacos_config", i, err)
		}
		out, navInstances = append(out, s), append(navInstances, nav)
	}
	for i, g := range req.NacosServices {
		ref := ResourceRef{InstanceID: g.InstanceID, NamespaceID: g.NamespaceID, Group: g.Group, Name: g.Service}
		s, nav, err := nacosGrant(ref, ruleName.named("service"), g.Access, nacosServiceActions)
		if err != nil {
			return nil, nil, fail("nacos_service", i, err)
		}
		out, navInstances = append(out, s), append(navInstances, nav)
		if g.Access == AccessReadOnly && ref.depth() > 1 && !req.Console {
			warnings = append(warnings, fmt.Sprintf("nacos_service[%d]: read_only below the instance grants only mse:GetServiceListeners; "+
				"listing services and their instances (mse:ListAnsServices, mse:ListAnsInstances) works only on the whole instance: "+
				"set console = true or add an instance block with read_only", i))
		}
	}
	for i, g := range req.Instances {
		s, nav, err := instanceGrant(g)
		if err != nil {
			return nil, nil, fail("instance", i, err)
		}
		out, navInstances = append(out, s), append(navInstances, nav)
	}
	for i, g := range req.Gateways {
		s, w, err := gatewayGrant(g)
		if err != nil {
			return nil, nil, fail("gateway", i, err)
		}
		out = append(out, s...)
		if w != "" {
			warnings = append(warnings, fmt.Sprintf("gateway[%d]: %s", i, w))
		}
	}
	for i, g := range req.SLRCreation {
		s, err := slrGrant(g)
		if err != nil {
			return nil, nil, fail("service_linked_role_creation", i, err)
		}
		out = append(out, s)
	}

	if req.Console && len(navInstances) > 0 {
		out = append(out, consoleNavigation(navInstances)...)
	}
	return out, warnings, nil
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
func gatewayGrant(g GatewayGrant) ([]stmt, string, error) {
	if err := checkAccess(g.Access, AccessReadOnly, AccessReadWrite); err != nil {
		return nil, "", err
	}
	arn, err := ResourceRef{Region: g.Region, InstanceID: g.GatewayID}.arn(ruleInstance.named("gateway_id"), ruleName)
	if err != nil {
		return nil, "", err
	}
	gw, global, logs := gatewayReadPatterns, gatewayGlobalRead, gatewayLogRead
	if g.Access == AccessReadWrite {
		gw, global, logs = []string{allMSE}, gatewayGlobalReadWrite, gatewayLogReadWrite
	}
	out := []stmt{allow(slices.Clone(gw), arn), allow(slices.Clone(global), AllResources("", ""))}
	if g.Companions {
		out = append(out, allow(slices.Clone(logs), "*"), allow(slices.Clone(gatewayARMS), "*"))
	}
	var warning string
	if strings.Contains(g.GatewayID, "*") {
		warning = fmt.Sprintf("gateway_id %q contains '*', a wildcard: the policy covers every gateway whose ID matches it", g.GatewayID)
	}
	return out, warning, nil
}

func slrGrant(g SLRCreationGrant) (stmt, error) {
	if len(g.ServiceNames) == 0 {
		return stmt{}, fmt.Errorf("service_names: give at least one service, such as mse.aliyuncs.com")
	}
	for j, n := range g.ServiceNames {
		if n == "" || strings.Trim(n, "abcdefghijklmnopqrstuvwxyz0123456789.-") != "" {
			return stmt{}, fmt.Errorf("service_names[%d]: %q is not a service name such as mse.aliyuncs.com (lower-case letters, digits, '.' and '-')", j, n)
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
