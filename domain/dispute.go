package domain

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parceldesk/portal/domain/money"
	"github.com/parceldesk/portal/domain/zone"
)

// Counterparty is who a dispute is with.
type Counterparty string

// The counterparties: the AliExpress supplier (through AliExpress's dispute process), the
// marketplace the order was sold on, the carrier (a claim), and the customer's bank (a card
// chargeback, answered through the payment processor).
const (
	CounterpartySupplier    Counterparty = "supplier"
	CounterpartyMarketplace Counterparty = "marketplace"
	CounterpartyCarrier     Counterparty = "carrier"
	CounterpartyChargeback  Counterparty = "customer_chargeback"
)

// Counterparties lists the counterparties in the order forms offer them.
var Counterparties = []Counterparty{CounterpartySupplier, CounterpartyMarketplace, CounterpartyCarrier, CounterpartyChargeback}

// Valid reports whether c is a known counterparty.
func (c Counterparty) Valid() bool { return oneOf(c, Counterparties) }

// Label is the counterparty as sellers read it.
func (c Counterparty) Label() string {
	switch c {
	case CounterpartySupplier:
		return "Supplier"
	case CounterpartyMarketplace:
		return "Marketplace"
	case CounterpartyCarrier:
		return "Carrier"
	case CounterpartyChargeback:
		return "Customer chargeback"
	}
	return string(c)
}

// DisputeReason is what the dispute claims went wrong.
type DisputeReason string

// The reasons, as marketplaces and payment processors name them.
const (
	ReasonNotReceived    DisputeReason = "not_received"
	ReasonDamaged        DisputeReason = "damaged"
	ReasonNotAsDescribed DisputeReason = "not_as_described"
	ReasonWrongItem      DisputeReason = "wrong_item"
	ReasonLate           DisputeReason = "late"
)

// DisputeReasons lists the reasons.
var DisputeReasons = []DisputeReason{ReasonNotReceived, ReasonDamaged, ReasonNotAsDescribed, ReasonWrongItem, ReasonLate}

// Valid reports whether r is a known reason.
func (r DisputeReason) Valid() bool { return oneOf(r, DisputeReasons) }

// SuggestDisputeReason is the reason a dispute over an exception most likely has, from the
// exception and its parcel's fate (ParcelFate): damaged for a parcel the carrier says arrived
// damaged, late for a late one or one past its estimated delivery, not received otherwise — a
// lost parcel ("Package lost in transit") was not received, whatever its signal's name says.
func SuggestDisputeReason(e Exception, fate Fate) DisputeReason {
	switch {
	case fate == FateDamaged:
		return ReasonDamaged
	case e.Kind == KindLate || e.Kind == KindEDDMissed:
		return ReasonLate
	}
	return ReasonNotReceived
}

// Label is the reason as sellers read it ("Not as described").
func (r DisputeReason) Label() string { return sentence(string(r)) }

// DisputeStatus is where a dispute stands.
type DisputeStatus string

// The statuses: draft → open → responded → escalated, ending won, lost, settled (a partial
// agreement) or withdrawn.
const (
	DisputeDraft     DisputeStatus = "draft"
	DisputeOpen      DisputeStatus = "open"
	DisputeResponded DisputeStatus = "responded"
	DisputeEscalated DisputeStatus = "escalated"
	DisputeWon       DisputeStatus = "won"
	DisputeLost      DisputeStatus = "lost"
	DisputeSettled   DisputeStatus = "settled"
	DisputeWithdrawn DisputeStatus = "withdrawn"
)

// DisputeStatuses lists the statuses in their order.
var DisputeStatuses = []DisputeStatus{DisputeDraft, DisputeOpen, DisputeResponded, DisputeEscalated,
	DisputeWon, DisputeLost, DisputeSettled, DisputeWithdrawn}

// Valid reports whether st is a known status.
func (st DisputeStatus) Valid() bool { return oneOf(st, DisputeStatuses) }

// Label is the status as sellers read it.
func (st DisputeStatus) Label() string { return sentence(string(st)) }

