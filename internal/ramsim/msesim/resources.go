// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package msesim

import (
	"cmp"
	"encoding/json"
	"fmt"

	"github.com/mseram/terraform-provider-mseram/internal/mse"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// Resources. The region of an ARN is the region of the instance or
// gateway the request names (the real service answers in the region of its
// endpoint, where the instance lives); for an unknown id or an
// account-level action it is the request's RegionId (the classic SDK
// always sends it), else the fixtures' default region. The account is the
// emulator's.

// mseRegion is the region the ARNs of a request name.
func (s *Service) mseRegion(rq *wire.Request, id string) string {
	if c := s.mse.clusters[id]; c != nil {
		return c.RegionID
	}
	if g := s.mse.gateways[id]; g != nil {
		return g.RegionID
	}
	return cmp.Or(rq.Get("RegionId"), mseDefaultRegion)
}

// mseARN builds the ARN with internal/mse's builder; ids the builder
// refuses (characters Nacos would refuse too) are joined as they are, so
// that authorization still sees what the request names.
func mseARN(ref mse.ResourceRef) string {
	if arn, err := ref.ARN(); err == nil {
		return arn
	}
	arn := "acs:mse:" + cmp.Or(ref.Region, "*") + ":" + cmp.Or(ref.Account, "*") + ":instance/" + ref.InstanceID
	for _, seg := range []string{ref.NamespaceID, ref.Group, ref.Name} {
		if seg == "" {
			break
		}
		arn += "/" + seg
	}
	return arn
}

func mseAccountResources(s *Service, rq *wire.Request) ([]string, *wire.Error) {
	return []string{mse.AllResources(cmp.Or(rq.Get("RegionId"), mseDefaultRegion), s.cfg.AccountID)}, nil
}

// mseClusterID is the InstanceId of QueryClusterDetail, which also accepts
// the ClusterId alone.
func (s *Service) mseClusterID(rq *wire.Request) (string, *wire.Error) {
	if id := rq.Get("InstanceId"); id != "" {
		return id, nil
	}
	if cid := rq.Get("ClusterId"); cid != "" {
		for _, c := range s.mse.clusters {
			if c.ClusterID == cid {
				return c.InstanceID, nil
			}
		}
		return cid, nil
	}
	return "", wire.Missing("InstanceId")
}

func mseClusterResources(s *Service, rq *wire.Request) ([]string, *wire.Error) {
	id, err := s.mseClusterID(rq)
	if err != nil {
		return nil, err
	}
	return []string{mseARN(mse.ResourceRef{Region: s.mseRegion(rq, id), Account: s.cfg.AccountID, InstanceID: id})}, nil
}

func mseInstanceResources(s *Service, rq *wire.Request) ([]string, *wire.Error) {
	id, err := rq.Required("InstanceId")
	if err != nil {
		return nil, err
	}
	return []string{mseARN(mse.ResourceRef{Region: s.mseRegion(rq, id), Account: s.cfg.AccountID, InstanceID: id})}, nil
}

// nacosNamespaceID is the request's NamespaceId, "public" when empty.
func nacosNamespaceID(rq *wire.Request) string {
	return cmp.Or(rq.Get("NamespaceId"), nacosPublicNamespace)
}

func mseNamespaceResources(s *Service, rq *wire.Request) ([]string, *wire.Error) {
	id, err := rq.Required("InstanceId")
	if err != nil {
		return nil, err
	}
	return []string{mseARN(mse.ResourceRef{Region: s.mseRegion(rq, id), Account: s.cfg.AccountID, InstanceID: id,
		NamespaceID: nacosNamespaceID(rq)})}, nil
}

// mseItemResources is the ARN of one configuration (nameParam DataId,
// groupParam Group) or service (ServiceName, GroupName):
// instance/<id>/<namespace>/<group>/<name>.
func mseItemResources(nameParam, groupParam string) resourceFunc {
	return func(s *Service, rq *wire.Request) ([]string, *wire.Error) {
		id, err := rq.Required("InstanceId")
		if err != nil {
			return nil, err
		}
		name, err := rq.Required(nameParam)
		if err != nil {
			return nil, err
		}
		return []string{mseARN(mse.ResourceRef{Region: s.mseRegion(rq, id), Account: s.cfg.AccountID, InstanceID: id,
			NamespaceID: nacosNamespaceID(rq), Group: cmp.Or(rq.Get(groupParam), nacosDefaultGroup), Name: name})}, nil
	}
}

// gatewayID is the GatewayUniqueId of a gateway request: a plain parameter
// or, for the List* actions, a field of FilterParams.
func gatewayID(rq *wire.Request) string {
	if id := rq.Get("GatewayUniqueId"); id != "" {
		return id
	}
	return filterParam(rq, "GatewayUniqueId")
}

// mseGatewayResources is the gateway's ARN, instance/<GatewayUniqueId>;
// without an id the account-level ARN when accountWide, else
// MissingGatewayUniqueId.
func mseGatewayResources(accountWide bool) resourceFunc {
	return func(s *Service, rq *wire.Request) ([]string, *wire.Error) {
		id := gatewayID(rq)
		switch {
		case id == "" && accountWide:
			return mseAccountResources(s, rq)
		case id == "":
			return nil, wire.Missing("GatewayUniqueId")
		}
		return []string{mseARN(mse.ResourceRef{Region: s.mseRegion(rq, id), Account: s.cfg.AccountID, InstanceID: id})}, nil
	}
}

// filterParam reads one field of the FilterParams struct parameter, which
// the classic SDK flattens (FilterParams.Name=...) and the generated
// darabonba clients send as a JSON object string (FilterParams={"Name":...}).
func filterParam(rq *wire.Request, field string) string {
	if v := rq.Get("FilterParams." + field); v != "" {
		return v
	}
	return jsonField(rq.Get("FilterParams"), field)
}

// jsonField returns field of the JSON object s as a string ("" when s is
// not an object or lacks it).
func jsonField(s, field string) string {
	if s == "" {
		return ""
	}
	var obj map[string]any
	if json.Unmarshal([]byte(s), &obj) != nil {
		return ""
	}
	switch v := obj[field].(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}
