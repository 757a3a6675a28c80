package domain_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
	"github.com/parceldesk/portal/domain/zone"
)

// wantInvalid fails unless err is a *ValidationError with a message for field.
func wantInvalid(t *testing.T, err error, field string) {
	t.Helper()
	var verr *domain.ValidationError
	if !errors.As(err, &verr) || verr.Fields[field] == "" {
		t.Errorf("err = %v, want a validation message for %q", err, field)
	}
}

func TestSetThresholdValidatesAndNormalises(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Shop", "owner@shop.test")

	wantInvalid(t, s.SetThreshold(ctx, seller.ID, owner, 0, "", 24), "stage")
	wantInvalid(t, s.SetThreshold(ctx, seller.ID, owner, domain.StageDelivered, "", 24), "stage")
	wantInvalid(t, s.SetThreshold(ctx, seller.ID, owner, domain.StageImportCustoms, "Atlantis", 24), "country")
	wantInvalid(t, s.SetThreshold(ctx, seller.ID, owner, domain.StageImportCustoms, "", 0), "hours")
	wantInvalid(t, s.SetThreshold(ctx, seller.ID, owner, domain.StageImportCustoms, "", 8761), "hours")

	for _, tc := range []struct {
		stage   domain.Stage
		country string
		hours   int
	}{
		{domain.StageImportCustoms, "", 240},
		{domain.StageImportCustoms, "Brazil", 720},
		{domain.StageImportCustoms, "bra", 700}, // the same key: replaces
		{domain.StageExportCustoms, " uk ", 1},
		{domain.StageOutForDelivery, "Deutschland", 8760},
	} {
		if err := s.SetThreshold(ctx, seller.ID, owner, tc.stage, tc.country, tc.hours); err != nil {
			t.Fatalf("SetThreshold(%v, %q, %d): %v", tc.stage, tc.country, tc.hours, err)
		}
	}
	got, err := s.ListThresholdOverrides(ctx, seller.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(got), "[{export_customs GB 1} {import_customs  240} {import_customs BR 700} {out_for_delivery DE 8760}]"; got != want {
		t.Errorf("overrides = %s, want %s", got, want)
	}

	if err := s.DeleteThreshold(ctx, seller.ID, owner, domain.StageImportCustoms, "Brasil"); err != nil {
		t.Errorf("DeleteThreshold: %v", err)
	}
	if err := s.DeleteThreshold(ctx, seller.ID, owner, domain.StageImportCustoms, "BR"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleting it again: err = %v, want ErrNotFound", err)
	}
	wantInvalid(t, s.DeleteThreshold(ctx, seller.ID, owner, 11, ""), "stage")

	// Agents see the settings but do not change them; nor does another seller's owner.
	agent := owner
	agent.Role = domain.RoleAgent
	other, otherOwner := mustSeller(t, s, "Other", "owner@other.test")
	for name, err := range map[string]error{
		"agent set":       s.SetThreshold(ctx, seller.ID, agent, domain.StageDispatched, "", 10),
		"agent delete":    s.DeleteThreshold(ctx, seller.ID, agent, domain.StageImportCustoms, ""),
		"foreign set":     s.SetThreshold(ctx, seller.ID, otherOwner, domain.StageDispatched, "", 10),
		"agent warning":   s.SetProtectionWarningDays(ctx, seller.ID, agent, 7),
		"agent untracked": s.AddUntrackedService(ctx, seller.ID, agent, "Some Post"),
	} {
		if !errors.Is(err, domain.ErrUnauthorized) {
			t.Errorf("%s: err = %v, want ErrUnauthorized", name, err)
		}
	}
	if o, _ := s.ListThresholdOverrides(ctx, other.ID); len(o) != 0 {
		t.Errorf("the other seller has overrides %v", o)
	}
	if o, _ := s.ListThresholdOverrides(ctx, seller.ID); len(o) != 3 {
		t.Errorf("after the refused attempts: %v", o)
	}
}

func TestParseThresholdDuration(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		days, hours string
		want        int
		field       string
	}{
		{"4", "", 96, ""},
		{"3", "12", 84, ""},
		{"", "5", 5, ""},
		{" 0 ", "1", 1, ""},
		{"", "", 0, "hours"},
		{"0", "0", 0, "hours"},
		{"x", "", 0, "days"},
		{"1", "-2", 0, "hours"},
		{"1.5", "", 0, "days"},
	} {
		got, err := domain.ParseThresholdDuration(tc.days, tc.hours)
		if tc.field != "" {
			wantInvalid(t, err, tc.field)
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseThresholdDuration(%q, %q) = %d, %v; want %d", tc.days, tc.hours, got, err, tc.want)
		}
	}
}

