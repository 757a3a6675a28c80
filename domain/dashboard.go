package domain

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/lib/pq"
)

// DashboardAtRiskLimit is how many at-risk shipments the home page lists: the ones nearest their
// breach, enough to act on today without turning the page into the queue.
const DashboardAtRiskLimit = 20

// Dashboard is what the home page shows: the work waiting (open exceptions per kind, shipments
// about to go over their stage limit), where the active shipments are, and the team.
type Dashboard struct {
	// OpenExceptions counts the unresolved exceptions of each kind, every kind in the order of
	// ExceptionKinds, kinds without any included (a zero is news too).
	OpenExceptions []KindCount
	// ActiveStages counts the shipments not yet delivered per stage, in stage order; stages
	// without a shipment are left out.
	ActiveStages []StageCount
	// HasShipments is false for a shop that has imported nothing yet.
	HasShipments bool
	// AtRisk lists up to DashboardAtRiskLimit shipments past 80% of their stage limit, nearest
	// to the breach first.
	AtRisk             []AtRiskShipment
	Members            []User
	PendingInvitations int
	// OpenByKindStage counts the unresolved exceptions per kind and the stage they were opened
	// in, kinds in the order of ExceptionKinds and stages ascending; empty pairs are left out.
	OpenByKindStage []KindStageCount
	// Weekly counts the exceptions opened and resolved in each of the last DashboardWeeks ISO
	// weeks (Monday to Sunday in the seller's time zone), oldest first, the current week last.
	Weekly []WeekCount
	// ResolvedRecently is how many exceptions were resolved in the last DashboardResolveDays
	// days, and MedianResolve the median time from opened to resolved among them (0 if none).
	ResolvedRecently int64
	MedianResolve    time.Duration
	// Disputes counts the disputes due soon and totals the money they recovered.
	Disputes DisputeSummary
}

// DashboardWeeks is how many weeks of opened and resolved exceptions the home page charts.
const DashboardWeeks = 8

// DashboardResolveDays is the window of the median time to resolve.
const DashboardResolveDays = 90

// KindStageCount is a number of exceptions of one kind opened in one stage.
type KindStageCount struct {
	Kind  ExceptionKind `db:"kind"`
	Stage Stage         `db:"stage"`
	Count int64         `db:"n"`
}

// WeekCount is the exceptions opened and resolved in the ISO week starting on Week: the date of
// its Monday in the seller's time zone (as midnight UTC, to be read as a date).
type WeekCount struct {
	Week     time.Time `db:"week"`
	Opened   int64     `db:"opened"`
	Resolved int64     `db:"resolved"`
}

// KindCount is a number of exceptions of one kind.
type KindCount struct {
	Kind  ExceptionKind `db:"kind"`
	Count int64         `db:"n"`
}

// StageCount is a number of shipments in one stage.
type StageCount struct {
	Stage Stage `db:"stage"`
	Count int64 `db:"n"`
}

// AtRiskShipment is an at-risk shipment with what a seller needs to recognise it and warn the
// customer: order reference, customer and destination.
type AtRiskShipment struct {
	AtRisk
	OrderRef           string `db:"order_ref"`
	CustomerName       string `db:"customer_name"`
	CustomerEmail      string `db:"customer_email"`
	DestinationCountry string `db:"destination_country"`
}

// Remaining is the stage-clock time left before the shipment goes over its limit. Peak periods
// pause the clock, so during one the breach is further away in calendar time.
func (a AtRiskShipment) Remaining() time.Duration { return max(a.Threshold-a.Clock, 0) }

// OpenTotal is the number of unresolved exceptions of all kinds.
func (d Dashboard) OpenTotal() int64 {
	var n int64
	for _, k := range d.OpenExceptions {
		n += k.Count
	}
	return n
}

// ActiveTotal is the number of shipments not yet delivered.
func (d Dashboard) ActiveTotal() int64 {
	var n int64
	for _, st := range d.ActiveStages {
		n += st.Count
	}
	return n
}

