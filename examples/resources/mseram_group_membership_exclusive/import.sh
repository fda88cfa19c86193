# Import by the group's name.
terraform import mseram_group_membership_exclusive.developers mse-developers
