// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package msesim

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/mse"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// MSE's Nacos namespace API: the "命名空间" section of the registry and
// configuration center's API catalog,
// https://help.aliyun.com/document_detail/445358.html. Parameters, answer
// fields and their types follow each action's reference (cited below) and
// the classic SDK's services/mse models:
//
//   - CreateEngineNamespace, https://help.aliyun.com/zh/mse/developer-reference/api-mse-2019-05-31-createenginenamespace
//   - UpdateEngineNamespace, https://help.aliyun.com/zh/mse/developer-reference/api-mse-2019-05-31-updateenginenamespace
//   - DeleteEngineNamespace, https://help.aliyun.com/zh/mse/developer-reference/api-mse-2019-05-31-deleteenginenamespace
//   - GetEngineNamepace (sic: the API's own spelling), https://help.aliyun.com/zh/mse/developer-reference/api-mse-2019-05-31-getenginenamepace
//   - ListEngineNamespaces, https://help.aliyun.com/zh/mse/developer-reference/api-mse-2019-05-31-listenginenamespaces
//
// Each reference's authorization table gives "全部资源" (All Resources):
// RAM checks these actions on * only, so a statement limited to an
// instance or a namespace does not allow them (mseEngineNamespaceResources).

// The namespace Type values of the references: 0 global configuration, 1
// default namespace, 2 custom namespace. ListEngineNamespaces' example
// gives public Type 0, as open-source Nacos does.
const (
	namespaceTypeGlobal = 0
	namespaceTypeCustom = 2
)

// namespaceQuota is the configuration quota a namespace reports:
// ListEngineNamespaces' example and open-source Nacos's default, 200. It is
// reported, not enforced.
const namespaceQuota = 200

// namespaceIDChars is what a namespace Id may hold. No MSE reference states
// it; this is open-source Nacos's rule for a custom namespace ID (letters,
// digits, '_' and '-', at most 128 characters), which MSE's Nacos runs.
var namespaceIDChars = regexp.MustCompile(`^[A-Za-z0-9_-]{1,128}$`)

// mseEngineNamespaceResources is the account-level ARN
// acs:mse:<region>:<account>:*, all the references' tables allow. The
// region is the instance's (InstanceId or ClusterId), else the request's.
func mseEngineNamespaceResources(s *Service, rq *wire.Request) ([]string, *wire.Error) {
	id, _ := s.mseClusterID(rq) // a missing id is the handler's to answer, after authorization
	return []string{mse.AllResources(s.mseRegion(rq, id), s.cfg.AccountID)}, nil
}

// engineCluster returns the instance a request names by InstanceId or
// ClusterId (both optional in the namespace references; one is needed),
// as QueryClusterDetail takes it too.
func (s *Service) engineCluster(rq *wire.Request) (*mseCluster, *wire.Error) {
	id, err := s.mseClusterID(rq)
	if err != nil {
		return nil, err
	}
	return s.clusterByID(id)
}

// engineNamespace returns the instance and the namespace a request's Id
// names; an unknown Id is NotFound, the code DeleteEngineNamespace's error
// table lists (404, "Not found:%s").
func (s *Service) engineNamespace(rq *wire.Request) (*mseCluster, *nacosNamespace, *wire.Error) {
	c, err := s.engineCluster(rq)
	if err != nil {
		return nil, nil, err
	}
	id, err := rq.Required("Id")
	if err != nil {
		return nil, nil, err
	}
	ns := c.namespaces[id]
	if ns == nil {
		return nil, nil, errMSENotFound("namespace not found: %s", id)
	}
	return c, ns, nil
}

// refusePublic refuses changing or deleting the namespace public. No
// reference says what MSE answers; open-source Nacos offers neither for the
// default namespace, so ramsim refuses with IllegalRequest (assumed).
func refusePublic(ns *nacosNamespace, what string) *wire.Error {
	if ns.ID == nacosPublicNamespace {
		return errMSEIllegal("the default namespace public cannot be %s", what)
	}
	return nil
}

// namespaceName reads what Create and Update both take: Name, required,
// and ServiceCount ("the maximum number of services that can run in the
// namespace", CreateEngineNamespace), an integer of at least 0, checked
// but not enforced.
func namespaceName(rq *wire.Request) (string, *wire.Error) {
	name, err := rq.Required("Name")
	if err != nil {
		return "", err
	}
	if _, err := rq.IntRange("ServiceCount", 0, 0, 1<<30); err != nil {
		return "", err
	}
	return name, nil
}

// namespaceWire is a namespace as the Data of CreateEngineNamespace and
// UpdateEngineNamespace writes it, all counts numbers.
func namespaceWire(ns *nacosNamespace) map[string]any {
	typ := namespaceTypeCustom
	if ns.ID == nacosPublicNamespace {
		typ = namespaceTypeGlobal
	}
	return map[string]any{
		"Namespace": ns.ID, "NamespaceShowName": ns.Name, "NamespaceDesc": ns.Desc, "Type": typ,
		"Quota": namespaceQuota, "ConfigCount": len(ns.configs), "ServiceCount": len(ns.services),
	}
}

// engineNamespaceOK completes a Create or Update answer: their references
// and SDK models have no HttpCode.
func engineNamespaceOK(f map[string]any) map[string]any {
	f = nacosOK(f)
	delete(f, "HttpCode")
	return f
}

