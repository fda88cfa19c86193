# Adopt the role MSE created itself when it was first used.
import {
  to = mseram_service_linked_role.mse
  id = "mse.aliyuncs.com"
}
