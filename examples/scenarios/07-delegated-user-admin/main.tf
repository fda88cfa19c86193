# A helpdesk user manages contractors' access: it may add contractors to the
# contractors group and give them AliyunMSEReadOnlyAccess, and nothing more.
# RAM checks an attachment on the principal AND on the policy, group
# membership on the user AND on the group, and a rename on the new name
# too, so none of the calls in the README's "denied" rows can widen the
# helpdesk's own access or a contractor's.

data "mseram_caller_identity" "current" {}

locals {
  account = data.mseram_caller_identity.current.account_id
  ram     = "acs:ram:*:${local.account}"
}

resource "mseram_user" "helpdesk" {
  name = "helpdesk"
}

resource "mseram_user" "contractor" {
  name = "contractor-ann"
}

resource "mseram_group" "contractors" {
  name = "contractors"
}

resource "mseram_group" "admins" {
  name = "admins"
}

resource "mseram_group" "helpdesk_team" {
  name = "helpdesk-team"
}

resource "mseram_group_membership" "helpdesk" {
  group_name = mseram_group.helpdesk_team.name
  user_name  = mseram_user.helpdesk.name
}

# Roles the helpdesk may and may not assume.
resource "mseram_role" "deployer" {
  name = "deployer"
  assume_role_policy_document = jsonencode({
    Version   = "1"
    Statement = [{ Action = "sts:AssumeRole", Effect = "Allow", Principal = { RAM = ["acs:ram::${local.account}:root"] } }]
  })
}

resource "mseram_role" "admin" {
  name = "admin"
  assume_role_policy_document = jsonencode({
    Version   = "1"
    Statement = [{ Action = "sts:AssumeRole", Effect = "Allow", Principal = { RAM = ["acs:ram::${local.account}:root"] } }]
  })
}

data "mseram_policy_document" "delegation" {
  statement {
    sid       = "ReadUsers"
    actions   = ["ram:GetUser", "ram:ListUsers"]
    resources = ["${local.ram}:user/*"]
  }
  # Both resources of an attachment: the contractor, and the one policy.
  statement {
    sid       = "GrantMSEReadOnlyToContractors"
    actions   = ["ram:AttachPolicyToUser", "ram:DetachPolicyFromUser"]
    resources = ["${local.ram}:user/contractor-*", "acs:ram:*:system:policy/AliyunMSEReadOnlyAccess"]
  }
  # Both resources of a membership: the contractor, and the group.
  statement {
    sid       = "ManageContractorMembership"
    actions   = ["ram:AddUserToGroup", "ram:RemoveUserFromGroup"]
    resources = ["${local.ram}:user/contractor-*", "${local.ram}:group/contractors"]
  }
  statement {
    sid       = "RenameContractors"
    actions   = ["ram:UpdateUser"]
    resources = ["${local.ram}:user/contractor-*"]
  }
  # The helpdesk's own group and the deployer role, with MSE read-only only.
  statement {
    sid       = "GrantMSEReadOnlyToTeamAndDeployer"
    actions   = ["ram:AttachPolicyToGroup", "ram:AttachPolicyToRole"]
    resources = ["${local.ram}:group/helpdesk-team", "${local.ram}:role/deployer", "acs:ram:*:system:policy/AliyunMSEReadOnlyAccess"]
  }
  statement {
    sid       = "AssumeAnyRoleButAdmin"
    actions   = ["sts:AssumeRole"]
    resources = ["*"]
  }
  statement {
    sid       = "NeverAdmin"
    effect    = "Deny"
    actions   = ["sts:AssumeRole"]
    resources = ["acs:ram::${local.account}:role/admin"]
  }
}

resource "mseram_policy" "delegation" {
  name            = "helpdesk-delegation"
  description     = "Contractor onboarding, MSE read-only at most"
  policy_document = data.mseram_policy_document.delegation.minified_json
}

resource "mseram_user_policy_attachment" "delegation" {
  user_name   = mseram_user.helpdesk.name
  policy_name = mseram_policy.delegation.name
  policy_type = "Custom"
}

resource "mseram_access_key" "helpdesk" {
  user_name = mseram_user.helpdesk.name
}

output "credentials" {
  sensitive = true
  value = {
    helpdesk = { access_key_id = mseram_access_key.helpdesk.id, secret = mseram_access_key.helpdesk.secret }
  }
}