func TestPeakPeriods(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Shop", "owner@shop.test")
	loc := zone.Load(seller.Timezone)

	start, end, err := domain.PeakPeriodDates("2027-04-01", "2027-04-05", loc)
	if err != nil {
		t.Fatal(err)
	}
	// Asia/Shanghai when the zone database is there, China time otherwise: the same offset.
	if want := time.Date(2027, 4, 1, 0, 0, 0, 0, zone.China); !start.Equal(want) {
		t.Errorf("start = %v, want %v", start, want)
	}
	if want := time.Date(2027, 4, 6, 0, 0, 0, 0, zone.China); !end.Equal(want) {
		t.Errorf("end = %v, want %v (the last day is inclusive)", end, want)
	}
	_, _, err = domain.PeakPeriodDates("", "01/04/2027", loc)
	wantInvalid(t, err, "starts_on")
	wantInvalid(t, err, "ends_on")

	p, err := s.AddPeakPeriod(ctx, seller.ID, owner, "  Factory   holiday ", start, end)
	if err != nil {
		t.Fatalf("AddPeakPeriod: %v", err)
	}
	if p.ID == 0 || p.Name != "Factory holiday" || p.Builtin || !p.StartsAt.Equal(start) || !p.EndsAt.Equal(end) {
		t.Errorf("added %+v", p)
	}

	_, err = s.AddPeakPeriod(ctx, seller.ID, owner, "", start, end)
	wantInvalid(t, err, "name")
	_, err = s.AddPeakPeriod(ctx, seller.ID, owner, strings.Repeat("x", 81), start, end)
	wantInvalid(t, err, "name")
	_, err = s.AddPeakPeriod(ctx, seller.ID, owner, "Backwards", end, start)
	wantInvalid(t, err, "ends_on")
	_, err = s.AddPeakPeriod(ctx, seller.ID, owner, "Same", start, start)
	wantInvalid(t, err, "ends_on")
	_, err = s.AddPeakPeriod(ctx, seller.ID, owner, "Too long", start, start.AddDate(0, 0, 121))
	wantInvalid(t, err, "ends_on")
	if _, err := s.AddPeakPeriod(ctx, seller.ID, owner, "Just fits", start, start.AddDate(0, 0, 120)); err != nil {
		t.Errorf("a 120-day period: %v", err)
	}

	periods, err := s.ListPeakPeriods(ctx, seller.ID)
	if err != nil {
		t.Fatal(err)
	}
	var own, builtin int
	for _, q := range periods {
		if q.Builtin {
			builtin++
		} else {
			own++
		}
	}
	if own != 2 || builtin == 0 {
		t.Errorf("periods: %d own, %d built-in", own, builtin)
	}

	// Another seller cannot delete it, and an agent of this seller may not either; built-in
	// periods (id 0) cannot be deleted at all.
	other, otherOwner := mustSeller(t, s, "Other", "owner@other.test")
	if err := s.DeletePeakPeriod(ctx, other.ID, otherOwner, p.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("another seller deleting: err = %v, want ErrNotFound", err)
	}
	agent := owner
	agent.Role = domain.RoleAgent
	if err := s.DeletePeakPeriod(ctx, seller.ID, agent, p.ID); !errors.Is(err, domain.ErrUnauthorized) {
		t.Errorf("agent deleting: err = %v, want ErrUnauthorized", err)
	}
	if err := s.DeletePeakPeriod(ctx, seller.ID, owner, 0); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleting a built-in: err = %v, want ErrNotFound", err)
	}
	if err := s.DeletePeakPeriod(ctx, seller.ID, owner, p.ID); err != nil {
		t.Errorf("owner deleting: %v", err)
	}
	if err := s.DeletePeakPeriod(ctx, seller.ID, owner, p.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleting twice: err = %v, want ErrNotFound", err)
	}
}

