resource "mseram_user" "ci" {
  name     = "mse-ci"
  comments = "CI pipeline that publishes Nacos configurations"
}

# RSA keys need at least 2048 bits (DSA and ElGamal keys are refused), and
# the key must stay valid for at least 24 more hours: checked at plan time.
variable "ci_owner_pgp_key" {
  description = "The pipeline owner's OpenPGP public key, base64: gpg --export <key id> | base64 -w0"
  type        = string
}

# The secret is encrypted to the pipeline owner's OpenPGP key; only
# encrypted_secret reaches the state.
resource "mseram_access_key" "ci" {
  user_name = mseram_user.ci.name
  pgp_key   = var.ci_owner_pgp_key
}

output "ci_access_key_id" {
  value = mseram_access_key.ci.id
}

# Decrypt with: terraform output -raw ci_encrypted_secret | base64 -d | gpg --decrypt
output "ci_encrypted_secret" {
  value = mseram_access_key.ci.encrypted_secret
}

# A second key, written to a local file (mode 0600) and kept inactive until
# the rotation switches to it. An existing file at that path is not replaced
# (set overwrite_secret_file = true to allow it), and destroy deletes the
# file only while it still holds this key's secret.
resource "mseram_access_key" "ci_next" {
  user_name   = mseram_user.ci.name
  status      = "Inactive"
  secret_file = "${path.module}/mse-ci-next.secret"
}
