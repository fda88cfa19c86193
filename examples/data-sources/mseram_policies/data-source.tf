# Alibaba Cloud's policies for MSE, found by name as configurations written
# for alicloud_ram_policies do: AliyunMSEFullAccess, AliyunMSEReadOnlyAccess.
data "mseram_policies" "mse_system" {
  name_regex  = "^AliyunMSE"
  policy_type = "System"
}

resource "mseram_group" "mse_viewers" {
  name = "mse-viewers"
}

# Attach every read-only one to a group.
resource "mseram_group_policy_attachment" "mse_read_only" {
  for_each    = toset([for name in data.mseram_policies.mse_system.names : name if endswith(name, "ReadOnlyAccess")])
  group_name  = mseram_group.mse_viewers.name
  policy_name = each.value
  policy_type = "System"
}

# The account's own policies tagged for the MSE team, with their documents
# (one more call per policy).
data "mseram_policies" "mse_team" {
  policy_type       = "Custom"
  tags              = { team = "mse" }
  include_documents = true
}

output "mse_team_policy_documents" {
  value = { for p in data.mseram_policies.mse_team.policies : p.name => p.policy_document }
}
