// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestErrorClassification(t *testing.T) {
	cases := []struct {
		status int
		code   string
		class  ErrorClass
		is     func(error) bool
	}{
		{404, "EntityNotExist.User", ClassNotFound, IsNotFound},
		{404, "EntityNotExist.User.LoginProfile", ClassNotFound, IsNotFound},
		{409, "EntityAlreadyExists.User", ClassAlreadyExists, IsAlreadyExists},
		{409, "DeleteConflict.User.AccessKey", ClassConflict, IsConflict},
		{409, "LimitExceeded.User.AccessKey", ClassOther, nil},
		{400, "Throttling.User", ClassThrottled, IsThrottled},
		{400, "Throttling.Api", ClassThrottled, IsThrottled},
		{503, "ServiceUnavailable", ClassRetryable, IsRetryable},
		{500, "InternalError", ClassRetryable, IsRetryable},
		{500, "", ClassRetryable, IsRetryable},
		{403, "NoPermission", ClassOther, nil},
		{400, "InvalidParameter.UserName.InvalidChars", ClassOther, nil},
		{404, "InvalidAccessKeyId.NotFound", ClassOther, nil},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%d_%s", tc.status, tc.code), func(t *testing.T) {
			f := newFakeAPI(t, func(w http.ResponseWriter, _ seen, _ int) {
				apiError(w, tc.status, tc.code, "The message for "+tc.code)
			})
			c := testClient(t, f.URL, func(cfg *Config) { cfg.Retry.MaxAttempts = 1 })
			_, err := c.CreateUser(context.Background(), CreateUserInput{UserName: "alice"})
			wrapped := fmt.Errorf("creating alice: %w", err)
			var ae *APIError
			if !errors.As(wrapped, &ae) {
				t.Fatalf("err %T %v is not an *APIError", err, err)
			}
			want := APIError{Product: "ram", Action: "CreateUser", Code: tc.code, Message: "The message for " + tc.code,
				RequestID: "REQ-" + tc.code, HostID: "ram.aliyuncs.com", Recommend: "https://api.aliyun.com/troubleshoot?q=" + tc.code,
				HTTPStatus: tc.status, Class: tc.class}
			if *ae != want {
				t.Errorf("got  %+v\nwant %+v", *ae, want)
			}
			if ClassOf(wrapped) != tc.class || ErrorCode(wrapped) != tc.code {
				t.Errorf("ClassOf %v, ErrorCode %q", ClassOf(wrapped), ErrorCode(wrapped))
			}
			for _, is := range []func(error) bool{IsNotFound, IsAlreadyExists, IsConflict, IsThrottled, IsRetryable} {
				got := is(wrapped)
				if exp := tc.is != nil && fmt.Sprintf("%p", is) == fmt.Sprintf("%p", tc.is); got != exp {
					t.Errorf("helper %p = %v", is, got)
				}
			}
		})
	}
}

func TestAPIErrorMessage(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, _ seen, _ int) {
		apiError(w, 409, "EntityAlreadyExists.User", "The user does already exist.")
	})
	_, err := testClient(t, f.URL).CreateUser(context.Background(), CreateUserInput{UserName: "alice"})
	want := "ram CreateUser: EntityAlreadyExists.User (HTTP 409): The user does already exist. (RequestId: REQ-EntityAlreadyExists.User)"
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// A load balancer's HTML error page: darabonba only reports that the body is
// not JSON; the status must still make it retryable.
func TestNonJSONErrorBody(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, _ seen, _ int) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("x-acs-request-id", "REQ-LB")
		w.WriteHeader(502)
		_, _ = w.Write([]byte("<html><body>502 Bad Gateway</body></html>"))
	})
	_, err := testClient(t, f.URL).GetUser(context.Background(), "alice")
	var ae *APIError
	if !errors.As(err, &ae) || ae.HTTPStatus != 502 || ae.RequestID != "REQ-LB" || !IsRetryable(err) {
		t.Fatalf("err = %#v", err)
	}
	if f.count() != fastRetry.MaxAttempts {
		t.Errorf("%d attempts, want %d", f.count(), fastRetry.MaxAttempts)
	}
}

func TestHelpersOnOtherErrors(t *testing.T) {
	for _, err := range []error{nil, errors.New("boom"), ErrNoCredentials} {
		if IsNotFound(err) || IsRetryable(err) || IsThrottled(err) || ErrorCode(err) != "" || ClassOf(err) != ClassOther {
			t.Errorf("%v misclassified", err)
		}
	}
	if !strings.Contains((&TransportError{Product: "ims", Action: "TagResources", Err: errors.New("reset")}).Error(), "ims TagResources") {
		t.Error("TransportError should name product and action")
	}
}
