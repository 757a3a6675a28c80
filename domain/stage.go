package domain

import "github.com/parceldesk/portal/domain/tracking"

// Stage and Signal are the vocabulary of the whole domain; they are defined, with the carrier-text
// classifier that produces them, in package tracking, which needs no database. These aliases keep
// the domain's code and its callers speaking of domain.Stage.
type (
	// Stage is tracking.Stage: one of the eleven canonical shipment stages, or StageUnknown.
	Stage = tracking.Stage
	// Signal is tracking.Signal: an extra fact an event can carry besides its stage.
	Signal = tracking.Signal
)

// The canonical stages, in order (see tracking.Stage).
const (
	StageUnknown            = tracking.StageUnknown
	StageOrderCompleted     = tracking.StageOrderCompleted
	StageDispatched         = tracking.StageDispatched
	StageOutboundSorting    = tracking.StageOutboundSorting
	StageHandedToCarrier    = tracking.StageHandedToCarrier
	StageExportCustoms      = tracking.StageExportCustoms
	StageDepartedOrigin     = tracking.StageDepartedOrigin
	StageArrivedDestination = tracking.StageArrivedDestination
	StageImportCustoms      = tracking.StageImportCustoms
	StageCustomsCleared     = tracking.StageCustomsCleared
	StageOutForDelivery     = tracking.StageOutForDelivery
	StageDelivered          = tracking.StageDelivered
)

// The signals an event can carry (see tracking.Signal).
const (
	SignalNone               = tracking.SignalNone
	SignalLabelOnly          = tracking.SignalLabelOnly
	SignalAttemptFailed      = tracking.SignalAttemptFailed
	SignalPickupAvailable    = tracking.SignalPickupAvailable
	SignalAddressIssue       = tracking.SignalAddressIssue
	SignalCustomsHold        = tracking.SignalCustomsHold
	SignalReturned           = tracking.SignalReturned
	SignalDamagedLost        = tracking.SignalDamagedLost
	SignalDeliveredElsewhere = tracking.SignalDeliveredElsewhere
	SignalRollback           = tracking.SignalRollback
)

// Stages lists the canonical stages in order, without StageUnknown.
var Stages = tracking.Stages

// Signals lists every signal, SignalNone first.
var Signals = tracking.Signals

// ParseStage reads a stage written as its key, label or number (see tracking.ParseStage).
func ParseStage(s string) (Stage, bool) { return tracking.ParseStage(s) }
