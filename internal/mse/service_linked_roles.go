// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// ServiceLinkedRole is one entry of the service-linked role catalog: the
// service (ResourceManager's ServiceName, also the trust-policy principal),
// the role CreateServiceLinkedRole creates for it, the role's default
// description, whether the API accepts a CustomSuffix or a Description for
// it, the system policy attached to the role, and the document the entry
// comes from (with what was assumed).
type ServiceLinkedRole struct {
	ServiceName        string
	RoleName           string
	Description        string
	AcceptsSuffix      bool
	AcceptsDescription bool
	PolicyName         string
	Source             string
}

// serviceLinkedRoles is also ramsim's built-in catalog, so the provider's
// plan-time checks and the emulator agree. None of the seeds says a service
// accepts a custom suffix or description, and ResourceManager allows a
// description only where it allows a suffix, so none does.
var serviceLinkedRoles = []ServiceLinkedRole{
	{
		ServiceName: "mse.aliyuncs.com", RoleName: "AliyunServiceRoleForMSE",
		Description: "Microservices Engine (MSE) will use this role to access your resources in other services such as ECS, VPC, ARMS, SLB, ACK, EDAS and ASM.",
		PolicyName:  "AliyunServiceRolePolicyForMSE",
		Source:      "seed 000",
	},
	{
		ServiceName: "engine-service.mse.aliyuncs.com", RoleName: "AliyunServiceRoleForMSEEngineService",
		Description: "The MSE engine (Nacos) will use this role to integrate with other cloud services such as Security Guardrail.",
		PolicyName:  "AliyunServiceRolePolicyForMSEEngineService",
		Source:      "seed 000 (service name and policy from the seed; role name assumed from the policy name)",
	},
	{
		ServiceName: "mssp.aliyuncs.com", RoleName: "AliyunServiceRoleForMssp",
		Description: "Managed Security Service (MSS) will use this role to access your cloud resources for security assessment and hardening.",
		PolicyName:  "AliyunServiceRolePolicyForMssp",
		Source:      "seed 002 (role and policy names from the seed; service name assumed)",
	},
	{
		ServiceName: "esa.mssp.aliyuncs.com", RoleName: "AliyunServiceRoleForESAMssp",
		Description: "Managed Security Service (MSS) will use this role to access your Edge Security Acceleration (ESA) and Simple Log Service (SLS) resources.",
		PolicyName:  "AliyunServiceRolePolicyForESAMssp",
		Source:      "seed 002 (role and policy names from the seed; service name assumed)",
	},
}

// ServiceLinkedRoles returns the catalog in its documented order (a copy).
func ServiceLinkedRoles() []ServiceLinkedRole {
	return slices.Clone(serviceLinkedRoles)
}

// ServiceLinkedRoleFor returns the catalog entry of a service name.
func ServiceLinkedRoleFor(serviceName string) (ServiceLinkedRole, bool) {
	for _, e := range serviceLinkedRoles {
		if e.ServiceName == serviceName {
			return e, true
		}
	}
	return ServiceLinkedRole{}, false
}

// ServiceLinkedRoleNamed returns the catalog entry whose role is roleName,
// with or without a custom suffix ("<RoleName>_<suffix>"), and the suffix.
func ServiceLinkedRoleNamed(roleName string) (entry ServiceLinkedRole, suffix string, ok bool) {
	base, suffix, _ := strings.Cut(roleName, "_")
	for _, e := range serviceLinkedRoles {
		if e.RoleName == base {
			return e, suffix, true
		}
	}
	return ServiceLinkedRole{}, "", false
}

// ServiceNames lists the catalog's service names, for messages.
func ServiceNames() []string {
	out := make([]string, 0, len(serviceLinkedRoles))
	for _, e := range serviceLinkedRoles {
		out = append(out, e.ServiceName)
	}
	return out
}

