package handlers_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/parceldesk/portal/handlers"
)

// TestExceptionNext: "resolve & next" refuses without a resolution (422, the page with the
// message) or with another parcel's exceptions in its form (422), refuses a stale version (409), and otherwise resolves and sends the member to the
// next parcel of the queue they came from, offering the same resolution there.
func TestExceptionNext(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	a := ts.client(t)
	seller := withExceptions(t, ts, a, "Shop A", "owner@a.test")
	q := queueOf(t, ts, seller)
	e1, e2, e3 := q["E-1"], q["E-2"], q["E-3"]
	page := fmt.Sprintf("/exceptions/%d?queue=country%%3DFR", e1.ID)
	seen := fmt.Sprintf("%d:%d", e1.ID, e1.Version)
	next := fmt.Sprintf("/exceptions/%d/next", e1.ID)

	res := a.post(page, next, url.Values{"action": {"resolve"}, "seen": {seen}, "queue": {"country=FR"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	if !strings.Contains(res.body, "Choose how it was resolved") {
		t.Errorf("422 page lacks the message")
	}
	// The form's exceptions must be the parcel of the page: another parcel's, or E-1 with another
	// parcel's beside it, change nothing.
	other := fmt.Sprintf("%d:%d", e2.ID, e2.Version)
	for _, s := range [][]string{{other}, {seen, other}} {
		res = a.post(page, next, url.Values{"action": {"resolve"}, "resolution": {"false_alarm"}, "seen": s, "queue": {"country=FR"}})
		wantStatus(t, res, http.StatusUnprocessableEntity)
	}
	if got, _ := ts.store.FindException(t.Context(), seller, e2.ID); got.State == "resolved" {
		t.Errorf("E-2 was resolved from E-1's page")
	}
	stale := fmt.Sprintf("%d:%d", e1.ID, e1.Version-1)
	res = a.post(page, next, url.Values{"action": {"resolve"}, "resolution": {"false_alarm"}, "seen": {stale}, "queue": {"country=FR"}})
	wantStatus(t, res, http.StatusConflict)

	res = a.post(page, next, url.Values{"action": {"resolve"}, "resolution": {"false_alarm"}, "seen": {seen}, "queue": {"country=FR"}})
	wantStatus(t, res, http.StatusSeeOther)
	// E-2 is in DE: the FR queue's next parcel is E-3.
	if want := fmt.Sprintf("/exceptions/%d?queue=country%%3DFR&as=false_alarm", e3.ID); res.Header.Get("Location") != want {
		t.Errorf("next: %q, want %q (not %d)", res.Header.Get("Location"), want, e2.ID)
	}
	if got, _ := ts.store.FindException(t.Context(), seller, e1.ID); got.State != "resolved" {
		t.Errorf("E-1 is %s", got.State)
	}
	if body := a.get(res.Header.Get("Location")).body; !strings.Contains(body, `<option value="false_alarm" selected>`) {
		t.Errorf("the next parcel does not offer the resolution chosen before")
	}
}
