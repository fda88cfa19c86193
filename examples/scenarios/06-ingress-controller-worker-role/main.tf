# Seed 004: MSE Ingress Controller runs on an ACK cluster's worker nodes
# and acts with the cluster's worker RAM role, which ACK created. Terraform
# finds the role by name and attaches AliyunMSEFullAccess and the seed's
# custom Simple Log Service policy; it never manages the role itself.
variable "worker_role_name" {
  description = "The ACK cluster's worker role (KubernetesWorkerRole-<uuid>), from the cluster's basic information page."
  type        = string
  default     = "KubernetesWorkerRole-0d1e2f3a-4b5c-6d7e"
}

data "mseram_role" "worker" {
  name = var.worker_role_name
}

resource "mseram_role_policy_attachment" "mse_full" {
  role_name   = data.mseram_role.worker.name
  policy_name = "AliyunMSEFullAccess"
  policy_type = "System"
}

# The seed's Simple Log Service policy, so the controller can ship gateway
# access logs.
data "mseram_policy_document" "ingress_sls" {
  statement {
    actions   = ["log:CloseProductDataCollection", "log:OpenProductDataCollection", "log:GetProductDataCollection"]
    resources = ["acs:mse:*:*:instance/*", "acs:log:*:*:project/*/logstore/mse_*"]
  }
  statement {
    actions   = ["ram:PassRole"]
    resources = ["acs:ram::*:role/aliyunserviceroleforslsaudit"]
  }
  statement {
    actions   = ["ram:CreateServiceLinkedRole"]
    resources = ["*"]
    condition {
      operator = "StringEquals"
      key      = "ram:ServiceName"
      values   = ["audit.log.aliyuncs.com"]
    }
  }
}

resource "mseram_policy" "ingress_sls" {
  name            = "mse-ingress-sls"
  description     = "Simple Log Service access for MSE Ingress Controller"
  policy_document = data.mseram_policy_document.ingress_sls.minified_json
}

resource "mseram_role_policy_attachment" "ingress_sls" {
  role_name   = data.mseram_role.worker.name
  policy_name = mseram_policy.ingress_sls.name
  policy_type = "Custom"
}

output "worker_role_arn" {
  value = data.mseram_role.worker.arn
}
