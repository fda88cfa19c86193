# Console logon for an MSE operator. The password comes from an ephemeral
# variable and goes to the write-only password_wo (Terraform 1.11+): it never
# appears in the plan or the state.
variable "operator_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "mseram_user" "operator" {
  name         = "mse-operator"
  display_name = "MSE Operator"
}

resource "mseram_login_profile" "operator" {
  user_name   = mseram_user.operator.name
  password_wo = var.operator_password
  # Terraform cannot see a write-only value change: bump this number to
  # send a new password.
  password_wo_version     = 1
  password_reset_required = true
  mfa_bind_required       = true
}
