// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import (
	"errors"
	"fmt"
	"strings"
)

// ValidationError is one problem with a policy document. Parse and Validate
// return every problem they find, joined with errors.Join, so callers can
// show them all at once; use errors.As or Problems to get at each one.
type ValidationError struct {
	Statement int    // 0-based statement index, -1 for the document itself
	Sid       string // the statement's Sid, if it has one
	Element   string // "Action", "Condition", ...; empty when the whole statement or document is meant
	Msg       string
}

// Error reads like `statement 2 ("AllowConfig"): Condition: unknown operator "StringStartsWith"`.
func (e *ValidationError) Error() string {
	var b strings.Builder
	if e.Statement >= 0 {
		fmt.Fprintf(&b, "statement %d", e.Statement)
		if e.Sid != "" {
			fmt.Fprintf(&b, " (%q)", e.Sid)
		}
		b.WriteString(": ")
	}
	if e.Element != "" {
		b.WriteString(e.Element)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Problems flattens an error returned by this package into its
// ValidationErrors (nil for nil).
func Problems(err error) []*ValidationError {
	if err == nil {
		return nil
	}
	if w, ok := err.(interface{ Unwrap() error }); ok {
		return Problems(w.Unwrap())
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []*ValidationError
		for _, e := range j.Unwrap() {
			out = append(out, Problems(e)...)
		}
		return out
	}
	var ve *ValidationError
	if errors.As(err, &ve) {
		return []*ValidationError{ve}
	}
	return nil
}

// problems collects ValidationErrors while a document is checked: list the
// errors, warnings what is accepted but worth a second look (see
// Document.Warnings).
type problems struct {
	list     []*ValidationError
	warnings []*ValidationError
}

func (p *problems) add(stmt int, element, format string, args ...any) {
	p.list = append(p.list, &ValidationError{Statement: stmt, Element: element, Msg: fmt.Sprintf(format, args...)})
}

func (p *problems) warn(stmt int, element, format string, args ...any) {
	p.warnings = append(p.warnings, &ValidationError{Statement: stmt, Element: element, Msg: fmt.Sprintf(format, args...)})
}

// err names each statement-level problem's statement by its Sid (known only
// once the whole statement has been read) and joins the problems.
func (p *problems) err(d *Document) error {
	if len(p.list) == 0 {
		return nil
	}
	errs := make([]error, len(p.list))
	for i, e := range p.list {
		if d != nil && e.Statement >= 0 && e.Statement < len(d.Statements) {
			e.Sid = d.Statements[e.Statement].Sid
		}
		errs[i] = e
	}
	return errors.Join(errs...)
}
