# The worker roles ACK created for the account's clusters, one per cluster:
# let the pods on every cluster's nodes read MSE.
data "mseram_roles" "ack_workers" {
  name_regex = "^KubernetesWorkerRole-"
}

resource "mseram_role_policy_attachment" "ack_workers_mse_read" {
  for_each    = toset(data.mseram_roles.ack_workers.names)
  role_name   = each.value
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}

# The ARNs of the roles tagged for the MSE team.
data "mseram_roles" "mse_team" {
  tags = { team = "mse" }
}

output "mse_team_role_arns" {
  value = data.mseram_roles.mse_team.roles[*].arn
}
