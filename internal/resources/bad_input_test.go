// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
)

// The bad-input matrix: every attribute with a RAM rule, fed values that
// break the rule (empty, one over the limit, unicode, control characters,
// broken or deeply nested JSON), fails at plan time with a diagnostic that
// names the attribute and the rule, and the emulator receives no request at
// all. Values exactly at a limit plan cleanly, also without a request.

// badInput is one plan-only step: config holds resource blocks whose bad
// values all fail together; want are the fragments the error must contain,
// in any order (at most four, see acctest.ErrorContainsAll).
type badInput struct {
	name   string
	config string
	want   []string
}

// block renders resource "typ" "name" { attrs } with each attribute value
// given as HCL already (use acctest.HCLString for strings).
func block(typ, name string, attrs ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\nresource %q %q {\n", typ, name)
	for i := 0; i+1 < len(attrs); i += 2 {
		fmt.Fprintf(&b, "  %s = %s\n", attrs[i], attrs[i+1])
	}
	b.WriteString("}\n")
	return b.String()
}

// runBadInput plans every case (each must fail with all its fragments) and
// every accepted configuration (each must plan, non-empty, without error),
// and proves that the emulator received no request: before each step and
// once all are done.
func runBadInput(t *testing.T, cases []badInput, accepted []string) {
	t.Helper()
	acctest.RamsimOnly(t, "the emulator's request counters prove that a refused plan sends no request; a real account has no such count")
	// MSERAM_BAD_INPUT_DUMP=1 plans each case alone and fails it, which
	// prints every diagnostic: for writing new fragments.
	if os.Getenv("MSERAM_BAD_INPUT_DUMP") != "" {
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				env := acctest.New(t)
				resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), Steps: []resource.TestStep{{Config: env.Config(c.config), PlanOnly: true, ExpectError: regexp.MustCompile("NEVER MATCHES")}}})
			})
		}
		return
	}
	env := acctest.New(t)
	noRequests := func(after string) {
		t.Helper()
		if c := env.Server.Counters(); c.Total.Received != 0 {
			t.Fatalf("after %s: the emulator received %d requests (%v), want none", after, c.Total.Received, c.Actions)
		}
	}
	steps := make([]resource.TestStep, 0, len(cases)+len(accepted))
	prev := "the start"
	for _, c := range cases {
		after := prev
		steps = append(steps, resource.TestStep{
			PreConfig:   func() { noRequests(after) },
			Config:      env.Config(c.config),
			PlanOnly:    true,
			ExpectError: acctest.ErrorContainsAll(c.want...),
		})
		prev = "case " + c.name
	}
	for i, cfg := range accepted {
		after := prev
		steps = append(steps, resource.TestStep{
			PreConfig:          func() { noRequests(after) },
			Config:             env.Config(cfg),
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		})
		prev = fmt.Sprintf("accepted configuration %d", i)
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), Steps: steps})
	noRequests(prev)
}

// lengthUpTo is the framework validator's wording for a length of 1 to hi
// characters, as the diagnostics spell it.
func lengthUpTo(attr string, hi int) string {
	return fmt.Sprintf("Attribute %s UTF-8 character count must be between 1 and %d", attr, hi)
}

func tagsOf(n int, keyLen, valueLen int) string {
	var b strings.Builder
	b.WriteString("{\n")
	for i := range n {
		k := fmt.Sprintf("k%02d", i)
		k += strings.Repeat("k", keyLen-len(k))
		fmt.Fprintf(&b, "    %s = %s\n", acctest.HCLString(k), acctest.HCLString(strings.Repeat("v", valueLen)))
	}
	b.WriteString("  }")
	return b.String()
}

