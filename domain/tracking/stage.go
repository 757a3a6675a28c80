package tracking

import (
	"strconv"
	"strings"
)

// Stage is one of the eleven canonical shipment stages, numbered 1 (order completed) to 11
// (delivered) in the order a parcel passes them. The zero value StageUnknown means "no stage":
// a status text that no rule matched.
type Stage int

// The canonical stages, in order. Progress is monotonic: a shipment's current stage is the
// highest stage any of its events reached.
const (
	StageUnknown            Stage = 0
	StageOrderCompleted     Stage = 1
	StageDispatched         Stage = 2
	StageOutboundSorting    Stage = 3
	StageHandedToCarrier    Stage = 4
	StageExportCustoms      Stage = 5
	StageDepartedOrigin     Stage = 6
	StageArrivedDestination Stage = 7
	StageImportCustoms      Stage = 8
	StageCustomsCleared     Stage = 9
	StageOutForDelivery     Stage = 10
	StageDelivered          Stage = 11
)

// Stages lists the canonical stages in order, without StageUnknown.
var Stages = []Stage{
	StageOrderCompleted, StageDispatched, StageOutboundSorting, StageHandedToCarrier,
	StageExportCustoms, StageDepartedOrigin, StageArrivedDestination, StageImportCustoms,
	StageCustomsCleared, StageOutForDelivery, StageDelivered,
}

var stageKeys = [...]string{"", "order_completed", "dispatched", "outbound_sorting", "handed_to_carrier",
	"export_customs", "departed_origin", "arrived_destination", "import_customs", "customs_cleared",
	"out_for_delivery", "delivered"}

var stageLabels = [...]string{"Unknown", "Order Completed", "Dispatched", "Outbound in Sorting Center",
	"Hand Over to Carrier (Air/Sea)", "Clearing Customs (Export)", "Departure at Origin Country",
	"Arrival at Destination Country", "Clearing Customs (Import)", "Customs Clearance Successful",
	"Out for Delivery", "Delivered"}

// Valid reports whether s is one of the eleven canonical stages.
func (s Stage) Valid() bool { return s >= StageOrderCompleted && s <= StageDelivered }

// Key is the stable machine name of the stage ("export_customs"); "" for StageUnknown.
func (s Stage) Key() string {
	if !s.Valid() {
		return ""
	}
	return stageKeys[s]
}

// Label is the name sellers see ("Clearing Customs (Export)").
func (s Stage) Label() string {
	if !s.Valid() {
		return stageLabels[0]
	}
	return stageLabels[s]
}

// String returns the key, or "unknown".
func (s Stage) String() string {
	if !s.Valid() {
		return "unknown"
	}
	return stageKeys[s]
}

// IsOrigin reports whether the stage happens in the origin country (stages 1–6), where peak
// periods such as Chinese New Year pause the stage clock.
func (s Stage) IsOrigin() bool { return s >= StageOrderCompleted && s <= StageDepartedOrigin }

// ParseStage reads a stage written as its key ("export_customs"), its label ("Clearing Customs
// (Export)") or its number ("5"), case-insensitively and ignoring surrounding space. It is how a
// status cell that already holds a canonical stage is understood.
func ParseStage(s string) (Stage, bool) {
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil {
		st := Stage(n)
		return st, st.Valid()
	}
	norm := strings.ToLower(s)
	for _, st := range Stages {
		if norm == stageKeys[st] || norm == strings.ToLower(stageLabels[st]) {
			return st, true
		}
	}
	return StageUnknown, false
}

// Signal is an extra fact an event can carry besides its stage: something a person may need to
// act on (a failed attempt, a customs hold) or a caveat (label data only, no physical scan).
type Signal string

// The signals an event can carry. SignalNone is the absence of one.
const (
	SignalNone               Signal = "none"
	SignalLabelOnly          Signal = "label_only"
	SignalAttemptFailed      Signal = "attempt_failed"
	SignalPickupAvailable    Signal = "pickup_available"
	SignalAddressIssue       Signal = "address_issue"
	SignalCustomsHold        Signal = "customs_hold"
	SignalReturned           Signal = "returned"
	SignalDamagedLost        Signal = "damaged_lost"
	SignalDeliveredElsewhere Signal = "delivered_elsewhere"
	SignalRollback           Signal = "rollback"
)

// Signals lists every signal, SignalNone first.
var Signals = []Signal{SignalNone, SignalLabelOnly, SignalAttemptFailed, SignalPickupAvailable,
	SignalAddressIssue, SignalCustomsHold, SignalReturned, SignalDamagedLost,
	SignalDeliveredElsewhere, SignalRollback}

// Valid reports whether g is one of the known signals (SignalNone included).
func (g Signal) Valid() bool {
	for _, s := range Signals {
		if g == s {
			return true
		}
	}
	return false
}

var signalLabels = map[Signal]string{
	SignalNone: "None", SignalLabelOnly: "Label only", SignalAttemptFailed: "Delivery attempt failed",
	SignalPickupAvailable: "Waiting for pickup", SignalAddressIssue: "Address problem",
	SignalCustomsHold: "Held by customs", SignalReturned: "Returned", SignalDamagedLost: "Damaged or lost",
	SignalDeliveredElsewhere: "Delivered elsewhere", SignalRollback: "Back at facility",
}

// Label is the name sellers see ("Delivery attempt failed").
func (g Signal) Label() string {
	if l, ok := signalLabels[g]; ok {
		return l
	}
	if g == "" {
		return signalLabels[SignalNone]
	}
	return string(g)
}
