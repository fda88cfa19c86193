# Import by <kind>:<policy_name>:<policy_type>:<principal>, the alicloud provider's format.
terraform import mseram_user_policy_attachment.mse user:AliyunMSEFullAccess:System:mse-ops
