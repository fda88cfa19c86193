// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"encoding/base64"
	"fmt"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

func TestUserLifecycle(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	created := env.Clock.Now()
	body := env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{
		"UserName": "alice", "DisplayName": "Alice Ω", "MobilePhone": "86-18600008888",
		"Email": "alice@example.com", "Comments": "first user",
	})
	u := ramsimtest.Field(body, "User")
	id := ramsimtest.Str(u, "UserId")
	if !regexp.MustCompile(`^[1-9][0-9]{15}$`).MatchString(id) {
		t.Fatalf("UserId %q", id)
	}
	want := map[string]string{
		"UserName": "alice", "DisplayName": "Alice Ω", "MobilePhone": "86-18600008888", "Email": "alice@example.com",
		"Comments": "first user", "CreateDate": "2025-03-04T05:06:07Z", "UpdateDate": "2025-03-04T05:06:07Z",
	}
	for k, v := range want {
		if ramsimtest.Str(u, k) != v {
			t.Errorf("%s = %q, want %q", k, ramsimtest.Str(u, k), v)
		}
	}
	env.Fail(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice"}, 409, "EntityAlreadyExists.User")

	got := env.OK(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "alice"})
	if ramsimtest.Str(got, "User", "UserId") != id || ramsimtest.Str(got, "User", "Email") != "alice@example.com" {
		t.Fatalf("GetUser: %v", got)
	}

	// Rename and change one field; the rest is kept, UserId too.
	env.Clock.Add(time.Hour)
	body = env.OK(ramsimtest.VRAM, "UpdateUser", map[string]string{"UserName": "alice", "NewUserName": "alice2", "NewEmail": "a2@example.com"})
	if ramsimtest.Str(body, "User", "UserName") != "alice2" || ramsimtest.Str(body, "User", "UserId") != id || ramsimtest.Str(body, "User", "Comments") != "first user" ||
		ramsimtest.Str(body, "User", "UpdateDate") != "2025-03-04T06:06:07Z" || ramsimtest.Str(body, "User", "CreateDate") != "2025-03-04T05:06:07Z" {
		t.Fatalf("UpdateUser: %v", body)
	}
	env.Fail(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "alice"}, 404, "EntityNotExist.User")

	// Present-but-empty parameters clear fields; absent ones are kept.
	body = env.OK(ramsimtest.VRAM, "UpdateUser", map[string]string{"UserName": "alice2", "NewComments": "", "NewDisplayName": "", "NewMobilePhone": "", "NewEmail": ""})
	for _, f := range []string{"Comments", "DisplayName", "MobilePhone", "Email"} {
		if ramsimtest.Str(body, "User", f) != "" {
			t.Errorf("%s not cleared: %v", f, body)
		}
	}
	snap, ok := env.Srv.User("alice2")
	if !ok || snap.UserID != id || snap.Comments != "" || snap.DisplayName != "" || !snap.CreateDate.Equal(created) {
		t.Fatalf("snapshot %+v", snap)
	}

	env.OK(ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "alice2"})
	env.Fail(ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "alice2"}, 404, "EntityNotExist.User")
	if _, ok := env.Srv.User("alice2"); ok || len(env.Srv.Users()) != 0 {
		t.Fatal("user still there after DeleteUser")
	}
}

func TestRenameConflicts(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "a"})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "b"})
	env.Fail(ramsimtest.VRAM, "UpdateUser", map[string]string{"UserName": "a", "NewUserName": "b"}, 409, "EntityAlreadyExists.User")
	// Renaming to the own name is no conflict.
	env.OK(ramsimtest.VRAM, "UpdateUser", map[string]string{"UserName": "a", "NewUserName": "a"})
	// A rejected update changes nothing.
	env.Fail(ramsimtest.VRAM, "UpdateUser", map[string]string{"UserName": "a", "NewUserName": "c", "NewEmail": "bad"}, 400, "InvalidParameter.NewEmail.Format")
	if _, ok := env.Srv.User("a"); !ok {
		t.Fatal("a was renamed by a failed update")
	}
	env.Fail(ramsimtest.VRAM, "UpdateUser", map[string]string{"UserName": "nobody", "NewComments": "x"}, 404, "EntityNotExist.User")
}

