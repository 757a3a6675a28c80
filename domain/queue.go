package domain

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
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

// QueuePageSize is how many parcels one page of the queue shows: the size ListQueue lists when
// the filter gives none.
const QueuePageSize = 50

// QueueCursor is the position of a queue row in queue order (severity, then id, both
// descending): the next page starts after it.
type QueueCursor struct {
	Severity float64
	ID       int64
}

// String writes the cursor as the API hands it out: "severity_id".
func (c QueueCursor) String() string { return fmt.Sprintf("%g_%d", c.Severity, c.ID) }

// ParseQueueCursor reads a cursor written by QueueCursor.String.
func ParseQueueCursor(s string) (QueueCursor, bool) {
	var c QueueCursor
	sev, id, ok := strings.Cut(s, "_")
	if !ok {
		return c, false
	}
	if _, err := fmt.Sscan(sev, &c.Severity); err != nil {
		return c, false
	}
	if _, err := fmt.Sscan(id, &c.ID); err != nil || c.ID <= 0 {
		return c, false
	}
	return c, true
}

// QueueRow is one parcel of the queue: its most urgent exception matching the filter (the lead,
// which places the row), every exception of the parcel that matches the filter (Exceptions, the
// lead first: what the row shows as chips and what a bulk action on the row changes), and the facts
// of its shipment a seller triages by.
type QueueRow struct {
	Exception
	Exceptions         []Exception
	OrderRef           string
	TrackingNumber     string
	CustomerName       string
	CustomerEmail      string
	DestinationCountry string
	Carrier            string
	Service            string
	ShipmentStage      Stage
	StageEnteredAt     *time.Time
	OrderValue         *string
	Currency           string
	LastMileCarrier    string
	// LastSignal, LastStatus and LastEventAt are the shipment's latest signal, carrier text and
	// event time.
	LastSignal  Signal
	LastStatus  string
	LastEventAt *time.Time
	// AssigneeName is the assignee's display name, "" when nobody is assigned.
	AssigneeName string
	// Dispute is the parcel's running dispute with the nearest respond-by date, nil without one.
	Dispute *QueueDispute
	// The running dispute as read, NULL without one.
	DisputeID        *int64
	DisputeStatus    *DisputeStatus
	DisputeRespondBy *time.Time
	// Fate is what became of the parcel when it is not coming (ParcelFate).
	Fate Fate
	// MoreMatching reports, as read with the row, whether the parcel has other exceptions matching
	// the filter besides the lead: only such rows need a second read for their Exceptions.
	MoreMatching bool
}

// QueueDispute is the running dispute a queue row shows: "dispute: respond by Fri".
type QueueDispute struct {
	ID        int64
	Status    DisputeStatus
	RespondBy time.Time
}

// ExceptionIDs are the ids of the row's exceptions: what a bulk action on the row changes.
func (r QueueRow) ExceptionIDs() []int64 {
	ids := make([]int64, len(r.Exceptions))
	for i, e := range r.Exceptions {
		ids[i] = e.ID
	}
	return ids
}

// QueuePage is one page of the queue and the cursor of the next page (nil on the last).
type QueuePage struct {
	Rows []QueueRow
	Next *QueueCursor
}

// onePerParcel reports whether a parcel can have at most one exception matching f: one kind of
// unresolved exceptions (exceptions_one_open allows one per parcel and kind). Then every matching
// exception is its parcel's lead, and the queue needs no look at the parcel's others.
func (f QueueFilter) onePerParcel() bool {
	return f.Kind != "" && f.State != QueueAll && f.State != string(StateResolved)
}

// tab reports whether f is one of the queue's tabs — what needs action, of every kind or of one
// (kind) — with nothing else narrowing it (the keyset cursor aside): its parcels are those the
// tab counts.
func (f QueueFilter) tab() (kind ExceptionKind, ok bool) {
	plain := f.State == QueueNeedsAction && !f.Stage.Valid() && strings.TrimSpace(f.Country) == "" && f.Assignee == 0 &&
		strings.TrimSpace(f.Query) == "" && strings.TrimSpace(f.Carrier) == "" && f.Age == 0
	return f.Kind, plain
}

// queueHotLimits are the page sizes the portal itself asks ListQueue for (the queue page, the
// export and select-all pages, "& next"): with a plan-stable filter their statements are prepared.
// Other sizes (an API client's) are planned on each call, so that they cannot fill every
// connection with prepared statements.
var queueHotLimits = []int{QueuePageSize, queueExportPage, queueNextProbe}

