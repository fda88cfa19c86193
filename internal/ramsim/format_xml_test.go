// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	msesdk "github.com/aliyun/alibaba-cloud-sdk-go/services/mse"
	ramsdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

// serveRaw makes a V3-signed call (Format is then an ordinary signed
// query parameter) and returns the raw answer.
func serveRaw(e *ramsimtest.Env, version, action string, p map[string]string) *httptest.ResponseRecorder {
	e.T.Helper()
	w := httptest.NewRecorder()
	e.Srv.ServeHTTP(w, e.Request(ramsimtest.Signer{V3: true}, version, action, p))
	return w
}

// xmlAndJSON calls action twice, with Format=XML and without, and decodes
// the XML answer with encoding/xml and the JSON one with encoding/json into
// fresh values of out's type; it returns both.
func xmlAndJSON[T any](t *testing.T, e *ramsimtest.Env, version, action string, p map[string]string) (fromXML, fromJSON *T) {
	t.Helper()
	w := serveRaw(e, version, action, ramsimtest.MergeParams(p, "Format", "XML"))
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "text/xml;charset=utf-8" {
		t.Fatalf("%s XML: %d %s %s", action, w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	body := w.Body.String()
	if !strings.HasPrefix(body, `<?xml version="1.0" encoding="UTF-8"?><`+action+`Response><RequestId>`) {
		t.Fatalf("%s XML does not start with the declaration, the root and RequestId: %s", action, body)
	}
	fromXML, fromJSON = new(T), new(T)
	if err := xml.Unmarshal(w.Body.Bytes(), fromXML); err != nil {
		t.Fatalf("%s XML: %v\n%s", action, err, body)
	}
	w = serveRaw(e, version, action, p)
	if w.Code != http.StatusOK {
		t.Fatalf("%s JSON: %d %s", action, w.Code, w.Body)
	}
	if err := json.Unmarshal(w.Body.Bytes(), fromJSON); err != nil {
		t.Fatalf("%s JSON: %v", action, err)
	}
	return fromXML, fromJSON
}

// sameValues compares two decoded answers by their printed values, which
// do not tell an empty list or map (JSON [] / {}) from an absent one (no
// XML element).
func sameValues(a, b any) bool { return fmt.Sprintf("%+v", a) == fmt.Sprintf("%+v", b) }

// A RAM answer in XML carries the JSON answer's values, lists as repeated
// elements, text escaped; the classic SDK's structs read it with their xml
// tags.
func TestXMLAnswerRAM(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	e.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice", "DisplayName": "Alice", "Comments": `a <b> & "c"`})
	e.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob"})
	x, j := xmlAndJSON[ramsdk.GetUserResponse](t, e, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "alice"})
	if x.User.Comments != `a <b> & "c"` || x.User.UserName != "alice" || x.User.CreateDate == "" {
		t.Fatalf("GetUser XML: %+v", x.User)
	}
	// LastLoginDate and the like are equal too; the RequestIds differ.
	if !reflect.DeepEqual(x.User, j.User) {
		t.Fatalf("GetUser: XML %+v, JSON %+v", x.User, j.User)
	}
	xl, jl := xmlAndJSON[ramsdk.ListUsersResponse](t, e, ramsimtest.VRAM, "ListUsers", nil)
	if len(xl.Users.User) != 2 || !reflect.DeepEqual(xl.Users, jl.Users) || xl.IsTruncated != jl.IsTruncated {
		t.Fatalf("ListUsers: XML %+v, JSON %+v", xl, jl)
	}
}

// An MSE answer in XML, nested objects and lists included, carries the
// JSON answer's values. (QueryClusterDetail is not used: encoding/xml, and
// so the classic SDK, cannot decode its Tags map.)
func TestXMLAnswerMSE(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	e.OK(ramsimtest.VMSE, "AddGatewayRoute", map[string]string{"GatewayUniqueId": ramsimtest.SeedGW, "Name": "x", "DestinationType": "Multiple",
		"Predicates":       `{"PathPredicates":{"Path":"/x","Type":"PRE"},"MethodPredicates":["GET","PUT"],"HeaderPredicates":[{"Key":"a","Value":"<&>","Type":"EQUAL"}]}`,
		"Services":         `[{"Name":"s1","Percent":60},{"Name":"s2","Percent":40}]`,
		"FallbackServices": `[{"Name":"f","Percent":100}]`, "RedirectJSON": `{"Host":"h","Code":302}`})
	filter := map[string]string{"FilterParams": `{"GatewayUniqueId":"` + ramsimtest.SeedGW + `","Name":"x"}`}
	x, j := xmlAndJSON[msesdk.ListGatewayRouteResponse](t, e, ramsimtest.VMSE, "ListGatewayRoute", filter)
	if x.Data.TotalSize != 1 || len(x.Data.Result) != 1 || len(x.Data.Result[0].RouteServices) != 2 ||
		x.Data.Result[0].RoutePredicates.HeaderPredicates[0].Value != "<&>" {
		t.Fatalf("ListGatewayRoute XML: %+v", x.Data)
	}
	if !sameValues(x.Data, j.Data) || x.Success != j.Success || x.Code != j.Code || x.HttpStatusCode != j.HttpStatusCode {
		t.Fatalf("ListGatewayRoute: XML %+v, JSON %+v", x.Data, j.Data)
	}
	cfg := map[string]string{"InstanceId": ramsimtest.SeedNacos, "DataId": "x.xml", "Type": "xml"}
	e.OK(ramsimtest.VMSE, "CreateNacosConfig", ramsimtest.MergeParams(cfg, "Content", "<a b=\"1\">&amp;</a>\n"))
	xc, jc := xmlAndJSON[msesdk.GetNacosConfigResponse](t, e, ramsimtest.VMSE, "GetNacosConfig", cfg)
	if xc.Configuration != jc.Configuration || xc.Configuration.Content != "<a b=\"1\">&amp;</a>\n" || !xc.Success {
		t.Fatalf("GetNacosConfig: XML %+v, JSON %+v", xc, jc)
	}
}

// An error in XML is <Error> with RequestId, HostId, Code and Message in
// the documented order; lower-case xml is accepted as the SDKs send it.
func TestXMLError(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	w := serveRaw(e, ramsimtest.VMSE, "GetNacosConfig", map[string]string{"InstanceId": ramsimtest.SeedNacos, "DataId": "nope", "Format": "xml"})
	var got struct {
		XMLName                          xml.Name
		RequestId, HostId, Code, Message string //nolint:revive,stylecheck // the wire names
	}
	if err := xml.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatalf("%v: %s", err, w.Body)
	}
	body := w.Body.String()
	order := []int{strings.Index(body, "<RequestId>"), strings.Index(body, "<HostId>"), strings.Index(body, "<Code>"), strings.Index(body, "<Message>")}
	if w.Code != http.StatusNotFound || got.XMLName.Local != "Error" || got.Code != "NotFound" || got.HostId != "mse.cn-hangzhou.aliyuncs.com" ||
		len(got.RequestId) != 36 || got.RequestId != w.Header().Get("x-acs-request-id") || !strings.Contains(got.Message, "nope") ||
		order[0] < 0 || order[0] > order[1] || order[1] > order[2] || order[2] > order[3] {
		t.Fatalf("XML error: %d %+v\n%s", w.Code, got, body)
	}
}

// An unknown Format is refused (in JSON) and changes nothing.
func TestUnknownFormat(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	w := serveRaw(e, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "carol", "Format": "YAML"})
	var body map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		t.Fatalf("%v: %s", err, w.Body)
	}
	ramsimtest.WantError(t, w.Code, body, http.StatusBadRequest, "InvalidParameter")
	if !strings.Contains(ramsimtest.Str(body, "Message"), "Format") {
		t.Fatalf("message: %v", body)
	}
	e.Fail(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "carol"}, http.StatusNotFound, "EntityNotExist.User")
}
