// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
)

// Exclusive ownership: a resource that holds the complete set of things
// linked to one owner (the policies attached to a user, group or role; the
// members of a group). Read reports the set RAM holds, so a link made
// outside Terraform shows in the plan; apply removes what is not declared
// and adds what is missing; destroy removes nothing, so that deleting the
// resource never takes access away. Every link is named by a string key
// that the spec converts to and from the set attribute.
type exclusiveSpec struct {
	typeSuffix  string // after "mseram_"
	description string

	owner      string // attribute naming the owner: user_name, group_name, role_name
	ownerNoun  string // "RAM user", ...
	ownerRule  ramrules.Name
	ownerCheck []validator.String

	elements    string // attribute holding the set: policies, user_names
	elementsDoc string
	// elementsAttr is the set attribute's schema, without its description.
	elementsAttr func(description string) schema.Attribute
	keys         func(context.Context, types.Set) ([]string, diag.Diagnostics)
	toSet        func(context.Context, []string) (types.Set, diag.Diagnostics)

	// list returns the keys linked to owner now; not-found when the owner
	// does not exist. add and remove change one link.
	list        func(ctx context.Context, c *alicloud.Client, owner string) ([]string, error)
	add, remove func(ctx context.Context, c *alicloud.Client, owner, key string) error
	// link names one link in messages, e.g. `System policy "X" attached to RAM user "alice"`.
	link                   func(owner, key string) string
	addSummary, addHint    string
	removeSummary, example string
}

var (
	_ resource.ResourceWithConfigure   = (*exclusiveResource)(nil)
	_ resource.ResourceWithImportState = (*exclusiveResource)(nil)
)

type exclusiveResource struct {
	base
	spec exclusiveSpec
}

func newExclusiveResource(spec exclusiveSpec) *exclusiveResource {
	return &exclusiveResource{base: base{typeName: spec.typeSuffix}, spec: spec}
}

func (r *exclusiveResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: r.spec.description,
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("The %s's name, as `%s`; also the import ID.", r.spec.ownerNoun, r.spec.owner),
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			r.spec.owner: schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Name of the %s. Changing it makes a new resource; the old %s keeps what it had.", r.spec.ownerNoun, r.spec.ownerNoun),
				Required:            true,
				Validators:          r.spec.ownerCheck,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			r.spec.elements: r.spec.elementsAttr(r.spec.elementsDoc),
			"timeouts":      timeoutsAttribute(ctx, opTimeouts{Create: defaultTimeout, Update: defaultTimeout, Delete: defaultTimeout}),
		},
	}
}

func (r *exclusiveResource) object(owner string) string {
	return fmt.Sprintf("%s of %s %q", r.spec.elements, r.spec.ownerNoun, owner)
}

// desired reads the owner and the declared keys from a plan.
func (r *exclusiveResource) desired(ctx context.Context, plan tfsdk.Plan) (string, []string, diag.Diagnostics) {
	var owner types.String
	var set types.Set
	diags := plan.GetAttribute(ctx, path.Root(r.spec.owner), &owner)
	diags.Append(plan.GetAttribute(ctx, path.Root(r.spec.elements), &set)...)
	if diags.HasError() {
		return "", nil, diags
	}
	keys, d := r.spec.keys(ctx, set)
	diags.Append(d...)
	return owner.ValueString(), keys, diags
}

func (r *exclusiveResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	// The owner may have been created moments ago by this same apply.
	r.converge(ctx, req.Plan, timeouts.Value.Create, true, &resp.State, resp.Private, &resp.Diagnostics)
}

func (r *exclusiveResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.converge(ctx, req.Plan, timeouts.Value.Update, false, &resp.State, resp.Private, &resp.Diagnostics)
}

