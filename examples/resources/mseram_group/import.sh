# Import a RAM group by its name.
terraform import mseram_group.developers mse-developers