// planStable reports whether f's queue statement has one good plan whatever its values and the
// seller's size, so that it can run prepared (a generic plan, made once per connection, instead of
// planning the query on each page): it narrows the exceptions only by what an index in queue order
// serves — needs action or unresolved, kind, stage — besides the keyset cursor. An assignee, an
// age, one state or a shipment's facts can select few rows, which a plan for no value in
// particular would walk the whole queue to find.
func (f QueueFilter) planStable() bool {
	return (f.State == QueueNeedsAction || f.State == QueueUnresolved) && f.Assignee == 0 && f.Age == 0 &&
		strings.TrimSpace(f.Country) == "" && strings.TrimSpace(f.Query) == "" && strings.TrimSpace(f.Carrier) == ""
}

// queueQuery builds the queue's dynamic SQL. It is only made by newQueueQuery, which seeds the
// seller's scope as the first condition and first bind parameter, so no filter combination can
// leave it out.
type queueQuery struct {
	conds []string
	// joinsShipment is set when a condition reads the shipment (s), not only the exception.
	joinsShipment bool
	// exc are the conditions on the exception itself (not its shipment), written for a table
	// alias: the queue applies them to the row's exception and to its parcel's other exceptions.
	exc  []func(alias string) string
	args []any
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

// excWhere adds a condition on the exception: column names it with the alias ("e.kind = $2").
func (q *queueQuery) excWhere(column, rest string) {
	q.exc = append(q.exc, func(a string) string { return a + "." + column + rest })
}

// excConds are the exception conditions for an alias, joined with AND ("TRUE" when none).
func (q *queueQuery) excConds(alias string) string {
	parts := []string{"TRUE"}
	for _, c := range q.exc {
		parts = append(parts, c(alias))
	}
	return strings.Join(parts, " AND ")
}

// ListQueue returns one keyset page of the seller's parcels with exceptions matching f, the ones
// needing action first. A parcel is one row, placed by its most urgent matching exception:
// severity descending, then newest. A cursor compares as a row value, so paging costs the same on
// page 100 as on page 1 and rows never repeat or go missing between pages (OFFSET would shift
// under a sweep that raises or resolves exceptions meanwhile). It returns a *ValidationError for
// an unknown state or kind.
func (s *Store) ListQueue(ctx context.Context, seller SellerID, f QueueFilter) (QueuePage, error) {
	return s.listQueue(ctx, s.pool(), seller, f)
}

// listQueue is ListQueue with the reader given.
func (s *Store) listQueue(ctx context.Context, db reader, seller SellerID, f QueueFilter) (QueuePage, error) {
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = QueuePageSize
	}
	query, args, err := queueSQL(seller, f)
	if err != nil {
		return QueuePage{}, err
	}
	var res *sql.Rows
	if f.planStable() && slices.Contains(queueHotLimits, f.Limit) {
		res, err = db.hot.QueryContext(ctx, query, args...)
	} else {
		res, err = db.plain.QueryContext(ctx, query, args...)
	}
	if err != nil {
		return QueuePage{}, fmt.Errorf("list queue: %w", err)
	}
	rows, err := scanQueueRows(res, f.Limit+1)
	if err != nil {
		return QueuePage{}, fmt.Errorf("list queue: %w", err)
	}
	page := QueuePage{Rows: rows}
	if len(rows) > f.Limit {
		page.Rows = rows[:f.Limit]
		last := page.Rows[f.Limit-1]
		page.Next = &QueueCursor{Severity: last.Severity, ID: last.ID}
	}
	if err := s.parcelExceptions(ctx, db, seller, f, page.Rows); err != nil {
		return QueuePage{}, err
	}
	return page, nil
}

// scanQueueRows reads the rows of queueSQL (at most n). Each is scanned into its fields directly:
// sqlx's scan finds every column's field by reflection on each row, a cost profiles of the queue
// page showed. The fields are listed in the order of queueSQL's columns.
func scanQueueRows(res *sql.Rows, n int) ([]QueueRow, error) {
	defer res.Close()
	rows := make([]QueueRow, 0, n)
	for res.Next() {
		rows = append(rows, QueueRow{})
		r := &rows[len(rows)-1]
		if err := res.Scan(&r.SellerID, &r.ID, &r.ShipmentID, &r.Kind, &r.State, &r.Resolution, &r.Stage, &r.Signal,
			&r.DueAt, &r.Severity, &r.AssigneeID, &r.WaitingUntil, &r.OpenedAt, &r.ResolvedAt, &r.Version,
			&r.OrderRef, &r.TrackingNumber, &r.CustomerName, &r.CustomerEmail,
			&r.DestinationCountry, &r.Carrier, &r.Service, &r.ShipmentStage, &r.StageEnteredAt,
			&r.OrderValue, &r.Currency, &r.LastMileCarrier, &r.LastSignal, &r.LastStatus, &r.LastEventAt,
			&r.AssigneeName, &r.DisputeID, &r.DisputeStatus, &r.DisputeRespondBy, &r.MoreMatching); err != nil {
			return nil, err
		}
	}
	return rows, res.Err()
}

