// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"fmt"
	"maps"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// The chaos suite: a whole account's worth of users, policies, attachments,
// groups with members and roles is applied, re-planned and destroyed while
// the emulator throttles, fails, loses committed answers, lags reads and
// limits the request rate. Each seed must end with exactly the configured
// objects in the emulator's store (no orphan, no duplicate), an empty
// second plan, and an empty store after destroy.
//
// MSERAM_CHAOS_SCALE sizes it: 1.0 is the full 50 users, 50 policies, 50
// attachments, 10 groups with 50 memberships and 5 roles (`make chaos`);
// unset it is 0.2, so `make test` stays quick. MSERAM_CHAOS_SEEDS
// (comma-separated) replaces the seeds 1, 2 and 3; MSERAM_CHAOS_FAULTS the
// fault spec. The random throttle share is small: the client's adaptive
// rate limiter reads every Throttling answer as "too fast", so a random 20 %
// would pace it to a crawl; qps=50 is the rate limit it learns from.
const chaosFaults = "throttle=0.02,5xx=0.05,lost=0.02,consistency=1s,qps=50"

type chaosSize struct{ users, policies, groups, roles int }

func chaosScale(t *testing.T) chaosSize {
	scale := 0.2
	if v := os.Getenv("MSERAM_CHAOS_SCALE"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f <= 0 || f > 10 {
			t.Fatalf("MSERAM_CHAOS_SCALE=%q: want a number in (0, 10]", v)
		}
		scale = f
	}
	n := func(full int) int { return max(1, int(math.Round(float64(full)*scale))) }
	return chaosSize{users: n(50), policies: n(50), groups: n(10), roles: n(5)}
}

func chaosSeeds(t *testing.T) []int64 {
	v := os.Getenv("MSERAM_CHAOS_SEEDS")
	if v == "" {
		return []int64{1, 2, 3}
	}
	var seeds []int64
	for _, s := range strings.Split(v, ",") {
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			t.Fatalf("MSERAM_CHAOS_SEEDS=%q: %v", v, err)
		}
		seeds = append(seeds, n)
	}
	return seeds
}

// chaosWant is what the store must hold after the apply.
type chaosWant struct {
	users, policies, groups, roles []string
	comments                       map[string]string   // user -> comments
	attached                       map[string][]string // "user:alice" -> ["Custom:p"]
	members                        map[string][]string // group -> users
}

// chaosConfig writes the configuration and what it must produce. Policy i
// is attached to role i, then group i-roles, then user i-roles-groups, so
// every attachment kind is exercised and each policy is attached once;
// user i is a member of group i mod groups.
func chaosConfig(sz chaosSize) (string, chaosWant) {
	w := chaosWant{comments: map[string]string{}, attached: map[string][]string{}, members: map[string][]string{}}
	var b strings.Builder
	for i := range sz.users {
		name := fmt.Sprintf("chaos-user-%02d", i)
		w.users = append(w.users, name)
		w.comments[name] = fmt.Sprintf("chaos user %d", i)
		fmt.Fprintf(&b, "resource \"mseram_user\" \"u%d\" {\n  name     = %q\n  comments = %q\n}\n", i, name, w.comments[name])
	}
	for i := range sz.groups {
		name := fmt.Sprintf("chaos-group-%02d", i)
		w.groups = append(w.groups, name)
		fmt.Fprintf(&b, "resource \"mseram_group\" \"g%d\" {\n  name     = %q\n  comments = \"chaos group %d\"\n}\n", i, name, i)
	}
	for i := range sz.users {
		g := i % sz.groups
		w.members[w.groups[g]] = append(w.members[w.groups[g]], w.users[i])
		fmt.Fprintf(&b, "resource \"mseram_group_membership\" \"m%d\" {\n  group_name = mseram_group.g%d.name\n  user_name  = mseram_user.u%d.name\n}\n", i, g, i)
	}
	for i := range sz.roles {
		name := fmt.Sprintf("chaos-role-%02d", i)
		w.roles = append(w.roles, name)
		fmt.Fprintf(&b, `resource "mseram_role" "r%d" {
  name        = %q
  description = "chaos role %d"
  assume_role_policy_document = jsonencode({
    Version   = "1"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = ["ecs.aliyuncs.com"] } }]
  })
}
`, i, name, i)
	}
	for i := range sz.policies {
		name := fmt.Sprintf("chaos-policy-%02d", i)
		w.policies = append(w.policies, name)
		fmt.Fprintf(&b, `resource "mseram_policy" "p%d" {
  name        = %q
  description = "chaos policy %d"
  policy_document = jsonencode({
    Version   = "1"
    Statement = [{ Effect = "Allow", Action = ["mse:GetNacosConfig", "mse:ListNacosConfigs"], Resource = "acs:mse:*:*:instance/mse-cn-chaos%02d" }]
  })
}
`, i, name, i, i)
		var kind, attr, ref, principal string
		switch {
		case i < sz.roles:
			kind, attr, ref, principal = "role", "role_name", fmt.Sprintf("mseram_role.r%d.name", i), w.roles[i]
		case i < sz.roles+sz.groups:
			j := i - sz.roles
			kind, attr, ref, principal = "group", "group_name", fmt.Sprintf("mseram_group.g%d.name", j), w.groups[j]
		default:
			j := (i - sz.roles - sz.groups) % sz.users
			kind, attr, ref, principal = "user", "user_name", fmt.Sprintf("mseram_user.u%d.name", j), w.users[j]
		}
		key := kind + ":" + principal
		w.attached[key] = append(w.attached[key], "Custom:"+name)
		fmt.Fprintf(&b, "resource \"mseram_%s_policy_attachment\" \"a%d\" {\n  %s = %s\n  policy_name = mseram_policy.p%d.name\n  policy_type = \"Custom\"\n}\n",
			kind, i, attr, ref, i)
	}
	for _, v := range w.attached {
		slices.Sort(v)
	}
	return b.String(), w
}

