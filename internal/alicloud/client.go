// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"fmt"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/aliyun/credentials-go/credentials"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Client calls RAM, IMS, ResourceManager and STS. It is safe for concurrent
// use.
type Client struct {
	region     string
	userAgent  string
	endpoints  map[Product]endpoint
	credential credentials.Credential // nil: every call fails with ErrNoCredentials
	provider   *serializedProvider    // behind credential; knows the secrets to redact
	http       *httpClient
	retry      RetryPolicy
	limiter    *rateLimiter // shared by every call: one credential, one quota to learn
}

// NewClient validates cfg and prepares the client. It makes no network call
// and reads no credential file; both happen on the first API call.
func NewClient(ctx context.Context, cfg Config) (*Client, error) {
	eps, err := resolveEndpoints(cfg.Endpoints)
	if err != nil {
		return nil, err
	}
	prov, err := newCredential(cfg, eps[ProductSTS])
	if err != nil {
		return nil, err
	}
	var cred credentials.Credential
	if prov != nil {
		cred = credentials.FromCredentialsProvider(prov.GetProviderName(), prov)
	}
	region := cfg.Region
	if region == "" {
		region = defaultRegion
	}
	tflog.Debug(ctx, "prepared Alibaba Cloud API client", map[string]any{
		"credentials": credentialKind(cred), "ram_endpoint": eps[ProductRAM].String(),
	})
	return &Client{
		region:     region,
		userAgent:  cfg.UserAgent,
		endpoints:  eps,
		credential: cred,
		provider:   prov,
		http:       newHTTPClient(),
		retry:      cfg.Retry.withDefaults(),
		limiter:    newRateLimiter(time.Now),
	}, nil
}

func credentialKind(c credentials.Credential) string {
	if c == nil {
		return "none"
	}
	return *c.GetType()
}

// Endpoint is the resolved URL of a product (e.g. "https://ram.aliyuncs.com"
// or "http://127.0.0.1:8765"), for diagnostics and tests; "" for an unknown
// product.
func (c *Client) Endpoint(p Product) string {
	if ep, ok := c.endpoints[p]; ok {
		return ep.String()
	}
	return ""
}

// Call sends one RPC action with its parameters in the query (the
// darabonba V3 signature covers the query, including empty values), except
// secretParams, which go in the signed form body. It returns the decoded
// JSON body, and retries throttling, 5xx and connection failures per the
// RetryPolicy. Its errors carry no secret the client knows: not the
// credentials, not a secret parameter. Typed methods are thin wrappers.
func (c *Client) Call(ctx context.Context, p Product, action string, query map[string]string) (map[string]any, error) {
	info, ok := products[p]
	if !ok {
		return nil, fmt.Errorf("unknown product %q", p)
	}
	if c.credential == nil {
		return nil, fmt.Errorf("%s %s: %w", p, action, ErrNoCredentials)
	}
	countCall(ctx)
	q := make(map[string]*string, len(query))
	body := map[string]any{}
	var secrets []string
	for k, v := range query {
		if secretParams[k] {
			body[k] = v
			secrets = append(secrets, v)
		} else {
			q[k] = dara.String(v)
		}
	}
	req := &openapiutil.OpenApiRequest{Query: q}
	if len(body) > 0 {
		req.Body = body
	}
	ep := c.endpoints[p]
	params := &openapiutil.Params{
		Action:      dara.String(action),
		Version:     dara.String(info.version),
		Protocol:    dara.String(ep.scheme),
		Pathname:    dara.String("/"),
		Method:      dara.String("POST"),
		AuthType:    dara.String("AK"),
		Style:       dara.String("RPC"),
		ReqBodyType: dara.String("formData"),
		BodyType:    dara.String("json"),
	}
	return c.withRetry(ctx, p, action, func(ctx context.Context) (map[string]any, error) {
		api, err := c.api(ep)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", p, action, err)
		}
		tctx, trace := withTrace(ctx)
		res, err := api.CallApiWithCtx(tctx, params, req, &dara.RuntimeOptions{})
		if err != nil {
			return nil, wrapCallError(ctx, p, action, err, trace, append(secrets, c.provider.known()...))
		}
		body, _ := res["body"].(map[string]any)
		return body, nil
	})
}

// api builds a darabonba client for one attempt. Clients are cheap (Init
// copies fields) and must not be shared: every RPC call writes the client's
// Headers field, a data race under Terraform's parallelism. What is worth
// sharing, the credential cache and the connection pool, is shared.
func (c *Client) api(ep endpoint) (*openapi.Client, error) {
	api, err := openapi.NewClient(&openapiutil.Config{
		Endpoint:   dara.String(ep.host),
		Protocol:   dara.String(ep.scheme),
		RegionId:   dara.String(c.region),
		UserAgent:  dara.String(c.userAgent),
		Credential: c.credential,
		HttpClient: c.http,
		// RetryOptions stays nil: darabonba's own retry is off, ours is
		// bounded by the caller's context.
	})
	if err != nil {
		return nil, err
	}
	// Keep darabonba's typed errors, whose error body is still a map,
	// instead of the SDKError wrapper that flattens it to a JSON string.
	api.DisableSDKError = dara.Bool(true)
	return api, nil
}