// parcelExceptions fills each row's Exceptions — the exceptions of its parcel that match the
// filter, most urgent first (the lead among them) — its running dispute (as read with the row)
// and its fate.
func (s *Store) parcelExceptions(ctx context.Context, db reader, seller SellerID, f QueueFilter, rows []QueueRow) error {
	if len(rows) == 0 {
		return nil
	}
	// Most parcels have one matching exception, their lead (the row read it already, and says
	// whether there are more): only the parcels with more are read again, all at once.
	var more []int64
	for _, r := range rows {
		if r.MoreMatching {
			more = append(more, r.ShipmentID)
		}
	}
	var by map[int64][]Exception
	if len(more) > 0 {
		all, err := s.matchingExceptions(ctx, db, seller, f, more)
		if err != nil {
			return err
		}
		by = make(map[int64][]Exception, len(more))
		for _, e := range all {
			by[e.ShipmentID] = append(by[e.ShipmentID], e)
		}
	}
	for i := range rows {
		if r := rows[i]; r.DisputeID != nil && r.DisputeStatus != nil && r.DisputeRespondBy != nil {
			rows[i].Dispute = &QueueDispute{ID: *r.DisputeID, Status: *r.DisputeStatus, RespondBy: *r.DisputeRespondBy}
		}
		rows[i].Fate = ParcelFate(rows[i].LastSignal, rows[i].LastStatus)
		rows[i].Exceptions = by[rows[i].ShipmentID]
		if len(rows[i].Exceptions) == 0 { // no others, or resolved between the two reads: the row shows its lead
			rows[i].Exceptions = []Exception{rows[i].Exception}
		}
	}
	return nil
}

// matchingExceptions reads the exceptions of the parcels (shipment ids) that match f, most urgent
// first.
func (s *Store) matchingExceptions(ctx context.Context, db reader, seller SellerID, f QueueFilter, parcels []int64) ([]Exception, error) {
	q := newQueueQuery(seller)
	if err := q.filterExceptions(f); err != nil {
		return nil, err
	}
	var all []Exception
	if err := sqlx.SelectContext(ctx, db.plain, &all, `SELECT `+exceptionColumns+` FROM exceptions e
		WHERE e.seller_id = $1 AND e.shipment_id = ANY(`+q.arg(pq.Array(parcels))+`) AND `+q.excConds("e")+`
		ORDER BY e.severity DESC, e.id DESC`, q.args...); err != nil {
		return nil, fmt.Errorf("list queue: parcel exceptions: %w", err)
	}
	return all, nil
}

// filterExceptions adds the filter's conditions on the exception itself: state, kind, assignee,
// age. It returns a *ValidationError for an unknown state or kind.
func (q *queueQuery) filterExceptions(f QueueFilter) error {
	switch f.State {
	case QueueNeedsAction:
		q.excWhere("state", " IN ('open', 'investigating')")
	case QueueUnresolved:
		q.excWhere("state", " <> 'resolved'")
	case QueueAll:
	default:
		if !ExceptionState(f.State).Valid() {
			return Invalid("state", "Choose a state from the list")
		}
		q.excWhere("state", " = "+q.arg(f.State))
	}
	if f.Kind != "" {
		if !f.Kind.Valid() {
			return Invalid("kind", "Choose a kind from the list")
		}
		q.excWhere("kind", " = "+q.arg(string(f.Kind)))
	}
	switch {
	case f.Assignee == QueueUnassigned:
		q.excWhere("assignee_id", " IS NULL")
	case f.Assignee > 0:
		q.excWhere("assignee_id", " = "+q.arg(f.Assignee))
	}
	if f.Age > 0 {
		now := f.Now
		if now.IsZero() {
			now = time.Now()
		}
		q.excWhere("opened_at", " < "+q.arg(now.AddDate(0, 0, -f.Age)))
	}
	return nil
}