// Tag rules shared by users (values ≤128), roles and policies (values ≤256).
func tagCases(typ string, extra []string, maxValue int) []badInput {
	name := func(attrs ...string) string {
		return block(typ, "test", append(append([]string{}, extra...), attrs...)...)
	}
	return []badInput{
		{typ + " tags: reserved prefixes, empty and over-long key", name("tags",
			`{ "aliyun:x" = "v", "ACS:y" = "v", "" = "v", `+acctest.HCLString(strings.Repeat("k", 129))+` = "v" }`),
			[]string{`Tag key "aliyun:x" must not start with "aliyun" or "acs:"`, `Tag key "ACS:y"`,
				"UTF-8 character count must be between 1 and 128, got: 0", "UTF-8 character count must be between 1 and 128, got: 129"}},
		{typ + " tags: value one over the limit, 21 tags", name("tags",
			fmt.Sprintf(`{ k = %s }`, acctest.HCLString(strings.Repeat("値", maxValue+1)))) + block(typ, "many", append(append([]string{}, extra...), "tags", tagsOf(21, 3, 1))...),
			[]string{fmt.Sprintf("UTF-8 character count must be at most %d, got: %d", maxValue, maxValue+1),
				"Attribute tags map must contain at most 20 elements, got: 21"}},
	}
}

// nestedArrays is n nested JSON arrays, [[[...]]].
func nestedArrays(n int) string {
	return strings.Repeat("[", n) + strings.Repeat("]", n)
}

// sizedPolicy is a valid identity policy of exactly n characters (runes)
// once compact; the padding is fill repeated in the resource's relative ID.
func sizedPolicy(n int, fill string) string {
	head := `{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:GetNacosConfig"],"Resource":["acs:mse:*:*:instance/`
	tail := `"]}]}`
	pad := n - len([]rune(head)) - len([]rune(tail))
	return head + strings.Repeat(fill, pad/len([]rune(fill))) + strings.Repeat("a", pad%len([]rune(fill))) + tail
}

const badTrust = `{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`

const okPolicy = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:GetNacosConfig","Resource":"*"}]}`

func TestAccBadInput_user(t *testing.T) {
	t.Parallel()
	user := func(attrs ...string) string { return block("mseram_user", "test", attrs...) }
	cases := []badInput{
		{"name: empty, over-long, space, unicode", user("name", `""`) +
			block("mseram_user", "long", "name", acctest.HCLString(strings.Repeat("a", 65))) +
			block("mseram_user", "space", "name", `"bad name"`) +
			block("mseram_user", "unicode", "name", acctest.HCLString("álice")),
			[]string{lengthUpTo("name", 64) + ", got: 0", lengthUpTo("name", 64) + ", got: 65",
				"Attribute name may contain only letters, digits, periods (.), hyphens (-) and underscores (_), got: bad name",
				"Attribute name may contain only letters, digits, periods (.), hyphens (-) and underscores (_), got: álice"}},
		{"name: control characters, @ and slash", user("name", acctest.HCLString("a\x00b")) +
			block("mseram_user", "tab", "name", acctest.HCLString("a\tb")) +
			block("mseram_user", "at", "name", `"alice@example"`) +
			block("mseram_user", "slash", "name", `"a/b"`),
			[]string{"underscores (_), got: a\x00b", "underscores (_), got: a\tb", "underscores (_), got: alice@example", "underscores (_), got: a/b"}},
		{"display_name, comments: empty and one over the limit (unicode)", user("name", `"u1"`, "display_name", `""`, "comments", `""`) +
			block("mseram_user", "long", "name", `"u2"`, "display_name", acctest.HCLString(strings.Repeat("名", 129)), "comments", acctest.HCLString(strings.Repeat("ç", 129))),
			[]string{lengthUpTo("display_name", 128) + ", got: 0", lengthUpTo("display_name", 128) + ", got: 129",
				lengthUpTo("comments", 128) + ", got: 0", lengthUpTo("comments", 128) + ", got: 129"}},
		{"mobile_phone: no country code, letters, empty, newline", user("name", `"u1"`, "mobile_phone", `"18600008888"`) +
			block("mseram_user", "letters", "name", `"u2"`, "mobile_phone", `"86-1860000abcd"`) +
			block("mseram_user", "empty", "name", `"u3"`, "mobile_phone", `""`) +
			block("mseram_user", "newline", "name", `"u4"`, "mobile_phone", acctest.HCLString("86-18600008888\n")),
			[]string{`Attribute mobile_phone must be "<country code>-<number>", for example "86-18600008888", got: 18600008888`,
				`"86-18600008888", got: 86-1860000abcd`, `"86-18600008888", got: 86-18600008888`, "with mseram_user.empty,"}},
		{"email: no @, two @, empty, over-long", user("name", `"u1"`, "email", `"not-an-email"`) +
			block("mseram_user", "two", "name", `"u2"`, "email", `"a@b@example.com"`) +
			block("mseram_user", "empty", "name", `"u3"`, "email", `""`) +
			block("mseram_user", "long", "name", `"u4"`, "email", acctest.HCLString(strings.Repeat("a", 117)+"@example.com")),
			[]string{`Attribute email must be an e-mail address such as "alice@example.com", got: not-an-email`,
				"got: a@b@example.com", lengthUpTo("email", 128) + ", got: 0", lengthUpTo("email", 128) + ", got: 129"}},
	}
	cases = append(cases, tagCases("mseram_user", []string{"name", `"tagged"`}, 128)...)
	accepted := []string{
		user("name", acctest.HCLString(strings.Repeat("a", 62)+"._"),
			"display_name", acctest.HCLString(strings.Repeat("名", 128)),
			"mobile_phone", `"8613-18600008888"`,
			"email", acctest.HCLString(strings.Repeat("a", 116)+"@example.com"),
			"comments", acctest.HCLString(strings.Repeat("ç", 128)),
			"tags", tagsOf(20, 128, 128)),
	}
	runBadInput(t, cases, accepted)
}

