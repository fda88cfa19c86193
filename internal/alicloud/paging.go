// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"fmt"
	"maps"
)

// follow is the one paging loop: it calls fetch with "" and then with each
// token fetch returns, until one returns "". A token seen before stops the
// listing with an error instead of looping forever.
func follow(p Product, action string, fetch func(token string) (next string, err error)) error {
	seen := map[string]bool{}
	token := ""
	for {
		next, err := fetch(token)
		if err != nil || next == "" {
			return err
		}
		if seen[next] {
			return fmt.Errorf("%s %s: paging token %q repeated; stopping to avoid an endless listing", p, action, next)
		}
		seen[next] = true
		token = next
	}
}

// listAll returns every item of a RAM list action, whose answer has the
// form {"IsTruncated":…, "Marker":…, "<wrapper>":{"<element>":[…]}}. It
// follows Marker while IsTruncated; actions without paging answer in one
// page (no IsTruncated) and cost one call.
func listAll[T any](ctx context.Context, c *Client, action string, q query, wrapper, element string) ([]T, error) {
	var all []T
	err := follow(ProductRAM, action, func(marker string) (string, error) {
		pq := query{}
		maps.Copy(pq, q)
		body, err := c.Call(ctx, ProductRAM, action, pq.opt("Marker", marker))
		if err != nil {
			return "", err
		}
		var page struct {
			IsTruncated bool `json:",string"`
			Marker      string
		}
		var items map[string][]T
		// Only the paging fields: decoding the whole body twice would
		// double the cost of a page of a thousand items.
		head := map[string]any{}
		for _, k := range []string{"IsTruncated", "Marker"} {
			if v, ok := body[k]; ok {
				head[k] = v
			}
		}
		if err := decodeBody(ProductRAM, action, head, &page); err != nil {
			return "", err
		}
		if err := decodeBody(ProductRAM, action, body[wrapper], &items); err != nil {
			return "", err
		}
		all = append(all, items[element]...)
		if !page.IsTruncated {
			return "", nil
		}
		if page.Marker == "" {
			return "", fmt.Errorf("%s %s: truncated answer without a Marker", ProductRAM, action)
		}
		return page.Marker, nil
	})
	if err != nil {
		return nil, err
	}
	return all, nil
}
