# ARNs of MSE resources at each level of seed 001's hierarchy. Pass null to
# leave out a trailing segment (an empty string is an error, so that an
# empty variable can never widen an ARN); a policy on a higher level covers
# everything below.
locals {
  instance_id  = "mse-cn-0pp1j8om80a"
  namespace_id = "3fd98c48-a709-4061-bba1-e341d79d681b"
  gateway_id   = "gw-8090caa2a3ab447a8bc5fdf3a3ab447a"
  account_id   = "1234567890123456"
}

output "mse_arns" {
  value = {
    # acs:mse:*:*:instance/mse-cn-0pp1j8om80a
    instance = provider::mseram::mse_resource_arn(local.instance_id, null, null, null)
    # acs:mse:*:*:instance/mse-cn-0pp1j8om80a/3fd98c48-a709-4061-bba1-e341d79d681b
    namespace = provider::mseram::mse_resource_arn(local.instance_id, local.namespace_id, null, null)
    # .../3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP
    group = provider::mseram::mse_resource_arn(local.instance_id, local.namespace_id, "DEFAULT_GROUP", null)
    # .../DEFAULT_GROUP/prod.yaml (a configuration's DataId)
    config = provider::mseram::mse_resource_arn(local.instance_id, local.namespace_id, "DEFAULT_GROUP", "prod.yaml")
    # .../DEFAULT_GROUP/test-service (a service name)
    service = provider::mseram::mse_resource_arn(local.instance_id, local.namespace_id, "DEFAULT_GROUP", "test-service")

    # The optional last argument names the region and the account, as a
    # real call does: acs:mse:cn-hangzhou:*:instance/gw-8090...
    gateway_in_region = provider::mseram::mse_resource_arn(local.gateway_id, null, null, null, { region = "cn-hangzhou" })
    # acs:mse:cn-hangzhou:1234567890123456:instance/gw-8090...
    gateway_in_account = provider::mseram::mse_resource_arn(local.gateway_id, null, null, null, {
      region     = "cn-hangzhou"
      account_id = local.account_id
    })
  }
}

# Let a developer update only prod.yaml.
resource "mseram_policy" "prod_yaml" {
  name = "mse-update-prod-yaml"
  policy_document = jsonencode({
    Version = "1"
    Statement = [{
      Effect   = "Allow"
      Action   = ["mse:GetNacosConfig", "mse:UpdateNacosConfig"]
      Resource = [provider::mseram::mse_resource_arn(local.instance_id, local.namespace_id, "DEFAULT_GROUP", "prod.yaml")]
    }]
  })
}

# A gateway operator limited to the gateway in cn-hangzhou. Checking the
# policy needs the region too: the ARN with region * is another resource,
# which the statement does not cover.
locals {
  gateway_arn = provider::mseram::mse_resource_arn(local.gateway_id, null, null, null, { region = "cn-hangzhou" })
  gateway_operator = jsonencode({
    Version = "1"
    Statement = [{
      Effect   = "Allow"
      Action   = ["mse:Get*", "mse:List*", "mse:Query*"]
      Resource = [local.gateway_arn]
    }]
  })
}

resource "mseram_policy" "gateway_operator" {
  name            = "mse-gateway-operator-hangzhou"
  policy_document = local.gateway_operator

  lifecycle {
    precondition {
      condition = provider::mseram::policy_allows(local.gateway_operator, "mse:GetGatewayDetail",
      provider::mseram::mse_resource_arn(local.gateway_id, null, null, null, { region = "cn-hangzhou", account_id = local.account_id }))
      error_message = "The gateway operator must be able to read the gateway in cn-hangzhou."
    }
  }
}
