// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// nsParams are the parameters of a namespace call on the seed instance.
func nsParams(kv ...string) map[string]string {
	return mergeParams(map[string]string{"InstanceId": seedNacos}, kv...)
}

// listNamespaceIDs returns the Namespace of every ListEngineNamespaces
// entry, in order.
func listNamespaceIDs(t *testing.T, e *testEnv, p map[string]string) []string {
	t.Helper()
	got := e.ok(vMSE, "ListEngineNamespaces", p)
	var ids []string
	for _, it := range asList(t, got["Data"]) {
		ids = append(ids, str(it, "Namespace"))
	}
	return ids
}

// A namespace's life: created with an Id, read, listed, renamed, used for
// a configuration, refused deletion while it holds one, deleted.
func TestMSEEngineNamespaceLifecycle(t *testing.T) {
	e := newEnv(t, Config{})
	created := e.ok(vMSE, "CreateEngineNamespace", nsParams("Id", "test_ns-1", "Name", "test", "Desc", "for tests", "ServiceCount", "50"))
	if created["Success"] != true || str(created, "ClusterId") != "mse-0pp1j8om80a" || str(created, "Data", "Namespace") != "test_ns-1" ||
		str(created, "Data", "NamespaceShowName") != "test" || str(created, "Data", "NamespaceDesc") != "for tests" ||
		field(created, "Data", "Type") != float64(namespaceTypeCustom) || field(created, "Data", "ConfigCount") != float64(0) {
		t.Fatalf("CreateEngineNamespace: %v", created)
	}
	if _, ok := created["HttpCode"]; ok {
		t.Errorf("CreateEngineNamespace answers HttpCode, which its reference does not have: %v", created)
	}
	got := e.ok(vMSE, "GetEngineNamepace", nsParams("Id", "test_ns-1"))
	if str(got, "Namespace") != "test_ns-1" || str(got, "NamespaceShowName") != "test" || str(got, "Type") != "2" ||
		str(got, "Quota") != "200" || str(got, "ConfigCount") != "0" || str(got, "HttpCode") != "200" {
		t.Fatalf("GetEngineNamepace: %v", got)
	}
	// public first, then by id; the default set's three and the new one.
	if ids := listNamespaceIDs(t, e, nsParams()); len(ids) != 4 || ids[0] != "public" || ids[1] != seedNS || ids[2] != "dev" || ids[3] != "test_ns-1" {
		t.Fatalf("ListEngineNamespaces: %v", ids)
	}

	updated := e.ok(vMSE, "UpdateEngineNamespace", nsParams("Id", "test_ns-1", "Name", "renamed"))
	if str(updated, "Data", "NamespaceShowName") != "renamed" || str(updated, "Data", "NamespaceDesc") != "for tests" {
		t.Fatalf("UpdateEngineNamespace without Desc keeps it: %v", updated)
	}
	updated = e.ok(vMSE, "UpdateEngineNamespace", nsParams("Id", "test_ns-1", "Name", "renamed", "Desc", ""))
	if str(updated, "Data", "NamespaceDesc") != "" {
		t.Fatalf("UpdateEngineNamespace with an empty Desc clears it: %v", updated)
	}

	// The new namespace holds configurations like any other.
	cfg := nsParams("NamespaceId", "test_ns-1", "DataId", "app.yaml", "Group", "DEFAULT_GROUP", "Content", "a: 1")
	e.ok(vMSE, "CreateNacosConfig", cfg)
	if got := e.ok(vMSE, "GetEngineNamepace", nsParams("Id", "test_ns-1")); str(got, "ConfigCount") != "1" {
		t.Fatalf("ConfigCount after a configuration: %v", got)
	}
	e.fail(vMSE, "DeleteEngineNamespace", nsParams("Id", "test_ns-1"), http.StatusBadRequest, "IllegalRequest")
	e.ok(vMSE, "DeleteNacosConfig", cfg)
	deleted := e.ok(vMSE, "DeleteEngineNamespace", nsParams("Id", "test_ns-1"))
	if deleted["Success"] != true {
		t.Fatalf("DeleteEngineNamespace: %v", deleted)
	}
	e.fail(vMSE, "GetEngineNamepace", nsParams("Id", "test_ns-1"), http.StatusNotFound, "NotFound")
	e.fail(vMSE, "GetNacosConfig", cfg, http.StatusNotFound, "NotFound")
	if ids := listNamespaceIDs(t, e, nsParams()); len(ids) != 3 {
		t.Fatalf("after the deletion: %v", ids)
	}
}

