package domain

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"
)

// Queue states a filter may ask for besides a single ExceptionState.
const (
	// QueueNeedsAction, the default, is what needs a person now: open or investigating. A
	// snoozed (waiting) exception leaves it until its date comes.
	QueueNeedsAction = ""
	// QueueUnresolved is every exception still being worked: open, investigating or waiting.
	QueueUnresolved = "unresolved"
	// QueueAll is every exception, resolved ones included.
	QueueAll = "all"
)

// QueueUnassigned is the QueueFilter.Assignee that asks for exceptions nobody has taken.
const QueueUnassigned int64 = -1

// QueueFilter narrows ListQueue. Zero values mean "any", except State, whose zero value is the
// unresolved exceptions: that is what the queue is for.
type QueueFilter struct {
	Kind ExceptionKind
	// State is QueueNeedsAction (""), QueueUnresolved, QueueAll, or one ExceptionState.
	State string
	// Stage is the shipment's current stage.
	Stage Stage
	// Country is the shipment's destination country code.
	Country string
	// Assignee is a team member's id, 0 for anyone, QueueUnassigned (-1) for nobody.
	Assignee int64
	// Query matches an order reference or tracking number (exact or prefix) or the customer's
	// name or email (substring), as the shipments search does.
	Query string
	// Carrier matches the shipment's carrier, last-mile carrier or shipping service, ignoring
	// case (substring: "cainiao" finds "Cainiao Super Economy Global").
	Carrier string
	// Age, in days, keeps exceptions opened more than that long before Now; 0 for any age.
	Age int
	// Now is the clock reading Age counts back from; the zero time means the current time.
	Now time.Time
	// After is the keyset cursor: only rows after it in queue order (the next page).
	After *QueueCursor
	Limit int
}

// QueueCursor is the position of a queue row in queue order (severity, then id, both
// descending): the next page starts after it.
type QueueCursor struct {
	Severity float64
	ID       int64
}

// QueueRow is one exception of the queue with the facts of its shipment a seller triages by.
type QueueRow struct {
	Exception
	OrderRef           string     `db:"order_ref"`
	TrackingNumber     string     `db:"tracking_number"`
	CustomerName       string     `db:"customer_name"`
	CustomerEmail      string     `db:"customer_email"`
	DestinationCountry string     `db:"destination_country"`
	Carrier            string     `db:"carrier"`
	Service            string     `db:"service"`
	ShipmentStage      Stage      `db:"shipment_stage"`
	StageEnteredAt     *time.Time `db:"stage_entered_at"`
	OrderValue         *string    `db:"order_value"`
	Currency           string     `db:"currency"`
	// AssigneeName is the assignee's display name, "" when nobody is assigned.
	AssigneeName string `db:"assignee_name"`
}

// QueuePage is one page of the queue and the cursor of the next page (nil on the last).
type QueuePage struct {
	Rows []QueueRow
	Next *QueueCursor
}

// queueQuery builds the queue's dynamic SQL. It is only made by newQueueQuery, which seeds the
// seller's scope as the first condition and first bind parameter, so no filter combination can
// leave it out.
type queueQuery struct {
	conds []string
	args  []any
}

func newQueueQuery(seller SellerID) *queueQuery {
	return &queueQuery{conds: []string{"e.seller_id = $1"}, args: []any{seller}}
}

// arg binds a value and returns its placeholder.
func (q *queueQuery) arg(v any) string {
	q.args = append(q.args, v)
	return "$" + strconv.Itoa(len(q.args))
}

func (q *queueQuery) where(cond string) { q.conds = append(q.conds, cond) }

// ListQueue returns one keyset page of the seller's exceptions matching f, the ones needing
// action first: severity descending, then newest. A cursor compares as a row value, so paging
// costs the same on page 100 as on page 1 and rows never repeat or go missing between pages
// (OFFSET would shift under a sweep that raises or resolves exceptions meanwhile). It returns
// a *ValidationError for an unknown state or kind.
func (s *Store) ListQueue(ctx context.Context, seller SellerID, f QueueFilter) (QueuePage, error) {
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 50
	}
	query, args, err := queueSQL(seller, f)
	if err != nil {
		return QueuePage{}, err
	}
	var rows []QueueRow
	if err := s.db.SelectContext(ctx, &rows, query, args...); err != nil {
		return QueuePage{}, fmt.Errorf("list queue: %w", err)
	}
	page := QueuePage{Rows: rows}
	if len(rows) > f.Limit {
		page.Rows = rows[:f.Limit]
		last := page.Rows[f.Limit-1]
		page.Next = &QueueCursor{Severity: last.Severity, ID: last.ID}
	}
	return page, nil
}

