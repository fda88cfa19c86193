// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
)

// query builds request parameters for typed methods.
type query map[string]string

// opt sets k only when v is non-empty: for create-style inputs where "" means
// "not given".
func (q query) opt(k, v string) query {
	if v != "" {
		q[k] = v
	}
	return q
}

// ptr sets k when v is non-nil, including to "": for update-style inputs
// where an empty value clears the field.
func (q query) ptr(k string, v *string) query {
	if v != nil {
		q[k] = *v
	}
	return q
}

// optInt sets k when v is not 0: "0 = not given".
func (q query) optInt(k string, v int) query {
	if v != 0 {
		q[k] = strconv.Itoa(v)
	}
	return q
}

// intPtr sets k when v is non-nil.
func (q query) intPtr(k string, v *int) query {
	if v != nil {
		q[k] = strconv.Itoa(*v)
	}
	return q
}

// boolPtr sets k to "true"/"false" when v is non-nil.
func (q query) boolPtr(k string, v *bool) query {
	if v != nil {
		q[k] = strconv.FormatBool(*v)
	}
	return q
}

// flag sets k to "true" when v, and leaves it out otherwise (the API's
// default is false).
func (q query) flag(k string, v bool) query {
	if v {
		q[k] = "true"
	}
	return q
}

// list sets name.1 ... name.N (the RPC repeat-list style).
func (q query) list(name string, values []string) query {
	for i, v := range values {
		q[name+"."+strconv.Itoa(i+1)] = v
	}
	return q
}

// jsonParam encodes v as the JSON-string parameters of RAM's newer actions
// (Tag, ResourceNames, TagKeys), without HTML escaping so values travel as
// written.
func jsonParam(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // only strings and string structs are encoded
	}
	return string(bytes.TrimRight(b.Bytes(), "\n"))
}

// jsonTags is the JSON Tag parameter, [{"Key":"k","Value":"v"}] sorted by
// key; "" (not sent) for no tags.
func jsonTags(tags map[string]string) string {
	if len(tags) == 0 {
		return ""
	}
	type tag struct{ Key, Value string }
	list := make([]tag, 0, len(tags))
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		list = append(list, tag{k, tags[k]})
	}
	return jsonParam(list)
}

// callInto calls action and decodes its body into out (nil: discard).
func (c *Client) callInto(ctx context.Context, p Product, action string, q query, out any) error {
	body, err := c.Call(ctx, p, action, q)
	if err != nil || out == nil {
		return err
	}
	return decodeBody(p, action, body, out)
}

// decodeBody is decode with the error naming the product and action.
func decodeBody(p Product, action string, body any, out any) error {
	if err := decode(body, out); err != nil {
		return fmt.Errorf("%s %s: decoding response: %w", p, action, err)
	}
	return nil
}

// decode re-marshals a response map into out. Alibaba Cloud APIs send the
// same field as a number or a string, or a bool as "true", depending on the
// product and on who answers; every scalar is therefore turned into a
// string first, string fields take it as is, and non-string fields declare
// `json:",string"`.
func decode(body any, out any) error {
	b, err := json.Marshal(stringifyScalars(body))
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}

func stringifyScalars(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[k] = stringifyScalars(e)
		}
		return m
	case []any:
		s := make([]any, len(v))
		for i, e := range v {
			s[i] = stringifyScalars(e)
		}
		return s
	case nil, string:
		return v
	case json.Number:
		return v.String()
	}
	return fmt.Sprint(v)
}
