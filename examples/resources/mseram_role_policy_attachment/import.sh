# Import by <kind>:<policy_name>:<policy_type>:<principal>, the alicloud provider's format.
terraform import mseram_role_policy_attachment.mse role:AliyunMSEFullAccess:System:KubernetesWorkerRole-abc123
