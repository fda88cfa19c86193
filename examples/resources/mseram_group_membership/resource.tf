resource "mseram_group" "developers" {
  name = "mse-developers"
}

resource "mseram_user" "developer" {
  name = "dev-zhang"
}

# dev-zhang gets the policies of mse-developers. Other members of the group
# are left alone.
resource "mseram_group_membership" "developer" {
  group_name = mseram_group.developers.name
  user_name  = mseram_user.developer.name
}
