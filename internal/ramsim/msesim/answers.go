// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package msesim

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// Answers. MSE wraps every answer in Success / Message and a status code,
// whose field name and type differ between actions (the SDK's response
// structs): HttpCode (string) for clusters and Nacos configurations,
// HttpStatusCode and Code (numbers) for Nacos services and gateways.

const mseSuccessMessage = "success"

// nacosOK completes a cluster or Nacos configuration answer.
func nacosOK(f map[string]any) map[string]any {
	f["Success"], f["Message"], f["HttpCode"], f["ErrorCode"] = true, mseSuccessMessage, "200", ""
	return f
}

// mseCodeOK completes an answer with the numeric Code and HttpStatusCode
// (Nacos services and instances, gateways).
func mseCodeOK(f map[string]any) map[string]any {
	f["Success"], f["Message"], f["Code"], f["HttpStatusCode"] = true, mseSuccessMessage, 200, 200
	return f
}

// gatewayFail is how the gateway actions answer an unknown gateway, route
// or domain: HTTP 200 with Success false and the status in Code and
// HttpStatusCode (terraform-provider-alicloud's DescribeMseGateway detects
// a deleted gateway by Code 404 in a successful answer). ErrorCode is
// NotFound for a missing item and IllegalRequest (Code 400) for a
// duplicate name, as errMSENotFound and errMSEIllegal (both assumed).
func gatewayFail(code int, errorCode, format string, args ...any) map[string]any {
	return map[string]any{"Success": false, "Code": code, "HttpStatusCode": code, "ErrorCode": errorCode,
		"Message": fmt.Sprintf(format, args...)}
}

// MSE dates are written per field as the MSE reference's examples show
// them (response models of mse-20190531 and the API reference pages):
// CreateTime of ListClusters / QueryClusterDetail and the gateway, route,
// domain and service GmtCreate / GmtModified as "2021-09-13 19:24:23";
// GetGateway's GmtCreate / GmtModified as "2022-01-07T10:07:57.000+0000";
// ListNacosHistoryConfigs' LastModifiedTime and ListAnsInstances' LastBeat
// are epoch milliseconds (int64 in both SDK models). The examples name no
// zone; the emulator writes UTC. ListGatewayRoute's example writes
// GmtCreate in the second form and GmtModified in the first: both use the
// first here.
const (
	mseTimeFormat    = "2006-01-02 15:04:05"
	mseISOTimeFormat = "2006-01-02T15:04:05.000-0700"
)

func mseTime(t time.Time) string { return t.UTC().Format(mseTimeFormat) }

// mseSize bounds page sizes; the default is MSE's 10.
const (
	msePageSizeDefault = 10
	msePageSizeMax     = 100
)

// msePage reads a page number (numParam: PageNum for clusters and Nacos,
// PageNumber for gateways; 1 when absent) and PageSize (1-100, default 10).
func msePage(rq *wire.Request, numParam string) (num, size int, err *wire.Error) {
	if num, err = rq.IntRange(numParam, 1, 1, 1<<30); err != nil {
		return 0, 0, err
	}
	if size, err = rq.IntRange("PageSize", msePageSizeDefault, 1, msePageSizeMax); err != nil {
		return 0, 0, err
	}
	return num, size, nil
}

// pageOf returns page num (from 1) of size items.
func pageOf[T any](items []T, num, size int) []T {
	start := (num - 1) * size
	if start >= len(items) {
		return []T{}
	}
	return items[start:min(start+size, len(items))]
}

// wires maps items to their wire form; an empty list is [] not null.
func wires[T any](items []T, wire func(T) map[string]any) []any {
	out := make([]any, 0, len(items))
	for _, it := range items {
		out = append(out, wire(it))
	}
	return out
}

// optBool parses an optional boolean parameter, def when absent.
func optBool(rq *wire.Request, name string, def bool) (bool, *wire.Error) {
	if _, ok := rq.Lookup(name); !ok || rq.Get(name) == "" {
		return def, nil
	}
	return rq.Boolean(name)
}

// callerName is who a history entry says made the change.
func callerName(rq *wire.Request) string {
	if rq.Caller.UserName != "" {
		return rq.Caller.UserName
	}
	return rq.Caller.AccountID
}

// parseInt64 parses a required numeric id parameter.
func parseInt64(rq *wire.Request, name string) (int64, *wire.Error) {
	v, err := rq.Required(name)
	if err != nil {
		return 0, err
	}
	n, perr := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if perr != nil {
		return 0, wire.Incorrect(name)
	}
	return n, nil
}
