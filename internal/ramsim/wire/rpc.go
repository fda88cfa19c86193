// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package wire

import (
	"cmp"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// MaxBodyBytes bounds a request body; RPC bodies are small forms. A larger
// body is refused with errBodyTooLarge.
const MaxBodyBytes = 1 << 20

// RPC is a request read but not yet served.
type RPC struct {
	Body            []byte
	Params          Params
	Action, Version string
	BodyErr         *Error // reading the body failed or it is too large
	Format          string // formatJSON or FormatXML
	FormatErr       *Error // Format is neither JSON nor XML
}

// ReadRPC reads the body (at most MaxBodyBytes) and finds the Action and
// Version: from the query (V1) or the x-acs-* headers (V3).
func ReadRPC(r *http.Request) RPC {
	body, rerr := io.ReadAll(io.LimitReader(r.Body, MaxBodyBytes+1))
	var bodyErr *Error
	switch {
	case rerr != nil:
		bodyErr = Internal()
	case len(body) > MaxBodyBytes:
		bodyErr, body = errBodyTooLarge(), nil
	}
	p := requestParams(r, body)
	format, formatErr := responseFormat(p)
	return RPC{
		Body: body, Params: p, BodyErr: bodyErr, Format: format, FormatErr: formatErr,
		Action:  cmp.Or(p.Get("Action"), r.Header.Get("x-acs-action")),
		Version: cmp.Or(p.Get("Version"), r.Header.Get("x-acs-version")),
	}
}

// errBodyTooLarge answers a body over MaxBodyBytes, as a gateway does with
// HTTP 413 (the code and message are assumed).
func errBodyTooLarge() *Error {
	return NewError(http.StatusRequestEntityTooLarge, "RequestEntityTooLarge",
		"The request body exceeds the limit of %d bytes.", MaxBodyBytes)
}

// requestParams merges the query with a form-encoded body. Both decode "+"
// as a space, as the classic SDK's url.Values encoding requires.
func requestParams(r *http.Request, body []byte) Params {
	p := Params(r.URL.Query())
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		form, _ := url.ParseQuery(string(body)) // keep what parses, like a lenient gateway
		for k, vs := range form {
			p[k] = append(p[k], vs...)
		}
	}
	return p
}

// WriteJSON writes a JSON answer with its RequestId.
func WriteJSON(w http.ResponseWriter, status int, requestID string, fields map[string]any) {
	fields["RequestId"] = requestID
	body, err := json.Marshal(fields)
	if err != nil { // only plain maps, strings and numbers are ever written
		panic(err)
	}
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	w.Header().Set("x-acs-request-id", requestID)
	w.WriteHeader(status)
	w.Write(body) //nolint:errcheck // the client went away; nothing to do
}

// NewRequestID returns an uppercase UUID-shaped id, like the real RequestId.
func NewRequestID() string {
	var b [16]byte
	rand.Read(b[:]) //nolint:errcheck // crypto/rand.Read never fails
	return fmt.Sprintf("%X-%X-%X-%X-%X", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// Answer writes a success or error answer to in in its Format: XML with the
// root <Action>Response or Error (format_xml.go), else JSON. An error
// answer names prod's host and troubleshooting link, and carries the
// product's own error fields.
func (in RPC) Answer(w http.ResponseWriter, prod *Product, resp map[string]any, err *Error) {
	requestID := NewRequestID()
	write := func(status int, root string, fields map[string]any) {
		if in.Format == FormatXML {
			WriteXML(w, status, requestID, root, fields)
			return
		}
		WriteJSON(w, status, requestID, fields)
	}
	if err != nil {
		fields := map[string]any{
			"HostId":    prod.Host,
			"Code":      err.Code,
			"Message":   err.Message,
			"Recommend": "https://api.aliyun.com/troubleshoot?q=" + url.QueryEscape(err.Code) + "&product=" + prod.Name,
		}
		if err.Detail != nil {
			fields["AccessDeniedDetail"] = err.Detail
		}
		if prod.ErrorFields != nil {
			prod.ErrorFields(fields, err)
		}
		write(err.Status, "Error", fields)
		return
	}
	write(http.StatusOK, in.Action+"Response", resp)
}
