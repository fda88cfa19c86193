import {
  to = mseram_user_policy_attachments_exclusive.ops
  id = "mse-ops"
}
