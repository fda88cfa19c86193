# The demo: seed 001's team on MSE, declared as RAM users, a group and
# policies. `make demo` applies this against the local ramsim emulator;
# credentials and endpoints come from the environment.
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
  instance_id  = "mse-cn-0pp1j8om80a"
  namespace_id = "3fd98c48-a709-4061-bba1-e341d79d681b"
}

# The O&M engineer manages instances, namespaces and permissions.
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

resource "mseram_user_policy_attachment" "ops_full" {
  user_name   = mseram_user.ops.name
  policy_name = "AliyunMSEFullAccess"
  policy_type = "System"
}

# Developers manage configurations and services; they share a group.
resource "mseram_user" "developer" {
  for_each = local.developers

  name          = each.key
  display_name  = each.value
  comments      = "Manages Nacos configurations and services"
  force_destroy = true
  tags = {
    team = "mse-dev"
    role = "developer"
  }
}

resource "mseram_group" "developers" {
  name     = "mse-developers"
  comments = "MSE developers"
}

resource "mseram_group_membership" "developer" {
  for_each = mseram_user.developer

  group_name = mseram_group.developers.name
  user_name  = each.value.name
}

resource "mseram_group_policy_attachment" "developers_read" {
  group_name  = mseram_group.developers.name
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}

# Seed 001, example 4: read and write one configuration, nothing more.
resource "mseram_policy" "prod_yaml" {
  name        = "mse-prod-yaml-rw"
  description = "Read and write prod.yaml in the production namespace"
  policy_document = jsonencode({
    Version = "1"
    Statement = [{
      Effect   = "Allow"
      Action   = ["mse:GetNacosConfig", "mse:UpdateNacosConfig", "mse:ListNacosConfigs"]
      Resource = ["acs:mse:*:*:instance/${local.instance_id}/${local.namespace_id}/DEFAULT_GROUP/prod.yaml"]
    }]
  })
}

resource "mseram_group_policy_attachment" "developers_prod_yaml" {
  group_name  = mseram_group.developers.name
  policy_name = mseram_policy.prod_yaml.name
  policy_type = "Custom"
}

data "mseram_caller_identity" "current" {}

data "mseram_policy" "mse_full" {
  name = "AliyunMSEFullAccess"
}

output "account_id" {
  value = data.mseram_caller_identity.current.account_id
}

output "ops_user_arn" {
  value = "acs:ram::${data.mseram_caller_identity.current.account_id}:user/${mseram_user.ops.name}"
}

output "developer_ids" {
  value = { for name, u in mseram_user.developer : name => u.user_id }
}

output "prod_yaml_policy_version" {
  value = mseram_policy.prod_yaml.default_version
}

output "mse_full_access_actions" {
  value = flatten([for s in jsondecode(data.mseram_policy.mse_full.policy_document).Statement : s.Action])
}