func TestAccBadInput_group(t *testing.T) {
	t.Parallel()
	cases := []badInput{
		{"name: empty, over-long, unicode; comments: empty, over-long", block("mseram_group", "a", "name", `""`, "comments", `""`) +
			block("mseram_group", "b", "name", acctest.HCLString(strings.Repeat("g", 65)), "comments", acctest.HCLString(strings.Repeat("c", 129))) +
			block("mseram_group", "c", "name", acctest.HCLString("grüppe")),
			[]string{lengthUpTo("name", 64) + ", got: 0", lengthUpTo("name", 64) + ", got: 65",
				"got: grüppe", lengthUpTo("comments", 128) + ", got: 129"}},
		{"name: control character, space", block("mseram_group", "a", "name", acctest.HCLString("dev\x1bops")) +
			block("mseram_group", "b", "name", `"dev ops"`),
			[]string{"underscores (_), got: dev ops", "underscores (_), got: dev\x1bops"}},
		{"group_membership: names", block("mseram_group_membership", "a", "group_name", `"a b"`, "user_name", acctest.HCLString(strings.Repeat("u", 65))),
			[]string{"Attribute group_name may contain only letters", lengthUpTo("user_name", 64) + ", got: 65"}},
	}
	accepted := []string{
		block("mseram_group", "a", "name", acctest.HCLString(strings.Repeat("g", 64)), "comments", acctest.HCLString(strings.Repeat("评", 128))),
	}
	runBadInput(t, cases, accepted)
}

