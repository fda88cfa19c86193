// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// The three implementations of the same graph.
const (
	kindMseram = "mseram"
	kindNoop   = "noop"
	kindData   = "terraform_data"
)

// phases of one cycle, in order. update-user changes every user's
// display_name, update-policy every policy's document; attachments have
// no in-place update (every argument forces a new one).
// plan-nolog is the same plan with terraform-plugin-go's and the
// framework's own trace logs turned off (TF_LOG_SDK*=off): a diagnostic
// row, see bench/README.md.
var phases = []string{"apply", "plan", "plan-nolog", "update-user", "update-policy", "destroy"}

// sdkLogsOff turns off the SDK loggers that otherwise write every trace
// line to the plugin's stderr for Terraform to parse and drop.
var sdkLogsOff = []string{"TF_LOG_SDK=off", "TF_LOG_SDK_PROTO=off", "TF_LOG_SDK_FRAMEWORK=off"}

// phaseResult is one phase of one run.
type phaseResult struct {
	wall    time.Duration   // the median of walls
	walls   []time.Duration // one per cycle that completed the phase
	calls   counts          // per action; nil without an emulator
	changes bool            // plan only: the plan was not empty
	err     error
}

// graphRun is one cycle of one kind.
type graphRun struct {
	kind    string
	faults  string
	phases  map[string]*phaseResult
	source  string // where the counts come from
	failed  string // the first failing phase, with its error
	workdir string
}

// configFor writes the graph for kind: N users, N policies, N attachments
// (attachment i joins policy i to user i), with the two revisions as
// variables.
func configFor(kind string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "variable \"user_rev\" {\n  type    = number\n  default = 0\n}\n\nvariable \"policy_rev\" {\n  type    = number\n  default = 0\n}\n\n")
	doc := `jsonencode({
    Version = "1"
    Statement = [{
      Effect   = "Allow"
      Action   = ["mse:GetNacosConfig", "mse:ListNacosConfigs"]
      Resource = ["acs:mse:*:*:instance/mse-cn-bench${count.index}/ns-${var.policy_rev}/*"]
    }]
  })`
	switch kind {
	case kindData:
		fmt.Fprintf(&b, `resource "terraform_data" "user" {
  count = %[1]d
  input = {
    name         = "bench-user-${count.index}"
    display_name = "Bench user ${count.index} r${var.user_rev}"
  }
}

resource "terraform_data" "policy" {
  count = %[1]d
  input = {
    name            = "bench-policy-${count.index}"
    policy_document = %[2]s
  }
}

resource "terraform_data" "attachment" {
  count = %[1]d
  input = {
    policy_name = terraform_data.policy[count.index].input.name
    policy_type = "Custom"
    user_name   = terraform_data.user[count.index].input.name
  }
}
`, n, doc)
	default:
		p := kind
		fmt.Fprintf(&b, `terraform {
  required_providers {
    %[3]s = {
      source = "mseram/%[3]s"
    }
  }
}

provider "%[3]s" {}

resource "%[3]s_user" "user" {
  count        = %[1]d
  name         = "bench-user-${count.index}"
  display_name = "Bench user ${count.index} r${var.user_rev}"
}

resource "%[3]s_policy" "policy" {
  count           = %[1]d
  name            = "bench-policy-${count.index}"
  policy_document = %[2]s
}

resource "%[3]s_user_policy_attachment" "attachment" {
  count       = %[1]d
  policy_name = %[3]s_policy.policy[count.index].name
  policy_type = "Custom"
  user_name   = %[3]s_user.user[count.index].name
}
`, n, doc, p)
	}
	return b.String()
}

