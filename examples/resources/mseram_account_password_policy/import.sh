# Import the account's password policy by the account ID (the account of the
# provider's credentials; data.mseram_caller_identity gives it).
terraform import mseram_account_password_policy.this 1234567890123456
