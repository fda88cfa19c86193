resource "mseram_group" "developers" {
  name          = "mse-developers"
  force_destroy = true
}

resource "mseram_group_policy_attachment" "read" {
  group_name  = mseram_group.developers.name
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}

# The group's complete set of policies. The attachment above may stay as it
# is, since the set lists it too; referencing it makes it be created first.
resource "mseram_group_policy_attachments_exclusive" "developers" {
  group_name = mseram_group.developers.name
  policies = [
    { policy_name = mseram_group_policy_attachment.read.policy_name, policy_type = "System" },
    { policy_name = "AliyunARMSReadOnlyAccess", policy_type = "System" },
  ]
}
