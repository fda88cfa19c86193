// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import "context"

// CallerIdentity is who the configured credentials are (STS
// GetCallerIdentity).
type CallerIdentity struct {
	AccountID    string `json:"AccountId"`
	UserID       string `json:"UserId"`
	PrincipalID  string `json:"PrincipalId"`
	RoleID       string `json:"RoleId"`
	ARN          string `json:"Arn"`
	IdentityType string `json:"IdentityType"`
}

func (c *Client) GetCallerIdentity(ctx context.Context) (*CallerIdentity, error) {
	var out CallerIdentity
	if err := c.callInto(ctx, ProductSTS, "GetCallerIdentity", query{}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
