# Seeds 001 and 003: the O&M engineer manages MSE (AliyunMSEFullAccess), the
# developer may only look (AliyunMSEReadOnlyAccess). Both call the API with
# an AccessKey created here.

resource "mseram_user" "ops" {
  name         = "mse-ops"
  display_name = "MSE O&M"
  comments     = "Manages MSE instances, gateways and permissions"
}

resource "mseram_user" "developer" {
  name         = "mse-developer"
  display_name = "MSE developer"
  comments     = "Reads MSE instances and gateways"
}

resource "mseram_user_policy_attachment" "ops" {
  user_name   = mseram_user.ops.name
  policy_name = "AliyunMSEFullAccess"
  policy_type = "System"
}

resource "mseram_user_policy_attachment" "developer" {
  user_name   = mseram_user.developer.name
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}

resource "mseram_access_key" "ops" {
  user_name = mseram_user.ops.name
}

resource "mseram_access_key" "developer" {
  user_name = mseram_user.developer.name
}

# The keys, for the calls of the README's table. In real use, prefer
# pgp_key or the ephemeral mseram_access_key.
output "credentials" {
  sensitive = true
  value = {
    ops       = { access_key_id = mseram_access_key.ops.id, secret = mseram_access_key.ops.secret }
    developer = { access_key_id = mseram_access_key.developer.id, secret = mseram_access_key.developer.secret }
  }
}
