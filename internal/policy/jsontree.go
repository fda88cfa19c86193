// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// jsonValue is a JSON value that keeps object members in the order written
// and keeps repeated keys. encoding/json's map decoding silently keeps the
// last of two "Action" keys; a policy author who wrote both must hear about
// it, and errors should follow the document's order.
type jsonValue struct {
	kind    jsonKind
	str     string // string, or the literal text of a number or bool
	elems   []jsonValue
	members []jsonMember
}

type jsonMember struct {
	key string
	val jsonValue
}

type jsonKind int

const (
	jsonNull jsonKind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonArray
	jsonObject
)

func (k jsonKind) String() string {
	return [...]string{"null", "boolean", "number", "string", "list", "object"}[k]
}

// decodeJSON reads exactly one JSON value from doc.
func decodeJSON(doc string) (jsonValue, error) {
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	v, err := readValue(dec)
	if err != nil {
		return jsonValue{}, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return jsonValue{}, errors.New("unexpected data after the document")
	}
	return v, nil
}

func readValue(dec *json.Decoder) (jsonValue, error) {
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return jsonValue{}, err
	}
	switch t := tok.(type) {
	case nil:
		return jsonValue{kind: jsonNull}, nil
	case bool:
		if t {
			return jsonValue{kind: jsonBool, str: "true"}, nil
		}
		return jsonValue{kind: jsonBool, str: "false"}, nil
	case json.Number:
		return jsonValue{kind: jsonNumber, str: string(t)}, nil
	case string:
		return jsonValue{kind: jsonString, str: t}, nil
	case json.Delim:
		if t == '[' {
			v := jsonValue{kind: jsonArray}
			for dec.More() {
				e, err := readValue(dec)
				if err != nil {
					return jsonValue{}, err
				}
				v.elems = append(v.elems, e)
			}
			_, err := dec.Token() // ']'
			return v, err
		}
		// '{': the decoder guarantees keys are strings and that only '[' and
		// '{' open values, so this is the last case.
		v := jsonValue{kind: jsonObject}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return jsonValue{}, err
			}
			key, ok := k.(string)
			if !ok {
				return jsonValue{}, errors.New("JSON object key is not a string")
			}
			val, err := readValue(dec)
			if err != nil {
				return jsonValue{}, err
			}
			v.members = append(v.members, jsonMember{key: key, val: val})
		}
		_, err := dec.Token() // '}'
		return v, err
	}
	return jsonValue{}, errors.New("unexpected JSON token")
}
