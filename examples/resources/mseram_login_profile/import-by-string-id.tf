import {
  to = mseram_login_profile.operator
  id = "mse-operator"
}
