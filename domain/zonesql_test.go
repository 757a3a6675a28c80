package domain_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
	"github.com/parceldesk/portal/domain/zone"
)

// TestZoneRulesAgreeWithPostgreSQL: the dashboard's weeks and the digest's due hour and date,
// now computed in Go from zone.Load, are what PostgreSQL's AT TIME ZONE on the stored name gave
// before, for every zone both know, at a time each week of 2026 at a changing hour (so that
// every Monday midnight, daylight saving changes included, is a week bound somewhere).
func TestZoneRulesAgreeWithPostgreSQL(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.NewDB(t)
	var pgNames []string
	if err := db.SelectContext(ctx, &pgNames, `SELECT name FROM pg_timezone_names WHERE name NOT LIKE 'posix/%'
		  AND name NOT IN (SELECT abbrev FROM pg_timezone_abbrevs) ORDER BY name`); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, n := range pgNames {
		if _, err := zone.Lookup(n); err == nil {
			names = append(names, n)
		}
	}
	if len(names) < 300 {
		t.Fatalf("only %d zones known to both PostgreSQL and Go", len(names))
	}
	var nows []string
	for now := time.Date(2026, 1, 1, 0, 17, 0, 0, time.UTC); now.Year() < 2027; now = now.Add(7*24*time.Hour + 5*time.Hour) {
		nows = append(nows, now.Format(time.RFC3339))
	}
	// The old SQL of the weekly chart and of ListDueDigests, side by side.
	var rows []struct {
		Name  string         `db:"name"`
		Now   time.Time      `db:"now"`
		Hour  int            `db:"hour"`
		Date  string         `db:"date"`
		Weeks pq.StringArray `db:"weeks"`
		Off   int            `db:"off"`
	}
	if err := db.SelectContext(ctx, &rows, `
		SELECT z.name, n.now, extract(hour FROM n.now AT TIME ZONE z.name)::int AS hour,
		       extract(epoch FROM (n.now AT TIME ZONE z.name) - (n.now AT TIME ZONE 'UTC'))::int AS off,
		       (n.now AT TIME ZONE z.name)::date::text AS date,
		       ARRAY(SELECT to_char(w AT TIME ZONE z.name AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
		             FROM generate_series(date_trunc('week', n.now AT TIME ZONE z.name) - ($3 - 1) * interval '1 week',
		                                  date_trunc('week', n.now AT TIME ZONE z.name) + interval '1 week', interval '1 week') AS w
		             ORDER BY w) AS weeks
		FROM unnest($1::text[]) AS z(name), unnest($2::timestamptz[]) AS n(now)`,
		pq.Array(names), pq.Array(nows), domain.DashboardWeeks); err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(names)*len(nows) {
		t.Fatalf("%d rows, want %d", len(rows), len(names)*len(nows))
	}
	bad, otherData := 0, 0
	for _, r := range rows {
		// Where the two zone databases disagree on the offset itself (a machine whose PostgreSQL
		// and Go carry different tzdata releases), the rules cannot be compared: counted, not failed.
		if _, off := r.Now.In(zone.Load(r.Name)).Zone(); off != r.Off {
			otherData++
			continue
		}
		var weeks []string
		for _, b := range domain.WeekBounds(r.Now, zone.Load(r.Name), domain.DashboardWeeks) {
			weeks = append(weeks, b.UTC().Format(time.RFC3339))
		}
		if got, want := fmt.Sprint(weeks), fmt.Sprint([]string(r.Weeks)); got != want {
			bad++
			t.Errorf("%s at %s: weeks\n got %s\nwant %s", r.Name, r.Now.Format(time.RFC3339), got, want)
		}
		for _, hour := range []int{r.Hour, r.Hour + 1} {
			today, due := domain.DigestDue(domain.NotificationPrefs{Timezone: r.Name, DigestHour: hour}, r.Now)
			if today.Format(time.DateOnly) != r.Date || due != (hour == r.Hour) {
				bad++
				t.Errorf("%s at %s, digest hour %d: due %v on %s, want %v on %s", r.Name, r.Now.Format(time.RFC3339), hour, due, today.Format(time.DateOnly), hour == r.Hour, r.Date)
			}
		}
		if bad > 20 {
			t.Fatal("too many differences")
		}
	}
	if otherData*20 > len(rows) {
		t.Errorf("PostgreSQL's and Go's zone databases disagree on the offset in %d of %d cases", otherData, len(rows))
	}
	t.Logf("%d zones at %d times agree (%d cases left out: the zone databases differ)", len(names), len(nows), otherData)
}

// marsZone is a zone name neither PostgreSQL nor Go knows, stored directly (the forms refuse it):
// a zone database older than the one the name was checked against leaves such a name behind.
const marsZone = "Mars/Olympus_Mons"

