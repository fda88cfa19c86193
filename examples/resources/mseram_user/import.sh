# Import a RAM user by its logon name.
terraform import mseram_user.developer dev-zhang
