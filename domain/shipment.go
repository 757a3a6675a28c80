package domain

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/parceldesk/portal/domain/tracking"
)

// Shipment is one order's parcel, keyed by (seller, order_ref), with the stage it has reached.
type Shipment struct {
	SellerID       SellerID `db:"seller_id"`
	ID             int64    `db:"id"`
	OrderRef       string   `db:"order_ref"`
	TrackingNumber string   `db:"tracking_number"`
	Carrier        string   `db:"carrier"`
	Service        string   `db:"service"`
	// ServiceKey is Service as tracking.NormalizeService writes it, stored at import: what the
	// list of untracked services is compared with, in SQL and in Go alike.
	ServiceKey             string     `db:"service_key"`
	LastMileTrackingNumber string     `db:"last_mile_tracking_number"`
	LastMileCarrier        string     `db:"last_mile_carrier"`
	DestinationCountry     string     `db:"destination_country"`
	OrderDate              *time.Time `db:"order_date"`
	CustomerName           string     `db:"customer_name"`
	CustomerEmail          string     `db:"customer_email"`
	Product                string     `db:"product"`
	OrderValue             *string    `db:"order_value"`
	Currency               string     `db:"currency"`
	PromisedBy             *time.Time `db:"promised_by"`
	ProtectionEndsAt       *time.Time `db:"protection_ends_at"`
	// UnrecognisedTracking is what the files gave as the order's tracking number that is not one
	// ("pending"), kept aside; "" when they gave none.
	UnrecognisedTracking string     `db:"unrecognised_tracking"`
	Stage                Stage      `db:"stage"`
	StageEnteredAt       *time.Time `db:"stage_entered_at"`
	LastEventAt          *time.Time `db:"last_event_at"`
	LastStatus           string     `db:"last_status"`
	LastSignal           Signal     `db:"last_signal"`
	// The estimated delivery window the sweep last gave the shipment (see Estimate, edd.go); a
	// delivered shipment keeps the last one it was given.
	EDDEarly      *time.Time `db:"edd_early"`
	EDDLate       *time.Time `db:"edd_late"`
	EDDStage      Stage      `db:"edd_stage"`
	EDDFrom       *time.Time `db:"edd_from"`
	EDDBasis      string     `db:"edd_basis"`
	EDDDeliveries int        `db:"edd_deliveries"`
	CreatedAt     time.Time  `db:"created_at"`
	UpdatedAt     time.Time  `db:"updated_at"`
}

// DeliveredAt is when the shipment was delivered: when it entered the delivered stage, nil while
// it has not (Estimate.Standing takes it so).
func (sh Shipment) DeliveredAt() *time.Time {
	if sh.Stage == StageDelivered {
		return sh.StageEnteredAt
	}
	return nil
}

const shipmentColumns = `s.seller_id, s.id, s.order_ref, s.tracking_number, s.carrier, s.service, s.service_key,
	s.last_mile_tracking_number, s.last_mile_carrier, s.destination_country, s.order_date,
	s.customer_name, s.customer_email, s.product, s.order_value::text AS order_value, s.currency,
	s.promised_by, s.protection_ends_at, s.unrecognised_tracking, s.stage, s.stage_entered_at, s.last_event_at,
	s.last_status, s.last_signal, s.edd_early, s.edd_late, s.edd_stage, s.edd_from, s.edd_basis, s.edd_deliveries,
	s.created_at, s.updated_at`

// Event is one tracking event of a shipment.
type Event struct {
	ID         int64      `db:"id"`
	ShipmentID int64      `db:"shipment_id"`
	OccurredAt *time.Time `db:"occurred_at"`
	StatusText string     `db:"status_text"`
	Location   string     `db:"location"`
	Stage      Stage      `db:"stage"`
	Signal     Signal     `db:"signal"`
	ImportID   *int64     `db:"import_id"`
	RecordedAt time.Time  `db:"recorded_at"`
	// PreAdvice marks an import-customs event that later departure or arrival scans contradict
	// (Cainiao's "Import clearance start" sent before the parcel leaves China): it is shown but
	// does not hold the shipment in import customs.
	PreAdvice bool `db:"preadvice"`
	// Why is the classifier's reading of the text, as the shipment page shows it on hover: which
	// words meant what and which rule decided, or why it could not.
	Why string `db:"-"`
}

