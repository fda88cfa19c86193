// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/resources"
)

const accessKeyAddr = "mseram_access_key.test"

// accessKeyConfig is a user with one access key; attrs go into the key.
func accessKeyConfig(user, attrs string) string {
	return fmt.Sprintf(`
resource "mseram_user" "test" {
  name = %[1]q
}

resource "mseram_access_key" "test" {
  user_name = mseram_user.test.name
%[2]s
}
`, user, attrs)
}

// stateAttr reads one attribute of a resource from the state.
func stateAttr(s *terraform.State, addr, attr string) (string, error) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok {
		return "", fmt.Errorf("%s is not in the state", addr)
	}
	v, ok := rs.Primary.Attributes[attr]
	if !ok {
		return "", fmt.Errorf("%s has no attribute %s in the state", addr, attr)
	}
	return v, nil
}

// keyAuthenticates checks that the key in the state signs requests as user.
func keyAuthenticates(env *acctest.Env, user string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		secret, err := stateAttr(s, accessKeyAddr, "secret")
		if err != nil {
			return err
		}
		return env.KeyAuthenticates(user, s.RootModule().Resources[accessKeyAddr].Primary.ID, secret)
	}
}

// keyRejected checks that the key in the state no longer authenticates
// because it is inactive.
func keyRejected(env *acctest.Env) func(*terraform.State) error {
	return func(s *terraform.State) error {
		secret, err := stateAttr(s, accessKeyAddr, "secret")
		if err != nil {
			return err
		}
		c := env.KeyClient(s.RootModule().Resources[accessKeyAddr].Primary.ID, secret)
		return env.Eventually(func() error {
			_, err := c.GetCallerIdentity(context.Background())
			if err == nil {
				return errors.New("an Inactive access key still authenticates")
			}
			if code := alicloud.ErrorCode(err); code != "InvalidAccessKeyId.Inactive" {
				return fmt.Errorf("inactive key: want InvalidAccessKeyId.Inactive, got %v", err)
			}
			return nil
		})
	}
}

func TestAccAccessKey_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				Config: env.Config(accessKeyConfig(env.Name("ak-alice"), "")),
				Check: resource.ComposeTestCheckFunc(
					env.AccessKeyInEmulator(accessKeyAddr, "Active"),
					env.AccessKeyCount(env.Name("ak-alice"), 1),
					keyAuthenticates(env, env.Name("ak-alice")),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(accessKeyAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^LTAI[A-Za-z0-9]{20}$`))),
					statecheck.ExpectKnownValue(accessKeyAddr, tfjsonpath.New("status"), knownvalue.StringExact("Active")),
					statecheck.ExpectSensitiveValue(accessKeyAddr, tfjsonpath.New("secret")),
					statecheck.ExpectKnownValue(accessKeyAddr, tfjsonpath.New("secret"), knownvalue.StringRegexp(regexp.MustCompile(`^[A-Za-z0-9]{30}$`))),
					statecheck.ExpectKnownValue(accessKeyAddr, tfjsonpath.New("encrypted_secret"), knownvalue.Null()),
					statecheck.ExpectKnownValue(accessKeyAddr, tfjsonpath.New("key_fingerprint"), knownvalue.Null()),
					statecheck.ExpectKnownValue(accessKeyAddr, tfjsonpath.New("create_date"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
				},
			},
			{
				// Deactivated in place: same key, and it stops working.
				Config: env.Config(accessKeyConfig(env.Name("ak-alice"), `  status = "Inactive"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(accessKeyAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.AccessKeyInEmulator(accessKeyAddr, "Inactive"),
					env.AccessKeyCount(env.Name("ak-alice"), 1),
					keyRejected(env),
				),
			},
			{
				// Reactivated in place: it works again.
				Config: env.Config(accessKeyConfig(env.Name("ak-alice"), `  status = "Active"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(accessKeyAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.AccessKeyInEmulator(accessKeyAddr, "Active"),
					keyAuthenticates(env, env.Name("ak-alice")),
				),
			},
			{
				// Import is refused with the reason and what to do instead.
				ResourceName:  accessKeyAddr,
				ImportState:   true,
				ImportStateId: "LTAIanything",
				ExpectError:   regexp.MustCompile(`(?s)mseram_access_key cannot be imported.*secret only once.*create a new key.*delete the old key`),
			},
		},
	})
}

func TestAccAccessKey_drift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(accessKeyConfig(env.Name("ak-bob"), ""))
	var firstID string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) error {
					firstID = s.RootModule().Resources[accessKeyAddr].Primary.ID
					return nil
				},
			},
			{
				// A refresh confirms the new key; from then on not-found
				// means deleted, not "not visible yet".
				RefreshState: true,
			},
			{
				// Deactivated in the console: the plan puts it back.
				PreConfig: func() {
					if err := env.Client().UpdateAccessKey(context.Background(), env.Name("ak-bob"), firstID, "Inactive"); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(accessKeyAddr, plancheck.ResourceActionUpdate),
				}},
				Check: env.AccessKeyInEmulator(accessKeyAddr, "Active"),
			},
			{
				// Deleted in the console: removed from state and created anew.
				PreConfig: func() {
					if err := env.Client().DeleteAccessKey(context.Background(), env.Name("ak-bob"), firstID); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(accessKeyAddr, plancheck.ResourceActionCreate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.AccessKeyInEmulator(accessKeyAddr, "Active"),
					env.AccessKeyCount(env.Name("ak-bob"), 1),
					func(s *terraform.State) error {
						if s.RootModule().Resources[accessKeyAddr].Primary.ID == firstID {
							return errors.New("the deleted key is still in the state")
						}
						return nil
					},
				),
			},
		},
	})
}

// A RAM user holds at most two keys; the third fails clearly.
func TestAccAccessKey_twoKeyLimit(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "mseram_user" "test" {
  name = "` + env.Name("ak-carol") + `"
}

resource "mseram_access_key" "keys" {
  count     = 3
  user_name = mseram_user.test.name
}
`),
			ExpectError: regexp.MustCompile(`(?s)LimitExceeded\.User\.AccessKey.*` + wrappedText(`RAM user "`+env.Name("ak-carol")+`" already has two access keys, and a RAM user has at most two`).String()),
		}},
	})
}

