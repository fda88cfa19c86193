# Read the system policy MSE's O&M engineers get, to review what it grants.
data "mseram_policy" "mse_full" {
  name = "AliyunMSEFullAccess"
  type = "System"
}

output "mse_full_access_document" {
  value = jsondecode(data.mseram_policy.mse_full.policy_document)
}
