// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// Access keys and lost answers
//
// CreateAccessKey is not keyed by a name: a resent request makes a second
// key, and the secret of a key whose answer was lost is gone for good, so
// such a key can never be adopted. createAccessKey therefore lists the
// user's keys before creating; when an attempt got no answer it lists them
// again, deletes every key that is neither one of those nor the one whose
// answer arrived (the orphans: unusable, and each takes one of the user's
// two key slots), and, when no answer arrived at all, creates once more.
// If that second create loses its answer too, it cleans up again and fails
// rather than loop. A key that cannot be deleted is named in the error, so
// nothing is left behind silently.

// accessKeyOrphanError is a create that left a key it could not delete.
type accessKeyOrphanError struct {
	user string
	ids  []string
	err  error // why the deletion failed
}

func (e *accessKeyOrphanError) Error() string {
	return fmt.Sprintf("a CreateAccessKey request got no answer but created access key %s of RAM user %q, whose secret is lost; "+
		"deleting it failed (%v). Delete it in the RAM console", strings.Join(e.ids, ", "), e.user, e.err)
}

func (e *accessKeyOrphanError) Unwrap() error { return e.err }

// createAccessKey creates one access key for user, leaving no orphan behind
// (see above).
func createAccessKey(ctx context.Context, c *alicloud.Client, user string) (*alicloud.AccessKey, error) {
	before, err := keyIDs(ctx, c, user)
	if err != nil && !alicloud.IsNotFound(err) {
		return nil, err
	}
	for try := 1; ; try++ {
		lctx, log := alicloud.WithAttemptLog(ctx)
		key, err := c.CreateAccessKey(lctx, user)
		if log.Unknown() == 0 {
			return key, err
		}
		keep := before
		if key != nil {
			keep = append(slices.Clone(before), key.AccessKeyID)
		}
		orphans, cerr := deleteOrphanKeys(ctx, c, user, keep)
		if cerr != nil {
			return key, cerr
		}
		if key != nil {
			return key, nil
		}
		// Create again only when that can help: the orphan took a slot, or
		// the service failed, and there is time left.
		if try == 2 || ctx.Err() != nil || (len(orphans) == 0 && !alicloud.IsRetryable(err)) {
			if len(orphans) > 0 {
				err = fmt.Errorf("%w (access key %s, created by a request whose answer was lost, was deleted again)", err, strings.Join(orphans, ", "))
			}
			return nil, err
		}
		tflog.Info(ctx, "a CreateAccessKey answer was lost; deleted the key it made and creating again", map[string]any{"user_name": user, "deleted": orphans})
	}
}

// deleteOrphanKeys deletes the user's keys not in keep and returns their
// ids.
func deleteOrphanKeys(ctx context.Context, c *alicloud.Client, user string, keep []string) ([]string, error) {
	now, err := keyIDs(ctx, c, user)
	if err != nil {
		return nil, fmt.Errorf("a CreateAccessKey request for RAM user %q got no answer, and listing the user's keys to find a key it may have created failed: %w", user, err)
	}
	var orphans []string
	for _, id := range now {
		if !slices.Contains(keep, id) {
			orphans = append(orphans, id)
		}
	}
	for i, id := range orphans {
		if err := ignoreNotFound(c.DeleteAccessKey(ctx, user, id)); err != nil {
			return orphans[:i], &accessKeyOrphanError{user: user, ids: orphans[i:], err: err}
		}
		tflog.Warn(ctx, "deleted an access key created by a request whose answer was lost (its secret is unknown)", map[string]any{"user_name": user, "access_key_id": id})
	}
	return orphans, nil
}

func keyIDs(ctx context.Context, c *alicloud.Client, user string) ([]string, error) {
	keys, err := c.ListAccessKeys(ctx, user)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(keys))
	for i, k := range keys {
		ids[i] = k.AccessKeyID
	}
	return ids, nil
}
