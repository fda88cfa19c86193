# The groups a user belongs to.
data "mseram_groups" "of_ops" {
  user_name = "mse-ops"
}

# The groups MSE's read-only policy is attached to.
data "mseram_groups" "mse_readers" {
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}

output "ops_groups" {
  value = data.mseram_groups.of_ops.names
}

output "mse_reader_group_ids" {
  value = data.mseram_groups.mse_readers.ids
}