// filterShipments adds the filter's conditions on the parcel: stage, country, text, carrier.
func (q *queueQuery) filterShipments(f QueueFilter) {
	if f.Stage.Valid() {
		// The exception's copy of its shipment's stage: read from the shipment, a filtered page
		// would look up every candidate's shipment.
		q.where("e.shipment_stage = " + q.arg(int(f.Stage)))
	}
	if c := strings.ToUpper(strings.TrimSpace(f.Country)); c != "" {
		q.where("s.destination_country = " + q.arg(c))
		q.joinsShipment = true
	}
	if text := strings.TrimSpace(f.Query); text != "" {
		exact, prefix := q.arg(text), q.arg(likePrefix(text))
		upper := q.arg(likePrefix(strings.ToUpper(strings.ReplaceAll(text, " ", ""))))
		contains := q.arg("%" + likeEscape(text) + "%")
		q.where(`(s.order_ref = ` + exact + ` OR s.order_ref LIKE ` + prefix + `
			OR s.id IN (SELECT t.shipment_id FROM tracking_numbers t WHERE t.seller_id = $1 AND t.number LIKE ` + upper + `)
			OR s.customer_name ILIKE ` + contains + ` OR s.customer_email ILIKE ` + contains + `)`)
		q.joinsShipment = true
	}
	if c := strings.TrimSpace(f.Carrier); c != "" {
		contains := q.arg("%" + likeEscape(c) + "%")
		q.where("(s.carrier ILIKE " + contains + " OR s.last_mile_carrier ILIKE " + contains + " OR s.service ILIKE " + contains + ")")
		q.joinsShipment = true
	}
}

// queueSQL builds the queue's query for f (whose Limit is set): the lead exception of each parcel
// with its shipment, in queue order, one row more than the page so the caller knows whether a next
// page exists. It returns a *ValidationError for an unknown state or kind.
func queueSQL(seller SellerID, f QueueFilter) (string, []any, error) {
	q := newQueueQuery(seller)
	if err := q.filterExceptions(f); err != nil {
		return "", nil, err
	}
	q.filterShipments(f)
	if f.After != nil {
		q.where("(e.severity, e.id) < (" + q.arg(f.After.Severity) + ", " + q.arg(f.After.ID) + ")")
	}
	more := "FALSE"
	if !f.onePerParcel() {
		q.where(`NOT EXISTS (SELECT 1 FROM exceptions e2 WHERE e2.seller_id = $1 AND e2.shipment_id = e.shipment_id
			AND ` + q.excConds("e2") + ` AND (e2.severity, e2.id) > (e.severity, e.id))`)
		more = `EXISTS (SELECT 1 FROM exceptions e3 WHERE e3.seller_id = $1 AND e3.shipment_id = e.shipment_id
			AND ` + q.excConds("e3") + ` AND (e3.severity, e3.id) < (e.severity, e.id))`
	}
	// The lead is the exception no other matching exception of the same parcel comes before (the
	// NOT EXISTS above, unless the filter allows one per parcel). The scan walks the queue index in
	// order and stops after a page of leads; each candidate costs one probe of its parcel's
	// exceptions (exceptions_shipment_idx); each lead, a second probe: whether the parcel has other
	// matching exceptions (more_matching). Each row also reads its parcel's running dispute with
	// the nearest deadline (a draft last). The limit is written into the text: a generic plan
	// (a prepared statement's, see planStable) with a parameter for it assumes a tenth of the
	// rows and plans a parallel scan of them. scanQueueRows reads the columns in this order.
	query := `SELECT ` + exceptionColumns + `, s.order_ref, s.tracking_number, s.customer_name, s.customer_email,
		s.destination_country, s.carrier, s.service, s.stage AS shipment_stage, s.stage_entered_at,
		s.order_value::text AS order_value, s.currency, s.last_mile_carrier, s.last_signal, s.last_status, s.last_event_at,
		coalesce(nullif(u.name, ''), u.email, '') AS assignee_name,
		d.id AS dispute_id, d.status AS dispute_status, d.respond_by AS dispute_respond_by,
		` + more + ` AS more_matching
		FROM exceptions e
		JOIN shipments s ON s.seller_id = e.seller_id AND s.id = e.shipment_id
		LEFT JOIN users u ON u.seller_id = e.seller_id AND u.id = e.assignee_id
		LEFT JOIN LATERAL (SELECT d.id, d.status, d.respond_by
			FROM disputes d JOIN exceptions x ON x.seller_id = d.seller_id AND x.id = d.exception_id
			WHERE d.seller_id = $1 AND x.shipment_id = e.shipment_id AND d.status IN ` + activeStatusesSQL + `
			ORDER BY d.status = 'draft', d.respond_by, d.id LIMIT 1) d ON TRUE
		WHERE ` + strings.Join(q.conds, " AND ") + ` AND ` + q.excConds("e") + `
		ORDER BY e.severity DESC, e.id DESC LIMIT ` + strconv.Itoa(f.Limit+1)
	return query, q.args, nil
}