// Active reports whether the dispute is still running: it has a deadline to keep.
func (st DisputeStatus) Active() bool {
	return st == DisputeDraft || st == DisputeOpen || st == DisputeResponded || st == DisputeEscalated
}

// Filed reports whether the dispute is running and was filed with the counterparty: its
// respond-by is a deadline to keep. A draft is running but not filed.
func (st DisputeStatus) Filed() bool { return st.Active() && st != DisputeDraft }

// Recovers reports whether a dispute that ended so recovers money: won (the whole amount unless
// told otherwise) or settled (part of it).
func (st DisputeStatus) Recovers() bool { return st == DisputeWon || st == DisputeSettled }

// ResolutionFor is the exception resolution a dispute's outcome gives: dispute won or dispute
// lost. ok is false for every other status, which resolves nothing.
func ResolutionFor(st DisputeStatus) (r Resolution, ok bool) {
	switch st {
	case DisputeWon:
		return ResolutionDisputeWon, true
	case DisputeLost:
		return ResolutionDisputeLost, true
	}
	return "", false
}

// disputeMoves is the transition table. Work moves forward and may skip a step (a supplier who
// never answers is escalated straight from open); a draft is opened or dropped; every running
// dispute can end, except a draft, which was never filed and so can only be withdrawn. The four
// outcomes are final: a decision is not undone by a click, and a note records an appeal.
var disputeMoves = map[DisputeStatus][]DisputeStatus{
	DisputeDraft:     {DisputeOpen, DisputeWithdrawn},
	DisputeOpen:      {DisputeResponded, DisputeEscalated, DisputeWon, DisputeLost, DisputeSettled, DisputeWithdrawn},
	DisputeResponded: {DisputeEscalated, DisputeWon, DisputeLost, DisputeSettled, DisputeWithdrawn},
	DisputeEscalated: {DisputeWon, DisputeLost, DisputeSettled, DisputeWithdrawn},
}

// NextDisputeStatuses lists the statuses a dispute may move to from st, in order; none for an
// outcome.
func NextDisputeStatuses(st DisputeStatus) []DisputeStatus { return disputeMoves[st] }

// CanMoveDispute reports whether the transition table lets a dispute go from one status to
// another.
func CanMoveDispute(from, to DisputeStatus) bool { return oneOf(to, disputeMoves[from]) }

// deadlineDays are the counterparties' usual deadlines, in days: to answer a new dispute (counted
// from its opening), once it was answered, and once it was escalated (both counted from then).
// A chargeback has none: its date is the payment processor's due_by, which the seller types.
//
//   - Supplier, on AliExpress: the supplier must answer within 5 days of the dispute being opened;
//     once they answered, negotiation runs 15 days before the platform steps in; escalated, the
//     platform rules within about 7 days.
//   - Marketplace (the buyer's case on the store's marketplace): the seller answers within 3 days
//     (eBay's three business days, Amazon A-to-z's 72 hours); escalated, the marketplace decides
//     within about 7 days.
//   - Carrier claim: carriers take weeks; the default is the day to chase an answer, 14 days on.
var deadlineDays = map[Counterparty]struct{ answer, responded, escalated int }{
	CounterpartySupplier:    {answer: 5, responded: 15, escalated: 7},
	CounterpartyMarketplace: {answer: 3, responded: 7, escalated: 7},
	CounterpartyCarrier:     {answer: 14, responded: 14, escalated: 14},
}

// DisputeDeadline is the default respond-by of a dispute with cp that is in status st: opened is
// when the dispute was opened, since when it entered st. The days are counted in the seller's zone
// loc, on the calendar (a day across a daylight-saving change is still one day), and the deadline
// is the end of the last day (zone.EndOfDay), the same rule as a date the seller types. ok is false
// when there is no default: a chargeback's date is the processor's due_by, which the seller
// types, and a dispute that ended has nothing left to answer. See deadlineDays.
func DisputeDeadline(cp Counterparty, st DisputeStatus, opened, since time.Time, loc *time.Location) (time.Time, bool) {
	rule, ok := deadlineDays[cp]
	if !ok || !st.Active() {
		return time.Time{}, false
	}
	from, days := opened, rule.answer
	switch st {
	case DisputeResponded:
		from, days = since, rule.responded
	case DisputeEscalated:
		from, days = since, rule.escalated
	}
	return zone.EndOfDay(from.In(loc).AddDate(0, 0, days), loc), true
}

