resource "mseram_group" "developers" {
  name = "mse-developers"
  # The exclusive membership below removes nobody when destroyed.
  force_destroy = true
}

resource "mseram_user" "developer" {
  for_each      = toset(["dev-zhang", "dev-li"])
  name          = each.key
  force_destroy = true
}

# Exactly these users are in mse-developers: a user added in the console is
# removed by the next apply.
resource "mseram_group_membership_exclusive" "developers" {
  group_name = mseram_group.developers.name
  user_names = [for u in mseram_user.developer : u.name]
}
