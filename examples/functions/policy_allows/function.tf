# Seed 001, example 4: the developer may update prod.yaml in the production
# namespace, and no other DataId. policy_allows evaluates one identity
# policy offline, with no condition keys (use the mseram_access_check data
# source for acs:SourceIp and the like).
locals {
  namespace_arn = provider::mseram::mse_resource_arn("mse-cn-0pp1j8om80a", "3fd98c48-a709-4061-bba1-e341d79d681b", null, null)

  developer_policy = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["mse:List*", "mse:Query*", "mse:Get*"]
        Resource = ["acs:mse:*:*:instance/mse-cn-0pp1j8om80a"]
      },
      {
        Effect   = "Allow"
        Action   = ["mse:CreateNacosConfig", "mse:UpdateNacosConfig"]
        Resource = ["${local.namespace_arn}/DEFAULT_GROUP/prod.yaml"]
      },
    ]
  })
}

resource "mseram_policy" "developer" {
  name            = "mse-developer-prod-yaml"
  description     = "Read the MSE instance, update prod.yaml"
  policy_document = local.developer_policy

  lifecycle {
    precondition {
      condition = provider::mseram::policy_allows(
        local.developer_policy, "mse:UpdateNacosConfig", "${local.namespace_arn}/DEFAULT_GROUP/prod.yaml",
      )
      error_message = "The developer policy must allow updating prod.yaml."
    }
    precondition {
      condition = !provider::mseram::policy_allows(
        local.developer_policy, "mse:UpdateNacosConfig", "${local.namespace_arn}/DEFAULT_GROUP/dev.yaml",
      )
      error_message = "The developer policy must not allow updating any DataId but prod.yaml."
    }
  }
}
