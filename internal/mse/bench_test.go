// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"fmt"
	"testing"
)

// benchRequest is a request of n grants spread over the block types, with
// console navigation: the shape of a platform team's policy for a few
// instances.
func benchRequest(n int) Request {
	req := Request{Console: true}
	accesses := []Access{AccessReadOnly, AccessReadWrite, AccessFull}
	for i := range n {
		instance := fmt.Sprintf("mse-%d", i%4)
		ns := fmt.Sprintf("ns-%d", i%3)
		switch i % 5 {
		case 0, 1:
			req.NacosConfigs = append(req.NacosConfigs, NacosConfigGrant{InstanceID: instance, NamespaceID: ns, Group: "G",
				DataID: fmt.Sprintf("app-%d.yaml", i%7), Access: accesses[i%3]})
		case 2:
			req.NacosServices = append(req.NacosServices, NacosServiceGrant{InstanceID: instance, NamespaceID: ns, Group: "G",
				Service: fmt.Sprintf("svc-%d", i%6), Access: accesses[i%3]})
		case 3:
			req.Instances = append(req.Instances, InstanceGrant{InstanceID: instance, Access: []Access{AccessReadOnly, AccessFull}[i%2]})
		case 4:
			req.Gateways = append(req.Gateways, GatewayGrant{GatewayID: fmt.Sprintf("gw-%d", i%3), Region: "cn-hangzhou",
				Access: []Access{AccessReadOnly, AccessReadWrite}[i%2], Companions: true})
		}
	}
	return req
}

func BenchmarkRender100Grants(b *testing.B) {
	req := benchRequest(100)
	if _, err := Render(req); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(req); err != nil {
			b.Fatal(err)
		}
	}
}
