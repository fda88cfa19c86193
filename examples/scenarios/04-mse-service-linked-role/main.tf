# Seed 000: MSE's service-linked roles. The Nacos engine's role is declared
# here; AliyunServiceRoleForMSE is created by MSE itself when a RAM user
# first uses it, and the FAQ says what that user needs: permission to
# create the role of mse.aliyuncs.com, and of no other service.
variable "account_id" {
  description = "The Alibaba Cloud account ID (ramsim's default account)."
  type        = string
  default     = "1234567890123456"
}

resource "mseram_service_linked_role" "nacos_engine" {
  service_name = "engine-service.mse.aliyuncs.com"
}

data "mseram_policy_document" "create_mse_role" {
  service_linked_role_creation {
    service_names = ["mse.aliyuncs.com"]
    account_id    = var.account_id
  }
}

resource "mseram_policy" "create_mse_role" {
  name            = "create-mse-service-linked-role"
  description     = "Seed 000 FAQ: create AliyunServiceRoleForMSE and nothing else"
  policy_document = data.mseram_policy_document.create_mse_role.minified_json
}

resource "mseram_user" "installer" {
  name     = "mse-installer"
  comments = "Turns MSE on for the account"
}

resource "mseram_user_policy_attachment" "installer" {
  user_name   = mseram_user.installer.name
  policy_name = mseram_policy.create_mse_role.name
  policy_type = "Custom"
}

resource "mseram_access_key" "installer" {
  user_name = mseram_user.installer.name
}

data "mseram_service_linked_roles" "mse" {
  service_names = ["mse.aliyuncs.com", "engine-service.mse.aliyuncs.com"]
  depends_on    = [mseram_service_linked_role.nacos_engine]
}

output "credentials" {
  sensitive = true
  value = {
    installer = { access_key_id = mseram_access_key.installer.id, secret = mseram_access_key.installer.secret }
  }
}

output "nacos_engine_role_arn" {
  value = mseram_service_linked_role.nacos_engine.arn
}
