// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
)

var (
	errGone     = &alicloud.APIError{Code: "EntityNotExist.Thing", Class: alicloud.ClassNotFound}
	errConflict = &alicloud.APIError{Code: "DeleteConflict.Thing.Policy", Class: alicloud.ClassConflict}
	errRefused  = &alicloud.APIError{Code: "NoPermission", Class: alicloud.ClassOther}
)

// withPrivate gives a response or request the private state Terraform
// would: the framework keeps its type internal, so it is made by
// reflection. p points at a Private field.
func withPrivate(p any) {
	v := reflect.ValueOf(p).Elem()
	v.Set(reflect.New(v.Type().Elem()))
}

// mark is what the private state says about the unconfirmed mark.
func mark(t *testing.T, private interface {
	GetKey(context.Context, string) ([]byte, diag.Diagnostics)
}) string {
	t.Helper()
	b, diags := private.GetKey(context.Background(), privateUnconfirmed)
	if diags.HasError() {
		t.Fatal(diags)
	}
	return string(b)
}

// fakeAPI stands behind a ramObject: get and del answer gets and delErrs
// in turn (then success), tags answers tagsErr, and calls counts the calls.
type fakeAPI struct {
	gets    []error
	tagsErr error
	delErrs []error
	calls   map[string]int
}

func (f *fakeAPI) object() ramObject[string] {
	f.calls = map[string]int{}
	return ramObject[string]{
		noun: "RAM thing", object: `RAM thing "t"`, fields: map[string]any{"thing_name": "t"},
		get: func(context.Context) (string, error) {
			f.calls["get"]++
			if n := f.calls["get"]; n <= len(f.gets) && f.gets[n-1] != nil {
				return "", f.gets[n-1]
			}
			return "t", nil
		},
		tags: func(context.Context, string) (map[string]string, error) {
			f.calls["tags"]++
			return map[string]string{"team": "mse"}, f.tagsErr
		},
		created: func(string) string { return time.Now().UTC().Format(time.RFC3339) },
		del: func(context.Context) error {
			f.calls["del"]++
			if n := f.calls["del"]; n <= len(f.delErrs) {
				return f.delErrs[n-1]
			}
			return nil
		},
		removeDependants: func(context.Context) error { f.calls["remove"]++; return nil },
		removing:         "Unable to empty RAM thing",
	}
}

func TestRAMObjectCreateMarksOnlyWhatExists(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		err  error
		mark string
	}{{nil, "true"}, {errRefused, ""}} {
		var resp resource.CreateResponse
		withPrivate(&resp.Private)
		f := &fakeAPI{}
		v, err := f.object().create(context.Background(), &resp,
			func(context.Context) (string, error) { return "new", c.err },
			func(string, map[string]string) string { return "" })
		if !errors.Is(err, c.err) || (err == nil && v != "new") {
			t.Errorf("create answering %v: %q, %v", c.err, v, err)
		}
		if got := mark(t, resp.Private); got != c.mark {
			t.Errorf("create answering %v: mark %q, want %q", c.err, got, c.mark)
		}
	}
}

// A fresh object not visible yet is waited for, read with its tags, and
// the mark is cleared.
func TestRAMObjectReadWaitsForUnconfirmedAndConfirms(t *testing.T) {
	t.Parallel()
	var req resource.ReadRequest
	var resp resource.ReadResponse
	withPrivate(&req.Private)
	withPrivate(&resp.Private)
	ctx := context.Background()
	for _, p := range []interface {
		SetKey(context.Context, string, []byte) diag.Diagnostics
	}{req.Private, resp.Private} {
		p.SetKey(ctx, privateUnconfirmed, []byte("true"))
	}
	f := &fakeAPI{gets: []error{errGone}}
	v, tags, ok := f.object().read(ctx, req, &resp)
	if !ok || v != "t" || tags["team"] != "mse" || resp.Diagnostics.HasError() {
		t.Fatalf("read: %q %v %v %v", v, tags, ok, resp.Diagnostics)
	}
	if f.calls["get"] != 2 {
		t.Errorf("%d gets, want the not-found waited out", f.calls["get"])
	}
	if got := mark(t, resp.Private); got != "" {
		t.Errorf("mark %q after the object was seen", got)
	}
}

func TestRAMObjectReadRemovesWhatIsGone(t *testing.T) {
	t.Parallel()
	var req resource.ReadRequest
	resp := resource.ReadResponse{State: tfsdk.State{
		Schema: schema.Schema{Attributes: map[string]schema.Attribute{"id": schema.StringAttribute{Computed: true}}},
		Raw:    tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}}, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, "t")}),
	}}
	f := &fakeAPI{gets: []error{errGone}}
	if _, _, ok := f.object().read(context.Background(), req, &resp); ok || resp.Diagnostics.HasError() {
		t.Fatalf("ok %v, %v", ok, resp.Diagnostics)
	}
	if !resp.State.Raw.IsNull() || f.calls["get"] != 1 {
		t.Errorf("state %v after %d gets; a confirmed object that is gone is removed at once", resp.State.Raw, f.calls["get"])
	}
}

func TestRAMObjectReadReportsFailures(t *testing.T) {
	t.Parallel()
	for _, f := range []*fakeAPI{{gets: []error{errRefused}}, {tagsErr: errRefused}} {
		var req resource.ReadRequest
		var resp resource.ReadResponse
		withPrivate(&resp.Private)
		want := "Unable to read RAM thing"
		if f.tagsErr != nil {
			want = "Unable to read the tags of RAM thing"
		}
		if _, _, ok := f.object().read(context.Background(), req, &resp); ok || resp.Diagnostics.ErrorsCount() != 1 ||
			resp.Diagnostics.Errors()[0].Summary() != want {
			t.Errorf("ok %v, %v; want %q", ok, resp.Diagnostics, want)
		}
	}
}

