// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package wire

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
)

// Every paged List* action works the same way: items are ordered by a key
// (usually the name), the marker is the opaque encoding of the key of the
// next item to return, so paging stays correct while items are created or
// deleted between pages. A marker carries a checksum of its key, so one
// that was cut short, edited or made up is refused with
// InvalidParameter.<Marker> instead of being read as a key past the last
// item, which would answer a silent, empty last page.

// Page is one request's paging: the key to start at and the page size.
type Page struct {
	start string
	size  int
}

// ReadPage reads the marker parameter (Marker, NextToken) and the size
// parameter (MaxItems, PageSize: def when absent, 1..maxSize).
func ReadPage(rq *Request, markerParam, sizeParam string, def, maxSize int) (Page, *Error) {
	size, err := rq.IntRange(sizeParam, def, 1, maxSize)
	if err != nil {
		return Page{}, err
	}
	pg := Page{size: size}
	if m := rq.Get(markerParam); m != "" {
		key, ok := decodeMarker(m)
		if !ok {
			return Page{}, Incorrect(markerParam)
		}
		pg.start = key
	}
	return pg, nil
}

// ReadMarkerPage is the RAM form: Marker and MaxItems (1-1000, default 100).
func ReadMarkerPage(rq *Request) (Page, *Error) {
	return ReadPage(rq, "Marker", "MaxItems", 100, 1000)
}

// Paginate returns the page of items (sorted by key) and the marker of the
// next page, "" on the last one.
func Paginate[T any](pg Page, items []T, key func(T) string) ([]T, string) {
	var out []T
	for _, it := range items {
		k := key(it)
		if k < pg.start {
			continue
		}
		if len(out) == pg.size {
			return out, encodeMarker(k)
		}
		out = append(out, it)
	}
	return out, ""
}

// MarkerPage pages items and returns the RAM list answer: IsTruncated,
// Marker (only when truncated) and wrapper: {element: [...]} for the wire
// form of the page's items.
func MarkerPage[T any](pg Page, items []T, key func(T) string, wrapper, element string, wire func(T) map[string]any) map[string]any {
	pageItems, next := Paginate(pg, items, key)
	resp := map[string]any{"IsTruncated": next != "", wrapper: Wrap(element, pageItems, wire)}
	if next != "" {
		resp["Marker"] = next
	}
	return resp
}

// Wrap is RAM's list form {"User": [...]}; an empty list is [] not null.
func Wrap[T any](element string, items []T, wire func(T) map[string]any) map[string]any {
	out := make([]any, 0, len(items))
	for _, it := range items {
		out = append(out, wire(it))
	}
	return map[string]any{element: out}
}

// markerSumSize is the length of a marker's checksum.
const markerSumSize = 8

// encodeMarker is the marker of the page starting at key.
func encodeMarker(key string) string {
	sum := sha256.Sum256([]byte(key))
	return base64.RawURLEncoding.EncodeToString(append([]byte(key), sum[:markerSumSize]...))
}

// decodeMarker is the key of a marker from encodeMarker; ok is false for
// anything else.
func decodeMarker(m string) (key string, ok bool) {
	b, err := base64.RawURLEncoding.DecodeString(m)
	if err != nil || len(b) <= markerSumSize {
		return "", false
	}
	k, got := b[:len(b)-markerSumSize], b[len(b)-markerSumSize:]
	sum := sha256.Sum256(k)
	return string(k), bytes.Equal(got, sum[:markerSumSize])
}