// DefaultDeadlineDays is the days a new dispute with cp has to be answered, for the form that
// prefills the respond-by date; 0 for a chargeback.
func DefaultDeadlineDays(cp Counterparty) int { return deadlineDays[cp].answer }

// DeadlineHelp explains cp's usual deadlines in a sentence, for the respond-by input.
func DeadlineHelp(cp Counterparty) string {
	d := deadlineDays[cp]
	switch cp {
	case CounterpartySupplier:
		return fmt.Sprintf("AliExpress: the supplier answers within %d days; then %d days of negotiation; escalated, the platform rules within about %d days.",
			d.answer, d.responded, d.escalated)
	case CounterpartyMarketplace:
		return fmt.Sprintf("Marketplaces expect the seller's answer within about %d days (eBay, Amazon A-to-z); escalated, they decide within about %d.",
			d.answer, d.escalated)
	case CounterpartyCarrier:
		return fmt.Sprintf("Carriers take weeks over a claim: chase them after %d days.", d.answer)
	case CounterpartyChargeback:
		return "A chargeback has the payment processor's due date: type the date it shows."
	}
	return ""
}

// DueSoonWindow is how close a running dispute's deadline must be for it to count as due soon:
// listed first, and counted on the queue and the home page.
const DueSoonWindow = 48 * time.Hour

// Dispute is a claim for money back over one exception.
type Dispute struct {
	SellerID        SellerID      `db:"seller_id"`
	ID              int64         `db:"id"`
	ExceptionID     int64         `db:"exception_id"`
	Counterparty    Counterparty  `db:"counterparty"`
	Reason          DisputeReason `db:"reason"`
	Status          DisputeStatus `db:"status"`
	Amount          string        `db:"amount"` // a plain decimal, "12.50"
	Currency        string        `db:"currency"`
	AmountRecovered string        `db:"amount_recovered"`
	ExternalRef     string        `db:"external_ref"`
	OpenedAt        time.Time     `db:"opened_at"`
	RespondBy       time.Time     `db:"respond_by"`
	StatusAt        time.Time     `db:"status_at"`
	DisputeEvidence
	CreatedBy *int64    `db:"created_by"`
	CreatedAt time.Time `db:"created_at"`
	Version   int       `db:"version"`
}

// DisputeEvidence are the facts payment processors and marketplaces ask for: carrier, tracking
// numbers, ship date, the delivery or last scan, and the seller's explanation. Shipping
// documents and customer messages are evidence files.
type DisputeEvidence struct {
	Carrier     string     `db:"ev_carrier"`
	Tracking    string     `db:"ev_tracking"`
	ShipDate    *time.Time `db:"ev_ship_date"`
	LastScan    string     `db:"ev_last_scan"`
	LastScanAt  *time.Time `db:"ev_last_scan_at"`
	Explanation string     `db:"ev_explanation"`
}

// PastDue reports whether a filed, running dispute's respond-by has passed. A draft is never past
// due: it was not filed, and filing it sets its deadline from then.
func (d Dispute) PastDue(now time.Time) bool { return d.Status.Filed() && d.RespondBy.Before(now) }

// DueSoon reports whether a filed, running dispute must be answered within DueSoonWindow (or is
// past due).
func (d Dispute) DueSoon(now time.Time) bool {
	return d.Status.Filed() && !d.RespondBy.After(now.Add(DueSoonWindow))
}

// Limits on what a seller types into a dispute.
const (
	MaxExternalRefLen = 200
	MaxEvidenceText   = 4000
)