func TestUserValidation(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob"})
	long := func(n int) string { return strings.Repeat("x", n) }
	cases := []struct {
		action string
		p      map[string]string
		code   string
	}{
		{"CreateUser", map[string]string{}, "MissingUserName"},
		{"CreateUser", map[string]string{"UserName": long(65)}, "InvalidParameter.UserName.Length"},
		{"CreateUser", map[string]string{"UserName": "a b"}, "InvalidParameter.UserName.InvalidChars"},
		{"CreateUser", map[string]string{"UserName": "a@b"}, "InvalidParameter.UserName.InvalidChars"},
		{"CreateUser", map[string]string{"UserName": "ok", "DisplayName": strings.Repeat("é", 129)}, "InvalidParameter.DisplayName.Length"},
		{"CreateUser", map[string]string{"UserName": "ok", "MobilePhone": "18600008888"}, "InvalidParameter.MobilePhone.Format"},
		{"CreateUser", map[string]string{"UserName": "ok", "MobilePhone": "12345-1234"}, "InvalidParameter.MobilePhone.Format"},
		{"CreateUser", map[string]string{"UserName": "ok", "Email": "no-at.example.com"}, "InvalidParameter.Email.Format"},
		{"CreateUser", map[string]string{"UserName": "ok", "Email": long(120) + "@example.com"}, "InvalidParameter.Email.Format"},
		{"CreateUser", map[string]string{"UserName": "ok", "Comments": long(129)}, "InvalidParameter.Comments.Length"},
		{"GetUser", map[string]string{"UserName": "a/b"}, "InvalidParameter.UserName.InvalidChars"},
		{"DeleteUser", map[string]string{}, "MissingUserName"},
		{"UpdateUser", map[string]string{"UserName": "bob", "NewUserName": ""}, "InvalidParameter.NewUserName.Length"},
		{"UpdateUser", map[string]string{"UserName": "bob", "NewUserName": "b*b"}, "InvalidParameter.NewUserName.InvalidChars"},
		{"UpdateUser", map[string]string{"UserName": "bob", "NewDisplayName": long(129)}, "InvalidParameter.NewDisplayName.Length"},
		{"UpdateUser", map[string]string{"UserName": "bob", "NewMobilePhone": "86-12"}, "InvalidParameter.NewMobilePhone.Format"},
		{"UpdateUser", map[string]string{"UserName": "bob", "NewEmail": "a@b"}, "InvalidParameter.NewEmail.Format"},
		{"UpdateUser", map[string]string{"UserName": "bob", "NewComments": long(129)}, "InvalidParameter.NewComments.Length"},
	}
	for _, c := range cases {
		t.Run(c.action+"/"+c.code, func(t *testing.T) {
			body := env.Fail(ramsimtest.VRAM, c.action, c.p, 400, c.code)
			if body["HostId"] != "ram.aliyuncs.com" {
				t.Fatalf("HostId %v", body["HostId"])
			}
		})
	}
	// Limits are inclusive, in characters, and empty optional values on
	// create mean "not set".
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{
		"UserName": long(64), "DisplayName": strings.Repeat("中", 128), "Comments": strings.Repeat("é", 128),
		"MobilePhone": "1234-12345678901234567890", "Email": "", "NewComments": "ignored on create",
	})
	if u, _ := env.Srv.User(long(64)); u.Email != "" || u.Comments != strings.Repeat("é", 128) {
		t.Fatalf("%+v", u)
	}
	if len(env.Srv.Users()) != 2 {
		t.Fatalf("a rejected CreateUser created a user: %v", env.Srv.Users())
	}
}

func TestUserLimit(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Limits: ram.Limits{Users: 2}})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "u1"})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "u2"})
	env.Fail(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "u3"}, 409, "LimitExceeded.User")
	env.OK(ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "u1"})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "u3"})
}