// Without Id the namespace gets a UUID-shaped id, which the answer leaves
// out, as the reference says; the list shows it.
func TestMSEEngineNamespaceGeneratedID(t *testing.T) {
	e := newEnv(t, Config{})
	created := e.ok(vMSE, "CreateEngineNamespace", map[string]string{"ClusterId": "mse-0pp1j8om80a", "Name": "staging"})
	if data, _ := created["Data"].(map[string]any); data == nil || data["NamespaceShowName"] != "staging" || data["Namespace"] != nil {
		t.Fatalf("CreateEngineNamespace without Id: %v", created)
	}
	list := e.ok(vMSE, "ListEngineNamespaces", map[string]string{"ClusterId": "mse-0pp1j8om80a"})
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	var found string
	for _, it := range asList(t, list["Data"]) {
		if str(it, "NamespaceShowName") == "staging" {
			found = str(it, "Namespace")
		}
		if str(it, "ServiceCount") == "" || str(it, "SourceType") != "mse" {
			t.Errorf("list entry %v: ServiceCount must be a string, SourceType mse", it)
		}
	}
	if !uuid.MatchString(found) || field(list, "TotalCount") != float64(4) || field(list, "PageSize") != float64(4) {
		t.Fatalf("ListEngineNamespaces: %v", list)
	}
	e.ok(vMSE, "CreateNacosConfig", nsParams("NamespaceId", found, "DataId", "a.yaml", "Content", "a: 1"))
}

func TestMSEEngineNamespaceErrors(t *testing.T) {
	e := newEnv(t, Config{})
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
		{"CreateEngineNamespace", nsParams("Id", seedNS, "Name", "x"), http.StatusBadRequest, "IllegalRequest"},
		{"CreateEngineNamespace", nsParams("Id", "public", "Name", "x"), http.StatusBadRequest, "IllegalRequest"},
		{"GetEngineNamepace", nsParams(), http.StatusBadRequest, "MissingId"},
		{"GetEngineNamepace", nsParams("Id", "nope"), http.StatusNotFound, "NotFound"},
		{"UpdateEngineNamespace", nsParams("Id", "nope", "Name", "x"), http.StatusNotFound, "NotFound"},
		{"UpdateEngineNamespace", nsParams("Id", "dev"), http.StatusBadRequest, "MissingName"},
		{"UpdateEngineNamespace", nsParams("Id", "public", "Name", "x"), http.StatusBadRequest, "IllegalRequest"},
		{"DeleteEngineNamespace", nsParams("Id", "nope"), http.StatusNotFound, "NotFound"},
		{"DeleteEngineNamespace", nsParams("Id", "public"), http.StatusBadRequest, "IllegalRequest"},
		// The seed namespace holds configurations and a service.
		{"DeleteEngineNamespace", nsParams("Id", seedNS), http.StatusBadRequest, "IllegalRequest"},
		{"ListEngineNamespaces", nsParams("PageSize", "0"), http.StatusBadRequest, "InvalidParameter"},
	} {
		body := e.fail(vMSE, tc.action, tc.p, tc.status, tc.code)
		if body["Success"] != false {
			t.Errorf("%s %v: Success is not false: %v", tc.action, tc.p, body)
		}
	}
	// Nothing changed.
	if ids := listNamespaceIDs(t, e, nsParams()); len(ids) != 3 {
		t.Fatalf("namespaces after refused calls: %v", ids)
	}
	if got := e.ok(vMSE, "GetEngineNamepace", nsParams("Id", seedNS)); str(got, "ConfigCount") != "2" || str(got, "NamespaceShowName") != "prod" {
		t.Fatalf("the seed namespace: %v", got)
	}
}

// With PageSize the list pages; PageNumber and PageSize echo the request.
func TestMSEEngineNamespacePaging(t *testing.T) {
	e := newEnv(t, Config{})
	if ids := listNamespaceIDs(t, e, nsParams("PageNum", "2", "PageSize", "2")); len(ids) != 1 || ids[0] != "dev" {
		t.Fatalf("page 2 of 2: %v", ids)
	}
	got := e.ok(vMSE, "ListEngineNamespaces", nsParams("PageNum", "1", "PageSize", "2"))
	if field(got, "TotalCount") != float64(3) || field(got, "PageSize") != float64(2) || len(asList(t, got["Data"])) != 2 {
		t.Fatalf("page 1 of 2: %v", got)
	}
}

