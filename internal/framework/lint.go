// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/mseram/terraform-provider-mseram/internal/mse"
	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// LintSettings are the provider's strict_lint and lint_ignore.
type LintSettings struct {
	// Strict reports findings as errors instead of warnings.
	Strict bool
	// Ignore lists rule names whose findings are dropped.
	Ignore []string
}

// kept returns the findings whose rule is not ignored.
func (s LintSettings) kept(findings []mse.Finding) []mse.Finding {
	var out []mse.Finding
	for _, f := range findings {
		if !slices.Contains(s.Ignore, f.Rule) {
			out = append(out, f)
		}
	}
	return out
}

// AddFindings reports each finding that is not ignored as one diagnostic on
// the attribute at returns for it (a warning, or an error in strict mode),
// naming the object, the place the user wrote, the rule and how to silence
// it. It returns the findings it reported.
func AddFindings(diags *diag.Diagnostics, s LintSettings, object string, findings []mse.Finding, at func(mse.Finding) path.Path) []mse.Finding {
	kept := s.kept(findings)
	for _, f := range kept {
		summary := "Policy lint: " + f.Rule
		detail := fmt.Sprintf("%s: %s\n\nRule %q: add it to lint_ignore in the mseram provider block to silence it; "+
			"strict_lint = true there turns lint findings into errors.", object, f.String(), f.Rule)
		if s.Strict {
			diags.AddAttributeError(at(f), summary, detail)
		} else {
			diags.AddAttributeWarning(at(f), summary, detail)
		}
	}
	return kept
}

// LintDocument lints a policy document about to be sent (an identity
// policy, or a role's trust policy when trust) and reports the findings on
// the attribute at. A document that does not parse is left to the
// attribute's own validation, which has reported it already.
func LintDocument(diags *diag.Diagnostics, s LintSettings, object string, at path.Path, document string, trust bool) {
	var findings []mse.Finding
	if trust {
		doc, err := policy.ParseTrust(CompactJSON(document))
		if err != nil {
			return
		}
		findings = mse.LintTrust(doc)
	} else {
		doc, err := policy.Parse(CompactJSON(document))
		if err != nil {
			return
		}
		findings = mse.Lint(doc)
	}
	AddFindings(diags, s, object, findings, func(mse.Finding) path.Path { return at })
}
