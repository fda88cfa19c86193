// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// An ACK cluster's worker role, created by ACK (here: out of band), looked
// up by name so MSE policies can be attached to it (seed 004).
func TestAccRoleDataSource_byName(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	name := env.Name("KubernetesWorkerRole-0d1e2f3a-4b5c-6d7e")
	const (
		trust = `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}`
	)
	role, err := env.Client().CreateRole(ctx, alicloud.CreateRoleInput{
		RoleName: name, AssumeRolePolicyDocument: trust, Description: "ACK worker nodes",
		MaxSessionDuration: 7200, Tags: map[string]string{"ack.aliyun.com": "c0123456789"},
	})
	if err != nil {
		t.Fatal(err)
	}
	const addr = "data.mseram_role.worker"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(`data "mseram_role" "worker" { name = "` + name + `" }`),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(addr, "id", name),
					resource.TestCheckResourceAttr(addr, "role_id", role.RoleID),
					resource.TestCheckResourceAttr(addr, "arn", "acs:ram::"+env.AccountID()+":role/"+name),
					resource.TestCheckResourceAttr(addr, "description", "ACK worker nodes"),
					resource.TestCheckResourceAttr(addr, "assume_role_policy_document", trust),
					resource.TestCheckResourceAttr(addr, "max_session_duration", "7200"),
					resource.TestCheckResourceAttr(addr, "create_date", role.CreateDate),
					resource.TestCheckResourceAttr(addr, "tags.%", "1"),
					resource.TestCheckResourceAttr(addr, "tags.ack.aliyun.com", "c0123456789"),
				),
			},
			{
				Config:      env.Config(`data "mseram_role" "nobody" { name = "` + env.Name("KubernetesWorkerRole-missing") + `" }`),
				ExpectError: regexp.MustCompile(`(?s)EntityNotExist\.Role.*case-sensitive`),
			},
		},
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:      env.Config(`data "mseram_role" "bad" { name = "no_underscores" }`),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`may contain only letters, digits, periods`),
		}},
	})
}

// Description empty and no tags: empty string and empty map, not null.
func TestAccRoleDataSource_minimal(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	trust := `{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::` + env.AccountID() + `:root"]}}]}`
	if _, err := env.Client().CreateRole(context.Background(), alicloud.CreateRoleInput{RoleName: env.Name("plain"), AssumeRolePolicyDocument: trust}); err != nil {
		t.Fatal(err)
	}
	const addr = "data.mseram_role.plain"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: env.Config(`data "mseram_role" "plain" { name = "` + env.Name("plain") + `" }`),
			Check: resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "description", ""),
				resource.TestCheckResourceAttr(addr, "max_session_duration", "3600"),
				resource.TestCheckResourceAttr(addr, "tags.%", "0"),
			),
		}},
	})
}
