// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"os"
	"testing"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"
)

// securityFloor is the lowest version of each security-relevant module the
// provider may build with: the releases current at the last security
// review (CHANGELOG, "Dependencies"). A downgrade, or a go.mod that stops
// requiring one of them, fails here; raise a floor when upgrading.
var securityFloor = map[string]string{
	"golang.org/x/crypto":             "v0.59.0",
	"golang.org/x/net":                "v0.62.0",
	"google.golang.org/grpc":          "v1.85.0",
	"github.com/ProtonMail/go-crypto": "v1.5.2",
	"github.com/cloudflare/circl":     "v1.6.5",
	"github.com/hashicorp/go-plugin":  "v1.8.0",
}

func TestSecurityRelevantModulesAtFloor(t *testing.T) {
	for _, path := range []string{"go.mod", "tools/go.mod"} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := modfile.Parse(path, b, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, r := range f.Require {
			got[r.Mod.Path] = r.Mod.Version
		}
		for mod, floor := range securityFloor {
			v, ok := got[mod]
			switch {
			case !ok && path == "go.mod":
				t.Errorf("%s: %s is not required; the floor %s cannot be checked", path, mod, floor)
			case ok && semver.Compare(v, floor) < 0:
				t.Errorf("%s: %s %s is below the security floor %s", path, mod, v, floor)
			}
		}
	}
}
