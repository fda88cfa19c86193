# Look up a RAM user created outside this configuration.
data "mseram_user" "ops" {
  name = "mse-ops"
}

output "ops_user_id" {
  value = data.mseram_user.ops.user_id
}
