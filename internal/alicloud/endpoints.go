// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"errors"
	"fmt"
	"maps"
	"net/url"
	"os"
	"slices"
	"strings"
)

// productInfo is what differs between the products: the API version sent in
// x-acs-version, the public endpoint and the environment variable that
// overrides it.
type productInfo struct {
	version, defaultHost, envVar string
}

var products = map[Product]productInfo{
	ProductRAM:             {"2015-05-01", "ram.aliyuncs.com", "ALIBABA_CLOUD_ENDPOINT_RAM"},
	ProductIMS:             {"2019-08-15", "ims.aliyuncs.com", "ALIBABA_CLOUD_ENDPOINT_IMS"},
	ProductResourceManager: {"2020-03-31", "resourcemanager.aliyuncs.com", "ALIBABA_CLOUD_ENDPOINT_RESOURCEMANAGER"},
	ProductSTS:             {"2015-04-01", "sts.aliyuncs.com", "ALIBABA_CLOUD_ENDPOINT_STS"},
}

// endpoint is a resolved product endpoint. host may carry a port.
type endpoint struct {
	scheme, host string
}

func (e endpoint) String() string { return e.scheme + "://" + e.host }

// resolveEndpoints picks, per product, the explicit value, else the
// environment variable, else the public default.
func resolveEndpoints(explicit map[Product]string) (map[Product]endpoint, error) {
	for p := range explicit {
		if _, ok := products[p]; !ok {
			return nil, fmt.Errorf("unknown product %q in endpoints (known: ram, ims, resourcemanager, sts)", p)
		}
	}
	out := make(map[Product]endpoint, len(products))
	for _, p := range slices.Sorted(maps.Keys(products)) {
		info := products[p]
		value, source := strings.TrimSpace(explicit[p]), "endpoints."+string(p)
		if value == "" {
			value, source = strings.TrimSpace(os.Getenv(info.envVar)), info.envVar
		}
		if value == "" {
			out[p] = endpoint{scheme: "https", host: info.defaultHost}
			continue
		}
		ep, err := parseEndpoint(value)
		if err != nil {
			return nil, fmt.Errorf("invalid %s endpoint %q (from %s): %w; use a host such as %s or a URL such as http://127.0.0.1:8765",
				p, value, source, err, info.defaultHost)
		}
		out[p] = ep
	}
	return out, nil
}

// parseEndpoint accepts a bare host[:port] (HTTPS) or an http(s) URL with
// nothing after the host.
func parseEndpoint(v string) (endpoint, error) {
	raw := v
	if !strings.Contains(v, "://") {
		raw = "https://" + v
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return endpoint{}, errors.Unwrap(err)
	case u.Scheme != "http" && u.Scheme != "https":
		return endpoint{}, fmt.Errorf("scheme must be http or https, not %q", u.Scheme)
	case u.Host == "" || u.Hostname() == "":
		return endpoint{}, errors.New("no host")
	case u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "":
		return endpoint{}, errors.New("only a scheme, host and port are allowed")
	}
	return endpoint{scheme: u.Scheme, host: u.Host}, nil
}