// DisputeFields are the terms of a dispute as the seller gives them, for CreateDispute and for
// editing with UpdateDispute.
type DisputeFields struct {
	Counterparty Counterparty
	Reason       DisputeReason
	// Amount is as the seller typed it ("12.50", "€12,50"); money.Parse reads it.
	Amount string
	// Currency is an ISO 4217 code; it may be left empty when the amount names one.
	Currency    string
	ExternalRef string
	OpenedAt    time.Time
	// RespondBy nil takes the counterparty's default (DisputeDeadline); a chargeback needs one.
	RespondBy *time.Time
	// Evidence nil leaves the evidence facts as they are (on creation: filled from the shipment).
	Evidence *DisputeEvidence
}

// EvidenceFromShipment fills the evidence facts from what the desk knows of the shipment: the
// carrier and service, every tracking number it has had, the ship date (its first physical scan
// at an origin facility, else its dispatch) and its latest scan with the place.
func EvidenceFromShipment(d ShipmentDetail) DisputeEvidence {
	sh := d.Shipment
	ev := DisputeEvidence{Carrier: joinNonEmpty(" · ", sh.Carrier, sh.Service)}
	if sh.LastMileCarrier != "" {
		ev.Carrier = joinNonEmpty("; last mile: ", ev.Carrier, sh.LastMileCarrier)
	}
	nums := make([]string, 0, len(d.TrackingNumbers))
	for _, tn := range d.TrackingNumbers {
		nums = append(nums, tn.Number)
	}
	ev.Tracking = strings.Join(nums, ", ")
	for _, sp := range d.Timeline.Stages {
		if sp.EnteredAt != nil && sp.Stage >= StageDispatched && (ev.ShipDate == nil || sp.Stage >= StageOutboundSorting) {
			t := *sp.EnteredAt
			ev.ShipDate = &t
			if sp.Stage >= StageOutboundSorting {
				break
			}
		}
	}
	for _, e := range d.Events {
		if e.OccurredAt == nil || e.PreAdvice || (ev.LastScanAt != nil && e.OccurredAt.Before(*ev.LastScanAt)) {
			continue
		}
		t := *e.OccurredAt
		ev.LastScanAt = &t
		ev.LastScan = joinNonEmpty(" — ", e.StatusText, e.Location)
	}
	return ev
}

