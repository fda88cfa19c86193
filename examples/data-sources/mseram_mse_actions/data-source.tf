# Every read-only action on Nacos configurations, e.g. to review what a
# read-only grant covers.
data "mseram_mse_actions" "nacos_config_reads" {
  read_only  = true
  area       = "registry_configuration"
  name_regex = "NacosConfig"
}

# Gateway route writes, with the documentation's description of each.
data "mseram_mse_actions" "route_writes" {
  read_only = false
  area      = "route"
}

output "nacos_config_reads" {
  value = data.mseram_mse_actions.nacos_config_reads.names
}

output "route_writes" {
  value = { for a in data.mseram_mse_actions.route_writes.actions : a.name => a.description }
}