func TestWarningDaysAndUntrackedServices(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Shop", "owner@shop.test")

	if d, err := s.ProtectionWarningDays(ctx, seller.ID); err != nil || d != 5 {
		t.Errorf("default warning days = %d, %v; want 5", d, err)
	}
	wantInvalid(t, s.SetProtectionWarningDays(ctx, seller.ID, owner, 0), "warning_days")
	wantInvalid(t, s.SetProtectionWarningDays(ctx, seller.ID, owner, 61), "warning_days")
	if err := s.SetProtectionWarningDays(ctx, seller.ID, owner, 9); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.ProtectionWarningDays(ctx, seller.ID); d != 9 {
		t.Errorf("warning days = %d, want 9", d)
	}
	if _, err := s.ProtectionWarningDays(ctx, 999999); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown seller: err = %v", err)
	}

	if err := s.AddUntrackedService(ctx, seller.ID, owner, "  4PX   Economy  "); err != nil {
		t.Fatal(err)
	}
	wantInvalid(t, s.AddUntrackedService(ctx, seller.ID, owner, "4px economy"), "service")
	wantInvalid(t, s.AddUntrackedService(ctx, seller.ID, owner, "   "), "service")
	if err := s.RemoveUntrackedService(ctx, seller.ID, owner, "Cainiao Super Economy Global"); err != nil {
		t.Errorf("remove a default: %v", err)
	}
	if err := s.RemoveUntrackedService(ctx, seller.ID, owner, "cainiao super economy global"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("remove twice: err = %v, want ErrNotFound", err)
	}
	list, err := s.ListUntrackedServices(ctx, seller.ID)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(list, "|")
	if !strings.Contains(joined, "4px economy") || strings.Contains(joined, "cainiao super economy global") ||
		len(list) != len(domain.DefaultUntrackedServices) {
		t.Errorf("untracked = %v", list)
	}
}

