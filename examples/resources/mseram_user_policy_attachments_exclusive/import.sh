# Import by the user's name; the next plan shows every attached policy the
# configuration does not list, to be detached.
terraform import mseram_user_policy_attachments_exclusive.ops mse-ops
