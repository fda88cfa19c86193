// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import "fmt"

// checkNulls rejects a state file with null where an entity belongs
// ("users": [null], an access key or policy version of null): the store
// holds pointers and would dereference it on the first request, or at
// load. Errors name the entry, e.g. users[0].accessKeys[1].
func (f *stateFile) checkNulls() error {
	if err := nullIn("users", f.Users); err != nil {
		return err
	}
	for i, u := range f.Users {
		if err := nullIn(fmt.Sprintf("users[%d].accessKeys", i), u.AccessKeys); err != nil {
			return err
		}
	}
	if err := nullIn("policies", f.Policies); err != nil {
		return err
	}
	for i, p := range f.Policies {
		if err := nullIn(fmt.Sprintf("policies[%d].versions", i), p.Versions); err != nil {
			return err
		}
	}
	if err := nullIn("groups", f.Groups); err != nil {
		return err
	}
	if err := nullIn("roles", f.Roles); err != nil {
		return err
	}
	return nullIn("deletionTasks", f.DeletionTasks)
}

// nullIn names the first nil entry of list, called name in the file.
func nullIn[T any](name string, list []*T) error {
	for i, e := range list {
		if e == nil {
			return fmt.Errorf("%s[%d] is null", name, i)
		}
	}
	return nil
}
