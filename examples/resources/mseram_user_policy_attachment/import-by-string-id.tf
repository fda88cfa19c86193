import {
  to = mseram_user_policy_attachment.mse
  id = "user:AliyunMSEFullAccess:System:mse-ops"
}
