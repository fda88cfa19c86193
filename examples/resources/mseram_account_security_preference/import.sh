# Import the account's security preference by the account ID (the account of
# the provider's credentials; data.mseram_caller_identity gives it).
terraform import mseram_account_security_preference.this 1234567890123456