// TestDashboardUnknownZone: a seller whose stored zone PostgreSQL does not know still gets the
// dashboard, its weeks those of zone.Load's fallback, China, not a failed page.
func TestDashboardUnknownZone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newSweepFixture(t)
	mustImport(t, f.s, f.seller, sweepHeader+ev("T-1", "Delivered", "2026-11-01 10:00", "FR"))
	f.exec(`UPDATE sellers SET timezone = $2 WHERE id = $1`, f.seller, marsZone)
	ship := shipmentByRef(t, f.s, f.seller, "T-1").ID
	ins := func(opened, resolved string) {
		t.Helper()
		f.exec(`INSERT INTO exceptions (seller_id, shipment_id, kind, stage, shipment_stage, opened_at, state, resolution, resolved_at)
			VALUES ($1, $2, 'late', 7, 11, $3, 'resolved', 'recovered', $4)`, f.seller, ship, at(opened), at(resolved))
	}
	// Times in China: Monday 06:00 is still Sunday in UTC, Sunday 23:30 is Sunday in both.
	ins("2026-11-16 06:00", "2026-11-16 07:00") // week of 11-16 in China, of 11-09 in UTC
	ins("2026-11-15 23:30", "2026-11-16 00:30") // opened in the week of 11-09, resolved in that of 11-16
	ins("2026-11-09 00:30", "2026-11-09 01:00") // week of 11-09 in China, of 11-02 in UTC
	d, err := f.s.Dashboard(ctx, f.seller, at("2026-11-18 12:00"))
	if err != nil {
		t.Fatalf("dashboard of a seller in %s: %v", marsZone, err)
	}
	var weeks string
	for _, w := range d.Weekly {
		weeks += fmt.Sprintf("%s:%d/%d ", w.Week.Format("01-02"), w.Opened, w.Resolved)
	}
	if want := "09-28:0/0 10-05:0/0 10-12:0/0 10-19:0/0 10-26:0/0 11-02:0/0 11-09:2/1 11-16:1/2 "; weeks != want {
		t.Errorf("weekly\n got %s\nwant %s", weeks, want)
	}
}

// TestDueDigestsUnknownZone: a member whose stored zone PostgreSQL does not know does not stop
// the other sellers' digests; their own is due at its hour in China (zone.Load's fallback), as
// QueueDigest reads it.
func TestDueDigestsUnknownZone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := dbtest.NewDB(t)
	s := domain.NewStore(db)
	s.PasswordCost = 4
	// Turned on at noon UTC on 9 March: each digest counts as given for the 9th in its zone.
	set := time.Date(2031, 3, 9, 12, 0, 0, 0, time.UTC)
	members := map[domain.SellerID]string{}
	var mars domain.SellerID
	for _, m := range []struct{ shop, zone string }{{"Paris Shop", "Europe/Paris"}, {"Mars Shop", "UTC"}, {"London Shop", "Europe/London"}} {
		seller, owner := mustSeller(t, s, m.shop, "owner@"+m.shop[:4]+".test")
		if err := s.SetNotificationPrefs(ctx, seller.ID, owner, domain.NotificationPrefs{DigestEnabled: true, DigestHour: 8, Timezone: m.zone}, set); err != nil {
			t.Fatal(err)
		}
		members[seller.ID] = m.shop
		if m.shop == "Mars Shop" {
			mars = seller.ID
		}
	}
	if _, err := db.ExecContext(ctx, `UPDATE notification_prefs SET timezone = $2 WHERE seller_id = $1`, mars, marsZone); err != nil {
		t.Fatal(err)
	}
	due := func(now time.Time) string {
		t.Helper()
		d, err := s.ListDueDigests(ctx, now)
		if err != nil {
			t.Fatalf("due digests at %s: %v", now.Format(time.RFC3339), err)
		}
		var shops []string
		for _, m := range d {
			shops = append(shops, members[m.SellerID])
		}
		return fmt.Sprint(shops)
	}
	for _, tc := range []struct {
		now  time.Time
		want string
	}{
		{time.Date(2031, 3, 9, 23, 59, 0, 0, time.UTC), "[]"},                                // 07:59 in China
		{time.Date(2031, 3, 10, 0, 0, 0, 0, time.UTC), "[Mars Shop]"},                        // 08:00 in China
		{time.Date(2031, 3, 10, 7, 0, 0, 0, time.UTC), "[Paris Shop Mars Shop]"},             // 08:00 in Paris
		{time.Date(2031, 3, 10, 8, 0, 0, 0, time.UTC), "[Paris Shop Mars Shop London Shop]"}, // 08:00 in London
	} {
		if got := due(tc.now); got != tc.want {
			t.Errorf("due at %s: %s, want %s", tc.now.Format(time.RFC3339), got, tc.want)
		}
	}
}
