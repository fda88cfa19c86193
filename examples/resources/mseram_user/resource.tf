# A developer who manages Nacos configurations in MSE.
resource "mseram_user" "developer" {
  name         = "dev-zhang"
  display_name = "Zhang Wei"
  email        = "zhang.wei@example.com"
  mobile_phone = "86-18600008888"
  comments     = "MSE developer: Nacos configurations and services"

  tags = {
    team = "mse-dev"
    role = "developer"
  }
}

# An automation user; force_destroy removes its access keys, login profile,
# policy attachments and group memberships when it is destroyed.
resource "mseram_user" "ci" {
  name          = "mse-ci"
  comments      = "CI pipeline that publishes Nacos configurations"
  force_destroy = true
}
