import {
  to = mseram_account_password_policy.this
  id = "1234567890123456"
}
