# Import a membership as <group_name>:<user_name>.
terraform import mseram_group_membership.developer mse-developers:dev-zhang