func TestListUsersPaging(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	body := env.OK(ramsimtest.VRAM, "ListUsers", nil)
	if users, ok := ramsimtest.Field(body, "Users", "User").([]any); !ok || len(users) != 0 || body["IsTruncated"] != false {
		t.Fatalf("empty list: %v", body)
	}
	for _, n := range []string{"e", "c", "a", "d", "b"} {
		env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": n})
	}
	var names []string
	marker := ""
	for pages := 0; ; pages++ {
		p := map[string]string{"MaxItems": "2"}
		if marker != "" {
			p["Marker"] = marker
		}
		body := env.OK(ramsimtest.VRAM, "ListUsers", p)
		for _, u := range ramsimtest.AsList(t, ramsimtest.Field(body, "Users", "User")) {
			names = append(names, ramsimtest.Str(u, "UserName"))
		}
		if body["IsTruncated"] != true {
			if _, has := body["Marker"]; has {
				t.Fatalf("Marker on the last page: %v", body)
			}
			break
		}
		marker = ramsimtest.Str(body, "Marker")
		if pages == 0 {
			// A user deleted between pages does not break paging.
			env.OK(ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "c"})
		}
	}
	if got := strings.Join(names, ","); got != "a,b,d,e" {
		t.Fatalf("paged names %s", got)
	}
	if got := len(ramsimtest.AsList(t, ramsimtest.Field(env.OK(ramsimtest.VRAM, "ListUsers", nil), "Users", "User"))); got != 4 {
		t.Fatalf("default page has %d users", got)
	}
	for _, bad := range []string{"0", "1001", "x"} {
		env.Fail(ramsimtest.VRAM, "ListUsers", map[string]string{"MaxItems": bad}, 400, "InvalidParameter.MaxItems")
	}
	env.Fail(ramsimtest.VRAM, "ListUsers", map[string]string{"Marker": "!!"}, 400, "InvalidParameter.Marker")
	// A marker that decodes but was not issued (a key past the last user,
	// a real marker cut short or edited) is an error, never an empty last
	// page.
	issued := ramsimtest.Str(env.OK(ramsimtest.VRAM, "ListUsers", map[string]string{"MaxItems": "1"}), "Marker")
	edited := []byte(issued)
	edited[0] ^= 1 // another letter of the base64 alphabet
	for _, bad := range []string{base64.RawURLEncoding.EncodeToString([]byte("zzz")), issued[:len(issued)-2], string(edited)} {
		env.Fail(ramsimtest.VRAM, "ListUsers", map[string]string{"Marker": bad}, 400, "InvalidParameter.Marker")
	}
}

func TestGetCallerIdentity(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	for _, v3 := range []bool{false, true} {
		status, body := env.Do(env.Request(ramsimtest.Signer{V3: v3}, ramsimtest.VSTS, "GetCallerIdentity", nil))
		if status != 200 {
			t.Fatalf("%d %v", status, body)
		}
		want := map[string]string{"AccountId": ramsimtest.Account, "UserId": ramsimtest.Account, "PrincipalId": ramsimtest.Account,
			"Arn": "acs:ram::" + ramsimtest.Account + ":root", "IdentityType": "Account"}
		for k, v := range want {
			if body[k] != v {
				t.Errorf("%s = %v, want %s", k, body[k], v)
			}
		}
	}
}

// Concurrent mutations are serialized (run with -race).
func TestConcurrentRequests(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprintf("user-%02d", i)
			r := env.Request(ramsimtest.Signer{V3: i%2 == 0}, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": name})
			w := httptest.NewRecorder()
			env.Srv.ServeHTTP(w, r) // not env.do: it may call t.Fatal, which a goroutine must not
			if w.Code != 200 {
				t.Errorf("%s: %d %s", name, w.Code, w.Body)
			}
			env.Srv.Users()
		}()
	}
	wg.Wait()
	if n := len(env.Srv.Users()); n != 20 {
		t.Fatalf("%d users", n)
	}
}
