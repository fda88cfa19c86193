resource "mseram_user" "ops" {
  name = "mse-ops"
  # The exclusive set below detaches nothing when destroyed, so a full
  # `terraform destroy` needs the user to remove its own attachments.
  force_destroy = true
}

resource "mseram_policy" "prod_yaml" {
  name = "mse-prod-yaml-rw"
  policy_document = jsonencode({
    Version = "1"
    Statement = [{
      Effect   = "Allow"
      Action   = ["mse:GetNacosConfig", "mse:UpdateNacosConfig"]
      Resource = ["acs:mse:*:*:instance/mse-cn-0pp1j8om80a/3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP/prod.yaml"]
    }]
  })
  force_destroy = true
}

# mse-ops holds exactly these two policies. One attached in the console shows
# as drift in the next plan, and the apply detaches it.
resource "mseram_user_policy_attachments_exclusive" "ops" {
  user_name = mseram_user.ops.name
  policies = [
    { policy_name = "AliyunMSEReadOnlyAccess", policy_type = "System" },
    { policy_name = mseram_policy.prod_yaml.name, policy_type = "Custom" },
  ]
}

# A user that must hold no policy at all (it gets its access from groups):
# the empty set is written out, and applying it detaches whatever is there.
resource "mseram_user_policy_attachments_exclusive" "dev" {
  user_name = "dev-zhang"
  policies  = []
}
