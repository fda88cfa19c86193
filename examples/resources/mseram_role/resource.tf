# A role that ECS instances running an MSE client assume to read Nacos
# configurations; attach policies to it with mseram_role_policy_attachment.
resource "mseram_role" "nacos_reader" {
  name        = "mse-nacos-reader"
  description = "ECS instances that read Nacos configurations from MSE"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = ["ecs.aliyuncs.com"] }
    }]
  })
  max_session_duration = 7200

  tags = {
    team = "mse-dev"
  }
}

resource "mseram_role_policy_attachment" "nacos_reader" {
  role_name   = mseram_role.nacos_reader.name
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}

# A role that RAM users of the same account may assume for MSE O&M.
# force_destroy detaches its policies when it is destroyed.
resource "mseram_role" "ops" {
  name = "mse-ops"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { RAM = ["acs:ram::1234567890123456:root"] }
    }]
  })
  force_destroy = true
}