// runGraph runs one full cycle of kind in a fresh directory (and, for
// mseram, a fresh ramsim with the faults spec).
func runGraph(e *env, o options, kind, faults, label string) (*graphRun, error) {
	diagnostics := faults == "" // the plan-nolog row only in the plain runs
	dir := filepath.Join(e.tmp, "runs", label)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(configFor(kind, o.n)), 0o644); err != nil {
		return nil, err
	}
	run := &graphRun{kind: kind, faults: faults, phases: map[string]*phaseResult{}, workdir: dir}
	url := ""
	var em *emulator
	if kind == kindMseram {
		var err error
		if em, err = startRamsim(e, dir, faults); err != nil {
			return nil, err
		}
		defer em.stop()
		url, run.source = em.url, em.counterSource()
	}
	environ := e.tfEnv(url)
	logPath := filepath.Join(dir, "terraform.log")
	par := "-parallelism=" + strconv.Itoa(o.parallelism)
	common := []string{"-input=false", "-no-color", par}
	rev := func(u, p int) []string {
		return []string{"-var", "user_rev=" + strconv.Itoa(u), "-var", "policy_rev=" + strconv.Itoa(p)}
	}
	for _, ph := range phases {
		if ph == "plan-nolog" && !diagnostics {
			continue
		}
		var args []string
		phEnv := environ
		switch ph {
		case "apply":
			args = append([]string{"apply", "-auto-approve"}, common...)
		case "plan":
			args = append([]string{"plan", "-detailed-exitcode"}, common...)
		case "plan-nolog":
			args = append([]string{"plan", "-detailed-exitcode"}, common...)
			phEnv = append(append([]string(nil), environ...), sdkLogsOff...)
		case "update-user":
			args = append(append([]string{"apply", "-auto-approve"}, common...), rev(1, 0)...)
		case "update-policy":
			args = append(append([]string{"apply", "-auto-approve"}, common...), rev(1, 1)...)
		case "destroy":
			args = append(append([]string{"destroy", "-auto-approve"}, common...), rev(1, 1)...)
		}
		var before counts
		if em != nil {
			var err error
			if before, err = em.counts(); err != nil {
				return nil, err
			}
		}
		logf("%s: terraform %s", label, ph)
		wall, err := timeCmd(dir, phEnv, logPath, e.terraform, args...)
		res := &phaseResult{wall: wall}
		var exit *exec.ExitError
		if strings.HasPrefix(ph, "plan") && errors.As(err, &exit) && exit.ExitCode() == 2 {
			res.changes, err = true, nil
		}
		if em != nil {
			after, cerr := em.counts()
			if cerr != nil {
				return nil, cerr
			}
			res.calls = after.sub(before)
		}
		res.err = err
		run.phases[ph] = res
		if err != nil {
			run.failed = fmt.Sprintf("%s: %v\n%s", ph, err, tailFile(logPath, 15))
			logf("%s: %s failed: %v", label, ph, err)
			break
		}
	}
	return run, nil
}

// measureGraphs is part 1 and 2: o.repeat cycles of each kind, the kinds
// interleaved (data, floor, mseram, data, floor, mseram, ...) so that drift
// on the machine hits them alike; each phase reports the median of its
// cycles' wall times, and the calls come from the first cycle.
func measureGraphs(e *env, o options, rep *report) error {
	first := map[string]*graphRun{}
	for i := range o.repeat {
		for _, kind := range []string{kindData, kindNoop, kindMseram} {
			run, err := runGraph(e, o, kind, "", fmt.Sprintf("%s-%d", kind, i+1))
			if err != nil {
				return err
			}
			if run.failed != "" && kind != kindMseram {
				return fmt.Errorf("%s floor failed: %s", kind, run.failed)
			}
			b := first[kind]
			if b == nil {
				b = run
				first[kind] = run
				rep.graphs = append(rep.graphs, run)
			} else if b.failed == "" {
				b.failed = run.failed
			}
			for ph, r := range run.phases {
				if cur := b.phases[ph]; cur != nil && r.err == nil && cur.err == nil {
					cur.walls = append(cur.walls, r.wall)
				}
			}
		}
	}
	for _, run := range first {
		for _, r := range run.phases {
			if len(r.walls) > 0 {
				r.wall = median(r.walls)
			}
		}
	}
	return nil
}

// measureFaulted is part 3 (latency) or 4 (throttle): the mseram cycle
// against a ramsim with -faults.
func measureFaulted(e *env, o options, rep *report, which string) error {
	if !ramsimSupports(e.ramsim, "faults") {
		return fmt.Errorf("not measured: this ramsim has no -faults flag")
	}
	spec := fmt.Sprintf("latency=%s", o.latency)
	if which == "throttle" {
		spec = "qps=" + strconv.FormatFloat(o.qps, 'g', -1, 64)
	}
	run, err := runGraph(e, o, kindMseram, spec, "mseram-"+which)
	if err != nil {
		return err
	}
	if which == "latency" {
		rep.latency = run
	} else {
		rep.throttle = run
	}
	return nil
}

// resourceType attributes an action to the resource type that calls it,
// for the calls-per-resource table.
func resourceType(action string) string {
	switch {
	case strings.Contains(action, "Tag"):
		return "tags" // users' (IMS) and policies' (RAM) alike
	case strings.Contains(action, "PolicyToUser"), strings.Contains(action, "PolicyFromUser"), strings.Contains(action, "PoliciesForUser"):
		return "attachment"
	case strings.Contains(action, "Polic"):
		return "policy"
	case strings.Contains(action, "User"), strings.Contains(action, "AccessKey"), strings.Contains(action, "LoginProfile"), strings.Contains(action, "GroupsForUser"):
		return "user"
	}
	return "other"
}
