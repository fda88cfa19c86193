// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import "context"

// Role is a RAM role. Arn is "acs:ram::<account>:role/<name>";
// MaxSessionDuration is in seconds (3600-43200).
type Role struct {
	RoleID                   string `json:"RoleId"`
	RoleName                 string `json:"RoleName"`
	Arn                      string `json:"Arn"`
	Description              string `json:"Description"`
	AssumeRolePolicyDocument string `json:"AssumeRolePolicyDocument"`
	MaxSessionDuration       int64  `json:"MaxSessionDuration,string"`
	CreateDate               string `json:"CreateDate"`
	UpdateDate               string `json:"UpdateDate"`
}

// CreateRoleInput: an empty Description or Tags and a zero
// MaxSessionDuration are not sent. Tags go in the JSON Tag parameter.
type CreateRoleInput struct {
	RoleName, AssumeRolePolicyDocument, Description string
	MaxSessionDuration                              int
	Tags                                            map[string]string
}

func (c *Client) CreateRole(ctx context.Context, in CreateRoleInput) (*Role, error) {
	q := query{"RoleName": in.RoleName, "AssumeRolePolicyDocument": in.AssumeRolePolicyDocument}.
		opt("Description", in.Description).optInt("MaxSessionDuration", in.MaxSessionDuration).
		opt("Tag", jsonTags(in.Tags))
	return c.roleCall(ctx, "CreateRole", q)
}

func (c *Client) GetRole(ctx context.Context, name string) (*Role, error) {
	return c.roleCall(ctx, "GetRole", query{"RoleName": name})
}

// UpdateRoleInput: a nil field is left alone; NewDescription "" is sent
// and clears the description.
type UpdateRoleInput struct {
	RoleName                                    string
	NewAssumeRolePolicyDocument, NewDescription *string
	NewMaxSessionDuration                       *int
}

func (c *Client) UpdateRole(ctx context.Context, in UpdateRoleInput) (*Role, error) {
	q := query{"RoleName": in.RoleName}.
		ptr("NewAssumeRolePolicyDocument", in.NewAssumeRolePolicyDocument).
		ptr("NewDescription", in.NewDescription).intPtr("NewMaxSessionDuration", in.NewMaxSessionDuration)
	return c.roleCall(ctx, "UpdateRole", q)
}

// DeleteRole deletes a role; with policies attached RAM answers
// DeleteConflict.Role.Policy.
func (c *Client) DeleteRole(ctx context.Context, name string) error {
	return c.callInto(ctx, ProductRAM, "DeleteRole", query{"RoleName": name}, nil)
}

// ListRoles returns every role, following Marker to the last page.
func (c *Client) ListRoles(ctx context.Context) ([]Role, error) {
	return listAll[Role](ctx, c, "ListRoles", query{}, "Roles", "Role")
}

// roleCall is an action answering {"Role": {...}}.
func (c *Client) roleCall(ctx context.Context, action string, q query) (*Role, error) {
	var out struct{ Role Role }
	if err := c.callInto(ctx, ProductRAM, action, q, &out); err != nil {
		return nil, err
	}
	return &out.Role, nil
}
