# A group another team manages: add a new developer to it.
data "mseram_group" "developers" {
  name = "mse-developers"
}

resource "mseram_user" "developer" {
  name = "dev-li"
}

resource "mseram_group_membership" "developer" {
  group_name = data.mseram_group.developers.name
  user_name  = mseram_user.developer.name
}

output "developers_group_id" {
  value = data.mseram_group.developers.group_id
}