// privateSetter is the Private field of a create or update response.
type privateSetter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// converge makes RAM hold exactly the planned set: extra links are removed
// first, then missing ones added, so that while it runs the owner never
// holds anything that is in neither the old nor the new set, and a quota
// freed by a removal is available to an addition. A link added or removed
// concurrently (already there, already gone) is what was asked for. The
// state is the plan; the changes made are kept in private state so that
// the next Read waits for RAM to show them.
func (r *exclusiveResource) converge(ctx context.Context, plan tfsdk.Plan, timeout func(timeouts.Value, context.Context, time.Duration) (time.Duration, diag.Diagnostics),
	ownerMayBeNew bool, state *tfsdk.State, private privateSetter, diags *diag.Diagnostics,
) {
	var to timeouts.Value
	diags.Append(plan.GetAttribute(ctx, path.Root("timeouts"), &to)...)
	owner, want, d := r.desired(ctx, plan)
	diags.Append(d...)
	if diags.HasError() {
		return
	}
	ctx, cancel, ok := bounded(ctx, diags, func(ctx context.Context, def time.Duration) (time.Duration, diag.Diagnostics) {
		return timeout(to, ctx, def)
	})
	defer cancel()
	if !ok {
		return
	}
	list := func(ctx context.Context) ([]string, error) { return r.spec.list(ctx, r.client, owner) }
	var have []string
	var err error
	if ownerMayBeNew {
		have, err = retryWhileNotFound(ctx, r.object(owner), list)
	} else {
		have, err = list(ctx)
	}
	if err != nil {
		hint := ""
		if alicloud.IsNotFound(err) {
			hint = fmt.Sprintf("Check that the %s exists; if Terraform creates it, reference its name attribute so that it is created first.", r.spec.ownerNoun)
		}
		diags.Append(framework.APIErrorDiag("Unable to read "+r.object(owner), r.object(owner), err, hint))
		return
	}
	var pending exclusivePending
	for _, k := range have {
		if slices.Contains(want, k) {
			continue
		}
		if err := ignoreNotFound(r.spec.remove(ctx, r.client, owner, k)); err != nil {
			diags.Append(framework.APIErrorDiag(r.spec.removeSummary, r.spec.link(owner, k), err, ""))
			return
		}
		tflog.Info(ctx, "removed a link not in the exclusive set", map[string]any{r.spec.owner: owner, "link": k})
		pending.Removed = append(pending.Removed, k)
	}
	for _, k := range want {
		if slices.Contains(have, k) {
			continue
		}
		if err := r.spec.add(ctx, r.client, owner, k); err != nil && !alicloud.IsAlreadyExists(err) {
			hint := ""
			if alicloud.IsNotFound(err) {
				hint = r.spec.addHint
			}
			diags.Append(framework.APIErrorDiag(r.spec.addSummary, r.spec.link(owner, k), err, hint))
			return
		}
		tflog.Info(ctx, "added a link of the exclusive set", map[string]any{r.spec.owner: owner, "link": k})
		pending.Added = append(pending.Added, k)
	}
	diags.Append(r.writeState(ctx, state, owner, want)...)
	diags.Append(state.SetAttribute(ctx, path.Root("timeouts"), to)...)
	pending.At = time.Now()
	b, _ := json.Marshal(pending) // string slices and a time cannot fail to encode
	diags.Append(private.SetKey(ctx, privatePending, b)...)
}

func (r *exclusiveResource) writeState(ctx context.Context, state *tfsdk.State, owner string, keys []string) diag.Diagnostics {
	set, diags := r.spec.toSet(ctx, keys)
	diags.Append(state.SetAttribute(ctx, path.Root("id"), owner)...)
	diags.Append(state.SetAttribute(ctx, path.Root(r.spec.owner), owner)...)
	diags.Append(state.SetAttribute(ctx, path.Root(r.spec.elements), set)...)
	return diags
}

// privatePending is the private-state key of the changes the last create
// or update made. Until propagationTimeout has passed since, Read waits for
// RAM to show them (and the owner, which a create may have made moments
// before), so that eventual consistency does not show as drift; after
// that, what RAM shows is the answer. Bounding the wait by the time of the
// change, not by the first Read, matters because a plan does not save the
// private state its Read clears.
const privatePending = "exclusive_pending"

type exclusivePending struct {
	Added   []string  `json:"added,omitempty"`
	Removed []string  `json:"removed,omitempty"`
	At      time.Time `json:"at"`
}

// visibleIn reports whether a listing shows every change made.
func (p exclusivePending) visibleIn(have []string) bool {
	for _, k := range p.Added {
		if !slices.Contains(have, k) {
			return false
		}
	}
	for _, k := range p.Removed {
		if slices.Contains(have, k) {
			return false
		}
	}
	return true
}

// errNotSettled is a listing that does not show this provider's last
// changes yet; a not-found, so retryWhileNotFound waits it out.
var errNotSettled = &alicloud.APIError{Code: "NotSettled", Message: "the last changes are not visible yet", Class: alicloud.ClassNotFound}

