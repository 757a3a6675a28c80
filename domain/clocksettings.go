package domain

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parceldesk/portal/domain/country"
	"github.com/parceldesk/portal/domain/tracking"
	"github.com/parceldesk/portal/domain/zone"
)

// The stage clock's settings: a seller's own thresholds (per stage, and per destination country),
// their peak periods, the buyer-protection warning period and the services untracked after
// hand-over. Only owners change them, because they decide what the whole team is asked to look
// at. The sweep reads them afresh on every run, so a change re-evaluates open exceptions on the
// next sweep without anything to do here.

// Limits of the settings, shared by the validation below and the page's inputs.
const (
	// MaxThresholdHours is the longest threshold: a year, as the schema allows.
	MaxThresholdHours = 24 * 365
	// MaxPeakPeriodDays bounds a peak period: a longer "pause" would hide real stalls for months.
	MaxPeakPeriodDays = 120
	// MaxPeakPeriodName is the longest name of a peak period, in characters.
	MaxPeakPeriodName = 80
	// MinWarningDays is the shortest buyer-protection warning period.
	MinWarningDays = 1
	// MaxWarningDays is the longest: beyond two months a warning is noise, not a deadline.
	MaxWarningDays = 60
	// MinSuggestionSample is how many delivered shipments a suggestion needs: below it a 90th
	// percentile is one or two unlucky parcels, not the seller's normal.
	MinSuggestionSample = 30
)

// maxServiceName bounds a service name on the untracked list.
const maxServiceName = 120

// canChangeSettings is the rule for every setter here: an owner of this seller.
func canChangeSettings(seller SellerID, actor User) bool {
	return actor.SellerID == seller && actor.Role == RoleOwner
}

// checkThresholdKey validates a stage and a country as a threshold's key and returns the country
// normalised to its ISO alpha-2 code ("" stays "": the seller's value for every destination).
func checkThresholdKey(fields map[string]string, stage Stage, dest string) string {
	if !stage.Valid() || stage == StageDelivered {
		fields["stage"] = "Choose a stage from Order Completed to Out for Delivery."
	}
	if strings.TrimSpace(dest) == "" {
		return ""
	}
	code, ok := country.Parse(dest)
	if !ok {
		fields["country"] = "Enter a country name or its two-letter code, such as Germany or DE."
	}
	return code
}

// SetThreshold sets the seller's own maximum time in a stage, for every destination when country
// is "" or for shipments to one country (a name or an ISO code, stored as the alpha-2 code). It
// replaces any value already set. It returns ErrUnauthorized when actor is not an owner of the
// seller, and a *ValidationError (fields "stage", "country", "hours") for a stage outside 1–10,
// an unknown country, or hours outside 1–8760.
func (s *Store) SetThreshold(ctx context.Context, seller SellerID, actor User, stage Stage, country string, maxHours int) error {
	if !canChangeSettings(seller, actor) {
		return ErrUnauthorized
	}
	fields := map[string]string{}
	country = checkThresholdKey(fields, stage, country)
	if maxHours < 1 || maxHours > MaxThresholdHours {
		fields["hours"] = "Enter a time from 1 hour to 365 days."
	}
	if len(fields) > 0 {
		return &ValidationError{Fields: fields}
	}
	if _, err := s.db.ExecContext(ctx, `
		INSERT INTO stage_thresholds (seller_id, stage, country, max_hours) VALUES ($1, $2, $3, $4)
		ON CONFLICT (seller_id, stage, country) DO UPDATE SET max_hours = EXCLUDED.max_hours`,
		seller, stage, country, maxHours); err != nil {
		return fmt.Errorf("set threshold: %w", err)
	}
	return nil
}

