// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

// The eight policies the emulator shipped before the catalog keep their
// documents; spot checks against what they were written from.
func TestSystemPolicies(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	for _, name := range []string{"AdministratorAccess", "ReadOnlyAccess", "AliyunMSEFullAccess", "AliyunMSEReadOnlyAccess",
		"AliyunServiceRolePolicyForMSE", "AliyunServiceRolePolicyForMSEEngineService",
		"AliyunServiceRolePolicyForMssp", "AliyunServiceRolePolicyForESAMssp"} {
		p, ok := env.Srv.Policy(name)
		if !ok || p.PolicyType != "System" || strings.Contains(p.Document(), `"Statement":[]`) {
			t.Errorf("%s: %+v", name, p)
		}
	}
	if len(env.Srv.Policies()) != 0 {
		t.Fatalf("Policies() lists system policies: %v", env.Srv.Policies())
	}
	full, _ := env.Srv.Policy("AliyunMSEFullAccess")
	slr, _ := env.Srv.Policy("AliyunServiceRolePolicyForMSE")
	engine, _ := env.Srv.Policy("AliyunServiceRolePolicyForMSEEngineService")
	for _, c := range []struct{ doc, want string }{
		{full.Document(), `"mse:*"`},
		{slr.Document(), `"ecs:CreateNetworkInterfacePermission"`},
		{slr.Document(), `"servicemesh:InvokeApiServer"`},
		{slr.Document(), `"slb:DescribeLoadBalancerUDPListenerAttribute"`},
		{engine.Document(), `"engine-service.mse.aliyuncs.com"`},
	} {
		if !strings.Contains(c.doc, c.want) {
			t.Errorf("%s not in %s", c.want, c.doc)
		}
	}
}

// systemPolicyName is the form of every system policy name: RAM's policy
// name rules (validatePolicyName) and, but for the two account-wide
// policies, the Aliyun prefix every service's policies carry.
var systemPolicyName = regexp.MustCompile(`^(AdministratorAccess|ReadOnlyAccess|Aliyun[A-Z][A-Za-z0-9]*)$`)

// The catalog file itself: names unique and well formed, every entry and
// every carried document cited, every carried document a valid policy,
// every other document the fail-closed placeholder, no stray files.
func TestSystemPolicyCatalog(t *testing.T) {
	cat := ram.ReadSystemPolicyCatalog()
	if len(cat.Policies) < 400 || len(ram.SystemPolicies) != len(cat.Policies) {
		t.Fatalf("catalog has %d entries, emulator %d", len(cat.Policies), len(ram.SystemPolicies))
	}
	for k, u := range cat.Sources {
		if !strings.HasPrefix(u, "https://") {
			t.Errorf("source %s: %q is not a public URL", k, u)
		}
	}
	cited := func(src string) bool {
		if key, ok := strings.CutPrefix(src, "@"); ok {
			return cat.Sources[key] != ""
		}
		return strings.HasPrefix(src, "https://") || strings.HasPrefix(src, "built-in: ")
	}
	folded := map[string]string{}
	carried := map[string]bool{"catalog.json": true}
	for _, e := range cat.Policies {
		if !systemPolicyName.MatchString(e.Name) || ram.ValidatePolicyName(e.Name) != nil {
			t.Errorf("%q is not of the system policy name form", e.Name)
		}
		if prev := folded[strings.ToLower(e.Name)]; prev != "" {
			t.Errorf("%s and %s differ only in case", prev, e.Name)
		}
		folded[strings.ToLower(e.Name)] = e.Name
		if e.Description == "" || ram.ValidateDescription("Description", e.Description) != nil || !cited(e.Source) {
			t.Errorf("%s: description %q, source %q", e.Name, e.Description, e.Source)
		}
		doc := ram.SystemPolicyDocument(e.Name)
		if e.DocumentSource == "" {
			if doc != ram.UnpublishedPolicyDocument {
				t.Errorf("%s: no document source but document %s", e.Name, doc)
			}
			continue
		}
		carried[e.Name+".json"] = true
		if !cited(e.DocumentSource) {
			t.Errorf("%s: document source %q", e.Name, e.DocumentSource)
		}
		if d, err := policy.Parse(doc); err != nil || d.Validate(policy.Identity) != nil {
			t.Errorf("%s: document does not parse: %v\n%s", e.Name, err, doc)
		}
	}
	files, err := fs.Glob(ram.SystemPolicyFiles, "systempolicies/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !carried[strings.TrimPrefix(f, "systempolicies/")] {
			t.Errorf("%s belongs to no catalog entry with a document source", f)
		}
	}
	for _, name := range []string{"AliyunOSSReadOnlyAccess", "AliyunOSSFullAccess", "AliyunLogFullAccess", "AliyunLogReadOnlyAccess",
		"AliyunECSFullAccess", "AliyunVPCReadOnlyAccess", "AliyunCSFullAccess", "AliyunRAMReadOnlyAccess", "AliyunSTSAssumeRoleAccess",
		"AliyunKMSFullAccess", "AliyunRDSFullAccess", "AliyunSLBFullAccess", "AliyunContainerRegistryFullAccess", "AliyunARMSFullAccess"} {
		if ram.SystemPolicies[name] == nil {
			t.Errorf("%s is missing", name)
		}
	}
}