// QueueView is everything the queue page shows besides the filter: one page of parcels, the
// counts of the tabs, how many parcels select-all would take, the team (to filter and assign by),
// the disputes due soon, the member's saved views and their last bulk change while it can be
// undone (nil otherwise).
type QueueView struct {
	// Version is the seller's queue version the page was read at, -1 when it is not kept (a
	// filter by age): two views of the same seller, filter and version show the same parcels.
	Version  int64
	Page     QueuePage
	Counts   QueueCounts
	Matching int
	Team     []User
	Disputes DisputeSummary
	Views    []SavedView
	LastBulk *BulkChange
}

// QueueView gathers the queue page for the member and filter f at f.Now. It returns a
// *ValidationError for an unknown state or kind.
//
// A page's parcels, tab counts and select-all count are kept between requests under the seller's
// queue version (queuePageCache), which every change to what they show moves on (queueChanged):
// a page asked for again at the same version costs one statement, the extras with the version,
// instead of the queue's transaction. The version lives in PostgreSQL, so every replica's pages
// are exact.
func (s *Store) QueueView(ctx context.Context, seller SellerID, member int64, f QueueFilter) (QueueView, error) {
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = QueuePageSize
	}
	key, keep := queuePageKeyOf(seller, f)
	v := QueueView{Version: -1}
	if keep {
		version, err := s.queueExtras(ctx, s.pool(), seller, member, f.Now, &v)
		if err != nil {
			return QueueView{}, err
		}
		if page, matching, ok := s.pages.get(key, version); ok {
			if counts, ok := s.keptCounts(seller, version); ok {
				v.Page, v.Matching, v.Counts, v.Version = page, matching, counts, version
				return v, nil
			}
		}
	}
	var version int64
	queue := func(db reader) error {
		var err error
		// The counts first: in withGenericPlans's transaction, their statement sets the plan mode
		// of the statements after it. The version they read first is the one the page is kept
		// under: the rows are read after it, so they are never older than it.
		if v.Counts, version, err = s.queueCounts(ctx, db, seller); err != nil {
			return err
		}
		if v.Page, err = s.listQueue(ctx, db, seller, f); err != nil {
			return err
		}
		// What select-all would take: this page when it is all; the tab's count when the filter
		// is a tab (most queue pages), counted already; else a count of its own.
		kind, isTab := f.tab()
		switch {
		case v.Page.Next == nil && f.After == nil:
			v.Matching = len(v.Page.Rows)
		case isTab && kind == "":
			v.Matching = v.Counts.Total
		case isTab:
			v.Matching = v.Counts.ByKind[kind]
		default:
			if v.Matching, err = s.countQueue(ctx, db, seller, f, SelectAllCap); err != nil {
				return err
			}
		}
		if keep { // the extras are read already
			return nil
		}
		_, err = s.queueExtras(ctx, db, seller, member, f.Now, &v)
		return err
	}
	// The page's rows and counts: for a plan-stable filter, with the plans made once per
	// connection (the queue statement's own planning was most of a page's database time).
	var err error
	if f.planStable() {
		err = s.withGenericPlans(ctx, queue)
	} else {
		err = queue(s.pool())
	}
	if err != nil {
		return QueueView{}, err
	}
	if keep {
		s.pages.put(key, version, v.Page, v.Matching)
		v.Version = version
	}
	return v, nil
}

// queueExtrasSQL reads what the queue page shows besides its parcels and tabs in one statement
// instead of four round trips: the seller's ($1) queue version (as queueVersionSQL reads it), the
// team, the dispute summary at $3 (with $4 the end of the due-soon window), the member's ($2)
// saved views and last bulk change made after $5, each as JSON, with the queries ListUsers,
// DisputeSummary, ListSavedViews and LastBulk run. json_agg keeps the order of its sorted
// subquery.
var queueExtrasSQL = `SELECT
	coalesce((SELECT version FROM queue_versions WHERE seller_id = $1), 0) AS version,
	(SELECT coalesce(json_agg(t), '[]') FROM (` + teamSQL("$1") + `) t) AS team,
	(SELECT row_to_json(d) FROM (` + disputeSummarySQL("$1", "$3", "$4") + `) d) AS disputes,
	(SELECT coalesce(json_agg(v), '[]') FROM (` + savedViewsSQL("$1", "$2") + `) v) AS views,
	(SELECT row_to_json(b) FROM (` + lastBulkSQL("$1", "$2", "$5") + `) b) AS last_bulk`