// Dashboard gathers the seller's home page as of now: open exception counts per kind, active
// shipments per stage, the at-risk watch list (from ListAtRisk) with each shipment's order
// reference, customer and destination, the team with its pending invitations, and the disputes
// due soon with the money recovered.
func (s *Store) Dashboard(ctx context.Context, seller SellerID, now time.Time) (Dashboard, error) {
	var d Dashboard
	var err error
	if d.OpenExceptions, err = s.openExceptionCounts(ctx, seller); err != nil {
		return Dashboard{}, err
	}
	// Delivered shipments are left out: they are most of a long-running shop's rows and need
	// nothing, so the count reads the stage index over the active ones only.
	if err := s.db.SelectContext(ctx, &d.ActiveStages, `
		SELECT stage, count(*) AS n FROM shipments
		WHERE seller_id = $1 AND stage < 11 GROUP BY stage ORDER BY stage`, seller); err != nil {
		return Dashboard{}, fmt.Errorf("dashboard: stages: %w", err)
	}
	if err := s.db.GetContext(ctx, &d.HasShipments, `SELECT EXISTS (SELECT 1 FROM shipments WHERE seller_id = $1)`, seller); err != nil {
		return Dashboard{}, fmt.Errorf("dashboard: any shipment: %w", err)
	}
	if d.AtRisk, err = s.atRiskShipments(ctx, seller, now); err != nil {
		return Dashboard{}, err
	}
	if d.Members, err = s.ListUsers(ctx, seller); err != nil {
		return Dashboard{}, err
	}
	invs, err := s.ListPendingInvitations(ctx, seller)
	if err != nil {
		return Dashboard{}, err
	}
	d.PendingInvitations = len(invs)
	if err := s.exceptionTrends(ctx, seller, now, &d); err != nil {
		return Dashboard{}, err
	}
	if d.Disputes, err = s.DisputeSummary(ctx, seller, now); err != nil {
		return Dashboard{}, err
	}
	return d, nil
}

// exceptionTrends fills the dashboard's open exceptions per kind and stage, the weekly opened
// and resolved counts, and the median time to resolve.
func (s *Store) exceptionTrends(ctx context.Context, seller SellerID, now time.Time, d *Dashboard) error {
	var rows []KindStageCount
	if err := s.db.SelectContext(ctx, &rows, `
		SELECT kind, stage, count(*) AS n FROM exceptions
		WHERE seller_id = $1 AND state <> 'resolved' GROUP BY kind, stage ORDER BY stage`, seller); err != nil {
		return fmt.Errorf("dashboard: open exceptions per stage: %w", err)
	}
	for _, k := range ExceptionKinds {
		for _, r := range rows {
			if r.Kind == k {
				d.OpenByKindStage = append(d.OpenByKindStage, r)
			}
		}
	}
	// The weeks are the seller's calendar weeks, their bounds computed here from the seller's
	// zone (zone.Load) and passed as instants: PostgreSQL's AT TIME ZONE, given the stored name,
	// would fail the page on a name its zone list lacks, where Go reads it as China. Each side
	// counts by its own time, so an exception opened in one week and resolved in the next counts
	// in both.
	loc, err := sellerLoc(ctx, s.db, seller)
	if err != nil {
		return fmt.Errorf("dashboard: seller's zone: %w", err)
	}
	bounds := weekBounds(now, loc, DashboardWeeks)
	starts, ends := make([]string, DashboardWeeks), make([]string, DashboardWeeks)
	for i := range DashboardWeeks {
		starts[i], ends[i] = bounds[i].Format(time.RFC3339Nano), bounds[i+1].Format(time.RFC3339Nano)
	}
	var counts []struct {
		I        int   `db:"i"`
		Opened   int64 `db:"opened"`
		Resolved int64 `db:"resolved"`
	}
	if err := s.db.SelectContext(ctx, &counts, `
		SELECT w.i,
		       (SELECT count(*) FROM exceptions x WHERE x.seller_id = $1 AND x.opened_at >= w.week_start AND x.opened_at < w.week_end) AS opened,
		       (SELECT count(*) FROM exceptions x WHERE x.seller_id = $1 AND x.resolved_at >= w.week_start AND x.resolved_at < w.week_end) AS resolved
		FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS w(week_start, week_end, i) ORDER BY w.i`,
		seller, pq.Array(starts), pq.Array(ends)); err != nil {
		return fmt.Errorf("dashboard: weekly exceptions: %w", err)
	}
	d.Weekly = make([]WeekCount, len(counts))
	for i, c := range counts {
		monday := bounds[c.I-1]
		d.Weekly[i] = WeekCount{Week: time.Date(monday.Year(), monday.Month(), monday.Day(), 0, 0, 0, 0, time.UTC), Opened: c.Opened, Resolved: c.Resolved}
	}
	var med struct {
		N    int64           `db:"n"`
		Secs sql.NullFloat64 `db:"secs"`
	}
	if err := s.db.GetContext(ctx, &med, `
		SELECT count(*) AS n,
		       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - opened_at)) AS secs
		FROM exceptions
		WHERE seller_id = $1 AND resolved_at > $2::timestamptz - $3 * interval '1 day' AND resolved_at <= $2`,
		seller, now, DashboardResolveDays); err != nil {
		return fmt.Errorf("dashboard: median time to resolve: %w", err)
	}
	d.ResolvedRecently = med.N
	if med.Secs.Valid {
		d.MedianResolve = time.Duration(med.Secs.Float64 * float64(time.Second))
	}
	return nil
}

