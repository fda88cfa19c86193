// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim_test

import (
	"errors"
	"testing"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	msesdk "github.com/aliyun/alibaba-cloud-sdk-go/services/mse"
)

// The classic SDK's own request and response types for the namespace
// actions: every answer decodes, the values read back, and an unknown
// namespace is a ServerError with MSE's NotFound.
func TestMSEEngineNamespaceConformanceClassicSDK(t *testing.T) {
	srv := startServer(t)
	c := classicClient(t, hostOf(srv.URL()), confKeyID, confSecret)

	cr := msesdk.CreateCreateEngineNamespaceRequest()
	cr.InstanceId, cr.Id, cr.Name, cr.Desc, cr.ServiceCount = mseInstance, "sdk-ns", "sdk", "made by the SDK", requests.NewInteger(20)
	crr := msesdk.CreateCreateEngineNamespaceResponse()
	if err := c.DoAction(cr, crr); err != nil || !crr.Success {
		t.Fatalf("CreateEngineNamespace: %v %+v", err, crr)
	}
	if crr.Data.Namespace != "sdk-ns" || crr.Data.NamespaceShowName != "sdk" || crr.Data.NamespaceDesc != "made by the SDK" ||
		crr.Data.Type != 2 || crr.Data.Quota != 200 || crr.ClusterId == "" {
		t.Fatalf("CreateEngineNamespace: %+v", crr)
	}

	ur := msesdk.CreateUpdateEngineNamespaceRequest()
	ur.InstanceId, ur.Id, ur.Name = mseInstance, "sdk-ns", "renamed"
	urr := msesdk.CreateUpdateEngineNamespaceResponse()
	if err := c.DoAction(ur, urr); err != nil || urr.Data.NamespaceShowName != "renamed" || urr.Data.NamespaceDesc != "made by the SDK" {
		t.Fatalf("UpdateEngineNamespace: %v %+v", err, urr)
	}

	gr := msesdk.CreateGetEngineNamepaceRequest()
	gr.InstanceId, gr.Id = mseInstance, "sdk-ns"
	grr := msesdk.CreateGetEngineNamepaceResponse()
	if err := c.DoAction(gr, grr); err != nil || grr.Namespace != "sdk-ns" || grr.NamespaceShowName != "renamed" ||
		grr.Type != "2" || grr.ConfigCount != "0" || grr.HttpCode != "200" {
		t.Fatalf("GetEngineNamepace: %v %+v", err, grr)
	}

	lr := msesdk.CreateListEngineNamespacesRequest()
	lr.InstanceId = mseInstance
	lrr := msesdk.CreateListEngineNamespacesResponse()
	if err := c.DoAction(lr, lrr); err != nil || lrr.TotalCount != 4 || len(lrr.Data) != 4 {
		t.Fatalf("ListEngineNamespaces: %v %+v", err, lrr)
	}
	if ns := lrr.Data[0]; ns.Namespace != "public" || ns.Type != 0 || ns.SourceType != "mse" {
		t.Fatalf("ListEngineNamespaces: public is not first: %+v", lrr.Data)
	}
	if ns := lrr.Data[1]; ns.Namespace != mseNS || ns.ConfigCount != 2 || ns.ServiceCount != "1" {
		t.Fatalf("ListEngineNamespaces: the seed namespace: %+v", ns)
	}

	dr := msesdk.CreateDeleteEngineNamespaceRequest()
	dr.InstanceId, dr.Id = mseInstance, "sdk-ns"
	drr := msesdk.CreateDeleteEngineNamespaceResponse()
	if err := c.DoAction(dr, drr); err != nil || !drr.Success {
		t.Fatalf("DeleteEngineNamespace: %v %+v", err, drr)
	}
	err := c.DoAction(dr, msesdk.CreateDeleteEngineNamespaceResponse())
	var se *sdkerrors.ServerError
	if !errors.As(err, &se) || se.ErrorCode() != "NotFound" || se.HttpStatus() != 404 {
		t.Fatalf("DeleteEngineNamespace again: %v", err)
	}
}

// The darabonba client (signature V3) calls the namespace actions; the
// answers decode strictly, with encoding/json, into the classic SDK's
// response structs, so every field has the models' JSON type.
func TestMSEEngineNamespaceConformanceDarabonba(t *testing.T) {
	srv := startServer(t)
	c := darabonbaClient(t, hostOf(srv.URL()), confKeyID, confSecret)

	crr := &msesdk.CreateEngineNamespaceResponse{}
	answer := mseCall(t, c, "CreateEngineNamespace", map[string]any{"InstanceId": mseInstance, "Name": "v3"}, nil, crr)
	if !crr.Success || crr.Data.NamespaceShowName != "v3" || crr.Data.Namespace != "" {
		t.Fatalf("CreateEngineNamespace without Id: %v", answer)
	}
	lrr := &msesdk.ListEngineNamespacesResponse{}
	mseCall(t, c, "ListEngineNamespaces", map[string]any{"InstanceId": mseInstance}, nil, lrr)
	var id string
	for _, ns := range lrr.Data {
		if ns.NamespaceShowName == "v3" {
			id = ns.Namespace
		}
	}
	if id == "" {
		t.Fatalf("ListEngineNamespaces: no v3 in %+v", lrr.Data)
	}
	mseCall(t, c, "UpdateEngineNamespace", map[string]any{"InstanceId": mseInstance, "Id": id, "Name": "v3b", "Desc": "d"}, nil,
		&msesdk.UpdateEngineNamespaceResponse{})
	grr := &msesdk.GetEngineNamepaceResponse{}
	mseCall(t, c, "GetEngineNamepace", map[string]any{"InstanceId": mseInstance, "Id": id}, nil, grr)
	if grr.NamespaceShowName != "v3b" || grr.NamespaceDesc != "d" || grr.Quota != "200" {
		t.Fatalf("GetEngineNamepace: %+v", grr)
	}
	drr := &msesdk.DeleteEngineNamespaceResponse{}
	mseCall(t, c, "DeleteEngineNamespace", map[string]any{"InstanceId": mseInstance, "Id": id}, nil, drr)
	if !drr.Success || drr.HttpCode != "200" {
		t.Fatalf("DeleteEngineNamespace: %+v", drr)
	}
}
