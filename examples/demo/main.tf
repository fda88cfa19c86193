# The demo: the people of seed 001 (an O&M engineer and two developers who
# work on MSE), declared as RAM users. `make demo` applies this against the
# local ramsim emulator; credentials and endpoints come from the environment.
terraform {
  required_providers {
    mseram = {
      source = "mseram/mseram"
    }
  }
}

provider "mseram" {}

locals {
  developers = {
    "dev-zhang" = "Zhang Wei"
    "dev-li"    = "Li Na"
  }
}

resource "mseram_user" "ops" {
  name         = "mse-ops"
  display_name = "MSE O&M"
  email        = "mse-ops@example.com"
  comments     = "Manages MSE instances, namespaces and permissions"
  tags = {
    team = "platform"
    role = "ops"
  }
}

resource "mseram_user" "developer" {
  for_each = local.developers

  name         = each.key
  display_name = each.value
  comments     = "Manages Nacos configurations and services"
  tags = {
    team = "mse-dev"
    role = "developer"
  }
}

data "mseram_caller_identity" "current" {}

data "mseram_user" "ops" {
  name = mseram_user.ops.name
}

output "account_id" {
  value = data.mseram_caller_identity.current.account_id
}

output "ops_user" {
  value = {
    id           = data.mseram_user.ops.id
    display_name = data.mseram_user.ops.display_name
    tags         = data.mseram_user.ops.tags
  }
}

output "developer_ids" {
  value = { for name, u in mseram_user.developer : name => u.user_id }
}