// mseCreateEngineNamespace creates a namespace. Without Id the namespace
// gets a random UUID-shaped id, and, as the reference says, the answer
// does not contain it (Data has no Namespace): ListEngineNamespaces finds
// it by its NamespaceShowName.
func (s *Service) mseCreateEngineNamespace(rq *wire.Request) (map[string]any, *wire.Error) {
	c, err := s.engineCluster(rq)
	if err != nil {
		return nil, err
	}
	name, err := namespaceName(rq)
	if err != nil {
		return nil, err
	}
	id := rq.Get("Id")
	switch {
	case id == "":
		id = strings.ToLower(wire.NewRequestID())
	case !namespaceIDChars.MatchString(id):
		return nil, wire.Incorrect("Id")
	case c.namespaces[id] != nil:
		return nil, errMSEIllegal("namespace already exists: %s", id)
	}
	ns := newNamespace(id, name)
	ns.Desc = rq.Get("Desc")
	c.namespaces[id] = ns
	data := namespaceWire(ns)
	if rq.Get("Id") == "" {
		delete(data, "Namespace")
	}
	return engineNamespaceOK(map[string]any{"ClusterId": c.ClusterID, "Data": data}), nil
}

// mseUpdateEngineNamespace renames a namespace (Name is required, as the
// reference's Japanese edition marks it) and, when Desc is sent, replaces
// its description (an empty Desc clears it).
func (s *Service) mseUpdateEngineNamespace(rq *wire.Request) (map[string]any, *wire.Error) {
	_, ns, err := s.engineNamespace(rq)
	if err != nil {
		return nil, err
	}
	name, err := namespaceName(rq)
	if err != nil {
		return nil, err
	}
	if err := refusePublic(ns, "changed"); err != nil {
		return nil, err
	}
	ns.Name = name
	if desc, sent := rq.Lookup("Desc"); sent {
		ns.Desc = desc
	}
	return engineNamespaceOK(map[string]any{"Data": namespaceWire(ns)}), nil
}

// mseDeleteEngineNamespace deletes a namespace. No reference says what
// happens to a namespace that still holds configurations or services;
// ramsim refuses the deletion with IllegalRequest (assumed) rather than
// losing them, as it refuses to delete a service with instances.
func (s *Service) mseDeleteEngineNamespace(rq *wire.Request) (map[string]any, *wire.Error) {
	c, ns, err := s.engineNamespace(rq)
	if err != nil {
		return nil, err
	}
	if err := refusePublic(ns, "deleted"); err != nil {
		return nil, err
	}
	if len(ns.configs)+len(ns.services) > 0 {
		return nil, errMSEIllegal("namespace %s still holds %d configurations and %d services: delete them first",
			ns.ID, len(ns.configs), len(ns.services))
	}
	delete(c.namespaces, ns.ID)
	return nacosOK(map[string]any{}), nil
}

// mseGetEngineNamepace answers one namespace at the top level of the
// answer, with Type, Quota and ConfigCount as strings (the reference and
// GetEngineNamepaceResponse type them so) and no ServiceCount.
func (s *Service) mseGetEngineNamepace(rq *wire.Request) (map[string]any, *wire.Error) {
	_, ns, err := s.engineNamespace(rq)
	if err != nil {
		return nil, err
	}
	f := namespaceWire(ns)
	delete(f, "ServiceCount")
	for _, k := range []string{"Type", "Quota", "ConfigCount"} {
		n, _ := f[k].(int)
		f[k] = strconv.Itoa(n)
	}
	return nacosOK(f), nil
}

// mseListEngineNamespaces lists an instance's namespaces, public first,
// then by id; ServiceCount is a string here (the reference and the SDK's
// Namespace model) and SourceType "mse" (the reference's example). The
// reference lists no paging parameters while the classic SDK sends PageNum
// and PageSize: without PageSize one page holds every namespace, with it
// the list pages as the other MSE lists do (assumed).
func (s *Service) mseListEngineNamespaces(rq *wire.Request) (map[string]any, *wire.Error) {
	c, err := s.engineCluster(rq)
	if err != nil {
		return nil, err
	}
	ids := []string{nacosPublicNamespace} // always there: it cannot be deleted
	for _, id := range slices.Sorted(maps.Keys(c.namespaces)) {
		if id != nacosPublicNamespace {
			ids = append(ids, id)
		}
	}
	num, err := rq.IntRange("PageNum", 1, 1, 1<<30)
	if err != nil {
		return nil, err
	}
	size := len(ids)
	if _, sent := rq.Lookup("PageSize"); sent {
		if size, err = rq.IntRange("PageSize", msePageSizeDefault, 1, msePageSizeMax); err != nil {
			return nil, err
		}
	}
	return nacosOK(map[string]any{
		"PageNumber": num, "PageSize": size, "TotalCount": len(ids),
		"Data": wires(pageOf(ids, num, size), func(id string) map[string]any {
			f := namespaceWire(c.namespaces[id])
			f["ServiceCount"] = strconv.Itoa(len(c.namespaces[id].services))
			f["SourceType"] = "mse"
			return f
		}),
	}), nil
}
