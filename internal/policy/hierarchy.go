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
//  2. Ancestors. A pattern naming an instance (instance/<id>), a namespace
//     (instance/<id>/<ns>) or a group (instance/<id>/<ns>/<group>) covers
//     everything beneath it: MSE's guide grants mse:Get* on
//     acs:mse:*:*:instance/<id> as "read all resources in the instance".
//     The pattern is matched against the resource cut to the pattern's depth,
//     so instance/mse-1 covers instance/mse-1/ns/grp/app.yaml but not
//     instance/mse-10. A pattern naming a DataId or service covers only
//     itself, never its siblings.
//
// Everything else (other services, other resource types) uses plain matching.
func MatchResource(pattern, resource string) (match, viaHierarchy bool) {
	if wildcardMatch(pattern, resource, false) {
		return true, false
	}
	if !strings.HasPrefix(pattern, mseARNPrefix) || !strings.HasPrefix(resource, mseARNPrefix) {
		return false, false
	}
	pHead, pSegs := splitMSE(pattern)
	rHead, rSegs := splitMSE(resource)
	if pSegs == nil || rSegs == nil {
		return false, false
	}
	normalPattern := pHead + strings.Join(pSegs, "/")
	if wildcardMatch(normalPattern, rHead+strings.Join(rSegs, "/"), false) {
		return true, true
	}
	if isAncestorPattern(pSegs) && len(rSegs) > len(pSegs) && rSegs[0] == mseInstance &&
		wildcardMatch(normalPattern, rHead+strings.Join(rSegs[:len(pSegs)], "/"), false) {
		return true, true
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

// isAncestorPattern reports whether pattern segments name an instance,
// namespace or group: the levels that have something beneath them.
func isAncestorPattern(segs []string) bool {
	if segs[0] != mseInstance || len(segs) < depthInstance || len(segs) > depthGroup {
		return false
	}
	for _, s := range segs {
		if s == "" {
			return false
		}
	}
	return true
}
