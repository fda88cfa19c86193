# Seed 002: Managed Security Service (MSS) needs AliyunServiceRoleForMssp,
# and AliyunServiceRoleForESAMssp for Edge Security Acceleration. While the
# MSS subscription is active the roles cannot be deleted: destroy fails,
# names what still uses them, and keeps them in state.

resource "mseram_service_linked_role" "mss" {
  service_name = "mssp.aliyuncs.com"
}

resource "mseram_service_linked_role" "mss_esa" {
  service_name = "esa.mssp.aliyuncs.com"
}

# A security auditor may look at the roles and at nothing else.
data "mseram_policy_document" "auditor" {
  console = false
  statement {
    actions = ["ram:GetRole"]
    resources = [
      "acs:ram::*:role/${lower(mseram_service_linked_role.mss.role_name)}",
      "acs:ram::*:role/${lower(mseram_service_linked_role.mss_esa.role_name)}",
    ]
  }
}

resource "mseram_policy" "auditor" {
  name            = "mss-role-auditor"
  description     = "Read MSS's service-linked roles"
  policy_document = data.mseram_policy_document.auditor.minified_json
}

resource "mseram_user" "auditor" {
  name = "security-auditor"
}

resource "mseram_user_policy_attachment" "auditor" {
  user_name   = mseram_user.auditor.name
  policy_name = mseram_policy.auditor.name
  policy_type = "Custom"
}

resource "mseram_access_key" "auditor" {
  user_name = mseram_user.auditor.name
}

output "credentials" {
  sensitive = true
  value = {
    auditor = { access_key_id = mseram_access_key.auditor.id, secret = mseram_access_key.auditor.secret }
  }
}