// The namespace actions are authorized on * only ("All Resources" in
// their references): a grant on the instance or the namespace does not
// allow them, a grant on acs:mse:*:*:* does.
func TestMSEEngineNamespaceAuthorization(t *testing.T) {
	e := newEnv(t, Config{})
	alice := e.newAliceKey()
	all := "acs:mse:" + seedRegion + ":" + testAccount + ":*"
	create := nsParams("Id", "alice-ns", "Name", "alice")
	e.asDenied(alice, vMSE, "CreateEngineNamespace", create, "mse:CreateEngineNamespace", all)
	e.grant("User", "alice", "instance-wide", `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:*",`+
		`"Resource":["acs:mse:*:*:instance/`+seedNacos+`","acs:mse:*:*:instance/`+seedNacos+`/*"]}]}`)
	e.asDenied(alice, vMSE, "CreateEngineNamespace", create, "mse:CreateEngineNamespace", all)
	e.asDenied(alice, vMSE, "ListEngineNamespaces", nsParams(), "mse:ListEngineNamespaces", all)
	e.grant("User", "alice", "namespaces", `{"Version":"1","Statement":[{"Effect":"Allow",`+
		`"Action":["mse:CreateEngineNamespace","mse:ListEngineNamespaces","mse:GetEngineNamepace"],"Resource":"acs:mse:*:*:*"}]}`)
	e.asOK(alice, vMSE, "CreateEngineNamespace", create)
	e.asOK(alice, vMSE, "GetEngineNamepace", nsParams("Id", "alice-ns"))
	if ids := listNamespaceIDs(t, e, nsParams()); len(ids) != 4 {
		t.Fatalf("after alice's create: %v", ids)
	}
	// Granted the actions above, not DeleteEngineNamespace.
	e.asDenied(alice, vMSE, "DeleteEngineNamespace", nsParams("Id", "alice-ns"), "mse:DeleteEngineNamespace", all)
}

// The default fixtures hold a dev namespace, empty, next to the seeds'
// ids; a fixtures file gives namespaces a description.
func TestMSEFixtureNamespaces(t *testing.T) {
	e := newEnv(t, Config{})
	got := e.ok(vMSE, "GetEngineNamepace", nsParams("Id", "dev"))
	if str(got, "NamespaceShowName") != "dev" || str(got, "ConfigCount") != "0" || str(got, "NamespaceDesc") == "" {
		t.Fatalf("dev: %v", got)
	}
	e.ok(vMSE, "CreateNacosConfig", nsParams("NamespaceId", "dev", "DataId", "app.yaml", "Content", "env: dev"))

	path := filepath.Join(t.TempDir(), "fixtures.json")
	writeFile(t, path, `{"Clusters":[{"InstanceId":"mse-cn-own","Namespaces":[
		{"NamespaceId":"dev","NamespaceShowName":"Development","NamespaceDesc":"the developers' namespace"}]}]}`)
	own := newEnv(t, Config{Fixtures: path})
	got = own.ok(vMSE, "GetEngineNamepace", map[string]string{"InstanceId": "mse-cn-own", "Id": "dev"})
	if str(got, "NamespaceShowName") != "Development" || str(got, "NamespaceDesc") != "the developers' namespace" {
		t.Fatalf("fixture namespace: %v", got)
	}
}

// The fixtures example of the "Testing with ramsim" guide's MSE namespaces
// section is a valid fixtures file with the namespaces it shows.
func TestMSEGuideNamespaceFixturesExample(t *testing.T) {
	guide, err := os.ReadFile(filepath.Join("..", "..", "templates", "guides", "testing-with-ramsim.md"))
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
	e := newEnv(t, Config{Fixtures: path})
	inst := map[string]string{"InstanceId": "mse-cn-my0instance"}
	if ids := listNamespaceIDs(t, e, inst); strings.Join(ids, ",") != "public,dev,prod" {
		t.Fatalf("namespaces: %v", ids)
	}
	e.ok(vMSE, "GetNacosConfig", mergeParams(inst, "NamespaceId", "dev", "DataId", "app.yaml"))
	e.ok(vMSE, "ListAnsInstances", mergeParams(inst, "NamespaceId", "prod", "ServiceName", "orders"))
}
