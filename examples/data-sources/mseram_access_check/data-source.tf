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

  lifecycle {
    postcondition {
      condition = (
        self.results[0].allowed &&
        self.results[1].decision == "ImplicitDeny" &&
        self.results[2].allowed && self.results[2].via_hierarchy &&
        self.results[3].decision == "ExplicitDeny"
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
