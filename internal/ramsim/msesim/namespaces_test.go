// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package msesim_test

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/msesim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

// nsParams are the parameters of a namespace call on the seed instance.
func nsParams(kv ...string) map[string]string {
	return ramsimtest.MergeParams(map[string]string{"InstanceId": ramsimtest.SeedNacos}, kv...)
}

// listNamespaceIDs returns the Namespace of every ListEngineNamespaces
// entry, in order.
func listNamespaceIDs(t *testing.T, e *ramsimtest.Env, p map[string]string) []string {
	t.Helper()
	got := e.OK(ramsimtest.VMSE, "ListEngineNamespaces", p)
	var ids []string
	for _, it := range ramsimtest.AsList(t, got["Data"]) {
		ids = append(ids, ramsimtest.Str(it, "Namespace"))
	}
	return ids
}

// A namespace's life: created with an Id, read, listed, renamed, used for
// a configuration, refused deletion while it holds one, deleted.
func TestMSEEngineNamespaceLifecycle(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	created := e.OK(ramsimtest.VMSE, "CreateEngineNamespace", nsParams("Id", "test_ns-1", "Name", "test", "Desc", "for tests", "ServiceCount", "50"))
	if created["Success"] != true || ramsimtest.Str(created, "ClusterId") != "mse-0pp1j8om80a" || ramsimtest.Str(created, "Data", "Namespace") != "test_ns-1" ||
		ramsimtest.Str(created, "Data", "NamespaceShowName") != "test" || ramsimtest.Str(created, "Data", "NamespaceDesc") != "for tests" ||
		ramsimtest.Field(created, "Data", "Type") != float64(msesim.NamespaceTypeCustom) || ramsimtest.Field(created, "Data", "ConfigCount") != float64(0) {
		t.Fatalf("CreateEngineNamespace: %v", created)
	}
	if _, ok := created["HttpCode"]; ok {
		t.Errorf("CreateEngineNamespace answers HttpCode, which its reference does not have: %v", created)
	}
	got := e.OK(ramsimtest.VMSE, "GetEngineNamepace", nsParams("Id", "test_ns-1"))
	if ramsimtest.Str(got, "Namespace") != "test_ns-1" || ramsimtest.Str(got, "NamespaceShowName") != "test" || ramsimtest.Str(got, "Type") != "2" ||
		ramsimtest.Str(got, "Quota") != "200" || ramsimtest.Str(got, "ConfigCount") != "0" || ramsimtest.Str(got, "HttpCode") != "200" {
		t.Fatalf("GetEngineNamepace: %v", got)
	}
	// public first, then by id; the default set's three and the new one.
	if ids := listNamespaceIDs(t, e, nsParams()); len(ids) != 4 || ids[0] != "public" || ids[1] != ramsimtest.SeedNS || ids[2] != "dev" || ids[3] != "test_ns-1" {
		t.Fatalf("ListEngineNamespaces: %v", ids)
	}

	updated := e.OK(ramsimtest.VMSE, "UpdateEngineNamespace", nsParams("Id", "test_ns-1", "Name", "renamed"))
	if ramsimtest.Str(updated, "Data", "NamespaceShowName") != "renamed" || ramsimtest.Str(updated, "Data", "NamespaceDesc") != "for tests" {
		t.Fatalf("UpdateEngineNamespace without Desc keeps it: %v", updated)
	}
	updated = e.OK(ramsimtest.VMSE, "UpdateEngineNamespace", nsParams("Id", "test_ns-1", "Name", "renamed", "Desc", ""))
	if ramsimtest.Str(updated, "Data", "NamespaceDesc") != "" {
		t.Fatalf("UpdateEngineNamespace with an empty Desc clears it: %v", updated)
	}

	// The new namespace holds configurations like any other.
	cfg := nsParams("NamespaceId", "test_ns-1", "DataId", "app.yaml", "Group", "DEFAULT_GROUP", "Content", "a: 1")
	e.OK(ramsimtest.VMSE, "CreateNacosConfig", cfg)
	if got := e.OK(ramsimtest.VMSE, "GetEngineNamepace", nsParams("Id", "test_ns-1")); ramsimtest.Str(got, "ConfigCount") != "1" {
		t.Fatalf("ConfigCount after a configuration: %v", got)
	}
	e.Fail(ramsimtest.VMSE, "DeleteEngineNamespace", nsParams("Id", "test_ns-1"), http.StatusBadRequest, "IllegalRequest")
	e.OK(ramsimtest.VMSE, "DeleteNacosConfig", cfg)
	deleted := e.OK(ramsimtest.VMSE, "DeleteEngineNamespace", nsParams("Id", "test_ns-1"))
	if deleted["Success"] != true {
		t.Fatalf("DeleteEngineNamespace: %v", deleted)
	}
	e.Fail(ramsimtest.VMSE, "GetEngineNamepace", nsParams("Id", "test_ns-1"), http.StatusNotFound, "NotFound")
	e.Fail(ramsimtest.VMSE, "GetNacosConfig", cfg, http.StatusNotFound, "NotFound")
	if ids := listNamespaceIDs(t, e, nsParams()); len(ids) != 3 {
		t.Fatalf("after the deletion: %v", ids)
	}
}