// TestSuggestThresholds imports delivered shipments whose time in each stage is known and checks
// the 90th percentiles against ones worked out by hand.
func TestSuggestThresholds(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := dbtest.NewStore(t)
	seller, owner := mustSeller(t, s, "Shop", "owner@shop.test")
	other, _ := mustSeller(t, s, "Other", "owner@other.test")

	var b strings.Builder
	b.WriteString("Order ID,Shipping Method,Last Event,Event Time,Country\n")
	t0 := time.Date(2025, 6, 2, 8, 0, 0, 0, china)
	row := func(ref, service, status string, h int, country string) {
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s\n", ref, service, status, t0.Add(time.Duration(h)*time.Hour).Format("2006-01-02 15:04"), country)
	}
	// 40 to Germany, i = 1..40: order completed for 4 hours (14 for the last four), sorting for
	// i hours, then
	// departed (stages 4 and 5 skipped) for 100+2i hours until delivered (7–10 skipped). Each has
	// a Cainiao pre-advice an hour before departure, which must not end the sorting stage nor
	// start an import customs stage.
	for i := 1; i <= 40; i++ {
		ref, svc := fmt.Sprintf("DE-%d", i), "AliExpress Standard Shipping"
		sorting := 4
		if i > 36 {
			sorting = 14
		}
		departed := sorting + i
		row(ref, svc, "order_completed", 0, "Germany")
		row(ref, svc, "outbound_sorting", sorting, "Germany")
		row(ref, svc, "import_customs", departed-1, "Germany")
		row(ref, svc, "departed_origin", departed, "Germany")
		row(ref, svc, "delivered", departed+100+2*i, "Germany")
	}
	// 10 to France: too few for a French suggestion, but they count for every destination.
	// Sorting 100 hours, departed 50 hours.
	for j := 1; j <= 10; j++ {
		ref, svc := fmt.Sprintf("FR-%d", j), "AliExpress Standard Shipping"
		row(ref, svc, "outbound_sorting", 0, "FR")
		row(ref, svc, "departed_origin", 100, "FR")
		row(ref, svc, "delivered", 150, "FR")
	}
	// 30 by an economy service untracked after hand-over: their "arrival" lasts until delivery
	// and must not suggest an arrival threshold.
	for k := 1; k <= 30; k++ {
		ref, svc := fmt.Sprintf("EC-%d", k), "Cainiao  Super Economy Global"
		row(ref, svc, "arrived_destination", 0, "US")
		row(ref, svc, "delivered", 500+k, "US")
	}
	// Not delivered: its long sorting stage must not count.
	row("OPEN-1", "AliExpress Standard Shipping", "order_completed", 0, "DE")
	row("OPEN-1", "AliExpress Standard Shipping", "outbound_sorting", 5000, "DE")
	mustImport(t, s, seller.ID, b.String())

	got, err := s.SuggestThresholds(ctx, seller.ID)
	if err != nil {
		t.Fatal(err)
	}
	// By hand, percentile_cont(0.9) of n sorted values is v[k] + 0.1·(v[k+1]−v[k]) at
	// k = floor(0.9·(n−1)) (0-based), rounded up to the hour:
	//   stage 1, DE and all (n=40: thirty-six 4s, four 14s): k=35 → 4 + 0.1·10 = 5 exactly
	//     (percentile_cont's float arithmetic makes it 5.000000000000014, which must stay 5);
	//   stage 3, DE (n=40, values 1..40): 36 + 0.1 = 36.1 → 37;
	//   stage 3, all (n=50: 1..40 and ten 100s): k=44 → 100;
	//   stage 6, DE (n=40, 102..180 step 2): 172 + 0.2 = 172.2 → 173;
	//   stage 6, all (n=50: ten 50s, then 102..180): k=44 → 170 + 0.2 → 171.
	want := []domain.ThresholdSuggestion{
		{Stage: 1, Country: "", Hours: 5, Sample: 40},
		{Stage: 1, Country: "DE", Hours: 5, Sample: 40},
		{Stage: 3, Country: "", Hours: 100, Sample: 50},
		{Stage: 3, Country: "DE", Hours: 37, Sample: 40},
		{Stage: 6, Country: "", Hours: 171, Sample: 50},
		{Stage: 6, Country: "DE", Hours: 173, Sample: 40},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("suggestions\n got %v\nwant %v", got, want)
	}

	// Once the economy service is no longer untracked, its arrivals count.
	if err := s.RemoveUntrackedService(ctx, seller.ID, owner, "cainiao super economy global"); err != nil {
		t.Fatal(err)
	}
	got, err = s.SuggestThresholds(ctx, seller.ID)
	if err != nil {
		t.Fatal(err)
	}
	var arrival []domain.ThresholdSuggestion
	for _, sg := range got {
		if sg.Stage == domain.StageArrivedDestination {
			arrival = append(arrival, sg)
		}
	}
	// 501..530: k=26 → 527 + 0.1 → 528, for all destinations and for the US.
	if fmt.Sprint(arrival) != "[{arrived_destination  528 30} {arrived_destination US 528 30}]" {
		t.Errorf("arrival suggestions after tracking the service: %v", arrival)
	}

	if got, err := s.SuggestThresholds(ctx, other.ID); err != nil || len(got) != 0 {
		t.Errorf("another seller's suggestions: %v, %v", got, err)
	}

	// The settings page's rows put each suggestion beside the threshold it would replace.
	if err := s.SetThreshold(ctx, seller.ID, owner, domain.StageOutboundSorting, "DE", 37); err != nil {
		t.Fatal(err)
	}
	if err := s.SetThreshold(ctx, seller.ID, owner, domain.StageImportCustoms, "BR", 500); err != nil {
		t.Fatal(err)
	}
	cs, err := s.FindClockSettings(ctx, seller.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs.Stages) != 10 || cs.WarningDays != 5 || len(cs.PeakPeriods) == 0 {
		t.Fatalf("settings: %d stages, warning %d, %d periods", len(cs.Stages), cs.WarningDays, len(cs.PeakPeriods))
	}
	sorting := cs.Stages[domain.StageOutboundSorting-1]
	if sorting.Suggestion == nil || sorting.Suggestion.Hours != 100 || sorting.Effective != 3*24*time.Hour ||
		sorting.Source != domain.SourceDefault || !sorting.SuggestionDiffers() {
		t.Errorf("sorting row: %+v", sorting)
	}
	var rows []string
	for _, c := range cs.Countries {
		sg := 0
		if c.Suggestion != nil {
			sg = c.Suggestion.Hours
		}
		rows = append(rows, fmt.Sprintf("%s %d own=%v eff=%v %s sg=%d differs=%v", c.CountryName, c.Stage, c.Own, c.Effective, c.Source, sg, c.SuggestionDiffers()))
	}
	wantRows := []string{
		"Brazil 8 own=500h0m0s eff=500h0m0s country sg=0 differs=false",
		"Germany 1 own=0s eff=120h0m0s default sg=5 differs=true",
		"Germany 3 own=37h0m0s eff=37h0m0s country sg=37 differs=false",
		"Germany 6 own=0s eff=240h0m0s default sg=173 differs=true",
		"United States 7 own=0s eff=96h0m0s default sg=528 differs=true",
	}
	if strings.Join(rows, "\n") != strings.Join(wantRows, "\n") {
		t.Errorf("country rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(wantRows, "\n"))
	}
}
