// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// alice is a user body as RAM sends it, except that UserId is a number, as a
// less careful server might send it.
func alice() map[string]any {
	return map[string]any{"UserId": 216123456789012345, "UserName": "alice", "DisplayName": "Alice",
		"MobilePhone": "86-18600008888", "Email": "alice@example.com", "Comments": "ops",
		"CreateDate": "2015-01-23T12:33:18Z", "UpdateDate": "2015-01-24T12:33:18Z", "LastLoginDate": "2015-01-25T12:33:18Z"}
}

var wantAlice = User{UserID: "216123456789012345", UserName: "alice", DisplayName: "Alice", MobilePhone: "86-18600008888",
	Email: "alice@example.com", Comments: "ops", CreateDate: "2015-01-23T12:33:18Z", UpdateDate: "2015-01-24T12:33:18Z",
	LastLoginDate: "2015-01-25T12:33:18Z"}

func TestCreateUser(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"User": alice()}))
	u, err := testClient(t, f.URL).CreateUser(context.Background(), CreateUserInput{UserName: "alice", DisplayName: "Alice"})
	if err != nil || *u != wantAlice {
		t.Fatalf("CreateUser = %+v, %v", u, err)
	}
	r := f.requests()[0]
	if r.Action != "CreateUser" || r.Version != "2015-05-01" || len(r.Query) != 2 ||
		r.Query.Get("UserName") != "alice" || r.Query.Get("DisplayName") != "Alice" {
		t.Errorf("request %s %v", r.Action, r.Query)
	}
}

func TestGetAndDeleteUser(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r seen, _ int) {
		if r.Action == "GetUser" {
			writeJSON(w, 200, map[string]any{"RequestId": "R", "User": alice()})
			return
		}
		writeJSON(w, 200, map[string]any{"RequestId": "R"})
	})
	c := testClient(t, f.URL)
	if u, err := c.GetUser(context.Background(), "alice"); err != nil || *u != wantAlice {
		t.Fatalf("GetUser = %+v, %v", u, err)
	}
	if err := c.DeleteUser(context.Background(), "alice"); err != nil {
		t.Fatal(err)
	}
	if r := f.requests()[1]; r.Action != "DeleteUser" || r.RawQuery != "UserName=alice" {
		t.Errorf("DeleteUser request %s %s", r.Action, r.RawQuery)
	}
}

// An empty value must reach the API (it clears the field), and be signed
// like any other: darabonba puts "Key=" in both the URL and the V3
// canonical query.
func TestUpdateUserSendsEmptyValues(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"User": alice()}))
	empty, name := "", "alice2"
	_, err := testClient(t, f.URL).UpdateUser(context.Background(), UpdateUserInput{UserName: "alice", NewUserName: &name, NewComments: &empty})
	if err != nil {
		t.Fatal(err)
	}
	r := f.requests()[0]
	if r.RawQuery != "NewComments=&NewUserName=alice2&UserName=alice" {
		t.Errorf("query %q", r.RawQuery)
	}
	if _, sent := r.Query["NewDisplayName"]; sent {
		t.Error("nil field sent")
	}
}

func TestListUsers(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r seen, n int) {
		if n == 1 { // booleans as strings, as the classic API sometimes answers
			writeJSON(w, 200, map[string]any{"RequestId": "R", "IsTruncated": "true", "Marker": "M2",
				"Users": map[string]any{"User": []any{alice()}}})
			return
		}
		writeJSON(w, 200, map[string]any{"RequestId": "R", "IsTruncated": false,
			"Users": map[string]any{"User": []any{map[string]any{"UserId": "2", "UserName": "bob"}}}})
	})
	c := testClient(t, f.URL)
	users, next, err := c.ListUsers(context.Background(), "", 1)
	if err != nil || len(users) != 1 || users[0] != wantAlice || next != "M2" {
		t.Fatalf("page 1: %+v %q %v", users, next, err)
	}
	users, next, err = c.ListUsers(context.Background(), next, 0)
	if err != nil || len(users) != 1 || users[0].UserName != "bob" || next != "" {
		t.Fatalf("page 2: %+v %q %v", users, next, err)
	}
	reqs := f.requests()
	if reqs[0].RawQuery != "MaxItems=1" || reqs[1].RawQuery != "Marker=M2" {
		t.Errorf("queries %q, %q", reqs[0].RawQuery, reqs[1].RawQuery)
	}
}

// Terraform runs operations in parallel on one Client; -race checks the
// shared credential, connection pool and darabonba use.
func TestConcurrentCalls(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"User": alice()}))
	c := testClient(t, f.URL)
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for range 20 {
		wg.Go(func() {
			_, err := c.GetUser(context.Background(), "alice")
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestUndecodableSuccess(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"User": "not an object"}))
	_, err := testClient(t, f.URL).GetUser(context.Background(), "alice")
	if err == nil || !strings.Contains(err.Error(), "ram GetUser: decoding response") || IsRetryable(err) {
		t.Fatalf("err = %v", err)
	}
}
