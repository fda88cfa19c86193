# Seed 001's five example policies, each rendered from typed inputs by
# mseram_policy_document and given to its own RAM user with an AccessKey.
locals {
  instance_id  = "mse-cn-0pp1j8om80a"
  namespace_id = "3fd98c48-a709-4061-bba1-e341d79d681b"

  # One user, policy and key per example, in this order.
  examples = [
    { name = "instance-admin", policy = data.mseram_policy_document.instance_admin.minified_json },
    { name = "all-readonly", policy = data.mseram_policy_document.all_readonly.minified_json },
    { name = "namespace-rw", policy = data.mseram_policy_document.namespace_rw.minified_json },
    { name = "prod-yaml-rw", policy = data.mseram_policy_document.prod_yaml_rw.minified_json },
    { name = "service-rw", policy = data.mseram_policy_document.service_rw.minified_json },
  ]
}

# Example 1: all resources of one instance.
data "mseram_policy_document" "instance_admin" {
  instance {
    instance_id = local.instance_id
    access      = "full"
  }
}

# Example 2: read-only access to every instance.
data "mseram_policy_document" "all_readonly" {
  instance {
    instance_id = "*"
    access      = "read_only"
  }
}

# Example 3: read and write every configuration of one namespace.
data "mseram_policy_document" "namespace_rw" {
  nacos_config {
    instance_id  = local.instance_id
    namespace_id = local.namespace_id
    access       = "read_write"
  }
}

# Example 4: read and write one DataId.
data "mseram_policy_document" "prod_yaml_rw" {
  nacos_config {
    instance_id  = local.instance_id
    namespace_id = local.namespace_id
    group        = "DEFAULT_GROUP"
    data_id      = "prod.yaml"
    access       = "read_write"
  }
}

# Example 5: read and write one service (its service and instance actions;
# the seed's example grants configuration actions here, which do nothing).
data "mseram_policy_document" "service_rw" {
  nacos_service {
    instance_id  = local.instance_id
    namespace_id = local.namespace_id
    group        = "DEFAULT_GROUP"
    service      = "test-service"
    access       = "read_write"
  }
}

resource "mseram_policy" "example" {
  count = length(local.examples)

  name            = "mse-${local.examples[count.index].name}"
  description     = "Seed 001 example policy, rendered from typed inputs"
  policy_document = local.examples[count.index].policy
}

resource "mseram_user" "example" {
  count = length(local.examples)

  name = "mse-${local.examples[count.index].name}"
}

resource "mseram_user_policy_attachment" "example" {
  count = length(local.examples)

  user_name   = mseram_user.example[count.index].name
  policy_name = mseram_policy.example[count.index].name
  policy_type = "Custom"
}

resource "mseram_access_key" "example" {
  count = length(local.examples)

  user_name = mseram_user.example[count.index].name
}

output "credentials" {
  sensitive = true
  value = {
    for i, e in local.examples :
    e.name => { access_key_id = mseram_access_key.example[i].id, secret = mseram_access_key.example[i].secret }
  }
}