// queueExtras fills the team, dispute summary, saved views and last bulk change of the queue page
// (queueExtrasSQL) and returns the seller's queue version read with them. The JSON types have the
// fields of the domain's own, in the same order, so that each converts to it.
func (s *Store) queueExtras(ctx context.Context, db reader, seller SellerID, member int64, now time.Time, v *QueueView) (int64, error) {
	res, err := db.hot.QueryContext(ctx, queueExtrasSQL, seller, member, now, now.Add(DueSoonWindow), now.Add(-UndoWindow))
	if err != nil {
		return 0, fmt.Errorf("queue extras: %w", err)
	}
	defer res.Close()
	var version int64
	var team, disputes, views, bulk []byte
	if !res.Next() {
		return 0, fmt.Errorf("queue extras: no row: %w", res.Err())
	}
	if err := res.Scan(&version, &team, &disputes, &views, &bulk); err != nil {
		return 0, fmt.Errorf("queue extras: %w", err)
	}
	var (
		users []struct {
			SellerID    SellerID   `json:"seller_id"`
			ID          int64      `json:"id"`
			Email       string     `json:"email"`
			Name        string     `json:"name"`
			Role        Role       `json:"role"`
			CreatedAt   time.Time  `json:"created_at"`
			LastLoginAt *time.Time `json:"last_login_at"`
		}
		sum struct {
			DueSoon    int64    `json:"due_soon"`
			PastDue    int64    `json:"past_due"`
			Amounts    []string `json:"amounts"`
			Currencies []string `json:"currencies"`
		}
		saved []struct {
			ID    int64  `json:"id"`
			Name  string `json:"name"`
			Query string `json:"query"`
		}
		last *struct {
			ID     int64     `json:"id"`
			Action string    `json:"action"`
			At     time.Time `json:"at"`
			Count  int       `json:"count"`
		}
	)
	for _, d := range []struct {
		raw []byte
		to  any
	}{{team, &users}, {disputes, &sum}, {views, &saved}, {bulk, &last}} {
		if d.raw == nil {
			continue
		}
		if err := json.Unmarshal(d.raw, d.to); err != nil {
			return 0, fmt.Errorf("queue extras: %w", err)
		}
	}
	v.Team = make([]User, len(users))
	for i, u := range users {
		v.Team[i] = User(u)
	}
	v.Disputes = DisputeSummary{DueSoon: sum.DueSoon, PastDue: sum.PastDue}
	for i, a := range sum.Amounts {
		v.Disputes.Recovered = append(v.Disputes.Recovered, Money{Amount: a, Currency: sum.Currencies[i]})
	}
	v.Views = make([]SavedView, len(saved))
	for i, sv := range saved {
		v.Views[i] = SavedView(sv)
	}
	if last != nil {
		b := BulkChange(*last)
		v.LastBulk = &b
	}
	return version, res.Close()
}

// CountQueue counts the parcels matching f (every page; f.After and f.Limit are ignored), up to
// upTo+1: more than upTo means "over upTo". It is the count select-all acts on.
func (s *Store) CountQueue(ctx context.Context, seller SellerID, f QueueFilter, upTo int) (int, error) {
	return s.countQueue(ctx, s.pool(), seller, f, upTo)
}

// countQueue is CountQueue with the reader given.
func (s *Store) countQueue(ctx context.Context, db reader, seller SellerID, f QueueFilter, upTo int) (int, error) {
	q := newQueueQuery(seller)
	if err := q.filterExceptions(f); err != nil {
		return 0, err
	}
	q.filterShipments(f)
	join := "" // the shipment only when the filter reads it: the join was much of the count's cost
	if q.joinsShipment {
		join = "JOIN shipments s ON s.seller_id = e.seller_id AND s.id = e.shipment_id"
	}
	parcels := "DISTINCT e.shipment_id"
	if f.onePerParcel() { // each matching exception is a parcel of its own
		parcels = "1"
	}
	// The cap is written into the text, as in queueSQL: a generic plan with a parameter for it
	// would plan for a tenth of the rows.
	query := `SELECT count(*) FROM (SELECT ` + parcels + ` FROM exceptions e ` + join + `
		WHERE ` + strings.Join(q.conds, " AND ") + ` AND ` + q.excConds("e") + ` LIMIT ` + strconv.Itoa(upTo+1) + `) p`
	var n int
	var err error
	if f.planStable() && upTo == SelectAllCap {
		err = db.hot.GetContext(ctx, &n, query, q.args...)
	} else {
		err = sqlx.GetContext(ctx, db.plain, &n, query, q.args...)
	}
	if err != nil {
		return 0, fmt.Errorf("count queue: %w", err)
	}
	return n, nil
}

