# Import by <kind>:<policy_name>:<policy_type>:<principal>, the alicloud provider's format.
terraform import mseram_group_policy_attachment.mse group:AliyunMSEReadOnlyAccess:System:mse-developers
