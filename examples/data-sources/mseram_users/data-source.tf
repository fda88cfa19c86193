# Service accounts of the MSE team: users named svc-* tagged team = mse.
data "mseram_users" "mse_services" {
  name_regex = "^svc-"
  tags       = { team = "mse" }
}

# Let each of them read MSE.
resource "mseram_user_policy_attachment" "mse_services_read" {
  for_each    = toset(data.mseram_users.mse_services.names)
  user_name   = each.value
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}

# Members of the on-call group who also hold MSE full access directly.
data "mseram_users" "on_call_full_access" {
  group_name  = "mse-on-call"
  policy_name = "AliyunMSEFullAccess"
  policy_type = "System"
}

output "on_call_with_full_access" {
  value = data.mseram_users.on_call_full_access.names
}
