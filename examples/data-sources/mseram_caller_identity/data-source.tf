# The account behind the provider's credentials, to build ARNs with.
data "mseram_caller_identity" "current" {}

locals {
  ops_user_arn = "acs:ram::${data.mseram_caller_identity.current.account_id}:user/mse-ops"
}
