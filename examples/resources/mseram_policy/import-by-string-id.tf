import {
  to = mseram_policy.prod_yaml_rw
  id = "mse-prod-yaml-rw"
}
