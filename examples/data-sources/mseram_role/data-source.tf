# The worker role that ACK created for a cluster's nodes: let the pods on
# those nodes read MSE resources.
data "mseram_role" "ack_worker" {
  name = "KubernetesWorkerRole-0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6"
}

resource "mseram_role_policy_attachment" "ack_worker_mse" {
  role_name   = data.mseram_role.ack_worker.name
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}

output "ack_worker_role_arn" {
  value = data.mseram_role.ack_worker.arn
}
