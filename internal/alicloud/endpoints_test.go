// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"strings"
	"testing"
)

func TestEndpointResolution(t *testing.T) {
	clearEndpointEnv(t)
	t.Setenv("ALIBABA_CLOUD_ENDPOINT_IMS", "http://127.0.0.1:8765")
	t.Setenv("ALIBABA_CLOUD_ENDPOINT_STS", "sts.cn-shanghai.aliyuncs.com")
	c, err := NewClient(context.Background(), Config{Endpoints: map[Product]string{
		ProductRAM: "ram.example.internal:8443",
		ProductSTS: " HTTP://localhost:9000/ ", // explicit beats the environment
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[Product]string{
		ProductRAM:             "https://ram.example.internal:8443",
		ProductIMS:             "http://127.0.0.1:8765",
		ProductResourceManager: "https://resourcemanager.aliyuncs.com",
		ProductSTS:             "http://localhost:9000",
	}
	for p, w := range want {
		if got := c.Endpoint(p); got != w {
			t.Errorf("Endpoint(%s) = %q, want %q", p, got, w)
		}
	}
}

func TestEndpointDefaults(t *testing.T) {
	clearEndpointEnv(t)
	c, err := NewClient(context.Background(), Config{})
	if err != nil {
		t.Fatal(err)
	}
	for p, info := range products {
		if got := c.Endpoint(p); got != "https://"+info.defaultHost {
			t.Errorf("Endpoint(%s) = %q", p, got)
		}
	}
}

func TestEndpointInvalid(t *testing.T) {
	clearEndpointEnv(t)
	for _, v := range []string{"ftp://ram.aliyuncs.com", "http://", "ram.aliyuncs.com/v1", "ram aliyuncs.com",
		"http://h:1/?x=1", "https://user:pw@ram.aliyuncs.com", "http://:80"} {
		_, err := NewClient(context.Background(), Config{Endpoints: map[Product]string{ProductRAM: v}})
		if err == nil || !strings.Contains(err.Error(), "ram endpoint") || !strings.Contains(err.Error(), v) {
			t.Errorf("%q: error %v should name the product and the value", v, err)
		}
	}
	t.Setenv("ALIBABA_CLOUD_ENDPOINT_RESOURCEMANAGER", "gopher://x")
	_, err := NewClient(context.Background(), Config{})
	if err == nil || !strings.Contains(err.Error(), "ALIBABA_CLOUD_ENDPOINT_RESOURCEMANAGER") {
		t.Errorf("env error %v should name the variable", err)
	}
	t.Setenv("ALIBABA_CLOUD_ENDPOINT_RESOURCEMANAGER", "")
	if _, err := NewClient(context.Background(), Config{Endpoints: map[Product]string{"ecs": "x"}}); err == nil {
		t.Error("unknown product accepted")
	}
}
