# What may the developer do, with every policy RAM applies to them: their
# own and those of each of their groups? Check it before a release, and
# see which policy, version and statement decided each answer.
data "mseram_principal_access" "developer" {
  user_name = "mse-developer"

  # Allowed: reading the production configuration.
  request {
    action       = "mse:GetNacosConfig"
    instance_id  = "mse-cn-0pp1j8om80a"
    namespace_id = "3fd98c48-a709-4061-bba1-e341d79d681b"
    group        = "DEFAULT_GROUP"
    data_id      = "prod.yaml"
    region       = "cn-hangzhou"
    account_id   = "1234567890123456"
  }

  # Refused: changing it.
  request {
    action       = "mse:UpdateNacosConfig"
    instance_id  = "mse-cn-0pp1j8om80a"
    namespace_id = "3fd98c48-a709-4061-bba1-e341d79d681b"
    group        = "DEFAULT_GROUP"
    data_id      = "prod.yaml"
    region       = "cn-hangzhou"
    account_id   = "1234567890123456"
  }
}

output "developer_answers" {
  value = [for r in data.mseram_principal_access.developer.results :
  "${r.action}: ${r.decision} (${coalesce(r.decided_by_policy, "no policy allows it")})"]
}

# An ACK worker role, as the ingress controller's credentials carry it when
# it assumes the role with a session policy that keeps it to gateways.
data "mseram_principal_access" "ingress_controller" {
  role_name = "KubernetesWorkerRole-0d1e2f3a-4b5c-6d7e"
  session_policy = jsonencode({
    Version = "1"
    Statement = [{
      Effect   = "Allow"
      Action   = ["mse:*Gateway*"]
      Resource = ["acs:mse:*:*:instance/gw-*"]
    }]
  })

  request {
    action     = "mse:AddGatewayRoute"
    gateway_id = "gw-8090caa2a3ab447a8bc5fdf3a3ab447a"
    region     = "cn-hangzhou"
    account_id = "1234567890123456"
  }

  lifecycle {
    postcondition {
      condition     = self.all_allowed
      error_message = "The ingress controller can no longer add gateway routes."
    }
  }
}
