# Seed 001: the O&M engineer manages every MSE resource.
resource "mseram_user_policy_attachment" "mse" {
  user_name   = "mse-ops"
  policy_name = "AliyunMSEFullAccess"
  policy_type = "System"
}
