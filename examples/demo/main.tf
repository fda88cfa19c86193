# The demo: seed 001's team on MSE, declared as RAM users, a group,
# policies and AccessKeys; a who-may-do-what table computed offline with
# mseram_access_check; and a gateway operator from seed 003. `make demo`
# applies this against the local ramsim emulator (credentials and endpoints
# come from the environment), prints the table, then proves it with real
# calls made with the keys created here (scripts/demo.sh).
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
  gateway_id   = "gw-8090caa2a3ab447a8bc5fdf3a3ab447a"
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

# Seed 003: an operator for the production gateway.
data "mseram_policy_document" "gateway_operator" {
  gateway {
    gateway_id = local.gateway_id
    access     = "read_write"
  }
}

resource "mseram_policy" "gateway_operator" {
  name            = "gateway-operator"
  description     = "Read and write the production gateway"
  policy_document = data.mseram_policy_document.gateway_operator.minified_json
}

resource "mseram_user" "gateway_operator" {
  name     = "gw-operator"
  comments = "Changes routes of the production gateway"
}

resource "mseram_user_policy_attachment" "gateway_operator" {
  user_name   = mseram_user.gateway_operator.name
  policy_name = mseram_policy.gateway_operator.name
  policy_type = "Custom"
}

# API keys for the calls scripts/demo.sh makes. Outside a demo, prefer
# pgp_key or the ephemeral mseram_access_key, which keep secrets out of
# the state.
resource "mseram_access_key" "ops" {
  user_name = mseram_user.ops.name
}

resource "mseram_access_key" "developer" {
  user_name = mseram_user.developer["dev-zhang"].name
}

resource "mseram_access_key" "gateway_operator" {
  user_name = mseram_user.gateway_operator.name
}

data "mseram_policy" "mse_read_only" {
  name = "AliyunMSEReadOnlyAccess"
}

# Who may do what, decided offline from the policies each user holds
# (directly and through the developers group), before any call is made.
locals {
  prod_yaml = provider::mseram::mse_resource_arn(local.instance_id, local.namespace_id, "DEFAULT_GROUP", "prod.yaml")
  dev_yaml  = provider::mseram::mse_resource_arn(local.instance_id, local.namespace_id, "DEFAULT_GROUP", "dev.yaml")
  gateway   = "acs:mse:cn-hangzhou:${data.mseram_caller_identity.current.account_id}:instance/${local.gateway_id}"
  instance  = provider::mseram::mse_resource_arn(local.instance_id, null, null, null)

  principals = {
    "mse-ops"     = [data.mseram_policy.mse_full.policy_document]
    "dev-zhang"   = [data.mseram_policy.mse_read_only.policy_document, data.mseram_policy_document.prod_yaml.json]
    "gw-operator" = [data.mseram_policy_document.gateway_operator.json]
  }
  questions = [
    { action = "mse:GetNacosConfig", resource = local.prod_yaml },
    { action = "mse:UpdateNacosConfig", resource = local.prod_yaml },
    { action = "mse:UpdateNacosConfig", resource = local.dev_yaml },
    { action = "mse:AddGatewayRoute", resource = local.gateway },
    { action = "mse:DeleteCluster", resource = local.instance },
  ]
}

data "mseram_access_check" "who_may_do_what" {
  for_each = local.principals

  policy_documents = each.value
  dynamic "request" {
    for_each = local.questions
    content {
      action   = request.value.action
      resource = request.value.resource
    }
  }
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

output "who_may_do_what" {
  description = "Computed offline by mseram_access_check; scripts/demo.sh proves some rows with real calls."
  value = join("\n", concat(
    [format("%-12s %-24s %-6s %s", "who", "action", "result", "resource")],
    flatten([
      for who, check in data.mseram_access_check.who_may_do_what : [
        for r in check.results : format("%-12s %-24s %-6s %s", who, r.action, r.allowed ? "allow" : "deny", r.resource)
      ]
    ]),
  ))
}

output "access_keys" {
  description = "The demo's AccessKey ids."
  value = {
    "mse-ops"     = mseram_access_key.ops.id
    "dev-zhang"   = mseram_access_key.developer.id
    "gw-operator" = mseram_access_key.gateway_operator.id
  }
}

# One line per user, "<user> <key id> <secret>", read by scripts/demo.sh.
output "credentials" {
  sensitive = true
  value = join("\n", [
    "mse-ops ${mseram_access_key.ops.id} ${mseram_access_key.ops.secret}",
    "dev-zhang ${mseram_access_key.developer.id} ${mseram_access_key.developer.secret}",
    "gw-operator ${mseram_access_key.gateway_operator.id} ${mseram_access_key.gateway_operator.secret}",
  ])
}

output "mse_full_access_actions" {
  value = flatten([for s in jsondecode(data.mseram_policy.mse_full.policy_document).Statement : s.Action])
}