// serviceNameSyntax is what a ServiceName looks like: a lower-case host
// under aliyuncs.com, e.g. engine-service.mse.aliyuncs.com.
var serviceNameSyntax = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.aliyuncs\.com$`)

// IsServiceName reports whether s has the syntax of a service name.
func IsServiceName(s string) bool { return serviceNameSyntax.MatchString(s) }

// customSuffixSyntax is ResourceManager's CustomSuffix alphabet.
var customSuffixSyntax = regexp.MustCompile(`^[A-Za-z0-9.-]+$`)

// MaxServiceLinkedRoleName is the longest role name, suffix included.
const MaxServiceLinkedRoleName = 64

// RoleNameWithSuffix is the name CreateServiceLinkedRole gives the role of
// e with suffix ("" for none).
func (e ServiceLinkedRole) RoleNameWithSuffix(suffix string) string {
	if suffix == "" {
		return e.RoleName
	}
	return e.RoleName + "_" + suffix
}

// CheckSuffix says what is wrong with a custom suffix for e, or nil. It
// checks what ResourceManager checks, so a plan fails before the API does.
func (e ServiceLinkedRole) CheckSuffix(suffix string) error {
	if !e.AcceptsSuffix {
		return fmt.Errorf("service %s does not accept a custom suffix: its role is always named %s", e.ServiceName, e.RoleName)
	}
	return CheckSuffixSyntax(e.RoleName, suffix)
}

// CheckSuffixSyntax checks a suffix's alphabet and, when the base role name
// is known, the resulting name's length.
func CheckSuffixSyntax(roleName, suffix string) error {
	if !customSuffixSyntax.MatchString(suffix) {
		return fmt.Errorf("custom suffix %q may contain only letters, digits, '.' and '-'", suffix)
	}
	if roleName != "" && len(roleName)+1+len(suffix) > MaxServiceLinkedRoleName {
		return fmt.Errorf("custom suffix %q makes the role name %s_%s longer than %d characters", suffix, roleName, suffix, MaxServiceLinkedRoleName)
	}
	return nil
}

// CheckDescription says why e does not take description, or nil. A
// service that takes no custom description still takes its own (the one
// its role always has, which `terraform plan -generate-config-out` writes
// for an imported role): it is not custom.
func (e ServiceLinkedRole) CheckDescription(description string) error {
	if !e.AcceptsDescription && description != e.Description {
		return fmt.Errorf("service %s does not accept a custom description: its role always has the service's description %q", e.ServiceName, e.Description)
	}
	return nil
}

// CustomDescription is the Description parameter CreateServiceLinkedRole
// is sent for description: "" when it is the service's own, which RAM sets
// itself and a service without custom descriptions would refuse.
func (e ServiceLinkedRole) CustomDescription(description string) string {
	if description == e.Description {
		return ""
	}
	return description
}

// CheckServiceName says why name cannot be used as the service of a
// service-linked role, or nil. A name outside the catalog is refused unless
// allowUnknown (then only its syntax is checked and ResourceManager
// decides). Each mistake gets one message: a name that is not even a
// service name gets the catalog entry it most likely means (the product
// code "mse", the role name AliyunServiceRoleForMSE, a typo), never the
// allowUnknown escape hatch, which cannot help it.
func CheckServiceName(name string, allowUnknown bool) error {
	if strings.TrimSpace(name) == "" {
		return fmt.Errorf("must not be empty: name a service such as mse.aliyuncs.com")
	}
	guess := suggestService(name)
	if !IsServiceName(name) {
		if guess != "" {
			return fmt.Errorf("%q is not a service name; did you mean %q?", name, guess)
		}
		return fmt.Errorf("%q is not a service name: a lower-case host under aliyuncs.com, such as mse.aliyuncs.com", name)
	}
	if _, known := ServiceLinkedRoleFor(name); known || allowUnknown {
		return nil
	}
	if guess != "" {
		return fmt.Errorf("%q is not in the provider's service-linked role catalog; did you mean %q?", name, guess)
	}
	return fmt.Errorf("%q is not in the provider's service-linked role catalog (%s); check the spelling, or, if the service is real "+
		"and only missing from the catalog, set allow_unknown_service = true to let ResourceManager decide", name, strings.Join(ServiceNames(), ", "))
}

// suggestService returns the catalog service a mistaken name most likely
// means: the same name in other case, a product code ("mse" for
// mse.aliyuncs.com), a role or policy name of the entry, or a service name
// within a small edit distance. "" when nothing is close.
func suggestService(name string) string {
	lower := strings.ToLower(strings.TrimSpace(name))
	for _, e := range serviceLinkedRoles {
		switch lower {
		case e.ServiceName, strings.TrimSuffix(e.ServiceName, ".aliyuncs.com"), strings.ToLower(e.RoleName), strings.ToLower(e.PolicyName):
			if name != e.ServiceName {
				return e.ServiceName
			}
		}
	}
	// One edit anywhere (mse.aliyuncs.co), or a fifth of the part before
	// .aliyuncs.com (msse.aliyuncs.com): typos. ecs.aliyuncs.com is two
	// edits from mse.aliyuncs.com, and another service.
	if guess := closest(lower, ServiceNames(), 1, nil); guess != "" {
		return guess
	}
	prefix := func(s string) string { return strings.TrimSuffix(s, ".aliyuncs.com") }
	return closest(prefix(lower), ServiceNames(), max(1, len(prefix(lower))/5), prefix)
}
