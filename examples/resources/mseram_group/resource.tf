# Developers who manage Nacos configurations in MSE.
resource "mseram_group" "developers" {
  name     = "mse-developers"
  comments = "MSE developers: Nacos configurations and services"
}

resource "mseram_group_policy_attachment" "developers" {
  group_name  = mseram_group.developers.name
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}

# force_destroy removes the group's members and detaches its policies when
# it is destroyed, even those added outside Terraform.
resource "mseram_group" "contractors" {
  name          = "mse-contractors"
  force_destroy = true
}