// applyFields checks the seller's terms and writes them into d; d.Status, d.StatusAt and (when
// the terms keep it) d.RespondBy are read for the default deadline, counted in the seller's zone loc.
func applyFields(d *Dispute, f DisputeFields, now time.Time, loc *time.Location) error {
	errs := map[string]string{}
	if !f.Counterparty.Valid() {
		errs["counterparty"] = "Choose who the dispute is with"
	}
	if !f.Reason.Valid() {
		errs["reason"] = "Choose the reason of the dispute"
	}
	amount, currency, msg := parseAmount(f.Amount, f.Currency, false)
	if msg != "" {
		errs["amount"] = msg
	}
	if currency == "" && errs["amount"] == "" {
		errs["currency"] = "Give the currency as a three-letter code, such as EUR or USD"
	} else if currency != "" && !money.IsCode(currency) {
		errs["currency"] = fmt.Sprintf("%q is not a currency code; use three letters such as EUR or USD", f.Currency)
	}
	ref := strings.TrimSpace(f.ExternalRef)
	if utf8.RuneCountInString(ref) > MaxExternalRefLen {
		errs["external_ref"] = fmt.Sprintf("Keep the reference under %d characters", MaxExternalRefLen)
	}
	if f.OpenedAt.IsZero() {
		errs["opened_at"] = "Give the date the dispute was opened"
	} else if f.OpenedAt.After(now.Add(24 * time.Hour)) {
		errs["opened_at"] = "The opened date cannot be in the future"
	}
	respondBy := f.RespondBy
	if respondBy == nil && f.Counterparty.Valid() && !f.OpenedAt.IsZero() {
		since := d.StatusAt
		if since.Before(f.OpenedAt) {
			since = f.OpenedAt
		}
		if t, ok := DisputeDeadline(f.Counterparty, d.Status, f.OpenedAt, since, loc); ok {
			respondBy = &t
		} else if !d.RespondBy.IsZero() && !d.Status.Active() {
			respondBy = &d.RespondBy // an ended dispute keeps the date it had
		}
	}
	switch {
	case respondBy == nil && f.Counterparty == CounterpartyChargeback:
		errs["respond_by"] = "Give the respond-by date the payment processor shows for the chargeback (its due date)"
	case respondBy == nil:
		if errs["counterparty"] == "" && errs["opened_at"] == "" {
			errs["respond_by"] = "Give the date by which to respond"
		}
	case !f.OpenedAt.IsZero() && respondBy.Before(f.OpenedAt):
		errs["respond_by"] = "The respond-by date cannot be before the dispute was opened"
	}
	if f.Evidence != nil {
		for field, v := range map[string]string{"ev_carrier": f.Evidence.Carrier, "ev_tracking": f.Evidence.Tracking,
			"ev_last_scan": f.Evidence.LastScan, "ev_explanation": f.Evidence.Explanation} {
			if utf8.RuneCountInString(strings.TrimSpace(v)) > MaxEvidenceText {
				errs[field] = fmt.Sprintf("Keep this under %d characters", MaxEvidenceText)
			}
		}
	}
	if d.AmountRecovered != "" && amount != "" && cmpAmount(d.AmountRecovered, amount) > 0 {
		errs["amount"] = "The amount cannot be less than what was already recovered (" + d.AmountRecovered + ")"
	}
	if len(errs) > 0 {
		return &ValidationError{Fields: errs}
	}
	d.Counterparty, d.Reason, d.Amount, d.Currency, d.ExternalRef = f.Counterparty, f.Reason, amount, currency, ref
	d.OpenedAt, d.RespondBy = f.OpenedAt, *respondBy
	if f.Evidence != nil {
		ev := *f.Evidence
		ev.Carrier, ev.Tracking = strings.TrimSpace(ev.Carrier), strings.TrimSpace(ev.Tracking)
		ev.LastScan, ev.Explanation = strings.TrimSpace(ev.LastScan), strings.TrimSpace(ev.Explanation)
		d.DisputeEvidence = ev
	}
	return nil
}

// MaxDisputeAmount is the largest amount a dispute can be about (amounts are numeric(14, 2)).
const MaxDisputeAmount = "999999999999.99"

// parseAmount reads an amount the seller typed with the currency field beside it, returning the
// plain amount rounded to cents, the currency code and a message safe to show when they are not
// usable. zero allows an amount of 0.
func parseAmount(s, currencyField string, zero bool) (amount, currency, msg string) {
	currency = strings.ToUpper(strings.TrimSpace(currencyField))
	if strings.TrimSpace(s) == "" {
		return "", currency, "Enter the amount"
	}
	tooLarge := "The amount is too large: the most it can be is " + MaxDisputeAmount
	amount, cur, err := money.Parse(s)
	named := cur.Code
	if errors.Is(err, money.ErrTooLarge) {
		return "", currency, tooLarge
	}
	if err == nil {
		// Stored as numeric(14, 2): rounded the same way first, so that what is checked and what
		// the history says is what is kept (0.004 is 0.00, not more than zero).
		if r, ok := new(big.Rat).SetString(amount); ok {
			amount = r.FloatString(2)
		}
	}
	switch {
	case err != nil:
		return "", currency, "Enter the amount as a number, such as 24.90 (" + err.Error() + ")"
	case named != "" && currency != "" && named != currency:
		return "", currency, fmt.Sprintf("The amount is in %s but the currency says %s", named, currency)
	case cmpAmount(amount, MaxDisputeAmount) > 0:
		return "", currency, tooLarge
	case !zero && cmpAmount(amount, "0") <= 0:
		return "", currency, "The amount must be more than zero"
	}
	if currency == "" {
		currency = named
	}
	return amount, currency, ""
}