// Without Id the namespace gets a UUID-shaped id, which the answer leaves
// out, as the reference says; the list shows it.
func TestMSEEngineNamespaceGeneratedID(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	created := e.OK(ramsimtest.VMSE, "CreateEngineNamespace", map[string]string{"ClusterId": "mse-0pp1j8om80a", "Name": "staging"})
	if data, _ := created["Data"].(map[string]any); data == nil || data["NamespaceShowName"] != "staging" || data["Namespace"] != nil {
		t.Fatalf("CreateEngineNamespace without Id: %v", created)
	}
	list := e.OK(ramsimtest.VMSE, "ListEngineNamespaces", map[string]string{"ClusterId": "mse-0pp1j8om80a"})
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	var found string
	for _, it := range ramsimtest.AsList(t, list["Data"]) {
		if ramsimtest.Str(it, "NamespaceShowName") == "staging" {
			found = ramsimtest.Str(it, "Namespace")
		}
		if ramsimtest.Str(it, "ServiceCount") == "" || ramsimtest.Str(it, "SourceType") != "mse" {
			t.Errorf("list entry %v: ServiceCount must be a string, SourceType mse", it)
		}
	}
	if !uuid.MatchString(found) || ramsimtest.Field(list, "TotalCount") != float64(4) || ramsimtest.Field(list, "PageSize") != float64(4) {
		t.Fatalf("ListEngineNamespaces: %v", list)
	}
	e.OK(ramsimtest.VMSE, "CreateNacosConfig", nsParams("NamespaceId", found, "DataId", "a.yaml", "Content", "a: 1"))
}

