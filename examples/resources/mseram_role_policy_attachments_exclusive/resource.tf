# The ACK cluster's worker role may hold only what MSE Ingress needs: any
# other policy attached to it is detached on the next apply.
resource "mseram_role_policy_attachments_exclusive" "ack_worker" {
  role_name = "KubernetesWorkerRole-abc123"
  policies = [
    { policy_name = "AliyunMSEFullAccess", policy_type = "System" },
  ]
}
