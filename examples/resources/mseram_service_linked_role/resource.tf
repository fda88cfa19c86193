# The role MSE assumes to manage ECS, VPC, SLB, ARMS, ACK, EDAS and ASM
# resources for your instances and gateways. If MSE already created it,
# the create fails with the import command that adopts it instead.
resource "mseram_service_linked_role" "mse" {
  service_name = "mse.aliyuncs.com"

  timeouts = {
    delete = "15m"
  }
}

# The role of the MSE Nacos engine, for integrations such as Security Guardrail.
resource "mseram_service_linked_role" "mse_engine" {
  service_name = "engine-service.mse.aliyuncs.com"
}

# A service the provider's catalog does not list yet: ResourceManager decides
# whether it exists and whether it accepts a custom suffix and description.
resource "mseram_service_linked_role" "other" {
  service_name          = "example.aliyuncs.com"
  allow_unknown_service = true
  custom_suffix         = "prod"
  description           = "Role of the example service for the prod account"
}