func TestAccBadInput_policy(t *testing.T) {
	t.Parallel()
	pol := func(name, doc string, attrs ...string) string {
		return block("mseram_policy", name, append([]string{"name", acctest.HCLString("p-" + name), "policy_document", acctest.HCLString(doc)}, attrs...)...)
	}
	cases := []badInput{
		{"name: empty, over-long, underscore, unicode", block("mseram_policy", "a", "name", `""`, "policy_document", acctest.HCLString(okPolicy)) +
			block("mseram_policy", "b", "name", acctest.HCLString(strings.Repeat("p", 129)), "policy_document", acctest.HCLString(okPolicy)) +
			block("mseram_policy", "c", "name", `"mse_read"`, "policy_document", acctest.HCLString(okPolicy)) +
			block("mseram_policy", "d", "name", acctest.HCLString("策略"), "policy_document", acctest.HCLString(okPolicy)),
			[]string{lengthUpTo("name", 128) + ", got: 0", lengthUpTo("name", 128) + ", got: 129",
				"Attribute name may contain only letters, digits and hyphens (-), got: mse_read",
				"Attribute name may contain only letters, digits and hyphens (-), got: 策略"}},
		{"description: empty, over-long", pol("a", okPolicy, "description", `""`) + pol("b", okPolicy, "description", acctest.HCLString(strings.Repeat("d", 1025))),
			[]string{lengthUpTo("description", 1024) + ", got: 0", lengthUpTo("description", 1024) + ", got: 1025"}},
		{"document: empty, invalid JSON, trailing data, not an object", pol("a", "") + pol("b", `{"Version":"1","Statement":[`) +
			pol("c", okPolicy+`{}`) + pol("d", `"just a string"`),
			[]string{"document is empty", "invalid JSON: EOF", "unexpected data after the document",
				"the document must be a JSON object, got a string"}},
		{"document: 200 and 3000 nested arrays", pol("a", nestedArrays(200)) +
			pol("b", `{"Version":"1","Statement":`+nestedArrays(3000)+`}`),
			[]string{"the document must be a JSON object, got a list", "a statement must be a JSON object, got a list"}},
		{"document: one character over 6144, ASCII and unicode", pol("a", sizedPolicy(6145, "a")) + pol("b", sizedPolicy(6145, "é")),
			[]string{"document is 6145 characters; RAM allows at most 6144", "with mseram_policy.a,", "with mseram_policy.b,"}},
		{"document: RAM language errors", pol("a", `{"Version":"2","Statement":[{"Effect":"Permit","Action":"mse","Resource":"arn:aws:s3:::b"}]}`) +
			pol("b", `{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Principal":{"RAM":["acs:ram::1:root"]}}]}`),
			[]string{`must be "1", got "2"`, `must be "Allow" or "Deny", got "Permit"`,
				`"arn:aws:s3:::b" is not an ARN of the form`, "is only allowed in a role's trust policy, not in an identity policy"}},
		{"document: control character and duplicate keys", pol("a", `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:Get`+"\x01"+`","Resource":"*"}]}`) +
			pol("b", `{"Version":"1","Version":"1","Statement":[{"Effect":"Allow","Action":"*","Action":"mse:*","Resource":"*"}]}`),
			[]string{"invalid JSON: invalid character", "appears more than once"}},
		{"policy_document is required; policy_type and names of attachments",
			block("mseram_policy", "a", "name", `"p-a"`) +
				block("mseram_user_policy_attachment", "a", "policy_name", `"a_b"`, "policy_type", `"custom"`, "user_name", `"u 1"`) +
				block("mseram_role_policy_attachment", "a", "policy_name", `"ok"`, "policy_type", `""`, "role_name", `"role_underscore"`),
			[]string{`The argument "policy_document" is required`, `Attribute policy_type value must be one of: ["System" "Custom"], got: "custom"`,
				`got: ""`, "Attribute role_name may contain only letters, digits, periods (.) and hyphens (-), got: role_underscore"}},
	}
	cases = append(cases, tagCases("mseram_policy", []string{"name", `"tagged"`, "policy_document", acctest.HCLString(okPolicy)}, 256)...)
	accepted := []string{
		pol("ascii", sizedPolicy(6144, "a"), "description", acctest.HCLString(strings.Repeat("d", 1024)), "tags", tagsOf(20, 128, 256)) +
			// 6144 characters but more bytes: the limit counts characters.
			pol("unicode", sizedPolicy(6144, "é")) +
			// Over 6144 as written, under once compact (as sent).
			pol("spaced", strings.ReplaceAll(sizedPolicy(6000, "a"), ",", ",\n      ")) +
			block("mseram_policy", "longname", "name", acctest.HCLString(strings.Repeat("P", 128)), "policy_document", acctest.HCLString(okPolicy)),
	}
	runBadInput(t, cases, accepted)
}

