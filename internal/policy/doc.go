// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package policy is the RAM policy language: parsing and validation,
// canonical JSON, semantic equality and evaluation, with Alibaba Cloud
// Microservices Engine's (MSE) resource hierarchy built in. It imports only
// the standard library; internal/mse, the data sources, the functions and
// the ramsim emulator build on it.
//
// # Documents
//
// Parse validates an identity policy (attached to a user, group or role),
// ParseTrust a role's trust policy, ParseAny either (a document in which a
// statement names a Principal is a trust policy). The rule is RAM's: refuse
// what Alibaba Cloud's policy-language pages ("Policy structure and syntax",
// https://www.alibabacloud.com/help/doc-detail/93739.htm; "Policy elements",
// https://www.alibabacloud.com/help/doc-detail/93738.htm; "Conditional
// operators", https://www.alibabacloud.com/help/en/ram/conditional-operator)
// say is invalid, accept with a warning (Document.Warnings) what they advise
// against or leave ambiguous but RAM accepts, accept the rest. The comment
// at each rule names its source, or says why no page decides it.
//
//   - the document is 1 to MaxDocumentLength (6144) characters of JSON, an
//     object with exactly the elements Version and Statement;
//   - Version is the string "1";
//   - Statement is a non-empty list of statement objects;
//   - a statement has the elements Sid, Effect, Action, NotAction, Resource,
//     Principal and Condition only. An element name in another case
//     ("condition", as a public Terraform module writes it) is read as the
//     documented element, with a warning; the same element twice (Condition
//     and condition) is an error;
//   - Effect is exactly "Allow" or "Deny", as the grammar writes them;
//     "allow" is an error (with a suggestion);
//   - exactly one of Action and NotAction; each entry is "*" or
//     <service>:<action>, wildcards allowed;
//   - Resource is required in identity policies; each entry is "*" or an ARN
//     acs:<service>:<region>:<account-id>:<resource> (region and account may
//     be empty or "*"). NotResource is not part of RAM's language and is
//     rejected with an explanation;
//   - Principal ({"RAM": [...]}, {"Service": [...]}, {"Federated": [...]})
//     is required in every statement of a trust policy and forbidden in an
//     identity policy; a trust policy may only grant sts:AssumeRole (an
//     Action pattern that does not cover sts:AssumeRole is an error), and
//     Resource is optional there. An empty list ("Service": []) names no one
//     and is accepted with a warning;
//   - Condition is {Operator: {Key: values}} with RAM's operators only (see
//     below); operator names are case-sensitive, as RAM writes them. Keys
//     have the form <service>:<name>; a key without it ("Action") is
//     accepted with a warning and is missing from every request;
//   - every element is a string or a non-empty list of strings; only
//     condition values may be empty strings. A condition value written as a
//     JSON number or boolean (3600, true) is read as the string it spells,
//     with a warning: the grammar page quotes every value, RAM accepts both;
//   - Date* values are ISO 8601 date-times (see Evaluation); epoch seconds
//     are an error, a date without a time of day or a date-time without a
//     zone a warning;
//   - a single acs:SourceIp value naming one address is the address
//     (10.0.0.1), not a /32 (or /128) block: an error; among several values
//     such a block is a warning;
//   - an element may not appear twice in one object, Sids are unique within
//     a document.
//
// All problems are reported, not just the first: the error is an
// errors.Join of *ValidationError, each naming the statement (by index and
// Sid) and the element. Problems flattens it. Warnings are ValidationErrors
// too, from Document.Warnings.
//
// # Canonical form and equivalence
//
// CanonicalJSON is what the provider sends and stores: compact, keys in a
// fixed order and in their documented spelling, every list a JSON array,
// lists sorted and de-duplicated, every condition value a JSON string (3600
// becomes "3600"), empty principal lists dropped beside non-empty ones, the
// documented global condition keys (acs:SourceIp,
// acs:CurrentTime, ...) in their documented spelling, bare account IDs in
// RAM principals written as acs:ram::<uid>:root, and statements sorted by
// their own canonical JSON with exact duplicates dropped. RAM gives
// statement order no meaning, so sorting them makes Equivalent(a, b) simply
// "the canonical forms are equal", and gives a renderer deterministic output
// whatever order its inputs arrive in. Parsing the canonical form and
// rendering it again gives the same string (a fixed point; fuzzed).
//
// Equivalence ignores whitespace, key order, statement order, list order,
// duplicates, a string versus a one-element list, a number or boolean versus
// the string it spells, the case of element names and of the documented
// condition keys. It keeps the case of actions, resources,
// Sids, other condition keys and all values, although RAM matches actions
// case-insensitively: a false "different" costs a harmless update, a false
// "equal" would hide a change. Statements are never merged here (the
// renderer in internal/mse merges).
//
// # Evaluation
//
// Evaluate decides a Request (action, resource, condition context, and a
// principal for trust policies) against a set of documents: any matching
// Deny gives ExplicitDeny, otherwise any matching Allow gives Allow,
// otherwise ImplicitDeny. The Result names the deciding statement (the first
// matching one in document order, then statement order).
//
// A statement matches when its Action (or NotAction) matches, its Principal
// (if any) admits the caller, one of its Resources matches, and every
// condition holds.
//
//   - Actions match case-insensitively, resources case-sensitively, both
//     with '*' (any run of characters, including none) and '?' (exactly one
//     character). See MatchAction and MatchResource.
//   - MSE resources are hierarchical: for acs:mse: ARNs a pattern matching
//     the ARN of an instance, namespace or group also covers everything
//     beneath it, and
//     the .../<group>/config/<dataId> and .../<group>/naming/<service>
//     spellings equal .../<group>/<dataId or service>. Result.ViaHierarchy
//     says when this rule, not plain matching, decided. See MatchResource.
//   - Conditions: the values under one key are ORed, keys and operators are
//     ANDed. Context keys are looked up case-insensitively.
//
// Condition operators:
//
//   - StringEquals, StringEqualsIgnoreCase, StringLike (case-sensitive
//     '*'/'?' wildcards) and their Not forms;
//   - NumericEquals, NumericLessThan(Equals), NumericGreaterThan(Equals) and
//     NumericNotEquals, on decimal numbers;
//   - DateEquals, DateLessThan(Equals), DateGreaterThan(Equals) and
//     DateNotEquals, on ISO 8601 date-times with a zone (RFC 3339, such as
//     2026-01-02T15:04:05Z or with +08:00 and fractional seconds); a
//     date-time without a zone is read as UTC, a plain date (2026-01-02) as
//     midnight UTC. Request values are read the same way;
//   - Bool, on "true"/"false" in any case;
//   - IpAddress and NotIpAddress: policy values are IP addresses or CIDR
//     blocks (IPv4 or IPv6); the request value (acs:SourceIp) is a plain
//     address, and a CIDR there matches nothing;
//   - each of the above with the suffix IfExists (DateLessThanIfExists,
//     NotIpAddressIfExists, ...): true when the request does not carry the
//     key, the base operator otherwise. Operators lists them all.
//
// Policy values are validated when the document is parsed. Missing keys and
// unreadable request values: a positive operator never matches a key the
// request does not carry, nor a request value it cannot read. Every Not
// operator (StringNotEquals, StringNotEqualsIgnoreCase, StringNotLike,
// NumericNotEquals, DateNotEquals, NotIpAddress) is the exact negation of
// its positive counterpart, so it matches when the key is missing, as in
// AWS. This keeps "Deny unless the source IP is in 10.0.0.0/8" denying a
// request without a source IP. When a key has several request values, a
// positive operator matches if any of them matches any policy value.
//
// Trust policies: a RAM principal acs:ram::<uid>:root admits every user and
// role of that account; Service principals match case-insensitively.
package policy
