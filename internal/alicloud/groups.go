// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import "context"

// Group is a RAM user group. JoinDate is set only by ListGroupsForUser,
// which in turn has no CreateDate or UpdateDate.
type Group struct {
	GroupID    string `json:"GroupId"`
	GroupName  string `json:"GroupName"`
	Comments   string `json:"Comments"`
	CreateDate string `json:"CreateDate"`
	UpdateDate string `json:"UpdateDate"`
	JoinDate   string `json:"JoinDate"`
}

// CreateGroup creates a group; empty comments are not sent.
func (c *Client) CreateGroup(ctx context.Context, name, comments string) (*Group, error) {
	return c.groupCall(ctx, "CreateGroup", query{"GroupName": name}.opt("Comments", comments))
}

func (c *Client) GetGroup(ctx context.Context, name string) (*Group, error) {
	return c.groupCall(ctx, "GetGroup", query{"GroupName": name})
}

// UpdateGroup renames a group and/or sets its comments. A nil field is
// left alone; a pointer to "" is sent empty (clearing the comments).
func (c *Client) UpdateGroup(ctx context.Context, name string, newName, newComments *string) (*Group, error) {
	q := query{"GroupName": name}.ptr("NewGroupName", newName).ptr("NewComments", newComments)
	return c.groupCall(ctx, "UpdateGroup", q)
}

// DeleteGroup deletes a group; members or policies answer
// DeleteConflict.Group.User / DeleteConflict.Group.Policy.
func (c *Client) DeleteGroup(ctx context.Context, name string) error {
	return c.callInto(ctx, ProductRAM, "DeleteGroup", query{"GroupName": name}, nil)
}

// AddUserToGroup adds a member; a member already in the group answers
// EntityAlreadyExists.User.Group.
func (c *Client) AddUserToGroup(ctx context.Context, group, user string) error {
	return c.callInto(ctx, ProductRAM, "AddUserToGroup", membership(group, user), nil)
}

// RemoveUserFromGroup removes a member; a non-member answers
// EntityNotExist.User.Group.
func (c *Client) RemoveUserFromGroup(ctx context.Context, group, user string) error {
	return c.callInto(ctx, ProductRAM, "RemoveUserFromGroup", membership(group, user), nil)
}

// ListGroupsForUser returns the groups a user is in, with JoinDate (RAM
// does not page this list).
func (c *Client) ListGroupsForUser(ctx context.Context, user string) ([]Group, error) {
	return listAll[Group](ctx, c, "ListGroupsForUser", query{"UserName": user}, "Groups", "Group")
}

// ListUsersForGroup returns every member of a group, following Marker to
// the last page. RAM sends only UserId, UserName and DisplayName (and a
// JoinDate, not kept).
func (c *Client) ListUsersForGroup(ctx context.Context, group string) ([]User, error) {
	return listAll[User](ctx, c, "ListUsersForGroup", query{"GroupName": group}, "Users", "User")
}

func membership(group, user string) query { return query{"GroupName": group, "UserName": user} }

// groupCall is an action answering {"Group": {...}}.
func (c *Client) groupCall(ctx context.Context, action string, q query) (*Group, error) {
	var out struct{ Group Group }
	if err := c.callInto(ctx, ProductRAM, action, q, &out); err != nil {
		return nil, err
	}
	return &out.Group, nil
}
