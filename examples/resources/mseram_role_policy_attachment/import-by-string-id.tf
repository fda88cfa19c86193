import {
  to = mseram_role_policy_attachment.mse
  id = "role:AliyunMSEFullAccess:System:KubernetesWorkerRole-abc123"
}