// queueSQL builds the queue's query for f (whose Limit is set): the seller's exceptions with
// their shipments, in queue order, one row more than the page so the caller knows whether a next
// page exists. It returns a *ValidationError for an unknown state or kind.
func queueSQL(seller SellerID, f QueueFilter) (string, []any, error) {
	q := newQueueQuery(seller)
	switch f.State {
	case QueueNeedsAction:
		q.where("e.state IN ('open', 'investigating')")
	case QueueUnresolved:
		q.where("e.state <> 'resolved'")
	case QueueAll:
	default:
		if !ExceptionState(f.State).Valid() {
			return "", nil, Invalid("state", "Choose a state from the list")
		}
		q.where("e.state = " + q.arg(f.State))
	}
	if f.Kind != "" {
		if !f.Kind.Valid() {
			return "", nil, Invalid("kind", "Choose a kind from the list")
		}
		q.where("e.kind = " + q.arg(string(f.Kind)))
	}
	if f.Stage.Valid() {
		// The exception's copy of its shipment's stage: read from the shipment, a filtered page
		// would look up every candidate's shipment.
		q.where("e.shipment_stage = " + q.arg(int(f.Stage)))
	}
	if c := strings.ToUpper(strings.TrimSpace(f.Country)); c != "" {
		q.where("s.destination_country = " + q.arg(c))
	}
	switch {
	case f.Assignee == QueueUnassigned:
		q.where("e.assignee_id IS NULL")
	case f.Assignee > 0:
		q.where("e.assignee_id = " + q.arg(f.Assignee))
	}
	if text := strings.TrimSpace(f.Query); text != "" {
		exact, prefix := q.arg(text), q.arg(likePrefix(text))
		upper := q.arg(likePrefix(strings.ToUpper(strings.ReplaceAll(text, " ", ""))))
		contains := q.arg("%" + likeEscape(text) + "%")
		q.where(`(s.order_ref = ` + exact + ` OR s.order_ref LIKE ` + prefix + `
			OR s.id IN (SELECT t.shipment_id FROM tracking_numbers t WHERE t.seller_id = $1 AND t.number LIKE ` + upper + `)
			OR s.customer_name ILIKE ` + contains + ` OR s.customer_email ILIKE ` + contains + `)`)
	}
	if c := strings.TrimSpace(f.Carrier); c != "" {
		contains := q.arg("%" + likeEscape(c) + "%")
		q.where("(s.carrier ILIKE " + contains + " OR s.last_mile_carrier ILIKE " + contains + " OR s.service ILIKE " + contains + ")")
	}
	if f.Age > 0 {
		now := f.Now
		if now.IsZero() {
			now = time.Now()
		}
		q.where("e.opened_at < " + q.arg(now.AddDate(0, 0, -f.Age)))
	}
	if f.After != nil {
		q.where("(e.severity, e.id) < (" + q.arg(f.After.Severity) + ", " + q.arg(f.After.ID) + ")")
	}
	// One row per exception with its shipment (same seller by the composite key) and the
	// assignee's display name; one row more than the page tells whether a next page exists.
	query := `SELECT ` + exceptionColumns + `, s.order_ref, s.tracking_number, s.customer_name, s.customer_email,
		s.destination_country, s.carrier, s.service, s.stage AS shipment_stage, s.stage_entered_at,
		s.order_value::text AS order_value, s.currency,
		coalesce(nullif(u.name, ''), u.email, '') AS assignee_name
		FROM exceptions e
		JOIN shipments s ON s.seller_id = e.seller_id AND s.id = e.shipment_id
		LEFT JOIN users u ON u.seller_id = e.seller_id AND u.id = e.assignee_id
		WHERE ` + strings.Join(q.conds, " AND ") + `
		ORDER BY e.severity DESC, e.id DESC LIMIT ` + q.arg(f.Limit+1)
	return query, q.args, nil
}

// QueueCountCap bounds the per-kind counts of the queue's tabs: past it a tab says "1,000+".
// Counting every open exception on each queue request was most of its time at 100,000 of them;
// counting at most QueueCountCap+1 per kind reads a few thousand entries of a small index
// (exceptions_action_kind_idx, index only).
const QueueCountCap = 1000

// QueueCounts returns how many exceptions of each kind need action (open or investigating: what
// the queue lists by default), up to QueueCountCap+1 (more than the cap means "over the cap");
// kinds with none are absent.
func (s *Store) QueueCounts(ctx context.Context, seller SellerID) (map[ExceptionKind]int, error) {
	var rows []struct {
		Kind  ExceptionKind `db:"kind"`
		Count int           `db:"count"`
	}
	kinds := make([]string, len(ExceptionKinds))
	for i, k := range ExceptionKinds {
		kinds[i] = string(k)
	}
	if err := s.hot.SelectContext(ctx, &rows, `
		SELECT k.kind, (SELECT count(*) FROM (
			SELECT 1 FROM exceptions e WHERE e.seller_id = $1 AND e.state IN ('open', 'investigating') AND e.kind = k.kind
			LIMIT $3) capped) AS count
		FROM unnest($2::text[]) AS k (kind)`, seller, pq.Array(kinds), QueueCountCap+1); err != nil {
		return nil, fmt.Errorf("queue counts: %w", err)
	}
	out := make(map[ExceptionKind]int, len(rows))
	for _, r := range rows {
		if r.Count > 0 {
			out[r.Kind] = r.Count
		}
	}
	return out, nil
}
