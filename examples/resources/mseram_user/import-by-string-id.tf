import {
  to = mseram_user.developer
  id = "dev-zhang"
}
