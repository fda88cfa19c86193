// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"fmt"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// assemble puts the statements together with the merge rules of the AWS
// provider's aws_iam_policy_document, so that people who know those get what
// they expect:
//
//  1. the statements of Sources, in order; a Sid may appear only once across
//     all of them (an error otherwise, since which copy wins would be
//     arbitrary);
//  2. this document's statements (raw Statements, which must have unique
//     Sids, then the typed blocks' statements, which have none): one whose
//     Sid matches a source statement replaces it, the others are appended;
//  3. each of Overrides in order: a statement whose Sid matches one already
//     there replaces it, the others are appended.
//
// Statements without a Sid never replace anything.
func assemble(req Request, generated []stmt) ([]stmt, error) {
	var out []stmt
	seen := map[string]int{} // Sid -> source document index
	for i, src := range req.Sources {
		doc, err := policy.Parse(src)
		if err != nil {
			return nil, fmt.Errorf("source_policy_documents[%d]: %w", i, err)
		}
		for _, s := range doc.Statements {
			if s.Sid != "" {
				if j, dup := seen[s.Sid]; dup {
					return nil, fmt.Errorf("source_policy_documents[%d]: duplicate Sid %q (also in source_policy_documents[%d]): "+
						"remove the Sid or make Sids unique across the source documents", i, s.Sid, j)
				}
				seen[s.Sid] = i
			}
			out = append(out, stmt{Statement: s})
		}
	}

	own := map[string]int{}
	for i, s := range req.Statements {
		one := &policy.Document{Version: policy.Version, Statements: []policy.Statement{s}}
		if err := one.Validate(policy.Identity); err != nil {
			return nil, fmt.Errorf("statement[%d]: %w", i, err)
		}
		if s.Sid != "" {
			if j, dup := own[s.Sid]; dup {
				return nil, fmt.Errorf("statement[%d]: duplicate Sid %q (also statement[%d])", i, s.Sid, j)
			}
			own[s.Sid] = i
		}
		out = overlay(out, stmt{Statement: s})
	}
	out = append(out, generated...)

	for i, o := range req.Overrides {
		doc, err := policy.Parse(o)
		if err != nil {
			return nil, fmt.Errorf("override_policy_documents[%d]: %w", i, err)
		}
		for _, s := range doc.Statements {
			out = overlay(out, stmt{Statement: s})
		}
	}
	return out, nil
}

// overlay replaces the statement with s's Sid, or appends s.
func overlay(list []stmt, s stmt) []stmt {
	if s.Sid != "" {
		for i := range list {
			if list[i].Sid == s.Sid {
				list[i] = s
				return list
			}
		}
	}
	return append(list, s)
}
