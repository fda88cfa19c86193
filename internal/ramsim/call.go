// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
)

// Credential signs a Call: a permanent AccessKey, or STS temporary
// credentials with their SecurityToken.
type Credential struct {
	AccessKeyID, AccessKeySecret, SecurityToken string
}

// callProducts are the products Call reaches: the classic SDK's product
// name and the API version, by RAM service prefix.
var callProducts = map[string][2]string{
	"ram":             {"Ram", "2015-05-01"},
	"ims":             {"Ims", "2019-08-15"},
	"resourcemanager": {"ResourceManager", "2020-03-31"},
	"sts":             {"Sts", "2015-04-01"},
	"mse":             {"mse", "2019-05-31"},
}

// CallResult is the answer to a Call: the decoded body on success, or the
// API's error code and message.
type CallResult struct {
	Body    map[string]any
	Code    string // "" on success
	Message string
}

// Call makes one API call to an emulator (or any endpoint speaking the RPC
// protocol) at endpoint (http://HOST:PORT) through the classic SDK, as an
// application holding cred would. call is <service>:<API>, e.g.
// mse:GetNacosConfig. It is how tests, `ramsim call` and the demo prove
// what a principal may do; an error is a transport or usage failure, not
// an API refusal.
func Call(endpoint string, cred Credential, call string, params map[string]string) (CallResult, error) {
	service, api, ok := strings.Cut(call, ":")
	pv, known := callProducts[service]
	if !ok || !known || api == "" {
		return CallResult{}, fmt.Errorf("call %q: want <service>:<API> with service one of ram, ims, resourcemanager, sts, mse", call)
	}
	u, err := url.Parse(endpoint)
	if err != nil || u.Host == "" {
		return CallResult{}, fmt.Errorf("endpoint %q: want a URL such as http://127.0.0.1:8765", endpoint)
	}
	var provider credentials.CredentialsProvider
	if cred.SecurityToken != "" {
		provider = credentials.NewStaticSTSCredentialsProvider(cred.AccessKeyID, cred.AccessKeySecret, cred.SecurityToken)
	} else {
		provider = credentials.NewStaticAKCredentialsProvider(cred.AccessKeyID, cred.AccessKeySecret)
	}
	c, err := sdk.NewClientWithOptions("cn-hangzhou", sdk.NewConfig(), provider)
	if err != nil {
		return CallResult{}, err
	}
	req := requests.NewCommonRequest()
	req.Method = "POST"
	req.Scheme = u.Scheme
	req.Domain = u.Host
	req.Product, req.Version, req.ApiName = pv[0], pv[1], api
	for k, v := range params {
		req.QueryParams[k] = v
	}
	resp, err := c.ProcessCommonRequest(req)
	var se *sdkerrors.ServerError
	switch {
	case errors.As(err, &se):
		return CallResult{Code: se.ErrorCode(), Message: se.Message()}, nil
	case err != nil:
		return CallResult{}, err
	}
	var body map[string]any
	if err := json.Unmarshal(resp.GetHttpContentBytes(), &body); err != nil {
		return CallResult{}, fmt.Errorf("%s: answer is not JSON: %w", call, err)
	}
	return CallResult{Body: body}, nil
}
