// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// A null where the state file holds an entity is refused at start with
// the file and the entry named, for every kind of entity, instead of
// crashing on it later.
func TestStateNullEntries(t *testing.T) {
	user := `{"id":"1000000000000001","name":"alice"}`
	for _, c := range []struct{ state, entry string }{
		{`"users":[null]`, "users[0]"},
		{`"users":[` + user + `,null]`, "users[1]"},
		{`"groups":[null]`, "groups[0]"},
		{`"roles":[null]`, "roles[0]"},
		{`"policies":[null]`, "policies[0]"},
		{`"deletionTasks":[null]`, "deletionTasks[0]"},
		{`"users":[{"id":"1000000000000001","name":"alice","accessKeys":[{"id":"k","secret":"s","status":"Active"},null]}]`, "users[0].accessKeys[1]"},
		{`"policies":[{"name":"p","defaultVersion":"v1","versions":[null]}]`, "policies[0].versions[0]"},
	} {
		path := filepath.Join(t.TempDir(), "state.json")
		if err := os.WriteFile(path, []byte(`{"format":1,"accountId":"1234567890123456",`+c.state+`}`), 0o600); err != nil {
			t.Fatal(err)
		}
		err := newRecovering(ramsim.Config{StatePath: path})
		if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), c.entry+" is null") {
			t.Errorf("%s: %v, want an error naming %s and %s", c.state, err, path, c.entry)
		}
	}
	// Null where the format allows nothing (no login profile, no list)
	// still loads.
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, []byte(`{"format":1,"users":[{"id":"1000000000000001","name":"alice","loginProfile":null,"accessKeys":null}],"groups":null}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := newRecovering(ramsim.Config{StatePath: path}); err != nil {
		t.Fatal(err)
	}
}

// newRecovering is New reporting a panic as an error, so that every case
// is reported.
func newRecovering(cfg ramsim.Config) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	_, err = ramsim.New(cfg)
	return err
}
