# A short-lived key for one run (Terraform 1.10+): created when Terraform
# opens it and deleted at the end of the plan or apply; never in the state.
ephemeral "mseram_access_key" "deployer" {
  user_name = "mse-deployer"
}

# Sign with it in a second provider configuration, e.g. to check what the
# deployer's own credentials can do.
provider "mseram" {
  alias      = "deployer"
  access_key = ephemeral.mseram_access_key.deployer.access_key_id
  secret_key = ephemeral.mseram_access_key.deployer.secret
}

data "mseram_caller_identity" "deployer" {
  provider = mseram.deployer
}
