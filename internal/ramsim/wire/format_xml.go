// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package wire

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"sort"
	"strings"
	"unicode"
)

// The common request parameter Format picks the answer's encoding: JSON or
// XML (RPC-style APIs, e.g. "Common parameters" of Container Registry,
// https://www.alibabacloud.com/help/en/container-registry/latest/common-parameters).
// The products disagree on the default when it is absent (XML there and in
// ROS's common parameters, JSON in KMS's and Auto Scaling's); the emulator
// answers JSON, because the V3 signature has no Format parameter and
// darabonba's V3 clients expect JSON, and the classic SDK always sends
// Format=JSON.
const (
	formatJSON = "JSON"
	FormatXML  = "XML"
)

// responseFormat reads Format (case-insensitive, as the SDKs send "json"
// or "JSON"). An unknown value is refused with the gateway's common
// InvalidParameter; what the real gateway does with one is not documented.
func responseFormat(p Params) (string, *Error) {
	switch f := strings.ToUpper(p.Get("Format")); f {
	case "", formatJSON:
		return formatJSON, nil
	case FormatXML:
		return FormatXML, nil
	default:
		return formatJSON, NewError(http.StatusBadRequest, "InvalidParameter",
			"The specified value of parameter %q is not valid.", "Format")
	}
}

// xmlLeading are the root elements written first, in the order of the
// documented examples (RequestId, then HostId, Code and Message for an
// error: "Responses" of Auto Scaling,
// https://alibabacloud.com/help/en/auto-scaling/developer-reference/responses);
// the others follow sorted by name.
var xmlLeading = []string{"RequestId", "HostId", "Code", "Message"}

// WriteXML writes an answer as XML: <?xml ...?> then root (<Action>Response
// for a success, as "API name+Response" in
// https://www.alibabacloud.com/help/doc-detail/67698.htm; Error for an
// error). An object becomes child elements; a list under a name becomes
// that element repeated once per item, so {"Users":{"User":[a,b]}} is
// <Users><User>a</User><User>b</User></Users> and {"Data":[a,b]} is
// <Data>a</Data><Data>b</Data>, which is how the SDKs' xml tags read them.
func WriteXML(w http.ResponseWriter, status int, requestID, root string, fields map[string]any) {
	fields["RequestId"] = requestID
	body := encodeXML(root, fields)
	w.Header().Set("Content-Type", "text/xml;charset=utf-8")
	w.Header().Set("x-acs-request-id", requestID)
	w.WriteHeader(status)
	w.Write(body) //nolint:errcheck // the client went away; nothing to do
}

// encodeXML renders fields under root. The values go through JSON first,
// so the XML carries exactly what the JSON answer would (json.Number keeps
// integers as written).
func encodeXML(root string, fields map[string]any) []byte {
	raw, err := json.Marshal(fields)
	if err != nil { // only plain maps, strings and numbers are ever written
		panic(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var tree map[string]any
	if err := dec.Decode(&tree); err != nil {
		panic(err)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header[:len(xml.Header)-1]) // without the newline
	b.WriteString("<" + root + ">")
	for _, k := range orderedKeys(tree, xmlLeading) {
		writeElement(&b, k, tree[k])
	}
	b.WriteString("</" + root + ">")
	return b.Bytes()
}

// orderedKeys returns m's keys: those of leading first, in that order,
// then the rest sorted.
func orderedKeys(m map[string]any, leading []string) []string {
	keys := make([]string, 0, len(m))
	first := map[string]bool{}
	for _, k := range leading {
		if _, ok := m[k]; ok {
			keys, first[k] = append(keys, k), true
		}
	}
	rest := make([]string, 0, len(m))
	for k := range m {
		if !first[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(keys, rest...)
}

// writeElement writes one named value; a list repeats the element.
func writeElement(b *bytes.Buffer, name string, v any) {
	name = xmlName(name)
	if list, ok := v.([]any); ok {
		for _, item := range list {
			writeElement(b, name, item)
		}
		return
	}
	b.WriteString("<" + name + ">")
	switch v := v.(type) {
	case map[string]any:
		for _, k := range orderedKeys(v, nil) {
			writeElement(b, k, v[k])
		}
	case string:
		xml.EscapeText(b, []byte(v)) //nolint:errcheck // a bytes.Buffer does not fail
	case nil:
	default: // json.Number, bool
		xml.EscapeText(b, []byte(toText(v))) //nolint:errcheck // see above
	}
	b.WriteString("</" + name + ">")
}

func toText(v any) string {
	if n, ok := v.(json.Number); ok {
		return n.String()
	}
	if v == true {
		return "true"
	}
	return "false"
}

// xmlName makes a map key a valid element name. Keys are API field names
// except in free-form maps (Nacos instance Metadata, cluster Tags), whose
// keys a user chose; how the real service writes a key that is not an
// XML name is not documented, so each character an element name cannot
// hold becomes "_" (and a leading digit, dot or hyphen is prefixed by it).
func xmlName(k string) string {
	var b strings.Builder
	for i, r := range k {
		switch {
		case unicode.IsLetter(r) || r == '_':
			b.WriteRune(r)
		case i > 0 && (unicode.IsDigit(r) || r == '-' || r == '.'):
			b.WriteRune(r)
		case i == 0 && (unicode.IsDigit(r) || r == '-' || r == '.'):
			b.WriteString("_")
			b.WriteRune(r)
		default:
			b.WriteRune('_')
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}
