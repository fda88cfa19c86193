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
# Rendered from typed inputs: no ARN or action list written by hand.
data "mseram_policy_document" "prod_yaml" {
  nacos_config {
    instance_id  = local.instance_id
    namespace_id = local.namespace_id
    group        = "DEFAULT_GROUP"
    data_id      = "prod.yaml"
    access       = "read_write"
  }
}

# Prove, before anything is applied, that the policy does what it says.
data "mseram_access_check" "prod_yaml" {
  policy_documents = [data.mseram_policy_document.prod_yaml.json]

  request {
    action   = "mse:UpdateNacosConfig"
    resource = provider::mseram::mse_resource_arn(local.instance_id, local.namespace_id, "DEFAULT_GROUP", "prod.yaml")
  }
  request {
    action   = "mse:UpdateNacosConfig"
    resource = provider::mseram::mse_resource_arn(local.instance_id, local.namespace_id, "DEFAULT_GROUP", "dev.yaml")
  }

  lifecycle {
    postcondition {
      condition     = self.results[0].allowed && !self.results[1].allowed
      error_message = "The prod.yaml policy must allow updating prod.yaml and nothing else: ${jsonencode(self.results)}"
    }
  }
}

resource "mseram_policy" "prod_yaml" {
  name            = "mse-prod-yaml-rw"
  description     = "Read and write prod.yaml in the production namespace"
  policy_document = data.mseram_policy_document.prod_yaml.minified_json
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

output "prod_yaml_access" {
  value = [for r in data.mseram_access_check.prod_yaml.results : "${r.decision}: ${r.action} on ${r.resource}"]
}

output "mse_full_access_actions" {
  value = flatten([for s in jsondecode(data.mseram_policy.mse_full.policy_document).Statement : s.Action])
}
