# Import a service-linked role by the service name (for services in the
# provider's catalog) ...
terraform import mseram_service_linked_role.mse mse.aliyuncs.com
# ... or by the role name, which also works with a custom suffix or for
# services outside the catalog.
terraform import mseram_service_linked_role.mse AliyunServiceRoleForMSE