// TrackingNumber is a number a shipment has been known by and where it came from.
type TrackingNumber struct {
	Number string `db:"number"`
	Source string `db:"source"`
}

// refreshShipments recomputes the derived stage state of the shipments listed in the temporary
// table affected(id) from all their events (deriveStageSQL), and writes what changed. The
// exceptions of a shipment whose stage changes take its new stage (exceptions.shipment_stage, what
// the queue's stage filter reads), under the seller's sweep lock (lockStageWriters).
func refreshShipments(ctx context.Context, tx *sqlx.Tx, seller SellerID) error {
	if err := lockStageWriters(ctx, tx, seller); err != nil {
		return fmt.Errorf("refresh shipments: %w", err)
	}
	_, err := tx.ExecContext(ctx, `
		WITH ev AS (
			SELECT e.shipment_id, e.id, e.occurred_at, e.recorded_at, e.status_text, e.stage, e.signal
			FROM events e JOIN affected a ON a.id = e.shipment_id
			WHERE e.seller_id = $1
		), `+deriveStageSQL+`, moved AS (
			UPDATE shipments s
			SET stage = l.stage, stage_entered_at = l.entered_at, last_event_at = l.last_at,
			    last_status = l.status_text, last_signal = l.signal, updated_at = now()
			FROM latest l
			WHERE s.seller_id = $1 AND s.id = l.shipment_id
			  AND (s.stage, s.stage_entered_at, s.last_event_at, s.last_status, s.last_signal)
			      IS DISTINCT FROM (l.stage, l.entered_at, l.last_at, l.status_text, l.signal)
			RETURNING s.id, s.stage
		)
		UPDATE exceptions e SET shipment_stage = m.stage
		FROM moved m
		WHERE e.seller_id = $1 AND e.shipment_id = m.id AND e.shipment_stage <> m.stage`, seller)
	if err != nil {
		return fmt.Errorf("refresh shipments: %w", err)
	}
	return nil
}

// deriveStageSQL continues a statement that starts "WITH ev AS (...), " where ev(shipment_id, id,
// occurred_at, recorded_at, status_text, stage, signal) holds every event of some shipments: it
// defines latest(shipment_id, stage, entered_at, last_at, status_text, signal), their derived
// stage state, for the rest of the statement to write. The rules (DESIGN "shipment stages"):
//   - the current stage is the highest stage any event reached, entered at the earliest event of
//     that stage, so out-of-order and re-imported events never move a shipment back or restart its
//     clock (it is recomputed from every event, and min() of the same events does not change);
//   - except that an import-customs event (stage 8) followed by a departure or arrival scan
//     (stages 6–7) is a pre-advice (preAdviceSQL) and does not count, so a parcel still flying is
//     not held in import customs;
//   - the latest event (by time, then stage, then id) gives the last status and signal.
//
// It reads ev twice: once to aggregate each shipment (its stage, the time of its latest event),
// once to pick the few events that give its entry time and its latest status.
//
// The import's merge (mergeStaged) gives a new shipment of one event that event's state without
// this; TestImportOneEventStateAsDerived holds the two readings together.
const deriveStageSQL = `
	agg AS (
		SELECT shipment_id,
		       max(coalesce(occurred_at, recorded_at)) AS last_at,
		       -- The latest departure or arrival scan: an import-customs event before it is a pre-advice.
		       max(occurred_at) FILTER (WHERE stage IN (6, 7)) AS moved_at,
		       max(stage) FILTER (WHERE stage > 0 AND stage <> 8) AS top,
		       max(occurred_at) FILTER (WHERE stage = 8) AS customs_at,
		       bool_or(occurred_at IS NULL) FILTER (WHERE stage = 8) AS customs_untimed
		FROM ev GROUP BY shipment_id
	), cur AS (
		-- Import customs counts when one of its events is not a pre-advice: it has no time, or none
		-- of the departure or arrival scans came after it.
		SELECT shipment_id, last_at, moved_at,
		       CASE WHEN coalesce(top, 0) < 8 AND (customs_untimed OR customs_at >= moved_at
		                                           OR (customs_at IS NOT NULL AND moved_at IS NULL))
		            THEN 8 ELSE coalesce(top, 0) END AS stage
		FROM agg
	), pick AS (
		SELECT ev.shipment_id, ev.id, ev.stage, ev.status_text, ev.signal,
		       coalesce(ev.occurred_at, ev.recorded_at) AS at, cur.stage AS cur_stage, cur.last_at,
		       ev.stage = cur.stage AND cur.stage > 0
		       AND NOT coalesce(ev.stage = 8 AND ev.occurred_at < cur.moved_at, false) AS entering
		FROM ev JOIN cur USING (shipment_id)
		WHERE (ev.stage = cur.stage AND cur.stage > 0) OR coalesce(ev.occurred_at, ev.recorded_at) = cur.last_at
	), latest AS (
		-- The latest event (ties: the highest stage, then the last recorded), and the time the
		-- current stage was entered.
		SELECT DISTINCT ON (shipment_id) shipment_id, cur_stage AS stage, last_at, status_text, signal,
		       min(at) FILTER (WHERE entering) OVER (PARTITION BY shipment_id) AS entered_at
		FROM pick ORDER BY pick.shipment_id, pick.at = pick.last_at DESC, pick.stage DESC, pick.id DESC
	)`

