# Every developer in the group may read MSE resources.
resource "mseram_group_policy_attachment" "mse" {
  group_name  = "mse-developers"
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}