func testPGPEntity(t *testing.T) (*openpgp.Entity, string) {
	t.Helper()
	e, err := openpgp.NewEntity("mseram acctest", "", "acctest@example.com", nil)
	if err != nil {
		t.Fatal(err)
	}
	var pub bytes.Buffer
	if err := e.Serialize(&pub); err != nil {
		t.Fatal(err)
	}
	return e, base64.StdEncoding.EncodeToString(pub.Bytes())
}

func pgpDecrypt(e *openpgp.Entity, b64 string) (string, error) {
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return "", fmt.Errorf("encrypted_secret is not base64: %w", err)
	}
	md, err := openpgp.ReadMessage(bytes.NewReader(raw), openpgp.EntityList{e}, nil, nil)
	if err != nil {
		return "", fmt.Errorf("decrypt encrypted_secret: %w", err)
	}
	b, err := io.ReadAll(md.UnverifiedBody)
	return string(b), err
}

func TestAccAccessKey_pgp(t *testing.T) {
	// Serial: traceLogs sets the process-wide TF_LOG variables the harness reads.
	logFile := traceLogs(t)
	env := acctest.New(t)
	entity, pubKey := testPGPEntity(t)
	var secret string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{{
			Config: env.Config(accessKeyConfig(env.Name("ak-dave"), fmt.Sprintf("  pgp_key = %q\n", pubKey))),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(accessKeyAddr, tfjsonpath.New("secret"), knownvalue.Null()),
				statecheck.ExpectKnownValue(accessKeyAddr, tfjsonpath.New("key_fingerprint"), knownvalue.StringExact(hex.EncodeToString(entity.PrimaryKey.Fingerprint))),
				statecheck.ExpectKnownValue(accessKeyAddr, tfjsonpath.New("encrypted_secret"), knownvalue.NotNull()),
			},
			Check: resource.ComposeTestCheckFunc(
				env.AccessKeyInEmulator(accessKeyAddr, "Active"),
				func(s *terraform.State) error {
					enc, err := stateAttr(s, accessKeyAddr, "encrypted_secret")
					if err != nil {
						return err
					}
					if secret, err = pgpDecrypt(entity, enc); err != nil {
						return err
					}
					if err := acctest.StateLacks(secret)(s); err != nil {
						return err
					}
					// The decrypted secret is the key's real one.
					return env.KeyAuthenticates(env.Name("ak-dave"), s.RootModule().Resources[accessKeyAddr].Primary.ID, secret)
				},
			),
		}},
	})
	if secret == "" {
		t.Fatal("the secret was never decrypted")
	}
	logsLack(t, logFile, []string{"mseram: created RAM access key"}, secret)
}

