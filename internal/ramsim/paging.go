// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import "encoding/base64"

// Every paged List* action works the same way: items are ordered by a key
// (usually the name), the marker is the opaque encoding of the key of the
// next item to return, so paging stays correct while items are created or
// deleted between pages.

// page is one request's paging: the key to start at and the page size.
type page struct {
	start string
	size  int
}

// readPage reads the marker parameter (Marker, NextToken) and the size
// parameter (MaxItems, PageSize: def when absent, 1..maxSize).
func readPage(rq *request, markerParam, sizeParam string, def, maxSize int) (page, *apiError) {
	size, err := rq.intRange(sizeParam, def, 1, maxSize)
	if err != nil {
		return page{}, err
	}
	pg := page{size: size}
	if m := rq.get(markerParam); m != "" {
		b, derr := base64.RawURLEncoding.DecodeString(m)
		if derr != nil || len(b) == 0 {
			return page{}, errIncorrect(markerParam)
		}
		pg.start = string(b)
	}
	return pg, nil
}

// readMarkerPage is the RAM form: Marker and MaxItems (1-1000, default 100).
func readMarkerPage(rq *request) (page, *apiError) {
	return readPage(rq, "Marker", "MaxItems", 100, 1000)
}

// paginate returns the page of items (sorted by key) and the marker of the
// next page, "" on the last one.
func paginate[T any](pg page, items []T, key func(T) string) ([]T, string) {
	var out []T
	for _, it := range items {
		k := key(it)
		if k < pg.start {
			continue
		}
		if len(out) == pg.size {
			return out, base64.RawURLEncoding.EncodeToString([]byte(k))
		}
		out = append(out, it)
	}
	return out, ""
}

// markerPage pages items and returns the RAM list answer: IsTruncated,
// Marker (only when truncated) and wrapper: {element: [...]} for the wire
// form of the page's items.
func markerPage[T any](pg page, items []T, key func(T) string, wrapper, element string, wire func(T) map[string]any) map[string]any {
	pageItems, next := paginate(pg, items, key)
	resp := map[string]any{"IsTruncated": next != "", wrapper: wrap(element, pageItems, wire)}
	if next != "" {
		resp["Marker"] = next
	}
	return resp
}

// wrap is RAM's list form {"User": [...]}; an empty list is [] not null.
func wrap[T any](element string, items []T, wire func(T) map[string]any) map[string]any {
	out := make([]any, 0, len(items))
	for _, it := range items {
		out = append(out, wire(it))
	}
	return map[string]any{element: out}
}