// weekBounds returns the starts of the n calendar weeks in loc that end with the one holding now,
// oldest first, and the end of that last week: n+1 instants, each a Monday at midnight in loc
// (time.Date rather than adding 7 days: a week with a daylight saving change is not 168 hours).
func weekBounds(now time.Time, loc *time.Location, n int) []time.Time {
	local := now.In(loc)
	monday := local.Day() - (int(local.Weekday())+6)%7
	out := make([]time.Time, n+1)
	for i := range out {
		out[i] = time.Date(local.Year(), local.Month(), monday-7*(n-1-i), 0, 0, 0, 0, loc)
	}
	return out
}

// openExceptionCounts counts the seller's unresolved exceptions per kind, one entry for every
// kind. The partial queue index holds exactly the unresolved rows.
func (s *Store) openExceptionCounts(ctx context.Context, seller SellerID) ([]KindCount, error) {
	var rows []KindCount
	if err := s.db.SelectContext(ctx, &rows, `
		SELECT kind, count(*) AS n FROM exceptions
		WHERE seller_id = $1 AND state <> 'resolved' GROUP BY kind`, seller); err != nil {
		return nil, fmt.Errorf("dashboard: open exceptions: %w", err)
	}
	byKind := make(map[ExceptionKind]int64, len(rows))
	for _, r := range rows {
		byKind[r.Kind] = r.Count
	}
	out := make([]KindCount, len(ExceptionKinds))
	for i, k := range ExceptionKinds {
		out[i] = KindCount{Kind: k, Count: byKind[k]}
	}
	return out, nil
}

// atRiskShipments is ListAtRisk with the facts of each shipment, in ListAtRisk's order.
func (s *Store) atRiskShipments(ctx context.Context, seller SellerID, now time.Time) ([]AtRiskShipment, error) {
	risks, err := s.ListAtRisk(ctx, seller, now, DashboardAtRiskLimit)
	if err != nil || len(risks) == 0 {
		return nil, err
	}
	ids := make([]int64, len(risks))
	for i, r := range risks {
		ids[i] = r.ShipmentID
	}
	var facts []AtRiskShipment
	if err := s.db.SelectContext(ctx, &facts, `
		SELECT id AS shipment_id, order_ref, customer_name, customer_email, destination_country
		FROM shipments WHERE seller_id = $1 AND id = ANY($2)`, seller, pq.Array(ids)); err != nil {
		return nil, fmt.Errorf("dashboard: at-risk shipments: %w", err)
	}
	byID := make(map[int64]AtRiskShipment, len(facts))
	for _, f := range facts {
		byID[f.ShipmentID] = f
	}
	out := make([]AtRiskShipment, 0, len(risks))
	for _, r := range risks {
		f, ok := byID[r.ShipmentID]
		if !ok {
			continue // deleted between the two reads
		}
		f.AtRisk = r
		out = append(out, f)
	}
	return out, nil
}