// An update that renames marks the object; one that does not, leaves it.
func TestRAMObjectUpdateMarksRenames(t *testing.T) {
	t.Parallel()
	for _, renamed := range []bool{false, true} {
		var resp resource.UpdateResponse
		withPrivate(&resp.Private)
		f := &fakeAPI{}
		if _, err := f.object().update(context.Background(), &resp, renamed,
			func(context.Context) (string, error) { return "t", nil }, func(string) string { return "" }); err != nil {
			t.Fatal(err)
		}
		if got, want := mark(t, resp.Private), map[bool]string{false: "", true: "true"}[renamed]; got != want {
			t.Errorf("renamed %v: mark %q, want %q", renamed, got, want)
		}
	}
}

func TestRAMObjectDelete(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name   string
		err    error
		gone   bool
		advice bool
	}{
		{"deleted", nil, true, false},
		{"already gone", errGone, true, false},
		{"conflict", errConflict, false, true},
		{"other", errRefused, false, false},
	} {
		var diags diag.Diagnostics
		f := &fakeAPI{delErrs: []error{c.err}}
		o := f.object()
		o.conflictHint = "Detach it first."
		gone := o.delete(context.Background(), &diags)
		if gone != c.gone || diags.HasError() == c.gone {
			t.Errorf("%s: gone %v, %v", c.name, gone, diags)
			continue
		}
		if c.gone {
			continue
		}
		if d := diags.Errors()[0]; d.Summary() != "Unable to delete RAM thing" || strings.Contains(d.Detail(), "Detach it first.") != c.advice {
			t.Errorf("%s: %s: %s", c.name, d.Summary(), d.Detail())
		}
	}
}

// With dependants, a conflict is retried while they change (deleteWaiting).
func TestRAMObjectDeleteWaitsForDependants(t *testing.T) {
	t.Parallel()
	f := &fakeAPI{delErrs: []error{errConflict}}
	o := f.object()
	o.dependants = func(context.Context) ([]string, error) { return nil, nil }
	var diags diag.Diagnostics
	if !o.delete(context.Background(), &diags) || f.calls["del"] != 2 {
		t.Errorf("%d deletes: %v", f.calls["del"], diags)
	}
}

// force_destroy removes the dependants first, and the advice to set it is
// then left out; a failed removal ends the delete before the API is asked.
func TestRAMObjectDeleteForced(t *testing.T) {
	t.Parallel()
	for _, force := range []bool{false, true} {
		var diags diag.Diagnostics
		f := &fakeAPI{delErrs: []error{errConflict}}
		o := f.object()
		o.force, o.conflictHint = force, "Or set force_destroy."
		o.delete(context.Background(), &diags)
		if f.calls["remove"] != map[bool]int{false: 0, true: 1}[force] || !diags.HasError() {
			t.Fatalf("force %v: %v removals, %v", force, f.calls["remove"], diags)
		}
		if advised := strings.Contains(diags.Errors()[0].Detail(), "Or set force_destroy."); advised == force {
			t.Errorf("force %v: advice given %v", force, advised)
		}
	}
	var diags diag.Diagnostics
	f := &fakeAPI{}
	o := f.object()
	o.force = true
	o.removeDependants = func(context.Context) error { return errRefused }
	o.delete(context.Background(), &diags)
	if f.calls["del"] != 0 || diags.ErrorsCount() != 1 || diags.Errors()[0].Summary() != "Unable to empty RAM thing" {
		t.Errorf("%d deletes: %v", f.calls["del"], diags)
	}
}

func TestImportByName(t *testing.T) {
	t.Parallel()
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true}, "name": schema.StringAttribute{Required: true},
	}}
	for id, valid := range map[string]bool{"mse-dev": true, "": false, "bad name": false} {
		resp := resource.ImportStateResponse{State: tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(context.Background()), nil)}}
		importByName(context.Background(), resource.ImportStateRequest{ID: id}, &resp, ramrules.GroupName, "Import it by name", "id", "name")
		if resp.Diagnostics.HasError() == valid {
			t.Errorf("%q: %v", id, resp.Diagnostics)
			continue
		}
		if !valid {
			if d := resp.Diagnostics.Errors()[0].Detail(); !strings.HasPrefix(d, "Import it by name; got ") {
				t.Errorf("%q: %s", id, d)
			}
			continue
		}
		var got struct {
			ID   string `tfsdk:"id"`
			Name string `tfsdk:"name"`
		}
		if diags := resp.State.Get(context.Background(), &got); diags.HasError() || got.ID != id || got.Name != id {
			t.Errorf("%q: state %+v", id, got)
		}
	}
}

func TestBoundedByTimeouts(t *testing.T) {
	t.Parallel()
	var diags diag.Diagnostics
	ctx, cancel, ok := bounded(context.Background(), &diags, func(context.Context, time.Duration) (time.Duration, diag.Diagnostics) {
		return time.Minute, nil
	})
	defer cancel()
	if deadline, set := ctx.Deadline(); !ok || !set || time.Until(deadline) > time.Minute {
		t.Errorf("ok %v, deadline %v", ok, deadline)
	}
	// An error already there ends the operation, with a cancel to defer.
	diags.AddError("Plan", "unreadable")
	_, cancel, ok = bounded(context.Background(), &diags, func(context.Context, time.Duration) (time.Duration, diag.Diagnostics) {
		t.Fatal("timeout read after an error")
		return 0, nil
	})
	cancel()
	if ok {
		t.Error("ok after an error")
	}
}
