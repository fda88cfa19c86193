# Seed 001, example 4: read and write one Nacos configuration (DataId
# prod.yaml) in one namespace of one MSE instance, and nothing else.
resource "mseram_policy" "prod_yaml_rw" {
  name        = "mse-prod-yaml-rw"
  description = "Read and write prod.yaml in the production namespace"

  policy_document = jsonencode({
    Version = "1"
    Statement = [{
      Effect = "Allow"
      Action = [
        "mse:GetNacosConfig",
        "mse:UpdateNacosConfig",
        "mse:ListNacosConfigs",
      ]
      Resource = ["acs:mse:*:*:instance/mse-cn-0pp1j8om80a/3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP/prod.yaml"]
    }]
  })

  tags = {
    team = "mse-dev"
  }
}
