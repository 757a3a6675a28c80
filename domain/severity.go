package domain

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The queue's order is severity, higher first, in bands by what is lost if nobody acts (the sweep
// computes them in SQL, findCauses; each band adds ln(1 + order value) / 10, under 0.6 for any
// realistic order, so a costlier order comes first among equals):
//
//	9    lost or damaged       the order's money is gone unless it is claimed or the item reshipped
//	8.5  returned              the customer paid and will not get the parcel
//	8    held by customs       usually duties to pay; unpaid, the parcel goes back
//	7    not received          the customer says it never came (raised by hand)
//	6–7.5 protection expiring  rising to 7.5 as the end nears: after it the supplier owes nothing
//	6    address issue         goes back unless the address is corrected
//	5.5  failed attempt, waiting at a pickup point: goes back after the hold period
//	5    rolled back to the depot after going out for delivery
//	3–4  late                  rising over two weeks past the promised date
//	2.5–3.5 past estimate      edd_missed, rising over two weeks past the estimate's late end
//	2–4  stalled               rising from the limit to three times it
var issueSeverity = map[Signal]float64{
	SignalDamagedLost:     9,
	SignalReturned:        8.5,
	SignalCustomsHold:     8,
	SignalAddressIssue:    6,
	SignalAttemptFailed:   5.5,
	SignalPickupAvailable: 5.5,
	SignalRollback:        5,
}

// severityNotReceived is the severity of a not_received exception raised by hand.
const severityNotReceived = 7

// issueSeveritySQL is issueSeverity as a SQL CASE over a signal column.
func issueSeveritySQL(column string) string {
	signals := make([]string, 0, len(issueSeverity))
	for sg := range issueSeverity {
		signals = append(signals, string(sg))
	}
	sort.Strings(signals)
	var b strings.Builder
	b.WriteString("CASE " + column)
	for _, sg := range signals {
		fmt.Fprintf(&b, " WHEN '%s' THEN %s", sg, strconv.FormatFloat(issueSeverity[Signal(sg)], 'f', -1, 64))
	}
	b.WriteString(" ELSE 5 END")
	return b.String()
}

// Urgency says when the exception's deadline is or was, in the words the queue row uses: "over
// its limit by 1d 16h", "protection ends in 12 h", "3d past the promised date"; "" for a kind
// without one. It reads DueAt, which the sweep sets: when a stall crossed its stage limit, when
// buyer protection ends, the promised date.
func (e Exception) Urgency(now time.Time) string {
	if e.DueAt == nil {
		return ""
	}
	d := now.Sub(*e.DueAt)
	switch e.Kind {
	case KindStalled:
		return "over its limit by " + Span(d)
	case KindLate:
		return Span(d) + " past the promised date"
	case KindEDDMissed:
		return Span(d) + " past its estimated delivery"
	case KindProtectionExpiring:
		if d >= 0 {
			return "protection ended " + Span(d) + " ago"
		}
		return "protection ends in " + Span(-d)
	}
	return ""
}

// SeverityReason says in words why the exception ranks where it does: what is lost if nobody acts,
// and how the order's value weighs. fate is its parcel's (ParcelFate); value and currency its
// order's ("" when unknown).
func (e Exception) SeverityReason(fate Fate, value, currency string, now time.Time) string {
	var why string
	switch e.Kind {
	case KindDeliveryIssue:
		switch {
		case fate == FateLost:
			why = "Reported lost: the order's money is gone unless you claim it or reship."
		case fate == FateDamaged || fate == FateLostDamaged:
			why = "Reported " + strings.ToLower(fate.Label()) + ": the order's money is gone unless you claim it or reship."
		case e.Signal == SignalReturned:
			why = "On its way back: the customer paid and will not get the parcel."
		case e.Signal == SignalCustomsHold:
			why = "Held by customs, usually for duties: unpaid, the parcel is sent back."
		case e.Signal == SignalAddressIssue:
			why = "The carrier cannot deliver to the address: unless it is corrected, the parcel goes back."
		case e.Signal == SignalAttemptFailed || e.Signal == SignalPickupAvailable:
			why = "Waiting for the customer: unclaimed, the parcel goes back after the hold period."
		case e.Signal == SignalRollback:
			why = "Back at the depot after going out for delivery: it may go back if nobody asks."
		default:
			why = "The carrier reported a delivery problem."
		}
	case KindNotReceived:
		why = "The customer says it never came: a refund is likely unless the carrier finds it."
	case KindProtectionExpiring:
		why = "Buyer protection is closing: after it ends the supplier owes you nothing for this order."
		if u := e.Urgency(now); u != "" {
			why = strings.ToUpper(u[:1]) + u[1:] + ": after that the supplier owes you nothing for this order."
		}
	case KindLate:
		why = "Past the promised date: the customer may ask for a refund; nothing is lost yet."
		if u := e.Urgency(now); u != "" {
			why = strings.ToUpper(u[:1]) + u[1:] + ": the customer may ask for a refund; nothing is lost yet."
		}
	case KindEDDMissed:
		why = "Past the late end of its estimated delivery window (90% of your parcels like it had arrived by then); no date was promised."
		if u := e.Urgency(now); u != "" {
			why = strings.ToUpper(u[:1]) + u[1:] + ": 90% of your parcels like it had arrived by then; no date was promised."
		}
	case KindStalled:
		why = "Stalled past its stage limit: worth a look, but rarely money yet; the longer over, the higher."
		if u := e.Urgency(now); u != "" {
			why = "Stalled, " + u + ": worth a look, but rarely money yet; the longer over, the higher."
		}
	default:
		why = "Needs a look."
	}
	if value != "" {
		why += " Among equals, costlier orders come first (" + strings.TrimSpace(value+" "+currency) + ")."
	}
	return why
}

// Span writes a length of time as the queue says it: "1d 16h", "12 h", "40 min".
func Span(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	days, hours := int(d/(24*time.Hour)), int(d%(24*time.Hour)/time.Hour)
	switch {
	case days > 0 && hours > 0:
		return fmt.Sprintf("%dd %dh", days, hours)
	case days > 0:
		return fmt.Sprintf("%dd", days)
	case hours > 0:
		return fmt.Sprintf("%d h", hours)
	}
	return fmt.Sprintf("%d min", int(math.Max(1, math.Round(d.Minutes()))))
}
