package tracking_test

import (
	"testing"

	"github.com/parceldesk/portal/domain/tracking"
)

// TestTrackerSubStatusCodes holds the codes the tracker webhooks send (AfterShip subtags,
// 17TRACK sub-statuses, as their documentation lists them) to the stage and signal they mean,
// and the ones that place nothing to the text.
func TestTrackerSubStatusCodes(t *testing.T) {
	for _, tc := range []struct {
		code   string
		stage  tracking.Stage
		signal tracking.Signal
		known  bool
	}{
		// AfterShip subtags.
		{"InfoReceived_001", 2, tracking.SignalLabelOnly, true},
		{"InTransit_002", 3, tracking.SignalNone, true},
		{"InTransit_004", 7, tracking.SignalNone, true},
		{"InTransit_005", 9, tracking.SignalNone, true},
		{"OutForDelivery_001", 10, tracking.SignalNone, true},
		{"AttemptFail_001", 10, tracking.SignalAttemptFailed, true},
		{"Delivered_001", 11, tracking.SignalNone, true},
		{"delivered_001", 11, tracking.SignalNone, true}, // case does not matter
		{"InTransit_001", 0, tracking.SignalNone, false}, // "on the way" places nothing
		{"Exception_005", 0, tracking.SignalNone, false}, // delayed: the text decides
		// 17TRACK sub-statuses, the four this change adds among them.
		{"InTransit_PickedUp", 3, tracking.SignalNone, true},
		{"InTransit_Departure", 6, tracking.SignalNone, true},
		{"InTransit_Arrival", 7, tracking.SignalNone, true},
		{"InTransit_CustomsProcessing", 8, tracking.SignalNone, true},
		{"Delivered_Other", 11, tracking.SignalNone, true},
		{"Exception_Rejected", 10, tracking.SignalReturned, true},
		{"Exception_InvalidAddress", 10, tracking.SignalAddressIssue, true},
		{"InTransit_Other", 0, tracking.SignalNone, false},
		{"Exception_Delayed", 0, tracking.SignalNone, false},
	} {
		st, sig, ok := tracking.ClassifyCode(tc.code)
		if ok != tc.known || ok && (st != tc.stage || sig != tc.signal) {
			t.Errorf("ClassifyCode(%q) = %v, %v, %v; want %v, %v, %v", tc.code, st, sig, ok, tc.stage, tc.signal, tc.known)
		}
	}
}
