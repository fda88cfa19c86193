// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package msesim_test

import (
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

// testEnv is the shared test environment with this package's own helpers.
type testEnv struct{ *ramsimtest.Env }

func newEnv(t *testing.T, cfg ramsim.Config) *testEnv { return &testEnv{ramsimtest.New(t, cfg)} }
