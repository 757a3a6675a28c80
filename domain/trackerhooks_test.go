package domain

import (
	"os"
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

// TestParseTrackerPayloads reads the recorded samples of both trackers into events: each
// checkpoint one event with its text, its sub-status code, its time with the offset it was
// given, and its place.
func TestParseTrackerPayloads(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile("../handlers/testdata/hooks/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	as, err := parseTrackerPayload(TrackerAfterShip, read("aftership_tracking_update.json"))
	if err != nil {
		t.Fatal(err)
	}
	if as.TrackingNumber != "9361289676091361892011" || len(as.OrderRefs) != 0 || len(as.Events) != 4 {
		t.Fatalf("AfterShip parcel: %+v", as)
	}
	if got, want := as.Events[3], (APIEvent{TrackingNumber: "9361289676091361892011", Carrier: "usps", Status: "Delivered, In/At Mailbox",
		StatusCode: "Delivered_001", StatusAt: "2021-01-05T13:34:00-06:00", Location: "DALLAS, TX 75201"}); got != want {
		t.Errorf("AfterShip's last checkpoint:\n got %+v\nwant %+v", got, want)
	}
	st, err := parseTrackerPayload(Tracker17Track, read("17track_tracking_updated.json"))
	if err != nil {
		t.Fatal(err)
	}
	if st.TrackingNumber != "RR123456789CN" || len(st.OrderRefs) != 1 || st.OrderRefs[0] != "MyOrderID" || len(st.Events) != 3 {
		t.Fatalf("17TRACK parcel: %+v", st)
	}
	if got, want := st.Events[0], (APIEvent{TrackingNumber: "RR123456789CN", Carrier: "China Post", Status: "Arrival at inward office of exchange",
		StatusCode: "InTransit_Arrival", StatusAt: "2022-03-11T06:28:00-06:00", Location: "CHICAGO, UNITED STATES"}); got != want {
		t.Errorf("17TRACK's first event:\n got %+v\nwant %+v", got, want)
	}

	// Order ids as numbers, a checkpoint without location but with a city, a 17TRACK event with
	// only a milestone stage, and bodies that are not the format.
	as2, err := parseTrackerPayload(TrackerAfterShip, []byte(`{"msg":{"tracking_number":"X1","order_id":1234,"order_number":"#1234",
		"checkpoints":[{"message":"Arrived","city":"Lyon","country_name":"France","tag":"InTransit","checkpoint_time":"2026-03-04T10:20:00"}]}}`))
	if err != nil || len(as2.OrderRefs) != 2 || as2.OrderRefs[0] != "1234" || as2.Events[0].Location != "Lyon, France" ||
		as2.Events[0].StatusCode != "InTransit" || as2.Events[0].StatusAt != "2026-03-04T10:20:00" {
		t.Errorf("AfterShip variants: %+v, %v", as2, err)
	}
	st2, err := parseTrackerPayload(Tracker17Track, []byte(`{"event":"TRACKING_UPDATED","data":{"number":"N1","track_info":{"tracking":{"providers":[
		{"provider":{"name":"PostNL"},"events":[{"time_iso":"2026-03-04T10:20:00+01:00","description":"x","stage":"Arrival"}]}]}}}}`))
	if err != nil || st2.Events[0].StatusCode != "InTransit_Arrival" {
		t.Errorf("17TRACK milestone stage: %+v, %v", st2, err)
	}
	stopped, err := parseTrackerPayload(Tracker17Track, []byte(`{"event":"TRACKING_STOPPED","data":{"number":"N1"}}`))
	if err != nil || len(stopped.Events) != 0 {
		t.Errorf("TRACKING_STOPPED: %+v, %v", stopped, err)
	}
	for tr, body := range map[Tracker]string{TrackerAfterShip: `{"event":"x"}`, Tracker17Track: `[1,2]`} {
		if _, err := parseTrackerPayload(tr, []byte(body)); err == nil {
			t.Errorf("%s: %s parsed", tr, body)
		}
	}
}
