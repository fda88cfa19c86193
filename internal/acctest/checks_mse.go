// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// NacosConfigContent checks, in the emulated MSE, that a configuration
// holds want: the proof that an allowed write really happened.
func (e *Env) NacosConfigContent(instanceID, namespaceID, group, dataID, want string) func(*terraform.State) error {
	return func(*terraform.State) error {
		got, ok := e.emulator().NacosConfigContent(instanceID, namespaceID, group, dataID)
		switch {
		case !ok:
			return fmt.Errorf("the Nacos configuration %s/%s/%s/%s does not exist in the emulator", instanceID, namespaceID, group, dataID)
		case got != want:
			return fmt.Errorf("the Nacos configuration %s holds %q in the emulator, want %q", dataID, got, want)
		}
		return nil
	}
}

// GatewayRoutesExactly checks a gateway's route names in the emulated MSE,
// in the order they were added.
func (e *Env) GatewayRoutesExactly(gatewayID string, want ...string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if got := e.emulator().GatewayRouteNames(gatewayID); !slices.Equal(got, want) {
			return fmt.Errorf("gateway %s has routes %q in the emulator, want %q", gatewayID, got, want)
		}
		return nil
	}
}