func TestMSEEngineNamespaceErrors(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	for _, tc := range []struct {
		action string
		p      map[string]string
		status int
		code   string
	}{
		{"CreateEngineNamespace", map[string]string{"Name": "x"}, http.StatusBadRequest, "MissingInstanceId"},
		{"CreateEngineNamespace", map[string]string{"InstanceId": "mse-cn-none", "Name": "x"}, http.StatusNotFound, "mse-200-021"},
		{"ListEngineNamespaces", map[string]string{"InstanceId": "mse-cn-none"}, http.StatusNotFound, "mse-200-021"},
		{"CreateEngineNamespace", nsParams("Id", "x"), http.StatusBadRequest, "MissingName"},
		{"CreateEngineNamespace", nsParams("Id", "a/b", "Name", "x"), http.StatusBadRequest, "InvalidParameter"},
		{"CreateEngineNamespace", nsParams("Id", "a.b", "Name", "x"), http.StatusBadRequest, "InvalidParameter"},
		{"CreateEngineNamespace", nsParams("Name", "x", "ServiceCount", "many"), http.StatusBadRequest, "InvalidParameter"},
		{"CreateEngineNamespace", nsParams("Id", ramsimtest.SeedNS, "Name", "x"), http.StatusBadRequest, "IllegalRequest"},
		{"CreateEngineNamespace", nsParams("Id", "public", "Name", "x"), http.StatusBadRequest, "IllegalRequest"},
		{"GetEngineNamepace", nsParams(), http.StatusBadRequest, "MissingId"},
		{"GetEngineNamepace", nsParams("Id", "nope"), http.StatusNotFound, "NotFound"},
		{"UpdateEngineNamespace", nsParams("Id", "nope", "Name", "x"), http.StatusNotFound, "NotFound"},
		{"UpdateEngineNamespace", nsParams("Id", "dev"), http.StatusBadRequest, "MissingName"},
		{"UpdateEngineNamespace", nsParams("Id", "public", "Name", "x"), http.StatusBadRequest, "IllegalRequest"},
		{"DeleteEngineNamespace", nsParams("Id", "nope"), http.StatusNotFound, "NotFound"},
		{"DeleteEngineNamespace", nsParams("Id", "public"), http.StatusBadRequest, "IllegalRequest"},
		// The seed namespace holds configurations and a service.
		{"DeleteEngineNamespace", nsParams("Id", ramsimtest.SeedNS), http.StatusBadRequest, "IllegalRequest"},
		{"ListEngineNamespaces", nsParams("PageSize", "0"), http.StatusBadRequest, "InvalidParameter"},
	} {
		body := e.Fail(ramsimtest.VMSE, tc.action, tc.p, tc.status, tc.code)
		if body["Success"] != false {
			t.Errorf("%s %v: Success is not false: %v", tc.action, tc.p, body)
		}
	}
	// Nothing changed.
	if ids := listNamespaceIDs(t, e, nsParams()); len(ids) != 3 {
		t.Fatalf("namespaces after refused calls: %v", ids)
	}
	if got := e.OK(ramsimtest.VMSE, "GetEngineNamepace", nsParams("Id", ramsimtest.SeedNS)); ramsimtest.Str(got, "ConfigCount") != "2" || ramsimtest.Str(got, "NamespaceShowName") != "prod" {
		t.Fatalf("the seed namespace: %v", got)
	}
}

// With PageSize the list pages; PageNumber and PageSize echo the request.
func TestMSEEngineNamespacePaging(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	if ids := listNamespaceIDs(t, e, nsParams("PageNum", "2", "PageSize", "2")); len(ids) != 1 || ids[0] != "dev" {
		t.Fatalf("page 2 of 2: %v", ids)
	}
	got := e.OK(ramsimtest.VMSE, "ListEngineNamespaces", nsParams("PageNum", "1", "PageSize", "2"))
	if ramsimtest.Field(got, "TotalCount") != float64(3) || ramsimtest.Field(got, "PageSize") != float64(2) || len(ramsimtest.AsList(t, got["Data"])) != 2 {
		t.Fatalf("page 1 of 2: %v", got)
	}
}