func TestAccBadInput_role(t *testing.T) {
	t.Parallel()
	trust := func(name, doc string, attrs ...string) string {
		return block("mseram_role", name, append([]string{"name", acctest.HCLString("r-" + name), "assume_role_policy_document", acctest.HCLString(doc)}, attrs...)...)
	}
	role := func(name string, attrs ...string) string { return trust(name, badTrust, attrs...) }
	cases := []badInput{
		{"name: empty, over-long, underscore, unicode", block("mseram_role", "a", "name", `""`, "assume_role_policy_document", acctest.HCLString(badTrust)) +
			block("mseram_role", "b", "name", acctest.HCLString(strings.Repeat("r", 65)), "assume_role_policy_document", acctest.HCLString(badTrust)) +
			block("mseram_role", "c", "name", `"ecs_role"`, "assume_role_policy_document", acctest.HCLString(badTrust)) +
			block("mseram_role", "d", "name", acctest.HCLString("rôle"), "assume_role_policy_document", acctest.HCLString(badTrust)),
			[]string{lengthUpTo("name", 64) + ", got: 0", lengthUpTo("name", 64) + ", got: 65",
				"Attribute name may contain only letters, digits, periods (.) and hyphens (-), got: ecs_role",
				"Attribute name may contain only letters, digits, periods (.) and hyphens (-), got: rôle"}},
		{"description: empty, over-long; max_session_duration: below and above", role("a", "description", `""`, "max_session_duration", "3599") +
			role("b", "description", acctest.HCLString(strings.Repeat("描", 1025)), "max_session_duration", "43201"),
			[]string{lengthUpTo("description", 1024) + ", got: 0", lengthUpTo("description", 1024) + ", got: 1025",
				"Attribute max_session_duration value must be between 3600 and 43200, got: 3599",
				"Attribute max_session_duration value must be between 3600 and 43200, got: 43201"}},
		{"max_session_duration: zero and negative", role("a", "max_session_duration", "0") + role("b", "max_session_duration", "-1"),
			[]string{"got: 0", "Attribute max_session_duration value must be between 3600 and 43200, got: -1"}},
		{"trust document: invalid JSON, nested arrays, identity policy, other action",
			trust("a", `{"Version":"1",`) +
				trust("b", nestedArrays(200)) +
				trust("c", okPolicy) +
				trust("d", `{"Version":"1","Statement":[{"Action":"ecs:*","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`),
			[]string{"invalid JSON", "the document must be a JSON object, got a list", "is required in a trust policy",
				`a trust policy may only grant "sts:AssumeRole", got "ecs:*"`}},
		{"trust document: over 6144, unknown principal type", trust("a",
			`{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["`+strings.Repeat("s", 6100)+`.aliyuncs.com"]}}]}`) +
			trust("b", `{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"AWS":["x"]}}]}`),
			[]string{"characters; RAM allows at most 6144", "statement 0: Principal: AWS: unknown element"}},
	}
	cases = append(cases, tagCases("mseram_role", []string{"name", `"tagged"`, "assume_role_policy_document", acctest.HCLString(badTrust)}, 256)...)
	accepted := []string{
		block("mseram_role", "a", "name", acctest.HCLString(strings.Repeat("r", 62)+".-"), "assume_role_policy_document", acctest.HCLString(badTrust),
			"description", acctest.HCLString(strings.Repeat("描", 1024)), "max_session_duration", "3600", "tags", tagsOf(20, 128, 256)) +
			role("b", "max_session_duration", "43200"),
	}
	runBadInput(t, cases, accepted)
}

func TestAccBadInput_credentials(t *testing.T) {
	t.Parallel()
	_, pubKey := testPGPEntity(t)
	cases := []badInput{
		{"login_profile: neither password; both passwords; version without password_wo",
			block("mseram_login_profile", "a", "user_name", `"u1"`) +
				block("mseram_login_profile", "b", "user_name", `"u2"`, "password", `"Abcdefgh-1"`, "password_wo", `"Abcdefgh-1"`) +
				block("mseram_login_profile", "c", "user_name", `"u3"`, "password", `"Abcdefgh-1"`, "password_wo_version", "1"),
			[]string{"Exactly one of these attributes must be configured: [password,password_wo]", "with mseram_login_profile.a,", "with mseram_login_profile.b,",
				`Attribute "password_wo" must be specified when "password_wo_version" is specified`}},
		{"login_profile: user_name empty and unicode", block("mseram_login_profile", "a", "user_name", `""`, "password", `"Abcdefgh-1"`) +
			block("mseram_login_profile", "b", "user_name", acctest.HCLString("用户"), "password", `"Abcdefgh-1"`),
			[]string{lengthUpTo("user_name", 64) + ", got: 0", "Attribute user_name may contain only letters, digits, periods (.), hyphens (-) and underscores (_), got: 用户"}},
		{"access_key: status case, empty status, user_name", block("mseram_access_key", "a", "user_name", `"u1"`, "status", `"active"`) +
			block("mseram_access_key", "b", "user_name", `"u2"`, "status", `""`) +
			block("mseram_access_key", "c", "user_name", `"u 3"`),
			[]string{`Attribute status value must be one of: ["Active" "Inactive"], got: "active"`, `got: ""`,
				"Attribute user_name may contain only letters"}},
		{"access_key: pgp_key garbage, empty, keybase; secret_file empty", block("mseram_access_key", "a", "user_name", `"u1"`, "pgp_key", `"not a key"`) +
			block("mseram_access_key", "b", "user_name", `"u2"`, "pgp_key", `""`) +
			block("mseram_access_key", "c", "user_name", `"u3"`, "pgp_key", `"keybase:alice"`) +
			block("mseram_access_key", "d", "user_name", `"u4"`, "secret_file", `""`),
			[]string{"neither an ASCII-armored public key nor valid base64: illegal base64 data at input byte 4",
				"this pgp_key: the key is empty", "Keybase references (keybase:<user>) are not supported", "Attribute secret_file string length must be at least 1, got: 0"}},
		{"access_key: pgp_key with secret_file", block("mseram_access_key", "a", "user_name", `"u1"`, "pgp_key", acctest.HCLString(pubKey), "secret_file", `"/tmp/ak.secret"`),
			[]string{"secret_file cannot be combined with pgp_key"}},
	}
	accepted := []string{
		block("mseram_login_profile", "a", "user_name", acctest.HCLString(strings.Repeat("u", 64)), "password", `"Abcdefgh-1"`) +
			block("mseram_access_key", "a", "user_name", `"u1"`, "status", `"Inactive"`, "pgp_key", acctest.HCLString(pubKey)) +
			block("mseram_access_key", "b", "user_name", `"u2"`, "secret_file", `"/tmp/never-written.secret"`),
	}
	runBadInput(t, cases, accepted)
}

