// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"encoding/base64"
	"fmt"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestUserLifecycle(t *testing.T) {
	env := newEnv(t, Config{})
	created := env.clock.now()
	body := env.ok(vRAM, "CreateUser", map[string]string{
		"UserName": "alice", "DisplayName": "Alice Ω", "MobilePhone": "86-18600008888",
		"Email": "alice@example.com", "Comments": "first user",
	})
	u := field(body, "User")
	id := str(u, "UserId")
	if !regexp.MustCompile(`^[1-9][0-9]{15}$`).MatchString(id) {
		t.Fatalf("UserId %q", id)
	}
	want := map[string]string{
		"UserName": "alice", "DisplayName": "Alice Ω", "MobilePhone": "86-18600008888", "Email": "alice@example.com",
		"Comments": "first user", "CreateDate": "2025-03-04T05:06:07Z", "UpdateDate": "2025-03-04T05:06:07Z",
	}
	for k, v := range want {
		if str(u, k) != v {
			t.Errorf("%s = %q, want %q", k, str(u, k), v)
		}
	}
	env.fail(vRAM, "CreateUser", map[string]string{"UserName": "alice"}, 409, "EntityAlreadyExists.User")

	got := env.ok(vRAM, "GetUser", map[string]string{"UserName": "alice"})
	if str(got, "User", "UserId") != id || str(got, "User", "Email") != "alice@example.com" {
		t.Fatalf("GetUser: %v", got)
	}

	// Rename and change one field; the rest is kept, UserId too.
	env.clock.add(time.Hour)
	body = env.ok(vRAM, "UpdateUser", map[string]string{"UserName": "alice", "NewUserName": "alice2", "NewEmail": "a2@example.com"})
	if str(body, "User", "UserName") != "alice2" || str(body, "User", "UserId") != id || str(body, "User", "Comments") != "first user" ||
		str(body, "User", "UpdateDate") != "2025-03-04T06:06:07Z" || str(body, "User", "CreateDate") != "2025-03-04T05:06:07Z" {
		t.Fatalf("UpdateUser: %v", body)
	}
	env.fail(vRAM, "GetUser", map[string]string{"UserName": "alice"}, 404, "EntityNotExist.User")

	// Present-but-empty parameters clear fields; absent ones are kept.
	body = env.ok(vRAM, "UpdateUser", map[string]string{"UserName": "alice2", "NewComments": "", "NewDisplayName": "", "NewMobilePhone": "", "NewEmail": ""})
	for _, f := range []string{"Comments", "DisplayName", "MobilePhone", "Email"} {
		if str(body, "User", f) != "" {
			t.Errorf("%s not cleared: %v", f, body)
		}
	}
	snap, ok := env.srv.User("alice2")
	if !ok || snap.UserID != id || snap.Comments != "" || snap.DisplayName != "" || !snap.CreateDate.Equal(created) {
		t.Fatalf("snapshot %+v", snap)
	}

	env.ok(vRAM, "DeleteUser", map[string]string{"UserName": "alice2"})
	env.fail(vRAM, "DeleteUser", map[string]string{"UserName": "alice2"}, 404, "EntityNotExist.User")
	if _, ok := env.srv.User("alice2"); ok || len(env.srv.Users()) != 0 {
		t.Fatal("user still there after DeleteUser")
	}
}

func TestRenameConflicts(t *testing.T) {
	env := newEnv(t, Config{})
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "a"})
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "b"})
	env.fail(vRAM, "UpdateUser", map[string]string{"UserName": "a", "NewUserName": "b"}, 409, "EntityAlreadyExists.User")
	// Renaming to the own name is no conflict.
	env.ok(vRAM, "UpdateUser", map[string]string{"UserName": "a", "NewUserName": "a"})
	// A rejected update changes nothing.
	env.fail(vRAM, "UpdateUser", map[string]string{"UserName": "a", "NewUserName": "c", "NewEmail": "bad"}, 400, "InvalidParameter.NewEmail.Format")
	if _, ok := env.srv.User("a"); !ok {
		t.Fatal("a was renamed by a failed update")
	}
	env.fail(vRAM, "UpdateUser", map[string]string{"UserName": "nobody", "NewComments": "x"}, 404, "EntityNotExist.User")
}

func TestUserValidation(t *testing.T) {
	env := newEnv(t, Config{})
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "bob"})
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
			body := env.fail(vRAM, c.action, c.p, 400, c.code)
			if body["HostId"] != "ram.aliyuncs.com" {
				t.Fatalf("HostId %v", body["HostId"])
			}
		})
	}
	// Limits are inclusive, in characters, and empty optional values on
	// create mean "not set".
	env.ok(vRAM, "CreateUser", map[string]string{
		"UserName": long(64), "DisplayName": strings.Repeat("中", 128), "Comments": strings.Repeat("é", 128),
		"MobilePhone": "1234-12345678901234567890", "Email": "", "NewComments": "ignored on create",
	})
	if u, _ := env.srv.User(long(64)); u.Email != "" || u.Comments != strings.Repeat("é", 128) {
		t.Fatalf("%+v", u)
	}
	if len(env.srv.Users()) != 2 {
		t.Fatalf("a rejected CreateUser created a user: %v", env.srv.Users())
	}
}

