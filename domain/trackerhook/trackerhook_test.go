package trackerhook

import (
	"os"
	"testing"
)

// TestParseTrackerPayloads reads the recorded samples of both trackers: each checkpoint with its
// text, its sub-status code, its time with the offset it was given, and its place.
func TestParseTrackerPayloads(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile("../../handlers/testdata/hooks/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	as, err := ParseAfterShip(read("aftership_tracking_update.json"))
	if err != nil {
		t.Fatal(err)
	}
	if as.TrackingNumber != "9361289676091361892011" || len(as.OrderRefs) != 0 || len(as.Checkpoints) != 4 {
		t.Fatalf("AfterShip parcel: %+v", as)
	}
	if got, want := as.Checkpoints[3], (Checkpoint{Carrier: "usps", Status: "Delivered, In/At Mailbox",
		StatusCode: "Delivered_001", StatusAt: "2021-01-05T13:34:00-06:00", Location: "DALLAS, TX 75201"}); got != want {
		t.Errorf("AfterShip's last checkpoint:\n got %+v\nwant %+v", got, want)
	}
	st, err := Parse17Track(read("17track_tracking_updated.json"))
	if err != nil {
		t.Fatal(err)
	}
	if st.TrackingNumber != "RR123456789CN" || len(st.OrderRefs) != 1 || st.OrderRefs[0] != "MyOrderID" || len(st.Checkpoints) != 3 {
		t.Fatalf("17TRACK parcel: %+v", st)
	}
	if got, want := st.Checkpoints[0], (Checkpoint{Carrier: "China Post", Status: "Arrival at inward office of exchange",
		StatusCode: "InTransit_Arrival", StatusAt: "2022-03-11T06:28:00-06:00", Location: "CHICAGO, UNITED STATES"}); got != want {
		t.Errorf("17TRACK's first event:\n got %+v\nwant %+v", got, want)
	}

	// Order ids as numbers, a checkpoint without location but with a city, a 17TRACK event with
	// only a milestone stage, and bodies that are not the format.
	as2, err := ParseAfterShip([]byte(`{"msg":{"tracking_number":"X1","order_id":1234,"order_number":"#1234",
		"checkpoints":[{"message":"Arrived","city":"Lyon","country_name":"France","tag":"InTransit","checkpoint_time":"2026-03-04T10:20:00"}]}}`))
	if err != nil || len(as2.OrderRefs) != 2 || as2.OrderRefs[0] != "1234" || as2.Checkpoints[0].Location != "Lyon, France" ||
		as2.Checkpoints[0].StatusCode != "InTransit" || as2.Checkpoints[0].StatusAt != "2026-03-04T10:20:00" {
		t.Errorf("AfterShip variants: %+v, %v", as2, err)
	}
	st2, err := Parse17Track([]byte(`{"event":"TRACKING_UPDATED","data":{"number":"N1","track_info":{"tracking":{"providers":[
		{"provider":{"name":"PostNL"},"events":[{"time_iso":"2026-03-04T10:20:00+01:00","description":"x","stage":"Arrival"}]}]}}}}`))
	if err != nil || st2.Checkpoints[0].StatusCode != "InTransit_Arrival" {
		t.Errorf("17TRACK milestone stage: %+v, %v", st2, err)
	}
	stopped, err := Parse17Track([]byte(`{"event":"TRACKING_STOPPED","data":{"number":"N1"}}`))
	if err != nil || len(stopped.Checkpoints) != 0 {
		t.Errorf("TRACKING_STOPPED: %+v, %v", stopped, err)
	}
	for tr, tc := range map[string]struct {
		parse func([]byte) (Parcel, error)
		body  string
	}{"AfterShip": {ParseAfterShip, `{"event":"x"}`}, "17TRACK": {Parse17Track, `[1,2]`}} {
		if _, err := tc.parse([]byte(tc.body)); err == nil {
			t.Errorf("%s: %s parsed", tr, tc.body)
		}
	}
}