// DeleteThreshold removes the seller's own value for a stage (country "") or a stage and
// country, so the next more general one applies again. It returns ErrUnauthorized for a
// non-owner, a *ValidationError for a bad stage or country, and ErrNotFound when no such value
// is set.
func (s *Store) DeleteThreshold(ctx context.Context, seller SellerID, actor User, stage Stage, country string) error {
	if !canChangeSettings(seller, actor) {
		return ErrUnauthorized
	}
	fields := map[string]string{}
	country = checkThresholdKey(fields, stage, country)
	if len(fields) > 0 {
		return &ValidationError{Fields: fields}
	}
	res, err := s.db.ExecContext(ctx,
		`DELETE FROM stage_thresholds WHERE seller_id = $1 AND stage = $2 AND country = $3`, seller, stage, country)
	if err != nil {
		return fmt.Errorf("delete threshold: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("delete threshold: %w", err)
	} else if n == 0 {
		return ErrNotFound
	}
	return nil
}

// PeakPeriodDates reads the dates of a peak period form ("2026-02-10") in loc. The end date is
// inclusive, as people say "until 17 February", so the period ends at the following midnight.
// It returns a *ValidationError (fields "starts_on", "ends_on") for a missing or malformed date.
func PeakPeriodDates(startsOn, endsOn string, loc *time.Location) (time.Time, time.Time, error) {
	fields := map[string]string{}
	read := func(field, value, missing string) time.Time {
		value = strings.TrimSpace(value)
		if value == "" {
			fields[field] = missing
			return time.Time{}
		}
		t, err := time.ParseInLocation("2006-01-02", value, loc)
		if err != nil {
			fields[field] = "Enter a date such as 2027-01-30."
		}
		return t
	}
	start := read("starts_on", startsOn, "Enter the first day of the period.")
	end := read("ends_on", endsOn, "Enter the last day of the period.")
	if len(fields) > 0 {
		return time.Time{}, time.Time{}, &ValidationError{Fields: fields}
	}
	// time.Date rather than Add(24h): a day with a daylight saving change is not 24 hours long.
	return start, time.Date(end.Year(), end.Month(), end.Day()+1, 0, 0, 0, 0, loc), nil
}

// AddPeakPeriod adds one of the seller's own peak periods, [startsAt, endsAt), during which the
// clock of stages 1–6 pauses. It returns ErrUnauthorized for a non-owner and a *ValidationError
// (fields "name", "starts_on", "ends_on") for a name that is empty or longer than 80 characters,
// an end not after the start, or a period longer than 120 days.
func (s *Store) AddPeakPeriod(ctx context.Context, seller SellerID, actor User, name string, startsAt, endsAt time.Time) (PeakPeriod, error) {
	if !canChangeSettings(seller, actor) {
		return PeakPeriod{}, ErrUnauthorized
	}
	name = strings.Join(strings.Fields(name), " ")
	fields := map[string]string{}
	if n := utf8.RuneCountInString(name); n == 0 || n > MaxPeakPeriodName {
		fields["name"] = fmt.Sprintf("Name the period (at most %d characters), such as Factory holiday.", MaxPeakPeriodName)
	}
	switch {
	case startsAt.IsZero():
		fields["starts_on"] = "Enter the first day of the period."
	case endsAt.IsZero():
		fields["ends_on"] = "Enter the last day of the period."
	case !endsAt.After(startsAt):
		fields["ends_on"] = "The last day cannot be before the first."
	case endsAt.Sub(startsAt) > MaxPeakPeriodDays*24*time.Hour+time.Hour: // an hour for a DST change
		fields["ends_on"] = fmt.Sprintf("A peak period can last at most %d days.", MaxPeakPeriodDays)
	}
	if len(fields) > 0 {
		return PeakPeriod{}, &ValidationError{Fields: fields}
	}
	p := PeakPeriod{Name: name}
	if err := s.db.GetContext(ctx, &p, `
		INSERT INTO peak_periods (seller_id, name, starts_at, ends_at) VALUES ($1, $2, $3, $4)
		RETURNING id, name, starts_at, ends_at, false AS builtin`, seller, name, startsAt, endsAt); err != nil {
		return PeakPeriod{}, fmt.Errorf("add peak period: %w", err)
	}
	return p, nil
}

// DeletePeakPeriod removes one of the seller's own peak periods. It returns ErrUnauthorized for
// a non-owner, and ErrNotFound for an id that is not one of the seller's periods: another
// seller's, or a built-in one (which has no id and cannot be deleted).
func (s *Store) DeletePeakPeriod(ctx context.Context, seller SellerID, actor User, id int64) error {
	if !canChangeSettings(seller, actor) {
		return ErrUnauthorized
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM peak_periods WHERE seller_id = $1 AND id = $2`, seller, id)
	if err != nil {
		return fmt.Errorf("delete peak period: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("delete peak period: %w", err)
	} else if n == 0 {
		return ErrNotFound
	}
	return nil
}

// ProtectionWarningDays returns how many days before a supplier order's buyer protection ends
// the seller wants a protection_expiring exception (5 unless they changed it), or ErrNotFound.
func (s *Store) ProtectionWarningDays(ctx context.Context, seller SellerID) (int, error) {
	var days int
	err := s.db.GetContext(ctx, &days, `SELECT protection_warning_days FROM sellers WHERE id = $1`, seller)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("protection warning days: %w", err)
	}
	return days, nil
}

// SetProtectionWarningDays sets the buyer-protection warning period. It returns ErrUnauthorized
// for a non-owner and a *ValidationError (field "warning_days") for days outside 1–60.
func (s *Store) SetProtectionWarningDays(ctx context.Context, seller SellerID, actor User, days int) error {
	if !canChangeSettings(seller, actor) {
		return ErrUnauthorized
	}
	if days < MinWarningDays || days > MaxWarningDays {
		return Invalid("warning_days", fmt.Sprintf("Enter a number of days from %d to %d.", MinWarningDays, MaxWarningDays))
	}
	res, err := s.db.ExecContext(ctx, `UPDATE sellers SET protection_warning_days = $2 WHERE id = $1`, seller, days)
	if err != nil {
		return fmt.Errorf("set protection warning days: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("set protection warning days: %w", err)
	} else if n == 0 {
		return ErrNotFound
	}
	return nil
}

// SetTimezone sets the shop's time zone, an IANA name such as "Europe/Madrid": the zone an
// import reads times without an offset in unless the seller picks another for the file, and the
// zone peak period dates are given in. It returns the name as stored, ErrUnauthorized for a
// non-owner and a *ValidationError (field "timezone") for a name this system does not know.
func (s *Store) SetTimezone(ctx context.Context, seller SellerID, actor User, name string) (string, error) {
	if !canChangeSettings(seller, actor) {
		return "", ErrUnauthorized
	}
	name = strings.TrimSpace(name)
	if _, err := zone.Lookup(name); err != nil {
		return "", Invalid("timezone", "Enter a time zone by its name, such as Asia/Shanghai, Europe/Madrid or America/New_York.")
	}
	res, err := s.db.ExecContext(ctx, `UPDATE sellers SET timezone = $2 WHERE id = $1`, seller, name)
	if err != nil {
		return "", fmt.Errorf("set time zone: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return "", fmt.Errorf("set time zone: %w", err)
	} else if n == 0 {
		return "", ErrNotFound
	}
	return name, nil
}

// checkServiceName normalises a service name for the untracked list, or says what is wrong.
func checkServiceName(name string) (string, error) {
	norm := tracking.NormalizeService(name)
	if norm == "" || utf8.RuneCountInString(norm) > maxServiceName {
		return "", Invalid("service", fmt.Sprintf("Enter the service's name as your files write it (at most %d characters).", maxServiceName))
	}
	return norm, nil
}

// AddUntrackedService puts a shipping service on the seller's list of services whose tracking
// stops after hand-over to the destination carrier (compared as tracking.NormalizeService writes them). It
// returns ErrUnauthorized for a non-owner and a *ValidationError (field "service") for an empty or
// overlong name or one already on the list.
func (s *Store) AddUntrackedService(ctx context.Context, seller SellerID, actor User, name string) error {
	if !canChangeSettings(seller, actor) {
		return ErrUnauthorized
	}
	norm, err := checkServiceName(name)
	if err != nil {
		return err
	}
	res, err := s.db.ExecContext(ctx, `
		INSERT INTO untracked_services (seller_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING`, seller, norm)
	if err != nil {
		return fmt.Errorf("add untracked service: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("add untracked service: %w", err)
	} else if n == 0 {
		return Invalid("service", "“"+norm+"” is already on the list.")
	}
	return nil
}

// RemoveUntrackedService takes a service off the seller's untracked list, so its stage clock runs
// after arrival again. It returns ErrUnauthorized for a non-owner, a *ValidationError for an
// empty name, and ErrNotFound when the service is not on the list.
func (s *Store) RemoveUntrackedService(ctx context.Context, seller SellerID, actor User, name string) error {
	if !canChangeSettings(seller, actor) {
		return ErrUnauthorized
	}
	norm, err := checkServiceName(name)
	if err != nil {
		return err
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM untracked_services WHERE seller_id = $1 AND name = $2`, seller, norm)
	if err != nil {
		return fmt.Errorf("remove untracked service: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("remove untracked service: %w", err)
	} else if n == 0 {
		return ErrNotFound
	}
	return nil
}

// ThresholdSuggestion is what the seller's own history says a threshold could be: the time
// within which 90% of their delivered shipments left the stage (for every destination when
// Country is "", else for shipments to that country), in whole hours rounded up, and how many
// shipments that is measured on.
type ThresholdSuggestion struct {
	Stage   Stage  `db:"stage"`
	Country string `db:"country"`
	Hours   int    `db:"hours"`
	Sample  int    `db:"sample"`
}

// SuggestThresholds returns a suggestion for each stage 1–10, and for each stage and destination
// country, that at least MinSuggestionSample of the seller's delivered shipments passed through;
// by stage, the all-destination suggestion first, then countries by code.
//
// A shipment's time in a stage runs from its earliest event of that stage to its earliest event
// of any later stage: stages it skipped simply have no time, and a stage whose first event came
// after a later stage's (late scans) counts as zero, as the stage clock would never have run in
// it. Import-customs pre-advices (preAdviceSQL) are left out, as they are for the current stage.
// For services untracked after hand-over, stages from arrival on are left out: their clock stops
// there, and their "arrival" lasts until the buyer confirms delivery. Suggestions use raw elapsed
// time, peak periods included; a seller shipping through Chinese New Year sees that in the
// origin stages' figures, and the thresholds themselves pause for it anyway.
func (s *Store) SuggestThresholds(ctx context.Context, seller SellerID) ([]ThresholdSuggestion, error) {
	var out []ThresholdSuggestion
	if err := s.db.SelectContext(ctx, &out, suggestSQL, seller, MinSuggestionSample, MaxThresholdHours); err != nil {
		return nil, fmt.Errorf("suggest thresholds: %w", err)
	}
	return out, nil
}

// suggestSQL is SuggestThresholds' one set-based statement. It works column-wise, one row per
// shipment with a column per stage, because that is what makes it fast: the row-per-stage form
// (a window over every shipment's stages, then one percentile group per stage and country)
// sorted every shipment's stage rows three times, and took several times as long. Reading the
// events is most of its cost; PostgreSQL's JIT may compile it for a small seller too (the
// pre-advice subquery inflates the cost estimate past jit_above_cost). Should the biggest
// sellers find the settings page slow, the sweep can keep the result instead. Steps:
//   - delivered: the seller's delivered shipments, their country, and whether their service is
//     on the untracked list (its service_key, stored at import);
//   - firsts: per shipment, the earliest event of each stage t1…t11, pre-advices left out;
//   - lefts, spans: per delivered shipment, lK = the earliest later stage than K, and hK = hours
//     from tK to lK (0 when a later stage came first, NULL when there is no tK or no lK);
//   - pct: count(hK) and percentile_cont(0.9) of each hK (which skip NULLs), over every
//     destination and per country, in one pass;
//   - then one row per stage and group with enough samples. percentile_cont interpolates in
//     floating point (35.1 - 35 is not exactly 0.1), so the value is rounded to a microhour
//     before rounding up: 5.000000000000014 hours is 5, not 6.
var suggestSQL = func() string {
	var firsts, lefts, spans, aggs, values []string
	for k := 1; k <= 11; k++ {
		firsts = append(firsts, fmt.Sprintf("min(coalesce(e.occurred_at, e.recorded_at)) FILTER (WHERE e.stage = %d) AS t%d", k, k))
	}
	for k := 1; k <= 10; k++ {
		later := make([]string, 0, 11-k)
		for j := k + 1; j <= 11; j++ {
			later = append(later, fmt.Sprintf("t%d", j))
		}
		lefts = append(lefts, fmt.Sprintf("least(%s) AS l%d", strings.Join(later, ", "), k))
		h := fmt.Sprintf("CASE WHEN t%[1]d <= l%[1]d THEN extract(epoch FROM l%[1]d - t%[1]d)::float8 / 3600 WHEN t%[1]d > l%[1]d THEN 0 END", k)
		if Stage(k) >= StageArrivedDestination {
			h = "CASE WHEN NOT untracked THEN " + h + " END"
		}
		spans = append(spans, fmt.Sprintf("%s AS h%d", h, k))
		aggs = append(aggs, fmt.Sprintf("count(h%[1]d) AS n%[1]d, percentile_cont(0.9) WITHIN GROUP (ORDER BY h%[1]d) AS p%[1]d", k))
		values = append(values, fmt.Sprintf("(%[1]d, n%[1]d, p%[1]d)", k))
	}
	const sep = ",\n\t\t\t       "
	return `
		WITH delivered AS (
			SELECT s.id, s.destination_country AS country, u.name IS NOT NULL AS untracked
			FROM shipments s
			LEFT JOIN untracked_services u
			       ON u.seller_id = s.seller_id AND u.name = s.service_key
			WHERE s.seller_id = $1 AND s.stage = 11
		), firsts AS (
			SELECT e.shipment_id,
			       ` + strings.Join(firsts, sep) + `
			FROM events e
			WHERE e.seller_id = $1 AND e.stage BETWEEN 1 AND 11 AND NOT ` + preAdviceSQL + `
			GROUP BY e.shipment_id
		), lefts AS (
			SELECT d.country, d.untracked, f.*,
			       ` + strings.Join(lefts, sep) + `
			FROM firsts f JOIN delivered d ON d.id = f.shipment_id
		), spans AS (
			SELECT country,
			       ` + strings.Join(spans, sep) + `
			FROM lefts
		), pct AS (
			SELECT GROUPING(country) = 1 AS every, country,
			       ` + strings.Join(aggs, sep) + `
			FROM spans
			GROUP BY GROUPING SETS ((), (country))
		)
		SELECT v.stage, CASE WHEN pct.every THEN '' ELSE pct.country END AS country, v.n AS sample,
		       least(greatest(ceil(round(v.p::numeric, 6)), 1), $3)::int AS hours
		FROM pct CROSS JOIN LATERAL (VALUES ` + strings.Join(values, ", ") + `) AS v(stage, n, p)
		WHERE v.n >= $2 AND (pct.every OR pct.country <> '')
		ORDER BY v.stage, pct.every DESC, pct.country`
}()

// ClockSettings is everything the stage clock's settings page shows a seller.
type ClockSettings struct {
	// Stages holds stages 1–10 in order.
	Stages []StageSetting
	// Countries holds each stage and country that has the seller's own value or a suggestion, by
	// country then stage.
	Countries   []StageSetting
	PeakPeriods []PeakPeriod
	WarningDays int
	// Untracked is the seller's list of services untracked after hand-over, normalised, sorted.
	Untracked []string
}

// StageSetting is one threshold as the seller sees it: the product default, their own value if
// any, what applies and why, and what their history suggests.
type StageSetting struct {
	Stage Stage
	// Country is "" for the row of every destination, else an ISO alpha-2 code; CountryName is
	// its English name.
	Country     string
	CountryName string
	Default     time.Duration
	// Own is the seller's value for exactly this stage and country; 0 when they set none.
	Own       time.Duration
	Effective time.Duration
	Source    ThresholdSource
	// Suggestion is nil when there are too few delivered shipments to suggest anything.
	Suggestion *ThresholdSuggestion
}

// SuggestionDiffers reports whether adopting the suggestion would change the threshold.
func (st StageSetting) SuggestionDiffers() bool {
	return st.Suggestion != nil && time.Duration(st.Suggestion.Hours)*time.Hour != st.Effective
}

// FindClockSettings gathers the seller's stage clock settings and the suggestions from their
// history.
func (s *Store) FindClockSettings(ctx context.Context, seller SellerID) (ClockSettings, error) {
	var cs ClockSettings
	overrides, err := s.ListThresholdOverrides(ctx, seller)
	if err != nil {
		return cs, err
	}
	suggestions, err := s.SuggestThresholds(ctx, seller)
	if err != nil {
		return cs, err
	}
	if cs.PeakPeriods, err = s.ListPeakPeriods(ctx, seller); err != nil {
		return cs, err
	}
	if cs.WarningDays, err = s.ProtectionWarningDays(ctx, seller); err != nil {
		return cs, err
	}
	if cs.Untracked, err = s.ListUntrackedServices(ctx, seller); err != nil {
		return cs, err
	}
	cs.Stages, cs.Countries = clockStageSettings(overrides, suggestions)
	return cs, nil
}

// clockStageSettings lays out the threshold rows: one per stage 1–10, and one per stage and
// country that has an override or a suggestion.
func clockStageSettings(overrides []ThresholdOverride, suggestions []ThresholdSuggestion) (stages, countries []StageSetting) {
	th := NewThresholds(overrides)
	own := make(map[thresholdKey]time.Duration, len(overrides))
	for _, o := range overrides {
		own[thresholdKey{o.Stage, o.Country}] = time.Duration(o.MaxHours) * time.Hour
	}
	suggested := make(map[thresholdKey]*ThresholdSuggestion, len(suggestions))
	for i := range suggestions {
		sg := &suggestions[i]
		suggested[thresholdKey{sg.Stage, sg.Country}] = sg
	}
	row := func(k thresholdKey) StageSetting {
		eff, src := th.For(k.stage, k.country)
		return StageSetting{Stage: k.stage, Country: k.country, CountryName: country.Name(k.country),
			Default: DefaultThresholds[k.stage], Own: own[k], Effective: eff, Source: src, Suggestion: suggested[k]}
	}
	for st := StageOrderCompleted; st < StageDelivered; st++ {
		stages = append(stages, row(thresholdKey{st, ""}))
	}
	seen := map[thresholdKey]bool{}
	for _, k := range keysOf(own, suggested) {
		if k.country != "" && !seen[k] {
			seen[k] = true
			countries = append(countries, row(k))
		}
	}
	sort.Slice(countries, func(i, j int) bool {
		a, b := countries[i], countries[j]
		if a.Country != b.Country {
			return a.Country < b.Country
		}
		return a.Stage < b.Stage
	})
	return stages, countries
}

func keysOf(own map[thresholdKey]time.Duration, suggested map[thresholdKey]*ThresholdSuggestion) []thresholdKey {
	keys := make([]thresholdKey, 0, len(own)+len(suggested))
	for k := range own {
		keys = append(keys, k)
	}
	for k := range suggested {
		keys = append(keys, k)
	}
	return keys
}

// ParseThresholdDuration reads a threshold typed as days and hours (either may be blank, not
// both) and returns it in hours. It returns a *ValidationError (fields "days", "hours") for
// anything but whole non-negative numbers.
func ParseThresholdDuration(days, hours string) (int, error) {
	fields := map[string]string{}
	read := func(field, v string) int {
		v = strings.TrimSpace(v)
		if v == "" {
			return 0
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > MaxThresholdHours {
			fields[field] = "Enter a whole number of " + field + "."
		}
		return n
	}
	d, h := read("days", days), read("hours", hours)
	if len(fields) > 0 {
		return 0, &ValidationError{Fields: fields}
	}
	if d*24+h == 0 {
		return 0, Invalid("hours", "Enter a time from 1 hour to 365 days.")
	}
	return d*24 + h, nil
}
