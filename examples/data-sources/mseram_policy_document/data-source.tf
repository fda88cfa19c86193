# Seed 001, example 4: a developer may read the MSE instance in the console
# and read and write one Nacos configuration, prod.yaml, and nothing else.
data "mseram_policy_document" "developer" {
  nacos_config {
    instance_id  = "mse-cn-0pp1j8om80a"
    namespace_id = "3fd98c48-a709-4061-bba1-e341d79d681b"
    group        = "DEFAULT_GROUP"
    data_id      = "prod.yaml"
    access       = "read_write"
  }
}

# The gateway team: read-write on one cloud-native gateway (with the log and
# alert permissions its console needs), read-only on a Nacos service, and
# the right to create MSE's service-linked role; no access from outside the
# office network.
data "mseram_policy_document" "gateway_team" {
  gateway {
    gateway_id = "gw-8090caa2a3ab447a8bc5fdf3a3ab447a"
    region     = "cn-hangzhou"
    access     = "read_write"
  }

  nacos_service {
    instance_id  = "mse-cn-0pp1j8om80a"
    namespace_id = "public"
    group        = "DEFAULT_GROUP"
    service      = "orders"
    access       = "read_only"
  }

  service_linked_role_creation {
    service_names = ["mse.aliyuncs.com"]
  }

  statement {
    sid       = "OfficeNetworkOnly"
    effect    = "Deny"
    actions   = ["mse:*"]
    resources = ["*"]
    condition {
      operator = "NotIpAddress"
      key      = "acs:SourceIp"
      values   = ["10.0.0.0/8"]
    }
  }
}

resource "mseram_policy" "developer" {
  name            = "mse-developer-prod-yaml"
  description     = "Read the MSE instance, read and write prod.yaml"
  policy_document = data.mseram_policy_document.developer.minified_json
}

# Lint findings do not fail the plan; a check block makes them visible.
check "gateway_team_policy_is_clean" {
  assert {
    condition     = length(data.mseram_policy_document.gateway_team.warnings) == 0
    error_message = join("\n", data.mseram_policy_document.gateway_team.warnings)
  }
}

output "developer_policy" {
  value = data.mseram_policy_document.developer.json
}

# Every grant, with its exact resources, in the plan: an omitted namespace_id
# (every namespace) is visible here and as a wide_write lint warning.
output "gateway_team_grants" {
  value = data.mseram_policy_document.gateway_team.grants
}

# A role's trust policy from typed blocks: the custom worker role of an ACK
# node pool that runs MSE Ingress Controller (ACK requires it to trust ECS),
# also assumable by the platform account's administrators with MFA.
data "mseram_policy_document" "ingress_worker_trust" {
  ack_worker_role {}

  trusted_account {
    account_id  = "1234567890123456"
    require_mfa = true
  }
}

# A raw trust statement, as aws_iam_policy_document writes one: one RAM role
# of another account may assume the role.
data "mseram_policy_document" "cross_account_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "RAM"
      identifiers = ["acs:ram::9876543210987654:role/deployer"]
    }
  }
}

resource "mseram_role" "ingress_worker" {
  name                        = "mse-ingress-worker"
  assume_role_policy_document = data.mseram_policy_document.ingress_worker_trust.json
}