// preAdviceSQL is true for an event e that is an import-customs pre-advice: a departure or
// arrival scan of the same shipment came after it.
const preAdviceSQL = `(e.stage = 8 AND EXISTS (
	SELECT 1 FROM events f
	WHERE f.seller_id = e.seller_id AND f.shipment_id = e.shipment_id
	  AND f.stage IN (6, 7) AND f.occurred_at > e.occurred_at))`

// FindShipment returns the seller's shipment, or ErrNotFound (also for another seller's id).
func (s *Store) FindShipment(ctx context.Context, seller SellerID, id int64) (Shipment, error) {
	var sh Shipment
	err := s.db.GetContext(ctx, &sh, `SELECT `+shipmentColumns+` FROM shipments s WHERE s.seller_id = $1 AND s.id = $2`, seller, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Shipment{}, ErrNotFound
	}
	if err != nil {
		return Shipment{}, fmt.Errorf("find shipment: %w", err)
	}
	return sh, nil
}

// ListEvents returns a shipment's events, oldest first (events without a time last), each marked
// when it is a pre-advice and with the classifier's reading of its text (the seller's rules
// included, the shipment's carrier as context).
func (s *Store) ListEvents(ctx context.Context, seller SellerID, shipment int64) ([]Event, error) {
	var out []struct {
		Event
		Carrier string `db:"carrier"`
	}
	err := s.db.SelectContext(ctx, &out, `
		SELECT e.id, e.shipment_id, e.occurred_at, e.status_text, e.location, e.stage, e.signal,
		       e.import_id, e.recorded_at, `+preAdviceSQL+` AS preadvice, coalesce(sh.carrier, '') AS carrier
		FROM events e JOIN shipments sh ON sh.seller_id = e.seller_id AND sh.id = e.shipment_id
		WHERE e.seller_id = $1 AND e.shipment_id = $2
		ORDER BY e.occurred_at NULLS LAST, e.id`, seller, shipment)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	cls, err := s.Classifier(ctx, seller)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	events := make([]Event, len(out))
	for i, o := range out {
		events[i] = o.Event
		events[i].Why = cls.Explain(tracking.Event{Text: o.StatusText, Carrier: o.Carrier}).Reason
	}
	return events, nil
}

// trackingNumberKey is a tracking number as tracking_numbers holds it, for a lookup: upper case,
// without spaces ("ug 2513 5005 4mv" finds UG251350054MV).
func trackingNumberKey(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), "")) }

// ListTrackingNumbers returns every number the shipment has been known by.
func (s *Store) ListTrackingNumbers(ctx context.Context, seller SellerID, shipment int64) ([]TrackingNumber, error) {
	var out []TrackingNumber
	err := s.db.SelectContext(ctx, &out, `
		SELECT number, source FROM tracking_numbers WHERE seller_id = $1 AND shipment_id = $2
		ORDER BY array_position(ARRAY['first_mile', 'last_mile', 'event_text'], source), number`, seller, shipment)
	if err != nil {
		return nil, fmt.Errorf("list tracking numbers: %w", err)
	}
	return out, nil
}

