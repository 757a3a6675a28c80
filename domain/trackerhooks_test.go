package domain

import (
	"strings"
	"testing"
)

// TestTrackerSignatures checks each tracker's scheme against a value computed outside Go
// (openssl dgst -sha256 -hmac … | base64; printf 'body/key' | sha256sum), both ways.
func TestTrackerSignatures(t *testing.T) {
	for _, tc := range []struct {
		tracker      Tracker
		secret, body string
		sig          string
	}{
		{TrackerAfterShip, "as-secret-1", `{"event":"tracking_update"}`, "WEdRToeTYOqMk9wSn+j83+rchW/x8oi3IT1SS72yEC8="},
		{Tracker17Track, "17-key-1", `{"event":"TRACKING_UPDATED"}`, "4d88c549f12da4f9155f812450dde6ff5befe3737502069b75dfc472ebb0d474"},
	} {
		body := []byte(tc.body)
		if got := tc.tracker.Sign(tc.secret, body); got != tc.sig {
			t.Errorf("%s: Sign = %q, want %q", tc.tracker, got, tc.sig)
		}
		if !tc.tracker.VerifySignature(tc.secret, body, tc.sig) {
			t.Errorf("%s: the right signature is refused", tc.tracker)
		}
		if tc.tracker == Tracker17Track && !tc.tracker.VerifySignature(tc.secret, body, strings.ToUpper(tc.sig)) {
			t.Errorf("%s: the right signature in upper-case hex is refused", tc.tracker)
		}
		for what, bad := range map[string]struct{ secret, body, sig string }{
			"another secret":  {tc.secret + "x", tc.body, tc.sig},
			"a changed body":  {tc.secret, tc.body + " ", tc.sig},
			"no signature":    {tc.secret, tc.body, ""},
			"no secret":       {"", tc.body, tc.sig},
			"a cut signature": {tc.secret, tc.body, tc.sig[:len(tc.sig)-2]},
		} {
			if tc.tracker.VerifySignature(bad.secret, []byte(bad.body), bad.sig) {
				t.Errorf("%s: %s passes", tc.tracker, what)
			}
		}
	}
	other := TrackerAfterShip.Sign("k", []byte("b"))
	if Tracker17Track.VerifySignature("k", []byte("b"), other) {
		t.Error("17TRACK takes AfterShip's signature")
	}
}
