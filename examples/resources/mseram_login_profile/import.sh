# Import a login profile by the RAM user's name. The password cannot be
# imported; after the import, the next apply sends the configured password.
terraform import mseram_login_profile.operator mse-operator
