// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// Creates and lost answers
//
// The client retries a request whose answer never came (connection dropped,
// timed out) or was a 5xx. For a create that is not idempotent: the lost
// attempt may have created the object, and the retry is then answered
// EntityAlreadyExists.*. Failing there leaves an object nobody tracks (an
// orphan); adopting every "already exists" would take over objects that
// belong to someone else. createAdopting sits just above the client's retry
// loop and tells the two apart with the client's AttemptLog:
//
//   - "already exists" with no attempt of unknown outcome before it: the
//     name was taken before this apply. Fail (the caller adds the import
//     command).
//   - after an attempt of unknown outcome: read the object (waiting out
//     eventual consistency: it exists, so not-found is lag) and adopt it only
//     when it provably is the one this apply asked for: the same
//     attributes, and created no earlier than the first attempt was sent
//     (less clockSkew). Otherwise fail, naming the object and the
//     difference.
//   - the call ran out of time after such an attempt: look once more, adopt
//     when it matches, else fail saying the object may exist and how to
//     import it.
//
// Objects with no creation date (policy attachments, group memberships)
// pass a nil created func: see their resources for why adopting them is
// safe.

// clockSkew is how far the service's clock may run behind ours when
// CreateDate is compared with the time the first attempt was sent.
// CreateDate has whole seconds, so one second of it is truncation.
const clockSkew = 5 * time.Second

// lastLookTimeout bounds the lookup after a create that ran out of time.
const lastLookTimeout = 30 * time.Second

// creation describes one create for createAdopting.
type creation[T any] struct {
	object string // e.g. `RAM user "alice"`, for messages and logs
	create func(context.Context) (T, error)
	// lookup reads the object as it exists now.
	lookup func(context.Context) (T, error)
	// differs compares what lookup found with what the create asked for:
	// "" when equal, else what differs (e.g. `comments is "x", want "y"`).
	differs func(T) string
	// created returns the object's CreateDate ("" if unknown); nil for
	// objects that have none.
	created func(T) string
}

// adoptError is a create that found an object it could not prove its own.
// It wraps the create's last error, so alicloud.IsAlreadyExists still
// holds and the caller's import advice applies.
type adoptError struct {
	object, why string
	err         error
}

func (e *adoptError) Error() string {
	return fmt.Sprintf("%v\n\nAn earlier attempt of this create got no answer, so %s may have been created by it, but the provider cannot adopt it: %s",
		e.err, e.object, e.why)
}

func (e *adoptError) Unwrap() error { return e.err }

// createAdopting runs c.create under an attempt log and resolves the
// "already exists after a lost answer" case (see above).
func createAdopting[T any](ctx context.Context, c creation[T]) (T, error) {
	lctx, log := alicloud.WithAttemptLog(ctx)
	v, err := c.create(lctx)
	if err == nil || log.Unknown() == 0 {
		return v, err
	}
	sent := log.FirstSent()
	var found T
	var lerr error
	switch {
	case alicloud.IsAlreadyExists(err):
		// It exists, so not-found is a propagation delay.
		found, lerr = retryWhileNotFound(ctx, c.object, c.lookup)
	case ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) ||
		alicloud.IsRetryable(err) || alicloud.IsThrottled(err):
		// Out of time or retries: the lost attempt may still have worked.
		lookCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), lastLookTimeout)
		defer cancel()
		found, lerr = retryWhileNotFound(lookCtx, c.object, c.lookup)
		if alicloud.IsNotFound(lerr) {
			return v, fmt.Errorf("%w\n\nAn attempt got no answer and %s was not found afterwards, so it was most likely not created. "+
				"Should a later apply report that it already exists, it is this one: import it", err, c.object)
		}
	default:
		return v, err
	}
	if lerr != nil {
		return v, &adoptError{c.object, "reading it to compare failed: " + lerr.Error(), err}
	}
	if why := c.differs(found); why != "" {
		return v, &adoptError{c.object, "it is not what this configuration asks for: " + why, err}
	}
	if c.created != nil {
		if why := createdTooEarly(c.created(found), sent); why != "" {
			return v, &adoptError{c.object, why, err}
		}
	}
	tflog.Info(ctx, "adopted the object a create made although its answer was lost", map[string]any{
		"object": c.object, "attempts": log.Attempts(), "unanswered": log.Unknown(), "error": err.Error(),
	})
	return found, nil
}

// createdTooEarly explains why an object created at when (RFC 3339, as
// the API writes CreateDate) cannot be the one a create first sent at sent
// made; "" when it can. The service's clock may be up to clockSkew behind.
func createdTooEarly(when string, sent time.Time) string {
	at, err := time.Parse(time.RFC3339, when)
	if err != nil {
		return fmt.Sprintf("its creation date %q cannot be read", when)
	}
	if at.Before(sent.Add(-clockSkew)) {
		return fmt.Sprintf("it was created at %s, before this apply sent its first request (%s)",
			at.UTC().Format(time.RFC3339), sent.UTC().Format(time.RFC3339))
	}
	return ""
}

// differ collects attribute differences for creation.differs.
type differ []string

func (d *differ) str(attr, got, want string) {
	if got != want {
		*d = append(*d, fmt.Sprintf("%s is %q, want %q", attr, got, want))
	}
}

// document compares policy documents by meaning, as the resources do.
func (d *differ) document(attr, got, want string) {
	if same, err := policy.Equivalent(got, want); err != nil || !same {
		*d = append(*d, attr+" differs")
	}
}

// tags compares tag sets; want nil or empty means none.
func (d *differ) tags(got, want map[string]string) {
	if !maps.Equal(got, want) && (len(got) > 0 || len(want) > 0) {
		*d = append(*d, fmt.Sprintf("tags are %v, want %v", got, want))
	}
}

func (d differ) String() string {
	s := ""
	for i, x := range d {
		if i > 0 {
			s += "; "
		}
		s += x
	}
	return s
}

// renameRecovering runs a rename. A rename whose answer was lost and that
// the client then resent is answered not-found: the first attempt renamed
// the object away from the old name. It then reads the object by its new
// name (waiting out propagation) and accepts it when differs finds it as
// asked; otherwise the not-found stands.
func renameRecovering[T any](ctx context.Context, object string, rename, lookup func(context.Context) (T, error), differs func(T) string) (T, error) {
	lctx, log := alicloud.WithAttemptLog(ctx)
	v, err := rename(lctx)
	if err == nil || !alicloud.IsNotFound(err) || log.Unknown() == 0 {
		return v, err
	}
	found, lerr := retryWhileNotFound(ctx, object, lookup)
	if lerr != nil {
		return v, err
	}
	if why := differs(found); why != "" {
		return v, fmt.Errorf("%w (an earlier attempt got no answer, and %s under its new name is not as asked: %s)", err, object, why)
	}
	tflog.Info(ctx, "a rename's answer was lost; found the object under its new name", map[string]any{"object": object})
	return found, nil
}