// Every catalog entry answers GetPolicy with its description and default
// version, and can be attached to and detached from a user.
func TestSystemPoliciesGetAndAttach(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "tester"})
	for _, name := range slices.Sorted(maps.Keys(ram.SystemPolicies)) {
		want := ram.SystemPolicies[name]
		body := env.OK(ramsimtest.VRAM, "GetPolicy", map[string]string{"PolicyName": name, "PolicyType": "System"})
		if ramsimtest.Str(body, "Policy", "PolicyType") != "System" || ramsimtest.Str(body, "Policy", "Description") != want.Description ||
			ramsimtest.Str(body, "Policy", "DefaultVersion") != "v1" || ramsimtest.Str(body, "DefaultPolicyVersion", "PolicyDocument") != want.Versions[0].Document {
			t.Fatalf("GetPolicy %s: %v", name, body)
		}
		attach := map[string]string{"PolicyName": name, "PolicyType": "System", "UserName": "tester"}
		env.OK(ramsimtest.VRAM, "AttachPolicyToUser", attach)
		if p, _ := env.Srv.Policy(name); p.AttachmentCount != 1 {
			t.Fatalf("%s attached: %+v", name, p)
		}
		env.OK(ramsimtest.VRAM, "DetachPolicyFromUser", attach)
	}
}

// ListPolicies PolicyType=System pages through the whole catalog.
func TestListSystemPoliciesPaging(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	want := slices.Sorted(maps.Keys(ram.SystemPolicies))
	var got []string
	pages := 0
	for marker := ""; ; pages++ {
		p := map[string]string{"PolicyType": "System", "MaxItems": "100"}
		if marker != "" {
			p["Marker"] = marker
		}
		body := env.OK(ramsimtest.VRAM, "ListPolicies", p)
		got = append(got, strings.Split(names(ramsimtest.Field(body, "Policies", "Policy"), "PolicyName"), ",")...)
		marker = ramsimtest.Str(body, "Marker")
		if truncated, _ := ramsimtest.Field(body, "IsTruncated").(bool); !truncated {
			break
		}
	}
	if !slices.Equal(got, want) || pages != (len(want)-1)/100 {
		t.Fatalf("%d pages listed %d of %d policies", pages+1, len(got), len(want))
	}
	body := env.OK(ramsimtest.VRAM, "ListPolicies", map[string]string{"PolicyType": "System", "MaxItems": strconv.Itoa(1000)})
	if n := len(ramsimtest.AsList(t, ramsimtest.Field(body, "Policies", "Policy"))); n != len(want) {
		t.Fatalf("one page of 1000 lists %d", n)
	}
}

// A user with AliyunOSSReadOnlyAccess may read OSS exactly as the published
// document (oss:Get*, oss:List* on everything) says; a policy whose
// document is not published grants nothing.
func TestSystemPolicyDocumentsAuthorize(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "reader"})
	for _, name := range []string{"AliyunOSSReadOnlyAccess", "AliyunLogFullAccess", "AliyunSTSAssumeRoleAccess"} {
		env.OK(ramsimtest.VRAM, "AttachPolicyToUser", map[string]string{"PolicyName": name, "PolicyType": "System", "UserName": "reader"})
	}
	const object = "acs:oss:*:123456789:bucket/logs/app.log"
	for _, c := range []struct {
		action, resource string
		allowed          bool
	}{
		{"oss:GetObject", object, true},
		{"oss:ListObjects", "acs:oss:*:123456789:bucket", true},
		{"oss:GetBucketInfo", "acs:oss:*:123456789:bucket", true},
		{"oss:PutObject", object, false},
		{"oss:DeleteObject", object, false},
		{"sts:AssumeRole", "acs:ram::123456789:role/worker", true},
		// AliyunLogFullAccess is attached, but its document is not public.
		{"log:GetLogStore", "acs:log:*:123456789:project/p/logstore/s", false},
	} {
		allowed, detail := env.Srv.Authorize("reader", c.action, c.resource, nil)
		if allowed != c.allowed {
			t.Errorf("%s on %s: allowed=%v (%s)", c.action, c.resource, allowed, detail)
		}
		if c.action == "oss:GetObject" && detail != "Allow by System:AliyunOSSReadOnlyAccess statement 0" {
			t.Errorf("oss:GetObject decided by %q", detail)
		}
	}
}
