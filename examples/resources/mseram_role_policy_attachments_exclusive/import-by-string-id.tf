import {
  to = mseram_role_policy_attachments_exclusive.ack_worker
  id = "KubernetesWorkerRole-abc123"
}
