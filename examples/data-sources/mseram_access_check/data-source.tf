# Seed 001, example 4: the developer may read everything in instance
# mse-cn-0pp1j8om80a and update only prod.yaml in the production namespace.
# Check that offline, before attaching the policy: no credentials needed.
locals {
  instance_arn = "acs:mse:*:*:instance/mse-cn-0pp1j8om80a"
  group_arn    = "${local.instance_arn}/3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP"

  developer_policy = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["mse:ListClusters"]
        Resource = ["acs:mse:*:*:*"]
      },
      {
        Effect   = "Allow"
        Action   = ["mse:List*", "mse:Query*", "mse:Get*"]
        Resource = [local.instance_arn]
      },
      {
        Sid      = "UpdateProdYaml"
        Effect   = "Allow"
        Action   = ["mse:CreateNacosConfig", "mse:UpdateNacosConfig"]
        Resource = ["${local.group_arn}/prod.yaml"]
      },
    ]
  })

  # Company-wide guard rail, attached to every developer through a group:
  # no console or API access from outside the office network.
  office_network_only = jsonencode({
    Version = "1"
    Statement = [{
      Sid       = "OfficeNetworkOnly"
      Effect    = "Deny"
      Action    = ["mse:*"]
      Resource  = ["*"]
      Condition = { NotIpAddress = { "acs:SourceIp" = ["10.0.0.0/8"] } }
    }]
  })
}

data "mseram_access_check" "developer" {
  policy_documents = [local.developer_policy, local.office_network_only]

  # Allowed: statement UpdateProdYaml grants it.
  request {
    action   = "mse:UpdateNacosConfig"
    resource = "${local.group_arn}/prod.yaml"
    context  = { "acs:SourceIp" = "10.12.0.7" }
  }

  # Implicitly denied: no statement grants updates to another DataId.
  request {
    action   = "mse:UpdateNacosConfig"
    resource = "${local.group_arn}/dev.yaml"
    context  = { "acs:SourceIp" = "10.12.0.7" }
  }

  # Allowed through the MSE hierarchy: mse:Get* on the instance covers
  # every configuration in it (results[2].via_hierarchy is true).
  request {
    action   = "mse:GetNacosConfig"
    resource = "${local.group_arn}/dev.yaml"
    context  = { "acs:SourceIp" = "10.12.0.7" }
  }

  # Explicitly denied from outside the office network, whatever is allowed.
  request {
    action   = "mse:UpdateNacosConfig"
    resource = "${local.group_arn}/prod.yaml"
    context  = { "acs:SourceIp" = "203.0.113.50" }
  }

  # The same question as the first, with typed fields instead of an ARN.
  request {
    action       = "mse:UpdateNacosConfig"
    instance_id  = "mse-cn-0pp1j8om80a"
    namespace_id = "3fd98c48-a709-4061-bba1-e341d79d681b"
    group        = "DEFAULT_GROUP"
    data_id      = "prod.yaml"
    context      = { "acs:SourceIp" = "10.12.0.7" }
  }

  lifecycle {
    postcondition {
      condition = (
        self.results[0].allowed &&
        self.results[1].decision == "ImplicitDeny" &&
        self.results[2].allowed && self.results[2].via_hierarchy &&
        self.results[3].decision == "ExplicitDeny" &&
        self.results[4].allowed && self.results[4].resource == self.results[0].resource
      )
      error_message = "The developer policy does not grant what seed 001 intends: ${jsonencode(self.results)}"
    }
  }
}

output "developer_access" {
  value = [
    for r in data.mseram_access_check.developer.results :
    "${r.decision}: ${r.action} on ${r.resource}${r.matched_statement != "" ? " (${r.matched_statement})" : ""}"
  ]
}

# A gateway operator's policy limited to one region, as mseram_policy_document
# renders gateway { region = "cn-hangzhou" }. A real call names its region and
# account, so ask with them: leaving the region out asks about region "*",
# which the statement does not cover, and the result's notes say so.
locals {
  gateway_id = "gw-8090caa2a3ab447a8bc5fdf3a3ab447a"
  account_id = "1234567890123456" # data.mseram_caller_identity.current.account_id in a real configuration

  gateway_operator = jsonencode({
    Version = "1"
    Statement = [{
      Sid      = "GatewayRead"
      Effect   = "Allow"
      Action   = ["mse:Get*", "mse:List*", "mse:Query*"]
      Resource = ["acs:mse:cn-hangzhou:*:instance/${local.gateway_id}"]
    }]
  })

  # Seed 000's FAQ: let a RAM user create MSE's service-linked role.
  create_mse_role = jsonencode({
    Version = "1"
    Statement = [{
      Effect    = "Allow"
      Action    = ["ram:CreateServiceLinkedRole"]
      Resource  = ["acs:ram:*:${local.account_id}:role/*"]
      Condition = { StringEquals = { "ram:ServiceName" = ["mse.aliyuncs.com"] } }
    }]
  })
}

data "mseram_access_check" "gateway_operator" {
  policy_documents = [local.gateway_operator]

  # Allowed: the call RAM sees names the gateway's region.
  request {
    action     = "mse:GetGatewayDetail"
    gateway_id = local.gateway_id
    region     = "cn-hangzhou"
    account_id = local.account_id
  }

  # ImplicitDeny with a note: region "*" is not what a real call names.
  request {
    action     = "mse:GetGatewayDetail"
    gateway_id = local.gateway_id
  }

  lifecycle {
    postcondition {
      condition     = self.results[0].allowed && length(self.results[0].notes) == 0 && length(self.results[1].notes) == 1
      error_message = "Unexpected answer for the gateway operator: ${jsonencode(self.results)}"
    }
  }
}

# RAM checks ram:CreateServiceLinkedRole against the role being created,
# with ram:ServiceName filled in from the call (see the table above).
data "mseram_access_check" "create_mse_role" {
  policy_documents = [local.create_mse_role]

  request {
    action   = "ram:CreateServiceLinkedRole"
    resource = "acs:ram::${local.account_id}:role/aliyunserviceroleformse"
    context  = { "ram:ServiceName" = "mse.aliyuncs.com" }
  }

  # Asking about "*" is not RAM's question: ImplicitDeny, and a note names
  # the ARN to ask about instead.
  request {
    action   = "ram:CreateServiceLinkedRole"
    resource = "*"
    context  = { "ram:ServiceName" = "mse.aliyuncs.com" }
  }

  lifecycle {
    postcondition {
      condition     = self.results[0].allowed && !self.results[1].allowed && length(self.results[1].notes) > 0
      error_message = "Unexpected answer for creating MSE's service-linked role: ${jsonencode(self.results)}"
    }
  }
}

output "gateway_notes" {
  value = data.mseram_access_check.gateway_operator.results[1].notes
}
