# The password policy for the console passwords of every RAM user of the
# account. Arguments left out get RAM's defaults (shown in the reference);
# destroying the resource sets the defaults again.
resource "mseram_account_password_policy" "this" {
  minimum_password_length              = 14
  require_lowercase_characters         = true
  require_uppercase_characters         = true
  require_numbers                      = true
  require_symbols                      = true
  minimum_password_different_character = 6
  password_not_contain_user_name       = true

  max_password_age          = 90    # days; 0 = passwords never expire
  hard_expiry               = false # an expired password can still be changed at logon
  password_reuse_prevention = 5
  max_login_attempts        = 5 # then the user is locked out for one hour
}

# Console logon for an operator, checked against the policy above: the
# depends_on makes Terraform set the policy first.
variable "operator_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "mseram_user" "operator" {
  name = "mse-operator"
}

resource "mseram_login_profile" "operator" {
  user_name               = mseram_user.operator.name
  password_wo             = var.operator_password
  password_wo_version     = 1
  password_reset_required = true
  depends_on              = [mseram_account_password_policy.this]
}
