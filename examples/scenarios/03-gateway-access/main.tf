# Seed 003: read-only and read-write access to one cloud-native gateway,
# each rendered from a typed gateway block. The seed masks the gateway id
# as gw-8090caa2a3ab447a8bc5fdf3********; here it is written in full.
locals {
  gateway_id = "gw-8090caa2a3ab447a8bc5fdf3a3ab447a"
}

data "mseram_policy_document" "gateway_viewer" {
  gateway {
    gateway_id = local.gateway_id
    access     = "read_only"
  }
}

data "mseram_policy_document" "gateway_operator" {
  gateway {
    gateway_id = local.gateway_id
    access     = "read_write"
  }
}

resource "mseram_group" "viewers" {
  name     = "gateway-viewers"
  comments = "Read the production gateway"
}

resource "mseram_group" "operators" {
  name     = "gateway-operators"
  comments = "Change routes and domains of the production gateway"
}

resource "mseram_policy" "viewer" {
  name            = "gateway-viewer"
  description     = "Seed 003 read-only gateway policy"
  policy_document = data.mseram_policy_document.gateway_viewer.minified_json
}

resource "mseram_policy" "operator" {
  name            = "gateway-operator"
  description     = "Seed 003 read-write gateway policy"
  policy_document = data.mseram_policy_document.gateway_operator.minified_json
}

resource "mseram_group_policy_attachment" "viewers" {
  group_name  = mseram_group.viewers.name
  policy_name = mseram_policy.viewer.name
  policy_type = "Custom"
}

resource "mseram_group_policy_attachment" "operators" {
  group_name  = mseram_group.operators.name
  policy_name = mseram_policy.operator.name
  policy_type = "Custom"
}

resource "mseram_user" "viewer" {
  name = "gw-viewer"
}

resource "mseram_user" "operator" {
  name = "gw-operator"
}

resource "mseram_group_membership" "viewer" {
  group_name = mseram_group.viewers.name
  user_name  = mseram_user.viewer.name
}

resource "mseram_group_membership" "operator" {
  group_name = mseram_group.operators.name
  user_name  = mseram_user.operator.name
}

resource "mseram_access_key" "viewer" {
  user_name = mseram_user.viewer.name
}

resource "mseram_access_key" "operator" {
  user_name = mseram_user.operator.name
}

output "credentials" {
  sensitive = true
  value = {
    viewer   = { access_key_id = mseram_access_key.viewer.id, secret = mseram_access_key.viewer.secret }
    operator = { access_key_id = mseram_access_key.operator.id, secret = mseram_access_key.operator.secret }
  }
}
