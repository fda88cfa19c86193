// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package msesim

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// MSE errors. MSE's API reference pages list, for every action, the
// codes IllegalRequest (400, "Invalid request:%s"), InvalidParameter (400,
// "Parameter error:%s") and NoPermission (403); e.g. GetNacosConfig,
// https://help.aliyun.com/document_detail/393695.htm ("错误码"). No page
// found names the code of a missing namespace, configuration, service or
// instance, nor of a create that finds its item existing: see errMSENotFound
// and errMSEIllegal.

// mseParams wraps an MSE handler so that a bad parameter value answers
// MSE's InvalidParameter (the shared parameter readers answer RAM's
// InvalidParameter.<Name>); Missing<Name> is the gateway's and stays.
func mseParams(h handler) handler {
	return func(s *Service, rq *wire.Request) (map[string]any, *wire.Error) {
		resp, err := h(s, rq)
		if err != nil {
			if rest, ok := strings.CutPrefix(err.Code, "InvalidParameter."); ok {
				name, _, _ := strings.Cut(rest, ".")
				err = wire.NewError(err.Status, "InvalidParameter", "Parameter error:%s is not valid", name)
			}
		}
		return resp, err
	}
}

// mseErrorFields adds to an MSE error answer the fields MSE's response
// models carry besides Code and Message (Success, ErrorCode and
// HttpStatusCode, e.g. the classic SDK's ListGatewayRouteResponse and
// AddGatewayRouteResponse); that an error answer carries them is assumed,
// no error example was found.
func mseErrorFields(fields map[string]any, err *wire.Error) {
	fields["Success"], fields["ErrorCode"], fields["HttpStatusCode"] = false, err.Code, err.Status
}

// errMSEClusterNotFound answers an unknown InstanceId: mse-200-021, the
// code terraform-provider-alicloud reads as "MseCluster not found" (its
// DescribeMseCluster); the HTTP status and message are assumed.
func errMSEClusterNotFound(id string) *wire.Error {
	return wire.NewError(http.StatusNotFound, "mse-200-021", "cluster not found: %s", id)
}

// errMSENotFound answers an unknown namespace, configuration, history
// entry, service or service instance. Assumed: NotFound with 404, in the
// "<words>:%s" message form of the documented codes; no reference page
// lists the code MSE uses for these.
func errMSENotFound(format string, args ...any) *wire.Error {
	return wire.NewError(http.StatusNotFound, "NotFound", "Not found:%s", fmt.Sprintf(format, args...))
}

// errMSEIllegal answers a create of something that exists, a delete that
// dependants block or a stale Md5 with the documented IllegalRequest
// (400, "Invalid request:%s"); which code MSE uses for these cases is not
// documented.
func errMSEIllegal(format string, args ...any) *wire.Error {
	return wire.NewError(http.StatusBadRequest, "IllegalRequest", "Invalid request:%s", fmt.Sprintf(format, args...))
}