func TestAccAccessKey_secretFile(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	file := filepath.Join(t.TempDir(), "ak-erin.secret")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy: resource.ComposeTestCheckFunc(env.CheckNoUsers, func(*terraform.State) error {
			if _, err := os.Stat(file); !errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("secret_file %s still exists after destroy (stat: %v)", file, err)
			}
			return nil
		}),
		Steps: []resource.TestStep{{
			Config: env.Config(accessKeyConfig(env.Name("ak-erin"), fmt.Sprintf("  secret_file = %q\n", file))),
			Check: resource.ComposeTestCheckFunc(
				keyAuthenticates(env, env.Name("ak-erin")),
				func(s *terraform.State) error {
					secret, err := stateAttr(s, accessKeyAddr, "secret")
					if err != nil {
						return err
					}
					fi, err := os.Stat(file)
					if err != nil {
						return err
					}
					if fi.Mode().Perm() != 0o600 {
						return fmt.Errorf("secret_file mode is %v, want 0600", fi.Mode().Perm())
					}
					b, err := os.ReadFile(file)
					if err != nil {
						return err
					}
					if string(b) != secret {
						return errors.New("secret_file does not hold exactly the key's secret")
					}
					return nil
				},
			),
		}},
	})
}

// A file at secret_file that the key did not write is not replaced: the
// apply fails before any access key exists and the file is untouched,
// unless overwrite_secret_file opts in.
func TestAccAccessKey_secretFileExisting(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	rec := env.NewRecorder()
	file := filepath.Join(t.TempDir(), "ak-ivan.secret")
	const userData = "the user's own file\n"
	if err := os.WriteFile(file, []byte(userData), 0o644); err != nil {
		t.Fatal(err)
	}
	attrs := fmt.Sprintf("  secret_file = %q\n", file)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				Config:      rec.Config(accessKeyConfig(env.Name("ak-ivan"), attrs)),
				ExpectError: acctest.ErrorContainsAll("secret_file", file, "overwrite_secret_file = true"),
			},
			{
				PreConfig: func() {
					if got, err := os.ReadFile(file); err != nil || string(got) != userData {
						t.Fatalf("the refused apply changed %s: %q, %v", file, got, err)
					}
					if calls := rec.Calls("CreateAccessKey"); len(calls) != 0 {
						t.Fatalf("the refused apply created %d access keys", len(calls))
					}
				},
				Config: rec.Config(accessKeyConfig(env.Name("ak-ivan"), attrs+"  overwrite_secret_file = true\n")),
				Check: func(s *terraform.State) error {
					secret, err := stateAttr(s, accessKeyAddr, "secret")
					if err != nil {
						return err
					}
					if got, err := os.ReadFile(file); err != nil || string(got) != secret {
						return fmt.Errorf("with overwrite_secret_file, %s should hold the secret (read error: %v)", file, err)
					}
					return nil
				},
			},
			{
				// The opt-in matters only at create: dropping it keeps the key.
				Config: rec.Config(accessKeyConfig(env.Name("ak-ivan"), attrs)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(accessKeyAddr, plancheck.ResourceActionUpdate),
				}},
			},
		},
	})
}

