# Which MSE roles exist in the account already?
data "mseram_service_linked_roles" "mse" {
  service_names = ["mse.aliyuncs.com", "engine-service.mse.aliyuncs.com"]
}

output "missing_mse_roles" {
  value = [for r in data.mseram_service_linked_roles.mse.roles : r.role_name if !r.exists]
}

# The whole catalog the provider knows.
data "mseram_service_linked_roles" "all" {}
