// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

type report struct {
	opts      options
	started   time.Time
	elapsed   time.Duration
	machine   machine
	graphs    []*graphRun
	latency   *graphRun
	throttle  *graphRun
	startup   *startup
	goBenches []goBench
	notes     []string
	verdicts  []string
}

func (r *report) note(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	logf("%s", msg)
	r.notes = append(r.notes, msg)
}

func (r *report) verdict(met bool, format string, args ...any) {
	mark := "MET"
	if !met {
		mark = "NOT MET"
	}
	r.verdicts = append(r.verdicts, fmt.Sprintf("- **%s**: %s", mark, fmt.Sprintf(format, args...)))
}

func (r *report) graph(kind string) *graphRun {
	for _, g := range r.graphs {
		if g.kind == kind {
			return g
		}
	}
	return nil
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f", d.Seconds()) }

func ratio(a, b time.Duration) string {
	if b <= 0 || a <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.2fx", a.Seconds()/b.Seconds())
}

// resourcesTouched is how many resources a phase works on.
func resourcesTouched(phase string, n int) int {
	switch phase {
	case "update-user", "update-policy":
		return n
	}
	return 3 * n
}

func (r *report) markdown() string {
	var b strings.Builder
	o, m := r.opts, r.machine
	fmt.Fprintf(&b, "## %s — N=%d, -parallelism=%d\n\n", r.started.UTC().Format("2006-01-02 15:04 MST"), o.n, o.parallelism)
	fmt.Fprintf(&b, "Machine: %d CPUs (nproc), %s, %s memory, %s, kernel %s; %s; %s; commit %s. Harness wall time %s; "+
		"load average %s at the start, %s at the end (other work on the machine inflates every wall time).\n\n",
		m.nproc, m.cpu, m.memory, m.goarch, m.kernel, m.goVer, m.tfVer, m.commit, r.elapsed.Round(time.Second), m.loadStart, loadAverage())
	r.graphSection(&b)
	r.callsSection(&b)
	r.latencySection(&b)
	r.throttleSection(&b)
	r.startupSection(&b)
	r.goBenchSection(&b)
	if len(r.verdicts) > 0 {
		fmt.Fprintf(&b, "### Targets\n\n%s\n\n", strings.Join(r.verdicts, "\n"))
	}
	if len(r.notes) > 0 {
		fmt.Fprintf(&b, "### Notes\n\n")
		for _, n := range r.notes {
			fmt.Fprintf(&b, "- %s\n", strings.ReplaceAll(strings.TrimSpace(n), "\n", "\n  "))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func (r *report) graphSection(b *strings.Builder) {
	ms, data, noop := r.graph(kindMseram), r.graph(kindData), r.graph(kindNoop)
	if ms == nil || data == nil || noop == nil {
		return
	}
	n := r.opts.n
	fmt.Fprintf(b, "### 1. Graph cost (%d users + %d policies + %d attachments, wall seconds, median of %d alternated cycles)\n\n", n, n, n, r.opts.repeat)
	b.WriteString("plan-nolog is the same plan with the SDK's own trace logging off (TF_LOG_SDK, TF_LOG_SDK_PROTO, TF_LOG_SDK_FRAMEWORK = off); " +
		"it is a diagnostic, not part of the targets.\n\n")
	b.WriteString("| phase | mseram | terraform_data | noop provider | mseram ÷ terraform_data | mseram ÷ noop |\n|---|---:|---:|---:|---:|---:|\n")
	var tm, td, tn time.Duration
	worst := 0.0
	for _, ph := range phases {
		pm, pd, pn := ms.phases[ph], data.phases[ph], noop.phases[ph]
		if pm == nil || pd == nil || pn == nil {
			continue
		}
		extra := ""
		if pm.err != nil {
			extra = " (failed)"
		}
		if pm.changes {
			extra = " (plan not empty!)"
		}
		fmt.Fprintf(b, "| %s | %s%s | %s | %s | %s | %s |\n", ph, secs(pm.wall), extra, secs(pd.wall), secs(pn.wall), ratio(pm.wall, pd.wall), ratio(pm.wall, pn.wall))
		if ph == "apply" || ph == "plan" || ph == "destroy" {
			tm, td, tn = tm+pm.wall, td+pd.wall, tn+pn.wall
			if q := pm.wall.Seconds() / pn.wall.Seconds(); q > worst {
				worst = q
			}
		}
		if pm.changes {
			r.note("the plan after apply was not empty (see the terraform log of the mseram run)")
		}
	}
	fmt.Fprintf(b, "| apply+plan+destroy | %s | %s | %s | %s | %s |\n\n", secs(tm), secs(td), secs(tn), ratio(tm, td), ratio(tm, tn))
	if ms.failed != "" {
		r.note("mseram run failed: %s", ms.failed)
	}
	label := fmt.Sprintf("apply/plan/destroy within 1.10x of the no-op floor: worst phase %.2fx at N=%d", worst, n)
	if n < 300 {
		label += " (the target is stated at N=300)"
	}
	r.verdict(worst <= 1.10 && ms.failed == "", "%s", label)
}

func (r *report) callsSection(b *strings.Builder) {
	ms := r.graph(kindMseram)
	if ms == nil {
		return
	}
	n := r.opts.n
	fmt.Fprintf(b, "### 2. API calls (counted by %s)\n\n", ms.source)
	b.WriteString("Terraform refreshes every resource before an update or a destroy, so those phases also make the plan's calls; " +
		"\"own calls\" are the phase's calls minus the plan's (refresh) calls, per resource changed.\n\n")
	b.WriteString("| phase | resources changed | calls | own calls / resource | user / policy / attachment / tags (calls ÷ N) | actions |\n|---|---:|---:|---:|---|---|\n")
	// The targets: one call per created resource; a refresh of at most 1.34
	// calls per resource, because a user's tags live in IMS (GetUser and
	// ListTagResources) while policies and attachments take one call each.
	const maxRefreshPerResource = 1.34
	callsMet := true
	var refresh int64
	if p := ms.phases["plan"]; p != nil && p.calls != nil {
		refresh = p.calls.total().Received
	}
	for _, ph := range phases {
		p := ms.phases[ph]
		if p == nil || p.calls == nil || ph == "plan-nolog" {
			continue
		}
		t := p.calls.total()
		res := resourcesTouched(ph, n)
		own := t.Received
		if ph != "apply" && ph != "plan" {
			own -= refresh
		}
		byType := map[string]int64{}
		for a, c := range p.calls {
			byType[resourceType(a)] += c.Received
		}
		per := func(k string) string { return fmt.Sprintf("%.2f", float64(byType[k])/float64(n)) }
		types := per("user") + " / " + per("policy") + " / " + per("attachment") + " / " + per("tags")
		if byType["other"] > 0 {
			types += " / other " + per("other")
		}
		fmt.Fprintf(b, "| %s | %d | %d | %.2f | %s | %s |\n", ph, res, t.Received, float64(own)/float64(res), types, actionList(p.calls))
		if (ph == "apply" && t.Received > int64(res)) || (ph == "plan" && float64(t.Received) > maxRefreshPerResource*float64(res)) {
			callsMet = false
		}
	}
	b.WriteString("\n")
	r.verdict(callsMet, "API calls: 1.00 per resource created, at most %.2f per resource refreshed", maxRefreshPerResource)
}

// actionList is "CreateUser 100, ..." by count, then name.
func actionList(c counts) string {
	type kv struct {
		a string
		n int64
	}
	var l []kv
	for a, v := range c {
		l = append(l, kv{a, v.Received})
	}
	sort.Slice(l, func(i, j int) bool {
		if l[i].n != l[j].n {
			return l[i].n > l[j].n
		}
		return l[i].a < l[j].a
	})
	var parts []string
	for _, x := range l {
		parts = append(parts, fmt.Sprintf("%s %d", x.a, x.n))
	}
	return strings.Join(parts, ", ")
}

func (r *report) latencySection(b *strings.Builder) {
	lat, noop := r.latency, r.graph(kindNoop)
	if lat == nil {
		return
	}
	o := r.opts
	fmt.Fprintf(b, "### 3. Latency: %s per call (ramsim -faults %s), -parallelism=%d\n\n", o.latency, lat.faults, o.parallelism)
	b.WriteString("Ideal = no-op floor + calls × latency ÷ parallelism.\n\n")
	b.WriteString("| phase | wall (s) | calls | no-op floor (s) | ideal (s) | wall ÷ ideal |\n|---|---:|---:|---:|---:|---:|\n")
	worst := 0.0
	for _, ph := range phases {
		p := lat.phases[ph]
		if p == nil {
			continue
		}
		var floor time.Duration
		if noop != nil && noop.phases[ph] != nil {
			floor = noop.phases[ph].wall
		}
		calls := p.calls.total().Received
		ideal := floor + time.Duration(float64(calls)*float64(o.latency)/float64(o.parallelism))
		extra := ""
		if p.err != nil {
			extra = " (failed)"
		}
		fmt.Fprintf(b, "| %s | %s%s | %d | %s | %s | %s |\n", ph, secs(p.wall), extra, calls, secs(floor), secs(ideal), ratio(p.wall, ideal))
		if q := p.wall.Seconds() / ideal.Seconds(); q > worst {
			worst = q
		}
	}
	b.WriteString("\n")
	if lat.failed != "" {
		r.note("latency run failed: %s", lat.failed)
	}
	r.verdict(worst <= 1.2 && lat.failed == "", "within 1.2x of the ideal bound under %s latency: worst phase %.2fx", o.latency, worst)
}

func (r *report) throttleSection(b *strings.Builder) {
	th := r.throttle
	if th == nil {
		return
	}
	o := r.opts
	fmt.Fprintf(b, "### 4. Throttling: %g requests/s per AccessKey (ramsim -faults %s), -parallelism=%d\n\n", o.qps, th.faults, o.parallelism)
	b.WriteString("Ideal = successful calls ÷ limit (ramsim's bucket also allows a burst of as many calls as the limit).\n\n")
	b.WriteString("| phase | wall (s) | calls sent | successful | throttled | ideal (s) | wall ÷ ideal |\n|---|---:|---:|---:|---:|---:|---:|\n")
	worst := 0.0
	var throttled int64
	for _, ph := range phases {
		p := th.phases[ph]
		if p == nil {
			continue
		}
		t := p.calls.total()
		throttled += t.Throttled
		ideal := time.Duration(float64(t.OK) / o.qps * float64(time.Second))
		extra := ""
		if p.err != nil {
			extra = " (FAILED)"
		}
		fmt.Fprintf(b, "| %s | %s%s | %d | %d | %d | %s | %s |\n", ph, secs(p.wall), extra, t.Received, t.OK, t.Throttled, secs(ideal), ratio(p.wall, ideal))
		if q := p.wall.Seconds() / ideal.Seconds(); ideal > 0 && q > worst {
			worst = q
		}
	}
	b.WriteString("\n")
	if th.failed != "" {
		r.note("throttling run failed: %s", th.failed)
	}
	r.verdict(worst <= 1.3 && th.failed == "", "within 1.3x of the ideal under %g req/s with no failed apply: worst phase %.2fx, %d throttled answers, %s",
		o.qps, worst, throttled, map[bool]string{true: "no failure", false: "a phase FAILED"}[th.failed == ""])
}

func (r *report) startupSection(b *strings.Builder) {
	s := r.startup
	if s == nil {
		return
	}
	mb := func(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }
	b.WriteString("### 5. Start-up\n\n| figure | mseram | noop provider |\n|---|---:|---:|\n")
	fmt.Fprintf(b, "| binary size | %s | %s |\n", mb(s.binaryBytes), mb(s.noopBytes))
	fmt.Fprintf(b, "| exec to plugin handshake (median of %d) | %s | %s |\n", startupRuns, ms(s.handshake), ms(s.noopHandshake))
	fmt.Fprintf(b, "| `terraform providers schema -json` minus a terraform_data-only dir (%s) | %s | %s |\n", ms(s.schemaBaseline), ms(s.schemaCLI-s.schemaBaseline), ms(s.schemaNoop-s.schemaBaseline))
	fmt.Fprintf(b, "| the same, mseram minus noop provider | %s | – |\n", ms(s.schemaCLI-s.schemaNoop))
	var cold float64
	for _, g := range r.goBenches {
		if g.name == "GetProviderSchemaCold" {
			cold = g.ns
			fmt.Fprintf(b, "| in-process GetProviderSchema, fresh server (Go benchmark) | %s | – |\n", ms(time.Duration(g.ns)))
		}
	}
	b.WriteString("\nThe schema verdict uses exec to handshake plus the in-process first answer: the provider's own time to answer. " +
		"Through Terraform, the no-op provider's row is what any plugin costs there (Terraform starts it, asks, and encodes the JSON).\n\n")
	r.verdict(s.binaryBytes < 40e6, "binary under 40 MB: %s", mb(s.binaryBytes))
	answer := s.handshake + time.Duration(cold)
	r.verdict(cold > 0 && answer < 100*time.Millisecond, "schema answer under 100 ms: %s (exec to handshake %s + first GetProviderSchema %s); through Terraform %s above the terraform_data baseline, %s above the no-op provider",
		ms(answer), ms(s.handshake), ms(time.Duration(cold)), ms(s.schemaCLI-s.schemaBaseline), ms(s.schemaCLI-s.schemaNoop))
}

func (r *report) goBenchSection(b *strings.Builder) {
	if len(r.goBenches) == 0 {
		return
	}
	b.WriteString("### 6. Go benchmarks (`go test -bench -benchmem`)\n\n| package | benchmark | ns/op | B/op | allocs/op | ops/s |\n|---|---|---:|---:|---:|---:|\n")
	var ten, serve, loop []goBench
	for _, g := range r.goBenches {
		mem := "| – | –"
		if g.hasMem {
			mem = fmt.Sprintf("| %.0f | %.0f", g.bytes, g.allo)
		}
		fmt.Fprintf(b, "| %s | %s | %.0f %s | %s |\n", g.pkg, g.name, g.ns, mem, opsPerSec(g.ns))
		switch {
		case strings.HasPrefix(g.name, "EvaluateTenStatements/"):
			ten = append(ten, g)
		case strings.HasPrefix(g.name, "ServeHTTPV3/"):
			serve = append(serve, g)
		case g.name == "LoopbackDarabonba":
			loop = append(loop, g)
		}
	}
	b.WriteString("\nops/s = 1e9 ÷ ns/op; the benchmarks run on one goroutine (per core) except LoopbackDarabonba, which runs " +
		"one client goroutine per CPU, so its figure is requests/s for the whole machine, client and server sharing it.\n\n")
	if len(ten) > 0 {
		w := slowest(ten)
		r.verdict(1e9/w.ns >= 1e6, ">= 1e6 policy decisions/s/core on a ten-statement policy: slowest case %s at %s/s", w.name, opsPerSec(w.ns))
	}
	if len(serve) > 0 {
		w := slowest(serve)
		r.verdict(1e9/w.ns >= 5000, "ramsim >= 5,000 signed requests/s (in-process ServeHTTP, V3 verified, one core): slowest %s at %s/s", w.name, opsPerSec(w.ns))
	}
	if len(loop) > 0 {
		r.verdict(1e9/loop[0].ns >= 5000, "ramsim >= 5,000 signed requests/s end to end (darabonba client + loopback HTTP + ramsim on %d CPUs): %s/s",
			r.machine.nproc, opsPerSec(loop[0].ns))
	}
}

func slowest(gs []goBench) goBench {
	w := gs[0]
	for _, g := range gs {
		if g.ns > w.ns {
			w = g
		}
	}
	return w
}

func opsPerSec(ns float64) string {
	if ns <= 0 {
		return "–"
	}
	v := 1e9 / ns
	switch {
	case v >= 1e6:
		return fmt.Sprintf("%.2fM", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%.1fk", v/1e3)
	}
	return fmt.Sprintf("%.0f", v)
}