// QueueExceptionIDs returns the ids of the exceptions of the first upTo parcels matching f, in
// queue order: what a bulk action on "every parcel that matches" changes.
func (s *Store) QueueExceptionIDs(ctx context.Context, seller SellerID, f QueueFilter, upTo int) ([]int64, error) {
	var ids []int64
	f.After, f.Limit = nil, min(upTo, 500)
	parcels := 0
	for parcels < upTo {
		p, err := s.ListQueue(ctx, seller, f)
		if err != nil {
			return nil, err
		}
		for _, r := range p.Rows {
			if parcels == upTo {
				break
			}
			ids = append(ids, r.ExceptionIDs()...)
			parcels++
		}
		if p.Next == nil {
			break
		}
		f.After = p.Next
	}
	return ids, nil
}

// QueueCountCap bounds the queue's counts: past it a tab says "1,000+". Counting every parcel
// with an open exception on each queue request was most of its cost on a big shop; counting
// at most QueueCountCap+1 reads a few thousand entries of a small index (index only).
const QueueCountCap = 1000

// QueueCounts are how many parcels need action (an open or investigating exception: what the
// queue lists by default), in all and per kind, each up to QueueCountCap+1 (more than the cap
// means "over the cap"); kinds with none are absent from ByKind.
type QueueCounts struct {
	Total  int
	ByKind map[ExceptionKind]int
}

// QueueCounts counts the parcels that need action, in all and per kind of exception. A parcel with
// two kinds open counts once in the total and once in each kind.
func (s *Store) QueueCounts(ctx context.Context, seller SellerID) (QueueCounts, error) {
	c, _, err := s.queueCounts(ctx, s.pool(), seller)
	return c, err
}

// countsAt is a seller's queue tab counts as counted at one queue version.
type countsAt struct {
	version int64
	counts  QueueCounts
}

// queueVersionSQL reads the seller's queue version ($1; 0 before the seller's first change). It
// also sets plan_cache_mode to force_generic_plan for the rest of its transaction (set_config's
// is_local): withGenericPlans's transaction starts with it instead of a SET LOCAL of its own, one
// round trip fewer on every queue page. Outside a transaction block the setting ends with the
// statement. It is kept this small so that its own plan is the generic one under any plan mode
// (PostgreSQL kept planning the counts afresh each time when they were read in this statement).
const queueVersionSQL = `SELECT coalesce((SELECT version FROM queue_versions WHERE seller_id = $1), 0) AS version,
	set_config('plan_cache_mode', 'force_generic_plan', true) AS generic`

// queueCountsSQL counts the seller's tabs ($1) per kind ($2, in that order) and in all, each up to
// $3, with the queue version in the same snapshot.
//
// Per kind, exceptions are parcels: a parcel has at most one unresolved exception of a kind
// (exceptions_one_open), so the count needs no DISTINCT (several times slower). The total counts
// distinct parcels, read in index order (exceptions_action_parcel_idx) so that it stops at the
// cap; unless a kind is over the cap already, and with it the total (a big shop's usual case: the
// CASE reads no parcel then).
const queueCountsSQL = `
	WITH k AS (
		SELECT k.i, (SELECT count(*) FROM (
			SELECT 1 FROM exceptions e
			WHERE e.seller_id = $1 AND e.state IN ('open', 'investigating') AND e.kind = k.kind
			LIMIT $3) capped) AS count
		FROM unnest($2::text[]) WITH ORDINALITY AS k (kind, i)
	)
	SELECT coalesce((SELECT version FROM queue_versions WHERE seller_id = $1), 0) AS version,
	       ARRAY(SELECT count FROM k ORDER BY i) AS kinds,
	       CASE WHEN (SELECT max(count) FROM k) >= $3 THEN $3
	            ELSE (SELECT count(*) FROM (
	                SELECT DISTINCT e.shipment_id FROM exceptions e
	                WHERE e.seller_id = $1 AND e.state IN ('open', 'investigating')
	                LIMIT $3) capped) END AS total`

// queueKinds is ExceptionKinds as the text array queueCountsSQL takes.
var queueKinds = func() pq.StringArray {
	kinds := make(pq.StringArray, len(ExceptionKinds))
	for i, k := range ExceptionKinds {
		kinds[i] = string(k)
	}
	return kinds
}()

