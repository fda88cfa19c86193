// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"strconv"
)

// User is a RAM user as GetUser, CreateUser and ListUsers return it. Dates
// are RFC 3339 UTC strings; UserID is a numeric string.
type User struct {
	UserID        string `json:"UserId"`
	UserName      string `json:"UserName"`
	DisplayName   string `json:"DisplayName"`
	MobilePhone   string `json:"MobilePhone"`
	Email         string `json:"Email"`
	Comments      string `json:"Comments"`
	CreateDate    string `json:"CreateDate"`
	UpdateDate    string `json:"UpdateDate"`
	LastLoginDate string `json:"LastLoginDate"`
}

// CreateUserInput: empty optional fields are not sent.
type CreateUserInput struct {
	UserName, DisplayName, MobilePhone, Email, Comments string
}

func (c *Client) CreateUser(ctx context.Context, in CreateUserInput) (*User, error) {
	q := query{"UserName": in.UserName}.
		opt("DisplayName", in.DisplayName).opt("MobilePhone", in.MobilePhone).
		opt("Email", in.Email).opt("Comments", in.Comments)
	var out struct{ User User }
	if err := c.callInto(ctx, ProductRAM, "CreateUser", q, &out); err != nil {
		return nil, err
	}
	return &out.User, nil
}

func (c *Client) GetUser(ctx context.Context, userName string) (*User, error) {
	var out struct{ User User }
	if err := c.callInto(ctx, ProductRAM, "GetUser", query{"UserName": userName}, &out); err != nil {
		return nil, err
	}
	return &out.User, nil
}

// UpdateUserInput: a nil field is left alone; a pointer to "" is sent empty,
// which clears the field.
type UpdateUserInput struct {
	UserName                                                           string
	NewUserName, NewDisplayName, NewMobilePhone, NewEmail, NewComments *string
}

func (c *Client) UpdateUser(ctx context.Context, in UpdateUserInput) (*User, error) {
	q := query{"UserName": in.UserName}.
		ptr("NewUserName", in.NewUserName).ptr("NewDisplayName", in.NewDisplayName).
		ptr("NewMobilePhone", in.NewMobilePhone).ptr("NewEmail", in.NewEmail).ptr("NewComments", in.NewComments)
	var out struct{ User User }
	if err := c.callInto(ctx, ProductRAM, "UpdateUser", q, &out); err != nil {
		return nil, err
	}
	return &out.User, nil
}

func (c *Client) DeleteUser(ctx context.Context, userName string) error {
	return c.callInto(ctx, ProductRAM, "DeleteUser", query{"UserName": userName}, nil)
}

// ListUsers returns one page. maxItems <= 0 leaves the page size to the API
// (100). nextMarker is "" on the last page.
func (c *Client) ListUsers(ctx context.Context, marker string, maxItems int) (users []User, nextMarker string, err error) {
	q := query{}.opt("Marker", marker)
	if maxItems > 0 {
		q["MaxItems"] = strconv.Itoa(maxItems)
	}
	var out struct {
		IsTruncated bool `json:",string"`
		Marker      string
		Users       struct{ User []User }
	}
	if err := c.callInto(ctx, ProductRAM, "ListUsers", q, &out); err != nil {
		return nil, "", err
	}
	if out.IsTruncated {
		nextMarker = out.Marker
	}
	return out.Users.User, nextMarker, nil
}
