// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"net/http"
	"reflect"
	"testing"
)

func groupBody(name string) map[string]any {
	return map[string]any{"GroupId": 401234567890123456, "GroupName": name, "Comments": "c",
		"CreateDate": "2024-01-02T03:04:05Z", "UpdateDate": "2024-01-03T03:04:05Z"}
}

func wantGroup(name string) Group {
	return Group{GroupID: "401234567890123456", GroupName: name, Comments: "c",
		CreateDate: "2024-01-02T03:04:05Z", UpdateDate: "2024-01-03T03:04:05Z"}
}

func TestGroupCRUDRequests(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r seen, _ int) {
		if r.Action == "DeleteGroup" {
			writeJSON(w, 200, map[string]any{"RequestId": "R"})
			return
		}
		writeJSON(w, 200, map[string]any{"RequestId": "R", "Group": groupBody("g")})
	})
	c := testClient(t, f.URL)
	ctx := context.Background()
	if g, err := c.CreateGroup(ctx, "g", "c"); err != nil || *g != wantGroup("g") {
		t.Fatalf("CreateGroup = %+v, %v", g, err)
	}
	if _, err := c.CreateGroup(ctx, "g", ""); err != nil {
		t.Fatal(err)
	}
	if g, err := c.GetGroup(ctx, "g"); err != nil || *g != wantGroup("g") {
		t.Fatalf("GetGroup = %+v, %v", g, err)
	}
	empty, name := "", "g2"
	if _, err := c.UpdateGroup(ctx, "g", nil, &empty); err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpdateGroup(ctx, "g", &name, nil); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteGroup(ctx, "g"); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range f.requests() {
		got = append(got, r.Action+"?"+r.RawQuery)
	}
	want := []string{"CreateGroup?Comments=c&GroupName=g", "CreateGroup?GroupName=g", "GetGroup?GroupName=g",
		"UpdateGroup?GroupName=g&NewComments=", "UpdateGroup?GroupName=g&NewGroupName=g2", "DeleteGroup?GroupName=g"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("requests\n%q\nwant\n%q", got, want)
	}
}

func TestMembershipRequests(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r seen, _ int) {
		switch {
		case r.Action == "ListGroupsForUser":
			writeJSON(w, 200, map[string]any{"RequestId": "R", "Groups": map[string]any{"Group": []any{
				map[string]any{"GroupId": "7", "GroupName": "g", "Comments": "c", "JoinDate": "J"}}}})
		case r.Action == "ListUsersForGroup" && r.Query.Get("Marker") == "":
			writeJSON(w, 200, map[string]any{"RequestId": "R", "IsTruncated": "true", "Marker": "M2",
				"Users": map[string]any{"User": []any{map[string]any{"UserId": 1, "UserName": "alice", "DisplayName": "A", "JoinDate": "J"}}}})
		case r.Action == "ListUsersForGroup":
			writeJSON(w, 200, map[string]any{"RequestId": "R", "IsTruncated": "false",
				"Users": map[string]any{"User": []any{map[string]any{"UserId": "2", "UserName": "bob"}}}})
		default:
			writeJSON(w, 200, map[string]any{"RequestId": "R"})
		}
	})
	c := testClient(t, f.URL)
	ctx := context.Background()
	if err := c.AddUserToGroup(ctx, "g", "alice"); err != nil {
		t.Fatal(err)
	}
	if err := c.RemoveUserFromGroup(ctx, "g", "alice"); err != nil {
		t.Fatal(err)
	}
	gs, err := c.ListGroupsForUser(ctx, "alice")
	if want := []Group{{GroupID: "7", GroupName: "g", Comments: "c", JoinDate: "J"}}; err != nil || !reflect.DeepEqual(gs, want) {
		t.Fatalf("ListGroupsForUser = %+v, %v", gs, err)
	}
	us, err := c.ListUsersForGroup(ctx, "g")
	if want := []User{{UserID: "1", UserName: "alice", DisplayName: "A"}, {UserID: "2", UserName: "bob"}}; err != nil || !reflect.DeepEqual(us, want) {
		t.Fatalf("ListUsersForGroup = %+v, %v", us, err)
	}
	var got []string
	for _, r := range f.requests() {
		got = append(got, r.Action+"?"+r.RawQuery)
	}
	want := []string{"AddUserToGroup?GroupName=g&UserName=alice", "RemoveUserFromGroup?GroupName=g&UserName=alice",
		"ListGroupsForUser?UserName=alice", "ListUsersForGroup?GroupName=g", "ListUsersForGroup?GroupName=g&Marker=M2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("requests\n%q\nwant\n%q", got, want)
	}
}
