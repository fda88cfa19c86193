// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// The client's bounded retries ride out throttling and 5xx answers: with
// 40% of requests failing, 30 CreateUser/GetUser calls all succeed. The
// seed makes the fault sequence, and so the test, repeatable.
func TestClientSurvivesInjectedFaults(t *testing.T) {
	sim, err := ramsim.New(ramsim.Config{Faults: "throttle=0.3,5xx=0.1", Seed: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sim.Close() })
	u := sim.URL()
	c, err := alicloud.NewClient(context.Background(), alicloud.Config{
		AccessKey: "ramsim", SecretKey: "ramsim-secret", UserAgent: "terraform-provider-mseram/faults-test",
		Endpoints: map[alicloud.Product]string{alicloud.ProductRAM: u, alicloud.ProductIMS: u,
			alicloud.ProductResourceManager: u, alicloud.ProductSTS: u},
		Retry: alicloud.RetryPolicy{MaxAttempts: 12, BaseDelay: time.Millisecond, MaxDelay: 4 * time.Millisecond},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := range 15 {
		name := fmt.Sprintf("faulty-%02d", i)
		_, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: name})
		must(t, "CreateUser "+name, err)
		got, err := c.GetUser(ctx, name)
		must(t, "GetUser "+name, err)
		if got.UserName != name {
			t.Fatalf("GetUser %s: %+v", name, got)
		}
	}
	cs := sim.Counters()
	total := cs.Total
	if total.Faults["throttle"] == 0 || total.Faults["5xx"] == 0 {
		t.Fatalf("no faults injected: %+v", total)
	}
	if ok := cs.Actions["CreateUser"].OK + cs.Actions["GetUser"].OK; ok != 30 {
		t.Fatalf("%d successful answers, want 30: %+v", ok, cs.Actions)
	}
	if total.Received != total.OK+total.Errors {
		t.Fatalf("counters do not add up: %+v", total)
	}
	t.Logf("30 calls took %d requests (%d throttled, %d 5xx)", total.Received, total.Throttled, total.Faults["5xx"])
}