func TestUserLimit(t *testing.T) {
	env := newEnv(t, Config{Limits: Limits{Users: 2}})
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "u1"})
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "u2"})
	env.fail(vRAM, "CreateUser", map[string]string{"UserName": "u3"}, 409, "LimitExceeded.User")
	env.ok(vRAM, "DeleteUser", map[string]string{"UserName": "u1"})
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "u3"})
}

func TestListUsersPaging(t *testing.T) {
	env := newEnv(t, Config{})
	body := env.ok(vRAM, "ListUsers", nil)
	if users, ok := field(body, "Users", "User").([]any); !ok || len(users) != 0 || body["IsTruncated"] != false {
		t.Fatalf("empty list: %v", body)
	}
	for _, n := range []string{"e", "c", "a", "d", "b"} {
		env.ok(vRAM, "CreateUser", map[string]string{"UserName": n})
	}
	var names []string
	marker := ""
	for pages := 0; ; pages++ {
		p := map[string]string{"MaxItems": "2"}
		if marker != "" {
			p["Marker"] = marker
		}
		body := env.ok(vRAM, "ListUsers", p)
		for _, u := range asList(t, field(body, "Users", "User")) {
			names = append(names, str(u, "UserName"))
		}
		if body["IsTruncated"] != true {
			if _, has := body["Marker"]; has {
				t.Fatalf("Marker on the last page: %v", body)
			}
			break
		}
		marker = str(body, "Marker")
		if pages == 0 {
			// A user deleted between pages does not break paging.
			env.ok(vRAM, "DeleteUser", map[string]string{"UserName": "c"})
		}
	}
	if got := strings.Join(names, ","); got != "a,b,d,e" {
		t.Fatalf("paged names %s", got)
	}
	if got := len(asList(t, field(env.ok(vRAM, "ListUsers", nil), "Users", "User"))); got != 4 {
		t.Fatalf("default page has %d users", got)
	}
	for _, bad := range []string{"0", "1001", "x"} {
		env.fail(vRAM, "ListUsers", map[string]string{"MaxItems": bad}, 400, "InvalidParameter.MaxItems")
	}
	env.fail(vRAM, "ListUsers", map[string]string{"Marker": "!!"}, 400, "InvalidParameter.Marker")
	// A marker that decodes but was not issued (a key past the last user,
	// a real marker cut short or edited) is an error, never an empty last
	// page.
	issued := str(env.ok(vRAM, "ListUsers", map[string]string{"MaxItems": "1"}), "Marker")
	edited := []byte(issued)
	edited[0] ^= 1 // another letter of the base64 alphabet
	for _, bad := range []string{base64.RawURLEncoding.EncodeToString([]byte("zzz")), issued[:len(issued)-2], string(edited)} {
		env.fail(vRAM, "ListUsers", map[string]string{"Marker": bad}, 400, "InvalidParameter.Marker")
	}
}

func TestGetCallerIdentity(t *testing.T) {
	env := newEnv(t, Config{})
	for _, v3 := range []bool{false, true} {
		status, body := env.do(env.request(signer{v3: v3}, vSTS, "GetCallerIdentity", nil))
		if status != 200 {
			t.Fatalf("%d %v", status, body)
		}
		want := map[string]string{"AccountId": testAccount, "UserId": testAccount, "PrincipalId": testAccount,
			"Arn": "acs:ram::" + testAccount + ":root", "IdentityType": "Account"}
		for k, v := range want {
			if body[k] != v {
				t.Errorf("%s = %v, want %s", k, body[k], v)
			}
		}
	}
}

// Concurrent mutations are serialized (run with -race).
func TestConcurrentRequests(t *testing.T) {
	env := newEnv(t, Config{})
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprintf("user-%02d", i)
			r := env.request(signer{v3: i%2 == 0}, vRAM, "CreateUser", map[string]string{"UserName": name})
			w := httptest.NewRecorder()
			env.srv.ServeHTTP(w, r) // not env.do: it may call t.Fatal, which a goroutine must not
			if w.Code != 200 {
				t.Errorf("%s: %d %s", name, w.Code, w.Body)
			}
			env.srv.Users()
		}()
	}
	wg.Wait()
	if n := len(env.srv.Users()); n != 20 {
		t.Fatalf("%d users", n)
	}
}
