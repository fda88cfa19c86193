// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import "strings"

// MatchResource reports whether a Resource pattern covers a resource, and
// whether the MSE hierarchy rule (rather than plain RAM wildcard matching)
// decided it.
//
// Plain RAM matching is case-sensitive with '*' and '?'. For MSE ARNs
// (both pattern and resource start with "acs:mse:") two further rules apply:
//
//  1. Aliases. The ARN of a Nacos configuration or service has two spellings:
//     instance/<id>/<namespace>/<group>/<dataId or service> (MSE's RAM
//     guide, and what this provider renders) and
//     instance/<id>/<namespace>/<group>/config/<dataId> or
//     .../<group>/naming/<service> (the fine-grained Nacos pages). Both
//     pattern and resource are rewritten to the first form before matching,
//     so either spelling matches the other. The first form cannot tell a
//     configuration from a service of the same name, so neither can we.
//  2. Ancestors. MSE grants on an instance, a namespace or a group as
//     grants on what they hold: MSE's guide
//     (https://www.alibabacloud.com/help/en/mse/security-and-compliance/grant-permissions-on-microservices-registry-resources)
//     grants mse:Get* on acs:mse:*:*:instance/<id> as "read all resources in
//     the instance", and the fine-grained Nacos pages
//     (https://www.alibabacloud.com/help/en/mse/user-guide/fine-grained-authorization-in-configuration-centers)
//     grant per instance, namespace, group or DataId. So a pattern covers a
//     resource when it matches, by the plain rules, the resource or the ARN
//     of the instance (instance/<id>), namespace (instance/<id>/<ns>) or
//     group (instance/<id>/<ns>/<group>) holding it. instance/mse-1 covers
//     instance/mse-1/ns/grp/app.yaml but not instance/mse-10; a pattern
//     naming a DataId or service covers only itself, never its siblings. A
//     pattern whose '*' spans levels covers what every ARN it matches holds:
//     instance/*/grp matches the group instance/mse-1/ns/grp, and so covers
//     its DataIds too.
//
// Everything else (other services, other resource types) uses plain matching.
func MatchResource(pattern, resource string) (match, viaHierarchy bool) {
	if wildcardMatch(pattern, resource, false) {
		return true, false
	}
	if !strings.HasPrefix(pattern, mseARNPrefix) || !strings.HasPrefix(resource, mseARNPrefix) {
		return false, false
	}
	rHead, rSegs := splitMSE(resource)
	if rSegs == nil {
		return false, false
	}
	normalPattern := pattern
	if pHead, pSegs := splitMSE(pattern); pSegs != nil {
		normalPattern = pHead + strings.Join(pSegs, "/")
	}
	short := rHead + strings.Join(rSegs, "/")
	if wildcardMatch(normalPattern, short, false) {
		return true, true // the other spelling
	}
	if rSegs[0] != mseInstance {
		return false, false
	}
	// The group, namespace and instance holding the resource: prefixes of
	// its short spelling, cut after depth segments.
	for depth := min(len(rSegs)-1, depthGroup); depth >= depthInstance; depth-- {
		n := len(rHead) + depth - 1
		for _, seg := range rSegs[:depth] {
			n += len(seg)
		}
		if wildcardMatch(normalPattern, short[:n], false) {
			return true, true
		}
	}
	return false, false
}

const (
	mseARNPrefix = "acs:mse:"
	mseInstance  = "instance"
)

// Depths of an MSE resource path, counted in segments of the relative ID.
const (
	depthInstance = 2 // instance/<id>
	depthGroup    = 4 // instance/<id>/<ns>/<group>
	depthLeaf     = 5 // instance/<id>/<ns>/<group>/<dataId or service>
)

// splitMSE splits an MSE ARN into its head ("acs:mse:<region>:<account>:")
// and the segments of its relative ID, with the config/naming alias
// removed. It returns nil segments for something that is not an ARN.
func splitMSE(arn string) (head string, segs []string) {
	parts := strings.SplitN(arn, ":", 5)
	if len(parts) != 5 {
		return "", nil
	}
	rel := parts[4]
	segs = strings.Split(rel, "/")
	if len(segs) == depthLeaf+1 && segs[0] == mseInstance && (segs[depthGroup] == "config" || segs[depthGroup] == "naming") {
		segs = append(segs[:depthGroup], segs[depthGroup+1])
	}
	return arn[:len(arn)-len(rel)], segs
}
