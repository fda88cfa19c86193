# Seed 004: MSE Ingress Controller runs with the ACK cluster's worker role.
resource "mseram_role_policy_attachment" "mse" {
  role_name   = "KubernetesWorkerRole-abc123"
  policy_name = "AliyunMSEFullAccess"
  policy_type = "System"
}
