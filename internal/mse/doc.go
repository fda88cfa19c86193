// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package mse is what the provider knows about Microservices Engine's RAM
// permissions: the action catalog, ARN builders, and the renderer behind the
// mseram_policy_document data source, which turns typed grants into
// least-privilege policy documents. It imports only the standard library and
// internal/policy.
//
// # Sources
//
// "The seeds" (and "seed NNN" in comments) are five public documentation
// pages on alibabacloud.com/help this package models:
//
//	000  Microservices Engine: MSE service-linked roles
//	001  Microservices Engine: Grant permissions on Microservices Registry resources
//	     (www.alibabacloud.com/help/en/mse/security-and-compliance/grant-permissions-on-microservices-registry-resources)
//	002  Managed Security Service: Service-linked role
//	003  Microservices Engine: Grant permissions to manage cloud-native gateways
//	     (www.alibabacloud.com/help/en/mse/security-and-compliance/grant-permissions-to-manage-cloud-native-gateways)
//	004  Microservices Engine: Grant permissions to MSE Ingress Controller
//
// The facts tests need from them are in testdata/, in our own words:
// seed_action_tables.tsv (the action tables of 001 and 003: name and
// read-only flag) and the golden policies (testdata/README.md).
//
// # Catalog
//
// Catalog lists every action of the seeds' tables and policies (with the
// seeds' descriptions) and every API of the classic SDK's services/mse
// package (RAM action names equal API names; descriptions generated from the
// name). Each has a read-only flag, a Scope (the finest resource level it can
// be limited to: account, instance, namespace, group, item) and an Area
// (registry_configuration, gateway, service_source, route,
// certificate_domain, governance, other).
//
// Read-only is the seeds' flag where they give one, except where they
// contradict themselves (Note says why): UpdateSSLCert is a write (seed 003
// says read-only), UploadWasmFile is a write (seed 003's read-only policy
// lists it), SelectGatewaySlb is read-only (the table says not, but it
// queries, and the read-only policy grants mse:Select*), UpdateRateLimit
// updates a rule (the table says it deletes one). For SDK-only APIs it is
// the verb: Get, List, Query, Select, Pull, Fetch, Check read; everything
// else (Add, Create, Update, Delete, Apply, Import, Enable, Put, Order,
// Preserve, ...) writes, with explicit exceptions (ExportNacosConfig reads;
// ExportZookeeperData starts an export task, a write; GatewayBlackWhiteList
// lists). The wildcard sets the templates use for read access (mse:List*,
// mse:Query*, mse:Get*, mse:Select*, mse:Pull*, mse:GatewayBlackWhite*)
// match no catalog write; a test keeps it so.
//
// # ARNs
//
// ResourceRef.ARN builds acs:mse:<region>:<account>:instance/<id>[/<namespace>[/<group>[/<dataId or service>]]]
// (seed 001's format, seed 003's with a region), region and account
// defaulting to "*". Segments are validated: instance IDs letters, digits,
// '-' and '_'; namespace IDs also '.'; groups, DataIds and service names
// also ':' (Nacos's charset); regions lower-case; accounts digits; no '/'
// or '?' in any segment; '*' is allowed anywhere as RAM's wildcard (seed
// 003 writes its gateway masked as gw-8090caa2a3ab447a8bc5fdf3********).
// A segment needs the ones above it. The default Nacos namespace is
// "public". AllResources is acs:mse:<region>:<account>:*.
//
// # What each block grants
//
// nacos_config (NacosConfigGrant) on the ARN of its instance, namespace,
// group and DataId; an empty DataId means every configuration of the group,
// an empty group every one of the namespace, an empty namespace every one of
// the instance (MSE's hierarchy: a pattern naming a level covers what is
// beneath it):
//
//	read_only   GetNacosConfig, GetNacosHistoryConfig, ListListenersByConfig
//	read_write  + CreateNacosConfig, UpdateNacosConfig (seed 001 examples 3, 4)
//	full        + DeleteNacosConfig, UpdateNacosGrayConfig, and on a
//	              namespace or wider: DeleteNacosConfigs, ExportNacosConfig,
//	              GetImportFileUrl, ImportNacosConfig, CloneNacosConfig
//
// Actions whose scope is coarser than the grant are left out (no namespace
// import on one DataId). Bulk and release operations are full only: batch
// delete, import and clone can overwrite many configurations, export copies
// a namespace out, a gray release reaches live clients.
//
// nacos_service (NacosServiceGrant), same levels with the service name; it
// grants service and service-instance actions, never configuration actions
// (seed 001's example 5 grants CreateNacosConfig/UpdateNacosConfig on a
// service ARN, which gives nothing on the service):
//
//	read_only   GetServiceListeners
//	read_write  + CreateNacosService, UpdateNacosService, CreateNacosInstance,
//	              UpdateNacosInstance, UpdateNacosCluster
//	full        + DeleteNacosService, DeleteNacosInstance
//
// Listing services and instances (ListAnsServices, ListAnsServiceClusters,
// ListAnsInstances) and configurations (ListNacosConfigs, ...) cannot be
// limited below the instance (seed 001: "no fine-grained display
// support"); console navigation grants them, and a read_only service grant
// without it gets a warning.
//
// instance (InstanceGrant), one instance or "*" (every MSE resource,
// acs:mse:*:*:*, as seed 001's example 2):
//
//	read_only   mse:List*, mse:Query*, mse:Get*   (seed 001 example 2)
//	full        mse:*                             (seed 001 example 1)
//
// gateway (GatewayGrant), seed 003's two policies for one gateway, on
// acs:mse:<region>:*:instance/<gateway>:
//
//	read_only   mse:Query*, List*, Get*, Select*, Pull*, GatewayBlackWhite*,
//	            GatewayHealthCheckList, GatewayQueryMonitor on the gateway
//	            (not the seed's UploadWasmFile, a write); the seed's 16 global
//	            read actions on acs:mse:*:*:*; with Companions log:DescribeService,
//	            log:ListProject, log:GetProductDataCollection and
//	            arms:SearchContactGroup on "*"
//	read_write  mse:* on the gateway; the seed's global statement (adds
//	            CreateDefaultAlert, mse:*TagResources, mse:*CustomPlugin,
//	            mse:*GatewayIngressMigrateTask*); with Companions the same
//	            plus log:OpenProductDataCollection
//
// The global statement is part of the gateway policies in seed 003 (not
// navigation), so Console does not change gateway output.
//
// service_linked_role_creation (SLRCreationGrant): ram:CreateServiceLinkedRole
// on acs:ram:*:<account>:role/* with StringEquals ram:ServiceName [names]
// (seed 000's FAQ).
//
// # Console navigation
//
// With Console true and any nacos_config, nacos_service or instance block,
// Render adds what seed 001's examples 3 to 5 grant before the grant itself:
// mse:ListClusters on acs:mse:*:*:* (the instance list), and mse:List*,
// mse:Query*, mse:Get* on each instance named (opening it and browsing).
// Console false renders only the blocks: the API-only minimum.
//
// # Assembly, pruning and merging
//
// Sources, raw statements and Overrides combine by Sid as in the AWS
// provider's aws_iam_policy_document (see assemble). Then, in this order:
//
//  1. Prune: from the typed blocks' statements only, drop each action that
//     another action of the same statement or another unconditional Allow
//     statement already grants on all its resources. That is why console
//     navigation plus a read_write grant renders exactly seed 001's
//     examples (the grant's reads disappear into navigation's mse:Get*),
//     and why example 1 has no mse:List* beside mse:*.
//  2. Merge statements without a Sid, until nothing changes: same effect,
//     resources and conditions and actions of one service give one
//     statement with the union of the actions; same effect, actions and
//     conditions give one with the union of the resources. Different
//     services stay apart (seed 003's log: and arms: statements on "*").
//
// Neither step changes any decision (tested with policy.Evaluate). The
// document is then validated and canonicalised (policy.CanonicalJSON), so
// output is the same whatever the order of the inputs. Over
// policy.MaxDocumentLength characters is an error that says how to split.
//
// Result.Actions lists the Action entries of the Allow statements (patterns
// as written), sorted. Result.Grants says what each typed block grants.
// Result.Findings are the renderer's and the linter's, each with a rule name
// (LintRules) and the place the user wrote (nacos_config[1], statement[0],
// source_policy_documents[0] statement 2): typed statements are linted as
// their block rendered them, before merging. Warnings turns findings into
// the sorted text list. An empty field of a grant means "omitted": callers
// that take user input refuse empty strings before calling Render.
//
// # Trust policies
//
// The trusted_service, trusted_account and ack_worker_role blocks, or any
// statement naming principals, make the document a role's trust policy
// (Result.Kind); it is validated as one, and typed permission grants beside
// it are an error, as is a source document of the other kind.
package mse