// cmpAmount compares two plain decimal amounts as numbers.
func cmpAmount(a, b string) int {
	x, okx := new(big.Rat).SetString(a)
	y, oky := new(big.Rat).SetString(b)
	if !okx || !oky {
		return strings.Compare(a, b)
	}
	return x.Cmp(y)
}

// DisputeChange is what UpdateDispute changes; nil fields stay as they are.
type DisputeChange struct {
	// Fields edits the terms and evidence facts.
	Fields *DisputeFields
	// Status moves the dispute (see CanMoveDispute). A running status takes RespondBy, or the
	// counterparty's default for it from now on; an outcome keeps the last date.
	Status    *DisputeStatus
	RespondBy *time.Time
	// Recovered is the amount recovered, for a dispute won or settled: won recovers the whole
	// amount unless told otherwise, settled needs it. Lost and withdrawn recover nothing.
	Recovered *string
	// ResolveException resolves the dispute's exception as dispute_won or dispute_lost when the
	// change marks the dispute won or lost, through the exception workflow (writeChange).
	ResolveException bool
}

// applyDisputeChange checks a change against the rules and returns the dispute as it will be
// and the history lines that say what changed; loc writes dates as the seller reads them.
func applyDisputeChange(cur Dispute, ch DisputeChange, now time.Time, loc *time.Location) (Dispute, []historyLine, error) {
	next := cur
	var hist []historyLine
	day := func(t time.Time) string { return t.In(loc).Format("2 Jan 2006") }
	if ch.Fields != nil {
		// Dates come from date inputs: the day the dispute already has keeps its exact time, so
		// saving the form without touching a date moves nothing.
		f := *ch.Fields
		if !f.OpenedAt.IsZero() && day(f.OpenedAt) == day(cur.OpenedAt) {
			f.OpenedAt = cur.OpenedAt
		}
		if f.RespondBy != nil && day(*f.RespondBy) == day(cur.RespondBy) {
			f.RespondBy = &cur.RespondBy
		}
		if err := applyFields(&next, f, now, loc); err != nil {
			return cur, nil, err
		}
		if line := fieldChanges(cur, next, day); line != "" {
			hist = append(hist, historyLine{"edited", line})
		}
	}
	if ch.Status != nil {
		to := *ch.Status
		switch {
		case !to.Valid():
			return cur, nil, Invalid("status", "Choose a status from the list")
		case to == cur.Status:
			return cur, nil, Invalid("status", "It is already "+strings.ToLower(to.Label()))
		case !cur.Status.Active():
			return cur, nil, Invalid("status", "This dispute has ended ("+strings.ToLower(cur.Status.Label())+"); it cannot change status. Add a note instead.")
		case !CanMoveDispute(cur.Status, to):
			return cur, nil, Invalid("status", fmt.Sprintf("A %s dispute cannot be marked %s", strings.ToLower(cur.Status.Label()), strings.ToLower(to.Label())))
		}
		next.Status, next.StatusAt = to, now
		detail := "status " + string(cur.Status) + " → " + string(to)
		if cur.Status == DisputeDraft && to == DisputeOpen {
			// Filing the draft is opening the dispute: its deadline runs from now, not from the day
			// the draft was saved.
			next.OpenedAt = now
			detail += ", filed: opened " + day(now)
		}
		if ch.RespondBy != nil {
			if ch.RespondBy.Before(next.OpenedAt) {
				return cur, nil, Invalid("respond_by", "The respond-by date cannot be before the dispute was opened")
			}
			next.RespondBy = *ch.RespondBy
		} else if t, ok := DisputeDeadline(next.Counterparty, to, next.OpenedAt, now, loc); ok {
			next.RespondBy = t
		}
		if to.Active() {
			detail += ", respond by " + day(next.RespondBy)
		}
		switch to {
		case DisputeWon:
			next.AmountRecovered = next.Amount
		case DisputeLost, DisputeWithdrawn:
			next.AmountRecovered = "0"
		}
		hist = append(hist, historyLine{string(to), detail})
	}
	if ch.Recovered != nil && strings.TrimSpace(*ch.Recovered) != "" {
		if !next.Status.Recovers() {
			return cur, nil, Invalid("amount_recovered", "Only a dispute won or settled recovers money; leave the amount recovered empty")
		}
		amount, _, msg := parseAmount(*ch.Recovered, next.Currency, true)
		switch {
		case msg != "":
			return cur, nil, Invalid("amount_recovered", msg)
		case next.Status == DisputeSettled && cmpAmount(amount, "0") <= 0:
			return cur, nil, Invalid("amount_recovered", "A settlement recovers something; a dispute that recovered nothing is lost or withdrawn")
		case cmpAmount(amount, next.Amount) > 0:
			return cur, nil, Invalid("amount_recovered", "The amount recovered cannot be more than the amount in dispute ("+next.Amount+" "+next.Currency+")")
		}
		next.AmountRecovered = amount
	} else if ch.Status != nil && next.Status == DisputeSettled {
		return cur, nil, Invalid("amount_recovered", "Give the amount recovered in the settlement")
	}
	if cmpAmount(next.AmountRecovered, cur.AmountRecovered) != 0 {
		line := "recovered " + next.AmountRecovered + " " + next.Currency
		if len(hist) > 0 && ch.Status != nil {
			hist[len(hist)-1].detail += " (" + line + ")"
		} else {
			hist = append(hist, historyLine{"edited", line})
		}
	}
	if len(hist) == 0 {
		return cur, nil, Invalid("", "Nothing to change")
	}
	return next, hist, nil
}

