import {
  to = mseram_group_policy_attachment.mse
  id = "group:AliyunMSEReadOnlyAccess:System:mse-developers"
}
