# Import by the role's name.
terraform import mseram_role_policy_attachments_exclusive.ack_worker KubernetesWorkerRole-abc123
