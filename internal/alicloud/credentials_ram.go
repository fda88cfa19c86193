// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"strconv"
)

// LoginProfile is a RAM user's console logon (the password is never
// returned by the API).
type LoginProfile struct {
	UserName              string `json:"UserName"`
	PasswordResetRequired bool   `json:"PasswordResetRequired,string"`
	MFABindRequired       bool   `json:"MFABindRequired,string"`
	CreateDate            string `json:"CreateDate"`
}

// CreateLoginProfile enables console logon for user. Both flags are always
// sent (the API's default is false). The password travels in the signed
// request body, never in the URL (secretParams); Call never logs parameter
// values and removes the password from its errors.
func (c *Client) CreateLoginProfile(ctx context.Context, user, password string, resetRequired, mfaRequired bool) (*LoginProfile, error) {
	q := query{"UserName": user, "Password": password,
		"PasswordResetRequired": strconv.FormatBool(resetRequired), "MFABindRequired": strconv.FormatBool(mfaRequired)}
	var out struct{ LoginProfile LoginProfile }
	if err := c.callInto(ctx, ProductRAM, "CreateLoginProfile", q, &out); err != nil {
		return nil, err
	}
	return &out.LoginProfile, nil
}

// GetLoginProfile answers EntityNotExist.User.LoginProfile (IsNotFound)
// for a user without console logon.
func (c *Client) GetLoginProfile(ctx context.Context, user string) (*LoginProfile, error) {
	var out struct{ LoginProfile LoginProfile }
	if err := c.callInto(ctx, ProductRAM, "GetLoginProfile", query{"UserName": user}, &out); err != nil {
		return nil, err
	}
	return &out.LoginProfile, nil
}

// UpdateLoginProfile changes what is non-nil; a nil field is not sent.
func (c *Client) UpdateLoginProfile(ctx context.Context, user string, password *string, resetRequired, mfaRequired *bool) error {
	q := query{"UserName": user}.ptr("Password", password).
		boolPtr("PasswordResetRequired", resetRequired).boolPtr("MFABindRequired", mfaRequired)
	return c.callInto(ctx, ProductRAM, "UpdateLoginProfile", q, nil)
}

func (c *Client) DeleteLoginProfile(ctx context.Context, user string) error {
	return c.callInto(ctx, ProductRAM, "DeleteLoginProfile", query{"UserName": user}, nil)
}

// AccessKey is a RAM user's AccessKey pair. AccessKeySecret is set only in
// CreateAccessKey's answer; Status is "Active" or "Inactive".
type AccessKey struct {
	AccessKeyID     string `json:"AccessKeyId"`
	AccessKeySecret string `json:"AccessKeySecret"`
	Status          string `json:"Status"`
	CreateDate      string `json:"CreateDate"`
}

// CreateAccessKey issues a key for user; a user has at most two
// (LimitExceeded.User.AccessKey). The secret is in the answer only.
func (c *Client) CreateAccessKey(ctx context.Context, user string) (*AccessKey, error) {
	var out struct{ AccessKey AccessKey }
	if err := c.callInto(ctx, ProductRAM, "CreateAccessKey", query{"UserName": user}, &out); err != nil {
		return nil, err
	}
	return &out.AccessKey, nil
}

// ListAccessKeys lists user's keys, without secrets.
func (c *Client) ListAccessKeys(ctx context.Context, user string) ([]AccessKey, error) {
	var out struct {
		AccessKeys struct{ AccessKey []AccessKey }
	}
	if err := c.callInto(ctx, ProductRAM, "ListAccessKeys", query{"UserName": user}, &out); err != nil {
		return nil, err
	}
	return out.AccessKeys.AccessKey, nil
}

// UpdateAccessKey sets a key's status, "Active" or "Inactive".
func (c *Client) UpdateAccessKey(ctx context.Context, user, keyID, status string) error {
	q := query{"UserName": user, "UserAccessKeyId": keyID, "Status": status}
	return c.callInto(ctx, ProductRAM, "UpdateAccessKey", q, nil)
}

func (c *Client) DeleteAccessKey(ctx context.Context, user, keyID string) error {
	return c.callInto(ctx, ProductRAM, "DeleteAccessKey", query{"UserName": user, "UserAccessKeyId": keyID}, nil)
}
