# How the account's RAM users use the console: MFA at every logon, from the
# office networks only, sessions of 8 hours; users may change their own
# password and MFA device but not create AccessKeys. Arguments left out get
# RAM's defaults; destroying the resource sets the defaults again.
resource "mseram_account_security_preference" "this" {
  mfa_operation_for_login = "mandatory"
  enable_save_mfa_ticket  = false
  verification_types      = ["sms"]

  allow_user_to_change_password    = true
  allow_user_to_manage_mfa_devices = true
  allow_user_to_manage_access_keys = false

  login_session_duration = 8
  login_network_masks    = ["192.168.0.0/16", "10.0.0.0/8"]

  max_idle_days_for_access_keys = 90
  max_idle_days_for_users       = 180
}
