# Import by the group's name.
terraform import mseram_group_policy_attachments_exclusive.developers mse-developers