func (r *exclusiveResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	ctx, cancel := context.WithTimeout(ctx, readTimeout)
	defer cancel()
	var owner types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root(r.spec.owner), &owner)...)
	raw, d := req.Private.GetKey(ctx, privatePending)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	var pending exclusivePending
	if raw != nil {
		if err := json.Unmarshal(raw, &pending); err != nil {
			tflog.Warn(ctx, "ignoring unreadable private state", map[string]any{"error": err.Error()})
		}
	}
	name := owner.ValueString()
	have, err := r.readSettled(ctx, name, pending)
	if alicloud.IsNotFound(err) {
		tflog.Warn(ctx, "the owner of an exclusive set is gone; removing the resource from state", map[string]any{r.spec.owner: name})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read "+r.object(name), r.object(name), err, ""))
		return
	}
	resp.Diagnostics.Append(r.writeState(ctx, &resp.State, name, have)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privatePending, nil)...)
}

// readSettled lists the owner's links, waiting while the pending changes
// may still be propagating.
func (r *exclusiveResource) readSettled(ctx context.Context, owner string, p exclusivePending) ([]string, error) {
	get := func(ctx context.Context) ([]string, error) { return r.spec.list(ctx, r.client, owner) }
	settle := p.At.Add(propagationTimeout)
	if p.At.IsZero() || !time.Now().Before(settle) {
		return get(ctx)
	}
	wctx, cancel := context.WithDeadline(ctx, settle)
	defer cancel()
	have, err := retryWhileNotFound(wctx, r.object(owner), func(ctx context.Context) ([]string, error) {
		have, err := get(ctx)
		if err == nil && !p.visibleIn(have) {
			return have, errNotSettled
		}
		return have, err
	})
	switch {
	case wctx.Err() != nil && ctx.Err() == nil:
		// The window closed, maybe during a call: RAM's answer now stands.
		return get(ctx)
	case errors.Is(err, errNotSettled):
		return have, nil
	}
	return have, err
}

// Delete changes nothing in RAM: destroying the resource only stops
// Terraform from enforcing the set. Removing access is written out, as an
// empty set applied before the resource is removed.
func (r *exclusiveResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var owner types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root(r.spec.owner), &owner)...)
	tflog.Info(ctx, "exclusive set no longer managed; RAM left unchanged", map[string]any{r.spec.owner: owner.ValueString()})
}

// ImportState takes the owner's name.
func (r *exclusiveResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !r.spec.ownerRule.Valid(req.ID) {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Import mseram_%s by the name of the %s, e.g. %q; got %q.", r.spec.typeSuffix, r.spec.ownerNoun, r.spec.example, req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(r.spec.owner), req.ID)...)
}

// exclusiveWording fills the documentation the exclusive resources share.
type exclusiveWording struct {
	items, item string // "policies", "policy"
	added       string // "attached"
	removes     string // "detaches"
	owner       string // "RAM user"
	attribute   string // "policies"
	single      string // the one-link resource type, e.g. mseram_user_policy_attachment
	link        string // what single creates: "an attachment"
	deleted     string // what a destroy may delete besides the owner: "a custom policy in the set"
}

func (w exclusiveWording) description() string {
	return fmt.Sprintf("The complete set of %[1]s of one %[5]s (exclusive ownership). Every refresh reads what RAM holds: "+
		"a %[2]s %[3]s outside this resource (console, CLI, another configuration) shows in the plan as drift and the next apply "+
		"%[4]s it; a declared %[2]s that is missing is %[3]s again. For %[10]s after an apply, a refresh waits until RAM "+
		"shows that apply's changes, so that RAM's eventual consistency does not show as drift.\n\n"+
		"**An empty set is allowed and means none**: `%[6]s = []` %[4]s every %[2]s from the %[5]s, and the plan shows each one leaving.\n\n"+
		"**Destroying this resource %[4]s nothing**: Terraform only stops enforcing the set. To take access away, apply an empty set "+
		"before removing the resource. For the same reason a `terraform destroy` that also deletes the %[5]s or %[9]s needs "+
		"`force_destroy = true` on that resource, or an empty set applied first.\n\n"+
		"Declare at most one of these per %[5]s: two would undo each other's changes. `%[7]s` resources may manage some of the same "+
		"%[1]s alongside it, as long as this set lists them too; make this resource depend on them (reference their attributes or use "+
		"`depends_on`), because such a resource refuses to create %[8]s that already exists.",
		w.items, w.item, w.added, w.removes, w.owner, w.attribute, w.single, w.link, w.deleted, "`"+shortDuration(propagationTimeout)+"`")
}
