import {
  to = mseram_group_membership.developer
  id = "mse-developers:dev-zhang"
}
