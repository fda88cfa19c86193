# Credentials come from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID and
# ALIBABA_CLOUD_ACCESS_KEY_SECRET), never from the configuration file.
provider "mseram" {
  region = "cn-hangzhou"
}

# Against the local ramsim emulator (`ramsim -addr 127.0.0.1:8765`), with its
# default root key.
provider "mseram" {
  alias      = "ramsim"
  access_key = "ramsim"
  secret_key = "ramsim-secret"

  endpoints {
    ram             = "http://127.0.0.1:8765"
    ims             = "http://127.0.0.1:8765"
    resourcemanager = "http://127.0.0.1:8765"
    sts             = "http://127.0.0.1:8765"
  }
}

# Working in another account through a role.
provider "mseram" {
  alias = "prod"

  assume_role {
    role_arn           = "acs:ram::1234567890123456:role/terraform-mse-admin"
    session_name       = "terraform"
    session_expiration = 3600
  }
}
