package domain

import (
	"strings"

	"github.com/parceldesk/portal/domain/tracking"
)

// Fate is what became of a parcel that is not coming to the customer, as its last signal and the
// carrier's words say: the queue's stage badge shows it instead of the stage the parcel was last
// seen in, and a dispute's reason follows it.
type Fate string

// The fates. A carrier's "damaged or lost" (one signal, damaged_lost) is told apart by its words.
const (
	FateNone        Fate = ""
	FateReturned    Fate = "returned"
	FateLost        Fate = "lost"
	FateDamaged     Fate = "damaged"
	FateLostDamaged Fate = "lost_or_damaged"
)

// ParcelFate reads a parcel's fate from its last signal and last carrier text: FateNone unless the
// signal is returned or damaged_lost. "Package lost in transit" is lost, "Parcel damaged in
// transit" damaged, a text that says both or neither is FateLostDamaged.
func ParcelFate(signal Signal, lastStatus string) Fate {
	switch signal {
	case SignalReturned:
		return FateReturned
	case SignalDamagedLost:
		words := " " + tracking.BuiltinClassifier().Explain(tracking.Event{Text: lastStatus}).Concepts + " "
		lost, damaged := strings.Contains(words, " LOSS "), strings.Contains(words, " DAMAGE ")
		switch {
		case lost && !damaged:
			return FateLost
		case damaged && !lost:
			return FateDamaged
		}
		return FateLostDamaged
	}
	return FateNone
}

// Label is the fate as sellers read it ("Lost").
func (f Fate) Label() string {
	switch f {
	case FateReturned:
		return "Returned"
	case FateLost:
		return "Lost"
	case FateDamaged:
		return "Damaged"
	case FateLostDamaged:
		return "Lost or damaged"
	}
	return ""
}