// queueCounts is QueueCounts with the reader given; it also returns the queue version it read
// first (queueVersionSQL). The counts of the seller's queue version last
// counted in this process are reused while the version stays (queueChanged): counting reads up to
// QueueCountCap+1 index entries per kind, most of a queue page's database time, for counts that
// change only when exceptions do. The version lives in PostgreSQL, so every replica's counts are
// exact. Counts are kept under the version read in their own snapshot: a change committed between
// the two reads makes them newer than the version first read, never older than the one they are
// kept under.
func (s *Store) queueCounts(ctx context.Context, db reader, seller SellerID) (QueueCounts, int64, error) {
	have := countsAt{version: -1}
	if c, ok := s.counts.Load(seller); ok {
		have = c.(countsAt)
	}
	var cur struct {
		Version int64  `db:"version"`
		Generic string `db:"generic"`
	}
	if err := db.hot.GetContext(ctx, &cur, queueVersionSQL, seller); err != nil {
		return QueueCounts{}, 0, fmt.Errorf("queue counts: %w", err)
	}
	if cur.Version == have.version {
		return have.counts.clone(), cur.Version, nil
	}
	var r struct {
		Version int64         `db:"version"`
		Kinds   pq.Int64Array `db:"kinds"`
		Total   int           `db:"total"`
	}
	if err := db.hot.GetContext(ctx, &r, queueCountsSQL, seller, queueKinds, QueueCountCap+1); err != nil {
		return QueueCounts{}, 0, fmt.Errorf("queue counts: %w", err)
	}
	if len(r.Kinds) != len(ExceptionKinds) {
		return QueueCounts{}, 0, fmt.Errorf("queue counts: %d counts for %d kinds", len(r.Kinds), len(ExceptionKinds))
	}
	out := QueueCounts{Total: r.Total, ByKind: make(map[ExceptionKind]int, len(ExceptionKinds))}
	for i, n := range r.Kinds {
		if n > 0 {
			out.ByKind[ExceptionKinds[i]] = int(n)
		}
	}
	// Versions only grow: a slower reader's older counts do not replace newer ones.
	if c, ok := s.counts.Load(seller); !ok || c.(countsAt).version < r.Version {
		s.counts.Store(seller, countsAt{version: r.Version, counts: out})
	}
	return out.clone(), cur.Version, nil
}

// keptCounts returns the seller's tab counts kept at version (queueCounts), if they are.
func (s *Store) keptCounts(seller SellerID, version int64) (QueueCounts, bool) {
	c, ok := s.counts.Load(seller)
	if !ok || c.(countsAt).version != version {
		return QueueCounts{}, false
	}
	return c.(countsAt).counts.clone(), true
}

// clone copies the counts, so that a caller's changes stay its own.
func (c QueueCounts) clone() QueueCounts {
	return QueueCounts{Total: c.Total, ByKind: maps.Clone(c.ByKind)}
}

// queueChanged records that tx (a transaction of inTx, or an import's) changes what the seller's
// queue shows — raises, resolves, snoozes, wakes, reopens or assigns an exception, refreshes its
// severity, changes a parcel's facts or its dispute, removes an assignee — or may, so that the
// seller's queue version moves on before the transaction commits, and portals read the seller's
// tabs and pages again (queueCounts, QueueView). Every writer of what the queue shows calls it.
func (s *Store) queueChanged(tx *sqlx.Tx, seller SellerID) {
	v, _ := s.queueMarks.LoadOrStore(tx, new([]SellerID))
	p := v.(*[]SellerID) // a transaction is used by one goroutine at a time
	if !slices.Contains(*p, seller) {
		*p = append(*p, seller)
	}
}

// bumpQueueVersions moves on the queue version of each seller queueChanged recorded for tx. It is
// the transaction's last statement (the row lock it takes is held only while committing, so a
// transaction never waits for another while holding it), in seller order.
func (s *Store) bumpQueueVersions(ctx context.Context, tx *sqlx.Tx) error {
	v, ok := s.queueMarks.Load(tx)
	if !ok {
		return nil
	}
	sellers := slices.Sorted(slices.Values(*v.(*[]SellerID)))
	for _, seller := range sellers {
		if _, err := tx.ExecContext(ctx, `INSERT INTO queue_versions AS v (seller_id, version) VALUES ($1, 1)
			ON CONFLICT (seller_id) DO UPDATE SET version = v.version + 1`, seller); err != nil {
			return fmt.Errorf("queue version: %w", err)
		}
	}
	return nil
}