// storeMatches compares the emulator's store with want: the same objects,
// nothing more, nothing twice.
func storeMatches(srv *ramsim.Server, w chaosWant) error {
	var problems []string
	diff := func(what string, got, want []string) {
		if !slices.Equal(got, want) {
			problems = append(problems, fmt.Sprintf("%s: got %v, want %v", what, got, want))
		}
	}
	var users, policies, groups, roles []string
	for _, u := range srv.Users() {
		users = append(users, u.UserName)
		if c, ok := w.comments[u.UserName]; ok && u.Comments != c {
			problems = append(problems, fmt.Sprintf("user %s: comments %q, want %q", u.UserName, u.Comments, c))
		}
		if keys := srv.AccessKeys(u.UserName); len(keys) > 0 {
			problems = append(problems, fmt.Sprintf("user %s has %d access keys, want none", u.UserName, len(keys)))
		}
	}
	for _, p := range srv.Policies() {
		policies = append(policies, p.PolicyName)
	}
	for _, g := range srv.Groups() {
		groups = append(groups, g.GroupName)
		diff("members of "+g.GroupName, srv.GroupMembers(g.GroupName), w.members[g.GroupName])
	}
	for _, r := range srv.Roles() {
		roles = append(roles, r.RoleName)
	}
	diff("users", users, w.users)
	diff("custom policies", policies, w.policies)
	diff("groups", groups, w.groups)
	diff("roles", roles, w.roles)
	for kind, names := range map[string][]string{"user": w.users, "group": w.groups, "role": w.roles} {
		for _, n := range names {
			diff("policies of "+kind+" "+n, srv.AttachedPolicies(kind, n), w.attached[kind+":"+n])
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return fmt.Errorf("the store does not match the configuration:\n  %s", strings.Join(problems, "\n  "))
	}
	return nil
}

func storeEmpty(srv *ramsim.Server) error {
	var left []string
	for _, u := range srv.Users() {
		left = append(left, "user "+u.UserName)
	}
	for _, p := range srv.Policies() {
		left = append(left, "policy "+p.PolicyName)
	}
	for _, g := range srv.Groups() {
		left = append(left, "group "+g.GroupName)
	}
	for _, r := range srv.Roles() {
		left = append(left, "role "+r.RoleName)
	}
	if len(left) > 0 {
		return fmt.Errorf("after destroy the store still holds: %s", strings.Join(left, ", "))
	}
	return nil
}

func TestAccChaos(t *testing.T) {
	acctest.RamsimOnly(t, "the chaos suite injects throttling, 5xx, lost answers and delays into the emulator")
	t.Parallel()
	sz := chaosScale(t)
	faults := chaosFaults
	if v := os.Getenv("MSERAM_CHAOS_FAULTS"); v != "" {
		faults = v
	}
	body, want := chaosConfig(sz)
	t.Logf("chaos: %d users, %d policies, %d attachments, %d groups, %d memberships, %d roles; faults %q",
		sz.users, sz.policies, sz.policies, sz.groups, sz.users, sz.roles, faults)
	for _, seed := range chaosSeeds(t) {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			t.Parallel()
			env := acctest.NewWithConfig(t, ramsim.Config{Faults: faults, Seed: seed})
			start := time.Now()
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories(),
				CheckDestroy:             func(*terraform.State) error { return storeEmpty(env.Server) },
				Steps: []resource.TestStep{{
					Config: env.Config(body),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					Check: func(*terraform.State) error { return storeMatches(env.Server, want) },
				}},
			})
			logChaosFigures(t, seed, env.Server.Counters(), time.Since(start))
		})
	}
}

// logChaosFigures reports one seed's requests, injected faults by kind and
// retries. Every request not answered 200 is a fault or a final error
// (not-found reads, already-exists creates); the provider retried all but
// those, so received - ok approximates the retries from above.
func logChaosFigures(t *testing.T, seed int64, c ramsim.Counters, wall time.Duration) {
	t.Helper()
	tot := c.Total
	kinds := slices.Sorted(maps.Keys(tot.Faults))
	var faults []string
	injected := int64(0)
	for _, k := range kinds {
		faults = append(faults, fmt.Sprintf("%s=%d", k, tot.Faults[k]))
		if k != "latency" {
			injected += tot.Faults[k]
		}
	}
	var final, lost []string
	for _, a := range slices.Sorted(maps.Keys(c.Actions)) {
		ac := c.Actions[a]
		if n := ac.Faults["lost"]; n > 0 {
			lost = append(lost, fmt.Sprintf("%s=%d", a, n))
		}
		var inj int64
		for k, v := range ac.Faults {
			if k != "latency" {
				inj += v
			}
		}
		if e := ac.Received - ac.OK - inj; e > 0 {
			final = append(final, fmt.Sprintf("%s=%d", a, e))
		}
	}
	t.Logf("chaos seed %d: wall %s; requests %d (ok %d, errors %d); injected faults %d [%s]; received-ok %d; lost answers by action %v; non-injected errors %v",
		seed, wall.Round(100*time.Millisecond), tot.Received, tot.OK, tot.Errors, injected, strings.Join(faults, " "), tot.Received-tot.OK, lost, final)
}
