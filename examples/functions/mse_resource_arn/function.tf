# ARNs of MSE resources at each level of seed 001's hierarchy. Empty trailing
# arguments are left out; a policy on a higher level covers everything below.
locals {
  instance_id  = "mse-cn-0pp1j8om80a"
  namespace_id = "3fd98c48-a709-4061-bba1-e341d79d681b"
}

output "mse_arns" {
  value = {
    # acs:mse:*:*:instance/mse-cn-0pp1j8om80a
    instance = provider::mseram::mse_resource_arn(local.instance_id, "", "", "")
    # acs:mse:*:*:instance/mse-cn-0pp1j8om80a/3fd98c48-a709-4061-bba1-e341d79d681b
    namespace = provider::mseram::mse_resource_arn(local.instance_id, local.namespace_id, "", "")
    # .../3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP
    group = provider::mseram::mse_resource_arn(local.instance_id, local.namespace_id, "DEFAULT_GROUP", "")
    # .../DEFAULT_GROUP/prod.yaml (a configuration's DataId)
    config = provider::mseram::mse_resource_arn(local.instance_id, local.namespace_id, "DEFAULT_GROUP", "prod.yaml")
    # .../DEFAULT_GROUP/test-service (a service name)
    service = provider::mseram::mse_resource_arn(local.instance_id, local.namespace_id, "DEFAULT_GROUP", "test-service")
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