func TestAccBadInput_serviceLinkedRole(t *testing.T) {
	t.Parallel()
	slr := func(name string, attrs ...string) string { return block("mseram_service_linked_role", name, attrs...) }
	cases := []badInput{
		{"service_name: syntax", slr("a", "service_name", `"MSE.aliyuncs.com"`) + slr("b", "service_name", `"mse.example.com"`) +
			slr("c", "service_name", `""`) + slr("d", "service_name", acctest.HCLString("mse.aliyuncs.com\n")),
			[]string{`"MSE.aliyuncs.com" is not a service name; did you mean "mse.aliyuncs.com"?`,
				`"mse.example.com" is not a service name: a lower-case host under aliyuncs.com`,
				"must not be empty: name a service such as mse.aliyuncs.com",
				`"mse.aliyuncs.com\n" is not a service name; did you mean "mse.aliyuncs.com"?`}},
		{"service_name: unknown; suffix and description refused by MSE", slr("a", "service_name", `"nope.aliyuncs.com"`) +
			slr("b", "service_name", `"mse.aliyuncs.com"`, "custom_suffix", `"x"`) +
			slr("c", "service_name", `"mssp.aliyuncs.com"`, "description", `"mine"`),
			[]string{`"nope.aliyuncs.com" is not in the provider's service-linked role catalog`,
				"custom_suffix: service mse.aliyuncs.com does not accept a custom suffix",
				"description: service mssp.aliyuncs.com does not accept a custom description"}},
		{"custom_suffix syntax for an unknown service; description length", slr("a", "service_name", `"new.aliyuncs.com"`, "allow_unknown_service", "true", "custom_suffix", `"a_b"`) +
			slr("b", "service_name", `"new2.aliyuncs.com"`, "allow_unknown_service", "true", "custom_suffix", acctest.HCLString("ünï")) +
			slr("c", "service_name", `"new3.aliyuncs.com"`, "allow_unknown_service", "true", "description", acctest.HCLString(strings.Repeat("d", 1025))) +
			slr("d", "service_name", `"new4.aliyuncs.com"`, "allow_unknown_service", "true", "description", `""`),
			[]string{`custom suffix "a_b" may contain only letters, digits, '.' and '-'`, `custom suffix "ünï"`,
				lengthUpTo("description", 1024) + ", got: 1025", lengthUpTo("description", 1024) + ", got: 0"}},
	}
	accepted := []string{
		slr("a", "service_name", `"mse.aliyuncs.com"`) +
			slr("b", "service_name", `"new.aliyuncs.com"`, "allow_unknown_service", "true", "custom_suffix", acctest.HCLString(strings.Repeat("s", 60)+".-"),
				"description", acctest.HCLString(strings.Repeat("d", 1024))),
	}
	runBadInput(t, cases, accepted)
}
