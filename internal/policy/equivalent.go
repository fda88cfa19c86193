// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import "fmt"

// Equivalent reports whether two policy documents mean the same thing, the
// semantic equality the policy_document type needs so that a reformatted
// document read back from RAM never shows as a diff. Each document may be an
// identity or a trust policy (see ParseAny). Two documents are equivalent
// exactly when their canonical forms (see Canonical) are equal, so
// whitespace, key order, statement order, the order of and duplicates in
// lists, a string versus a one-element list, a condition value written as a
// JSON number or boolean versus the string it spells (3600 and "3600"), the
// case of element names and of the documented global condition keys never
// matter; the case of Effect (which must be "Allow" or "Deny"), actions,
// resources, Sids and condition values does.
func Equivalent(a, b string) (bool, error) {
	da, _, err := ParseAny(a)
	if err != nil {
		return false, fmt.Errorf("first document: %w", err)
	}
	db, _, err := ParseAny(b)
	if err != nil {
		return false, fmt.Errorf("second document: %w", err)
	}
	return da.CanonicalJSON() == db.CanonicalJSON(), nil
}
