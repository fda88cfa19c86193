import {
  to = mseram_group_membership_exclusive.developers
  id = "mse-developers"
}
