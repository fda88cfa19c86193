# Import a custom policy by its name.
terraform import mseram_policy.prod_yaml_rw mse-prod-yaml-rw
