// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"errors"
	"fmt"
	"strings"

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
// Statements without a Sid never replace anything. Every statement keeps
// its origin, so findings name what the user wrote. kind is the rendered
// document's (Render decides it).
func assemble(req Request, docs parsedDocuments, kind policy.Kind, generated []stmt) ([]stmt, []Finding, error) {
	var findings []Finding
	user := func(s stmt) stmt {
		findings = append(findings, lintFor(kind, s.origin, s.Statement)...)
		return s
	}
	var out []stmt
	seen := map[string]int{} // Sid -> source document index
	for i, doc := range docs.sources {
		findings = append(findings, within(fmt.Sprintf("source_policy_documents[%d] ", i), documentFindings(doc))...)
		for j, s := range doc.Statements {
			if s.Sid != "" {
				if j, dup := seen[s.Sid]; dup {
					return nil, nil, fmt.Errorf("source_policy_documents[%d]: duplicate Sid %q (also in source_policy_documents[%d]): "+
						"remove the Sid or make Sids unique across the source documents", i, s.Sid, j)
				}
				seen[s.Sid] = i
			}
			out = append(out, user(stmt{Statement: s, origin: fmt.Sprintf("source_policy_documents[%d] %s", i, statementName(j, s.Sid))}))
		}
	}

	own := map[string]int{}
	for i, s := range req.Statements {
		one := &policy.Document{Version: policy.Version, Statements: []policy.Statement{s}}
		if err := one.Validate(kind); err != nil {
			return nil, nil, statementErrors(fmt.Sprintf("statement[%d]", i), err)
		}
		for _, f := range documentFindings(one) {
			f.Where = fmt.Sprintf("statement[%d]", i)
			findings = append(findings, f)
		}
		if s.Sid != "" {
			if j, dup := own[s.Sid]; dup {
				return nil, nil, fmt.Errorf("statement[%d]: duplicate Sid %q (also statement[%d])", i, s.Sid, j)
			}
			own[s.Sid] = i
		}
		out = overlay(out, user(stmt{Statement: s, origin: fmt.Sprintf("statement[%d]", i)}))
	}
	typed := map[string]string{} // Sid -> block
	for _, g := range generated {
		if g.Sid != "" {
			if j, dup := own[g.Sid]; dup {
				return nil, nil, fmt.Errorf("%s.sid: %q is also the sid of statement[%d]; sids must be unique", g.origin, g.Sid, j)
			}
			if b, dup := typed[g.Sid]; dup {
				return nil, nil, fmt.Errorf("%s.sid: %q is also the sid of %s (a block of several statements numbers them: Sid, Sid2, ...); sids must be unique", g.origin, g.Sid, b)
			}
			typed[g.Sid] = g.origin
			out = overlay(out, g)
			continue
		}
		out = append(out, g)
	}

	for i, doc := range docs.overrides {
		findings = append(findings, within(fmt.Sprintf("override_policy_documents[%d] ", i), documentFindings(doc))...)
		for j, s := range doc.Statements {
			out = overlay(out, user(stmt{Statement: s, origin: fmt.Sprintf("override_policy_documents[%d] %s", i, statementName(j, s.Sid))}))
		}
	}
	return out, findings, nil
}

// parsedDocuments are the source and override documents, each parsed once
// and validated as the kind its content shows (policy.ParseAny): a document
// naming principals as a trust policy, any other as an identity policy.
type parsedDocuments struct {
	sources, overrides []*policy.Document
	sourceKinds        []policy.Kind
	overrideKinds      []policy.Kind
}

func parseDocuments(req Request) (parsedDocuments, error) {
	var d parsedDocuments
	for _, list := range []struct {
		name  string
		texts []string
		docs  *[]*policy.Document
		kinds *[]policy.Kind
	}{
		{"source_policy_documents", req.Sources, &d.sources, &d.sourceKinds},
		{"override_policy_documents", req.Overrides, &d.overrides, &d.overrideKinds},
	} {
		for i, text := range list.texts {
			doc, kind, err := policy.ParseAny(text)
			if err != nil {
				return d, fmt.Errorf("%s[%d]: %w", list.name, i, err)
			}
			*list.docs = append(*list.docs, doc)
			*list.kinds = append(*list.kinds, kind)
		}
	}
	return d, nil
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

// statementArguments are the data source's names for a statement's
// elements.
var statementArguments = map[string]string{
	"Sid": "sid", "Effect": "effect", "Action": "actions", "NotAction": "not_actions",
	"Resource": "resources", "Principal": "principals", "Condition": "condition",
}

// statementErrors rewrites the problems of one raw statement so that each
// names the block and argument as the user wrote them
// ("statement[1].effect: must be ..."), one error per problem.
func statementErrors(block string, err error) error {
	problems := policy.Problems(err)
	if len(problems) == 0 {
		return fmt.Errorf("%s: %w", block, err)
	}
	errs := make([]error, len(problems))
	for i, p := range problems {
		element, rest, _ := strings.Cut(p.Element, ": ")
		where := block
		if arg, ok := statementArguments[element]; ok {
			where += "." + arg
		}
		msg := p.Msg
		if rest != "" {
			msg = rest + ": " + msg
		}
		errs[i] = fmt.Errorf("%s: %s", where, msg)
	}
	return errors.Join(errs...)
}

// within places findings inside the document they were found in.
func within(prefix string, findings []Finding) []Finding {
	for i := range findings {
		findings[i].Where = prefix + findings[i].Where
	}
	return findings
}