// Destroy removes secret_file only while it is still the file the key
// wrote: a file the user replaced and a directory put in its place stay.
func TestAccAccessKey_secretFileDestroyKeepsForeign(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	dir := t.TempDir()
	replaced, emptyDir := filepath.Join(dir, "replaced.secret"), filepath.Join(dir, "dir.secret")
	const userData = "the user's own file\n"
	keys := fmt.Sprintf(`
resource "mseram_access_key" "replaced" {
  user_name   = mseram_user.test.name
  secret_file = %q
}

resource "mseram_access_key" "dir" {
  user_name   = mseram_user.test.name
  secret_file = %q
}
`, replaced, emptyDir)
	user := `
resource "mseram_user" "test" {
  name = "` + env.Name("ak-judy") + `"
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{Config: env.Config(user + keys)},
			{
				// The keys are destroyed after the user changed their files.
				PreConfig: func() {
					if err := os.WriteFile(replaced, []byte(userData), 0o600); err != nil {
						t.Fatal(err)
					}
					if err := os.Remove(emptyDir); err != nil {
						t.Fatal(err)
					}
					if err := os.Mkdir(emptyDir, 0o700); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.Config(user),
				Check: resource.ComposeTestCheckFunc(
					env.AccessKeyCount(env.Name("ak-judy"), 0),
					func(*terraform.State) error {
						if got, err := os.ReadFile(replaced); err != nil || string(got) != userData {
							return fmt.Errorf("destroy changed the replaced file %s: %q, %v", replaced, got, err)
						}
						if fi, err := os.Stat(emptyDir); err != nil || !fi.IsDir() {
							return fmt.Errorf("destroy removed the directory %s: %v", emptyDir, err)
						}
						return nil
					},
				),
			},
		},
	})
}

// The public Alibaba RAM user modules write
// `pgp_key = var.k != "" ? var.k : null` beside a literal secret_file: with
// k = "" the key is null, so the configuration is valid, although pgp_key
// is unknown while `terraform validate` runs. With k set, the plan fails.
func TestAccAccessKey_pgpKeyNullFromVariable(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	_, pubKey := testPGPEntity(t)
	file := filepath.Join(t.TempDir(), "ak-grace.secret")
	config := func(k string) string {
		return env.Config(fmt.Sprintf(`
variable "k" {
  type    = string
  default = %s
}
`, acctest.HCLString(k)) + accessKeyConfig(env.Name("ak-grace"), fmt.Sprintf("  pgp_key = var.k != \"\" ? var.k : null\n  secret_file = %q\n", file)))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config: config(""),
				Check: resource.ComposeTestCheckFunc(
					keyAuthenticates(env, env.Name("ak-grace")),
					resource.TestCheckNoResourceAttr(accessKeyAddr, "pgp_key"),
					func(*terraform.State) error {
						if _, err := os.Stat(file); err != nil {
							return fmt.Errorf("secret_file was not written: %v", err)
						}
						return nil
					},
				),
			},
			{
				Config:      config(pubKey),
				PlanOnly:    true,
				ExpectError: wrappedText("secret_file cannot be combined with pgp_key"),
			},
		},
	})
}

// Bad combinations and values fail at plan time and create nothing.
func TestAccAccessKey_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	_, pubKey := testPGPEntity(t)
	cases := []struct{ attrs, want string }{
		{fmt.Sprintf("  pgp_key = %q\n  secret_file = \"/tmp/x\"\n", pubKey), `secret_file cannot be combined with pgp_key`},
		{`  pgp_key = "keybase:alice"`, `Unusable PGP public key`},
		{`  status = "Disabled"`, `Attribute status value must be one of: ["Active" "Inactive"]`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      env.Config(accessKeyConfig(env.Name("ak-frank"), c.attrs)),
			PlanOnly:    true,
			ExpectError: wrappedText(c.want),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), Steps: steps})
	if users := env.UserNames(); len(users) != 0 {
		t.Fatalf("validation failures must create nothing, found users %v", users)
	}
}

// Weak and expiring OpenPGP keys are refused at plan time: the plan fails,
// so no CreateAccessKey request is ever sent (before, a 512-bit subkey got
// as far as creating the key and deleting it again).
func TestAccAccessKey_weakPGPKeyRefusedAtPlan(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	rec := env.NewRecorder()
	weak := resources.WeakPGPKeys(t)
	steps := make([]resource.TestStep, 0, len(weak))
	for _, c := range weak {
		steps = append(steps, resource.TestStep{
			Config:      rec.Config(accessKeyConfig(env.Name("ak-weak-pgp"), fmt.Sprintf("  pgp_key = %s\n", acctest.HCLString(c.Key)))),
			ExpectError: acctest.ErrorContainsAll("Unusable PGP public key", "pgp_key", c.Rule),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), Steps: steps})
	if calls := rec.Calls("CreateAccessKey", "CreateUser"); len(calls) != 0 {
		t.Fatalf("a refused pgp_key must stop the plan, but %d create calls were sent: %+v", len(calls), calls)
	}
	if users := env.UserNames(); len(users) != 0 {
		t.Fatalf("a refused pgp_key must create nothing, found users %v", users)
	}
}

// force_destroy also deletes access keys and the login profile, including
// ones Terraform does not manage.
func TestAccUser_forceDestroyCredentials(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{{
			Config: env.Config(userConfig(env.Name("ak-grace"), "  force_destroy = true\n")),
			Check: func(*terraform.State) error {
				ctx := context.Background()
				c := env.Client()
				if _, err := c.CreateLoginProfile(ctx, env.Name("ak-grace"), "Console-Pass-1", false, false); err != nil {
					return err
				}
				for range 2 {
					if _, err := c.CreateAccessKey(ctx, env.Name("ak-grace")); err != nil {
						return err
					}
				}
				return nil
			},
		}},
	})
}
