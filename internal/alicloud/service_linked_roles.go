// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import "context"

// ServiceLinkedRole is a role as ResourceManager describes it. Arn has the
// role name lower-cased for service-linked roles; RolePrincipalName is
// "<RoleName>@role.<account>.onaliyunservice.com".
type ServiceLinkedRole struct {
	RoleID                   string `json:"RoleId"`
	RoleName                 string `json:"RoleName"`
	Arn                      string `json:"Arn"`
	Description              string `json:"Description"`
	AssumeRolePolicyDocument string `json:"AssumeRolePolicyDocument"`
	CreateDate               string `json:"CreateDate"`
	RolePrincipalName        string `json:"RolePrincipalName"`
	IsServiceLinkedRole      bool   `json:"IsServiceLinkedRole,string"`
}

// CreateServiceLinkedRole creates the service-linked role of serviceName
// (e.g. "mse.aliyuncs.com"). An empty customSuffix or description is not
// sent; only some services accept them
// (InvalidParameter.CustomSuffix.NotAllowed,
// InvalidParameter.Description.NotAllowed).
func (c *Client) CreateServiceLinkedRole(ctx context.Context, serviceName, customSuffix, description string) (*ServiceLinkedRole, error) {
	q := query{"ServiceName": serviceName}.opt("CustomSuffix", customSuffix).opt("Description", description)
	return c.slrCall(ctx, "CreateServiceLinkedRole", q)
}

// GetServiceLinkedRole is ResourceManager's GetRole; it answers for any
// role, IsServiceLinkedRole tells them apart. A missing role is
// EntityNotExist.Role (IsNotFound).
func (c *Client) GetServiceLinkedRole(ctx context.Context, roleName string) (*ServiceLinkedRole, error) {
	return c.slrCall(ctx, "GetRole", query{"RoleName": roleName})
}

func (c *Client) slrCall(ctx context.Context, action string, q query) (*ServiceLinkedRole, error) {
	var out struct{ Role ServiceLinkedRole }
	if err := c.callInto(ctx, ProductResourceManager, action, q, &out); err != nil {
		return nil, err
	}
	return &out.Role, nil
}

// DeleteServiceLinkedRole starts the asynchronous deletion of a
// service-linked role; poll GetServiceLinkedRoleDeletionStatus with the
// task id. A role that is not service-linked answers
// EntityNotExist.ServiceLinkedRole.
func (c *Client) DeleteServiceLinkedRole(ctx context.Context, roleName string) (taskID string, err error) {
	var out struct{ DeletionTaskId string }
	if err := c.callInto(ctx, ProductResourceManager, "DeleteServiceLinkedRole", query{"RoleName": roleName}, &out); err != nil {
		return "", err
	}
	return out.DeletionTaskId, nil
}

// Deletion task statuses.
const (
	DeletionNotStarted    = "NOT_STARTED"
	DeletionInProgress    = "IN_PROGRESS"
	DeletionSucceeded     = "SUCCEEDED"
	DeletionFailed        = "FAILED"
	DeletionInternalError = "INTERNAL_ERROR"
)

// DeletionStatus is a deletion task's state. When Status is FAILED,
// Reason says why and Resources are the resources still using the role
// (from every RoleUsage, in order).
type DeletionStatus struct {
	Status    string
	Reason    string
	Resources []string
}

// Done reports a final status.
func (d *DeletionStatus) Done() bool {
	return d.Status == DeletionSucceeded || d.Status == DeletionFailed || d.Status == DeletionInternalError
}

func (c *Client) GetServiceLinkedRoleDeletionStatus(ctx context.Context, taskID string) (*DeletionStatus, error) {
	var out struct {
		Status string
		Reason struct {
			Message    string
			RoleUsages struct {
				RoleUsage []struct {
					Region    string
					Resources struct{ Resource []string }
				}
			}
		}
	}
	if err := c.callInto(ctx, ProductResourceManager, "GetServiceLinkedRoleDeletionStatus", query{"DeletionTaskId": taskID}, &out); err != nil {
		return nil, err
	}
	d := &DeletionStatus{Status: out.Status, Reason: out.Reason.Message}
	for _, u := range out.Reason.RoleUsages.RoleUsage {
		d.Resources = append(d.Resources, u.Resources.Resource...)
	}
	return d, nil
}
