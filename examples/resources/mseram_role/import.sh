# Import a RAM role by its name.
terraform import mseram_role.nacos_reader mse-nacos-reader
