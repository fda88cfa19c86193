import {
  to = mseram_group_policy_attachments_exclusive.developers
  id = "mse-developers"
}
