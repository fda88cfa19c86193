import {
  to = mseram_account_security_preference.this
  id = "1234567890123456"
}