// ShipmentFilter narrows ListShipments. Zero values mean "any".
type ShipmentFilter struct {
	// Query matches an order reference (exact or prefix), any tracking number the shipment was
	// known by (exact or prefix), or the customer's name or email (substring).
	Query string
	Stage Stage
	// NoUsableNumber keeps the orders that have no usable tracking number because their files gave
	// something else in its place (UnrecognisedTracking): the ones that cannot be tracked.
	NoUsableNumber bool
	// Before is the keyset cursor: only shipments with a smaller id (the next page).
	Before int64
	Limit  int
}

// ShipmentPage is one page of shipments and the cursor of the next page (0 when none).
type ShipmentPage struct {
	Shipments []Shipment
	Next      int64
}

// ListShipments returns the seller's shipments matching f, newest first, one keyset page.
func (s *Store) ListShipments(ctx context.Context, seller SellerID, f ShipmentFilter) (ShipmentPage, error) {
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 50
	}
	conds := []string{"s.seller_id = $1"}
	args := []any{seller}
	arg := func(v any) string { args = append(args, v); return "$" + strconv.Itoa(len(args)) }
	if q := strings.TrimSpace(f.Query); q != "" {
		exact, prefix := arg(q), arg(likePrefix(q))
		upper := arg(likePrefix(strings.ToUpper(strings.ReplaceAll(q, " ", ""))))
		contains := arg("%" + likeEscape(q) + "%")
		conds = append(conds, `(s.order_ref = `+exact+` OR s.order_ref LIKE `+prefix+`
			OR s.id IN (SELECT t.shipment_id FROM tracking_numbers t WHERE t.seller_id = $1 AND t.number LIKE `+upper+`)
			OR s.customer_name ILIKE `+contains+` OR s.customer_email ILIKE `+contains+`)`)
	}
	if f.Stage.Valid() {
		conds = append(conds, "s.stage = "+arg(int(f.Stage)))
	}
	if f.NoUsableNumber {
		conds = append(conds, noUsableNumberSQL)
	}
	if f.Before > 0 {
		conds = append(conds, "s.id < "+arg(f.Before))
	}
	query := `SELECT ` + shipmentColumns + ` FROM shipments s WHERE ` + strings.Join(conds, " AND ") +
		` ORDER BY s.id DESC LIMIT ` + arg(f.Limit+1)
	var out []Shipment
	if err := s.db.SelectContext(ctx, &out, query, args...); err != nil {
		return ShipmentPage{}, fmt.Errorf("list shipments: %w", err)
	}
	page := ShipmentPage{Shipments: out}
	if len(out) > f.Limit {
		page.Shipments = out[:f.Limit]
		page.Next = page.Shipments[f.Limit-1].ID
	}
	return page, nil
}

// noUsableNumberSQL is true for a shipment s of seller $1 whose files gave something that is not a
// tracking number in its place and no number at all (none in another row or column, none in an
// event's text). The partial index shipments_unrecognised_idx holds the few candidates.
const noUsableNumberSQL = `(s.unrecognised_tracking <> '' AND NOT EXISTS (
	SELECT FROM tracking_numbers t WHERE t.seller_id = $1 AND t.shipment_id = s.id))`

// CountNoUsableNumber counts the seller's orders with no usable tracking number
// (ShipmentFilter.NoUsableNumber).
func (s *Store) CountNoUsableNumber(ctx context.Context, seller SellerID) (int64, error) {
	var n int64
	if err := s.db.GetContext(ctx, &n, `SELECT count(*) FROM shipments s WHERE s.seller_id = $1 AND `+noUsableNumberSQL, seller); err != nil {
		return 0, fmt.Errorf("count orders without a usable tracking number: %w", err)
	}
	return n, nil
}

// likeEscape escapes LIKE's wildcards in user text.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func likePrefix(s string) string { return likeEscape(s) + "%" }
