import {
  to = mseram_group.developers
  id = "mse-developers"
}
