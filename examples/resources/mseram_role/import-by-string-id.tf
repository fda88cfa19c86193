import {
  to = mseram_role.nacos_reader
  id = "mse-nacos-reader"
}
