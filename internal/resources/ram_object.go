// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"cmp"
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
)

// One lifecycle for every RAM object
//
// A resource describes its object once, as a ramObject: what it is called
// and how the API reads, deletes and lists it. Its Create, Read, Update and
// Delete then go through the methods below, which apply the rules every RAM
// object needs, so that a resource cannot forget one:
//
//   - create: createAdopting (an object that a create whose answer was lost
//     made is adopted only when it is provably this one), then the
//     private-state mark that makes the next Read wait out RAM's eventual
//     consistency (markUnconfirmed);
//   - read: readConfirming while that mark is set; an object that is gone is
//     removed from state, one that is found clears the mark (confirm);
//   - update, when it renames: renameRecovering (a rename whose lost answer
//     was resent is answered not-found) and the mark again, since the new
//     name may not be visible yet (markRenamed);
//   - delete: with force_destroy, the object's dependants removed first;
//     deleteWaiting while they are on their way out; not-found is success.
//
// A resource builds the description from its model (its object method), so
// Read and Delete are readObject and deleteObject with that method. It
// keeps what is its own: the parameters it sends, how it compares what it
// finds with what it asked for (differs), how it maps answers into its
// model, and its advice when something fails.

// ramObject describes one object of the API, as a resource's model names
// it.
type ramObject[T any] struct {
	// noun is its kind, for summaries: "RAM user" gives "Unable to read
	// RAM user".
	noun string
	// object names this one, for details and logs: `RAM user "alice"`.
	object string
	// fields name it in log entries, e.g. {"user_name": "alice"}.
	fields map[string]any
	// get reads the object; a not-found error when it does not exist.
	get func(context.Context) (T, error)
	// tags reads the tags of an object get returned, and tagging changes
	// them (updateTags); both unset for objects without tags.
	tags    func(context.Context, T) (map[string]string, error)
	tagging tagAPI
	// created is the CreateDate (RFC 3339) of an object get returned, which
	// adoption checks; nil for objects that have none (see createAdopting).
	created func(T) string

	// del deletes the object; deleteSummary, if set, replaces "Unable to
	// delete <noun>" when it fails.
	del           func(context.Context) error
	deleteSummary string
	// dependants lists what blocks the deletion, for deleteWaiting; nil
	// for objects RAM never refuses to delete for a dependant.
	dependants func(context.Context) ([]string, error)
	// conflictHint is the advice for a DeleteConflict that outlasted the
	// wait: what to remove, or to set force_destroy.
	conflictHint string
	// force is force_destroy: removeDependants removes them before the
	// deletion, and a failure to is reported under removing.
	force            bool
	removeDependants func(context.Context) error
	removing         string
}

// tagged is an object with its tags, as create compares it.
type tagged[T any] struct {
	v    T
	tags map[string]string
}

// create runs call (the API's create) through createAdopting: after a lost
// answer, an object found with this name is compared with what was asked
// by differs (given the object and, for tagged objects, its tags; "" when
// it matches, else what differs). Once the object exists it is marked
// unconfirmed. A failure is returned for the resource's own advice.
func (o ramObject[T]) create(ctx context.Context, resp *resource.CreateResponse, call func(context.Context) (T, error), differs func(T, map[string]string) string) (T, error) {
	c := creation[tagged[T]]{
		object: o.object,
		create: func(ctx context.Context) (tagged[T], error) {
			v, err := call(ctx)
			return tagged[T]{v: v}, err
		},
		lookup: func(ctx context.Context) (tagged[T], error) {
			v, err := o.get(ctx)
			if err != nil || o.tags == nil {
				return tagged[T]{v: v}, err
			}
			tags, err := o.tags(ctx, v)
			return tagged[T]{v, tags}, err
		},
		differs: func(f tagged[T]) string { return differs(f.v, f.tags) },
	}
	if o.created != nil {
		c.created = func(f tagged[T]) string { return o.created(f.v) }
	}
	f, err := createAdopting(ctx, c)
	if err != nil {
		return f.v, err
	}
	markUnconfirmed(ctx, resp)
	return f.v, nil
}

// read reads the object for Read, with its tags when it has any. While it
// is unconfirmed, not-found is waited out; once it is found the mark is
// cleared. ok is false when Read is done: the object is gone (removed from
// state) or could not be read (a diagnostic).
func (o ramObject[T]) read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) (v T, tags map[string]string, ok bool) {
	v, err := readConfirming(ctx, req, o.object, o.get)
	if err == nil {
		confirm(ctx, resp)
		if o.tags == nil {
			return v, nil, true
		}
		if tags, err = o.tags(ctx, v); err == nil {
			return v, tags, true
		}
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read the tags of "+o.noun, o.object, err, ""))
		return v, nil, false
	}
	if alicloud.IsNotFound(err) {
		tflog.Warn(ctx, o.noun+" is gone; removing it from state", o.fields)
		resp.State.RemoveResource(ctx)
		return v, nil, false
	}
	resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read "+o.noun, o.object, err, ""))
	return v, nil, false
}

// update runs call, an update of the object that o describes as the plan
// names it. When the update renames it (renamed), it goes through
// renameRecovering: after a lost answer, the object found under the new
// name is accepted when differs finds it as asked; and the object is marked
// unconfirmed, since the new name may not be visible yet.
func (o ramObject[T]) update(ctx context.Context, resp *resource.UpdateResponse, renamed bool, call func(context.Context) (T, error), differs func(T) string) (T, error) {
	if !renamed {
		return call(ctx)
	}
	markRenamed(ctx, resp)
	return renameRecovering(ctx, o.object, call, o.get, differs)
}

// delete deletes the object, first removing its dependants when force is
// set, and reports whether it is gone. Not-found is success.
func (o ramObject[T]) delete(ctx context.Context, diags *diag.Diagnostics) bool {
	hint := o.conflictHint
	if o.force {
		if err := o.removeDependants(ctx); err != nil {
			diags.Append(framework.APIErrorDiag(o.removing, o.object, err, ""))
			return false
		}
		hint = ""
	}
	var err error
	if o.dependants != nil {
		err = deleteWaiting(ctx, o.object, o.del, o.dependants)
	} else {
		err = o.del(ctx)
	}
	if err == nil || alicloud.IsNotFound(err) {
		return true
	}
	if !alicloud.IsConflict(err) {
		hint = ""
	}
	diags.Append(framework.APIErrorDiag(cmp.Or(o.deleteSummary, "Unable to delete "+o.noun), o.object, err, hint))
	return false
}

// readObject is a whole Read: the model M from state, the object that
// object describes for it read (see read), apply to map the object and its
// tags into the model, and the model saved.
func readObject[M, T any](ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse,
	object func(*M) ramObject[T], apply func(*M, T, map[string]string) diag.Diagnostics) {
	var m M
	ctx, cancel, ok := reading(ctx, req, resp, &m)
	defer cancel()
	if !ok {
		return
	}
	v, tags, ok := object(&m).read(ctx, req, resp)
	if !ok {
		return
	}
	if resp.Diagnostics.Append(apply(&m, v, tags)...); !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
	}
}

// deleteObject is a whole Delete: the model M from state, the context
// bounded by its delete timeout, and the object that object describes for
// it deleted (see delete).
func deleteObject[M timed, T any](ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse, object func(*M) ramObject[T]) {
	var m M
	ctx, cancel, ok := deleting(ctx, req, resp, &m)
	defer cancel()
	if ok {
		object(&m).delete(ctx, &resp.Diagnostics)
	}
}
