package handlers_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/parceldesk/portal/handlers"
)

// TestHeaderSearch: an order reference or a tracking number opens the parcel's exception; another
// seller searching the same reference finds nothing of it; anything else lists shipments.
func TestHeaderSearch(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	a := ts.client(t)
	seller := withExceptions(t, ts, a, "Shop A", "owner@a.test")
	e2 := queueOf(t, ts, seller)["E-2"]
	for _, q := range []string{"E-2", "lp00000000000002"} {
		res := a.get("/search?q=" + q)
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != fmt.Sprintf("/exceptions/%d", e2.ID) {
			t.Errorf("search %q: %d to %q, want E-2's exception", q, res.StatusCode, res.Header.Get("Location"))
		}
	}
	if res := a.get("/search?q=E-"); res.StatusCode != http.StatusOK || !strings.Contains(res.body, "E-1") || !strings.Contains(res.body, "E-3") {
		t.Errorf("search E-: %d, want the shipments that begin so", res.StatusCode)
	}

	b := ts.client(t)
	b.signup("Shop B", "owner@b.test")
	if res := b.get("/search?q=E-2"); res.StatusCode != http.StatusOK || strings.Contains(res.body, "Jonas Weber") || strings.Contains(res.body, "LP00000000000002") {
		t.Errorf("seller B searching A's order: %d, shows A's parcel: %v", res.StatusCode, strings.Contains(res.body, "Jonas Weber"))
	}
}