// The namespace actions are authorized on * only ("All Resources" in
// their references): a grant on the instance or the namespace does not
// allow them, a grant on acs:mse:*:*:* does.
func TestMSEEngineNamespaceAuthorization(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	alice := e.NewAliceKey()
	all := "acs:mse:" + ramsimtest.SeedRegion + ":" + ramsimtest.Account + ":*"
	create := nsParams("Id", "alice-ns", "Name", "alice")
	e.AsDenied(alice, ramsimtest.VMSE, "CreateEngineNamespace", create, "mse:CreateEngineNamespace", all)
	e.Grant("User", "alice", "instance-wide", `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:*",`+
		`"Resource":["acs:mse:*:*:instance/`+ramsimtest.SeedNacos+`","acs:mse:*:*:instance/`+ramsimtest.SeedNacos+`/*"]}]}`)
	e.AsDenied(alice, ramsimtest.VMSE, "CreateEngineNamespace", create, "mse:CreateEngineNamespace", all)
	e.AsDenied(alice, ramsimtest.VMSE, "ListEngineNamespaces", nsParams(), "mse:ListEngineNamespaces", all)
	e.Grant("User", "alice", "namespaces", `{"Version":"1","Statement":[{"Effect":"Allow",`+
		`"Action":["mse:CreateEngineNamespace","mse:ListEngineNamespaces","mse:GetEngineNamepace"],"Resource":"acs:mse:*:*:*"}]}`)
	e.AsOK(alice, ramsimtest.VMSE, "CreateEngineNamespace", create)
	e.AsOK(alice, ramsimtest.VMSE, "GetEngineNamepace", nsParams("Id", "alice-ns"))
	if ids := listNamespaceIDs(t, e, nsParams()); len(ids) != 4 {
		t.Fatalf("after alice's create: %v", ids)
	}
	// Granted the actions above, not DeleteEngineNamespace.
	e.AsDenied(alice, ramsimtest.VMSE, "DeleteEngineNamespace", nsParams("Id", "alice-ns"), "mse:DeleteEngineNamespace", all)
}

// The default fixtures hold a dev namespace, empty, next to the seeds'
// ids; a fixtures file gives namespaces a description.
func TestMSEFixtureNamespaces(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	got := e.OK(ramsimtest.VMSE, "GetEngineNamepace", nsParams("Id", "dev"))
	if ramsimtest.Str(got, "NamespaceShowName") != "dev" || ramsimtest.Str(got, "ConfigCount") != "0" || ramsimtest.Str(got, "NamespaceDesc") == "" {
		t.Fatalf("dev: %v", got)
	}
	e.OK(ramsimtest.VMSE, "CreateNacosConfig", nsParams("NamespaceId", "dev", "DataId", "app.yaml", "Content", "env: dev"))

	path := filepath.Join(t.TempDir(), "fixtures.json")
	writeFile(t, path, `{"Clusters":[{"InstanceId":"mse-cn-own","Namespaces":[
		{"NamespaceId":"dev","NamespaceShowName":"Development","NamespaceDesc":"the developers' namespace"}]}]}`)
	own := ramsimtest.New(t, ramsim.Config{Fixtures: path})
	got = own.OK(ramsimtest.VMSE, "GetEngineNamepace", map[string]string{"InstanceId": "mse-cn-own", "Id": "dev"})
	if ramsimtest.Str(got, "NamespaceShowName") != "Development" || ramsimtest.Str(got, "NamespaceDesc") != "the developers' namespace" {
		t.Fatalf("fixture namespace: %v", got)
	}
}

// The fixtures example of the "Testing with ramsim" guide's MSE namespaces
// section is a valid fixtures file with the namespaces it shows.
func TestMSEGuideNamespaceFixturesExample(t *testing.T) {
	guide, err := os.ReadFile(filepath.Join("..", "..", "..", "templates", "guides", "testing-with-ramsim.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(guide), "\n## MSE namespaces\n")
	_, block, ok2 := strings.Cut(section, "```json\n")
	example, _, ok3 := strings.Cut(block, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatal("no JSON example in the guide's MSE namespaces section")
	}
	path := filepath.Join(t.TempDir(), "fixtures.json")
	writeFile(t, path, example)
	e := ramsimtest.New(t, ramsim.Config{Fixtures: path})
	inst := map[string]string{"InstanceId": "mse-cn-my0instance"}
	if ids := listNamespaceIDs(t, e, inst); strings.Join(ids, ",") != "public,dev,prod" {
		t.Fatalf("namespaces: %v", ids)
	}
	e.OK(ramsimtest.VMSE, "GetNacosConfig", ramsimtest.MergeParams(inst, "NamespaceId", "dev", "DataId", "app.yaml"))
	e.OK(ramsimtest.VMSE, "ListAnsInstances", ramsimtest.MergeParams(inst, "NamespaceId", "prod", "ServiceName", "orders"))
}