// fieldChanges words what an edit changed, for the history: "amount 12.50 → 10.00 EUR; respond
// by 5 Dec 2026 → 8 Dec 2026"; "" when nothing did.
func fieldChanges(cur, next Dispute, day func(time.Time) string) string {
	var parts []string
	add := func(name, from, to string) {
		if from != to {
			if from == "" {
				from = "none"
			}
			if to == "" {
				to = "none"
			}
			parts = append(parts, name+" "+from+" → "+to)
		}
	}
	add("counterparty", string(cur.Counterparty), string(next.Counterparty))
	add("reason", string(cur.Reason), string(next.Reason))
	if cmpAmount(cur.Amount, next.Amount) != 0 || cur.Currency != next.Currency {
		add("amount", cur.Amount+" "+cur.Currency, next.Amount+" "+next.Currency)
	}
	add("reference", cur.ExternalRef, next.ExternalRef)
	add("opened", day(cur.OpenedAt), day(next.OpenedAt))
	add("respond by", day(cur.RespondBy), day(next.RespondBy))
	ce, ne := cur.DisputeEvidence, next.DisputeEvidence
	if ce.Carrier != ne.Carrier || ce.Tracking != ne.Tracking || ce.LastScan != ne.LastScan || ce.Explanation != ne.Explanation ||
		!sameDay(ce.ShipDate, ne.ShipDate, day) || !sameDay(ce.LastScanAt, ne.LastScanAt, day) {
		parts = append(parts, "evidence facts updated")
	}
	return strings.Join(parts, "; ")
}

func sameDay(a, b *time.Time, day func(time.Time) string) bool {
	if a == nil || b == nil {
		return a == b
	}
	return day(*a) == day(*b)
}

// ProtectionDaysLeft is how many whole days remain before buyer protection ends, rounded down so
// that the countdown never promises more time than there is; 0 or less once it has ended.
func ProtectionDaysLeft(ends, now time.Time) int { return int(ends.Sub(now) / (24 * time.Hour)) }

// oneOf reports whether v is in list.
func oneOf[T comparable](v T, list []T) bool {
	for _, x := range list {
		if v == x {
			return true
		}
	}
	return false
}

// sentence turns a snake_case key into a label: "not_as_described" → "Not as described".
func sentence(key string) string {
	s := strings.ReplaceAll(key, "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
