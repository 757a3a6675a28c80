package domain

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/parceldesk/portal/domain/tracking"
)

// Classifier returns the classifier for the seller: the built-in rules plus the seller's own,
// which win.
func (s *Store) Classifier(ctx context.Context, seller SellerID) (*tracking.Classifier, error) {
	var rules []tracking.Rule
	if err := s.db.SelectContext(ctx, &rules, `
		SELECT pattern, stage, signal FROM status_rules WHERE seller_id = $1`, seller); err != nil {
		return nil, fmt.Errorf("load status rules: %w", err)
	}
	return tracking.NewClassifier(rules), nil
}

// UnmappedStatus is a carrier text no rule understands, as the unmapped statuses page lists it,
// with what the built-in classifier would guess (nil when it has no guess) and why.
type UnmappedStatus struct {
	Norm       string    `db:"status_norm"`
	Example    string    `db:"example"`
	Shipments  int64     `db:"shipments"`
	Events     int64     `db:"events"`
	FirstSeen  time.Time `db:"first_seen"`
	LastSeen   time.Time `db:"last_seen"`
	Suggestion *tracking.Suggestion
	Reason     string // the classifier's explanation of why it did not decide
}

// Acceptable reports whether the text has a suggestion that may be accepted with a tick, or in
// bulk: one read by a rule, not the statistical model's guess.
func (u UnmappedStatus) Acceptable() bool {
	return u.Suggestion != nil && !u.Suggestion.Guess
}

// ListUnmappedStatuses returns the seller's texts that no rule matched, those affecting the most
// shipments first.
func (s *Store) ListUnmappedStatuses(ctx context.Context, seller SellerID, limit int) ([]UnmappedStatus, error) {
	var out []UnmappedStatus
	err := s.db.SelectContext(ctx, &out, `
		SELECT status_norm, min(status_text) AS example, count(DISTINCT shipment_id) AS shipments,
		       count(*) AS events, min(coalesce(occurred_at, recorded_at)) AS first_seen,
		       max(coalesce(occurred_at, recorded_at)) AS last_seen
		FROM events WHERE seller_id = $1 AND stage = 0
		GROUP BY status_norm ORDER BY shipments DESC, status_norm LIMIT $2`, seller, limit)
	if err != nil {
		return nil, fmt.Errorf("list unmapped statuses: %w", err)
	}
	cls := tracking.BuiltinClassifier()
	for i := range out {
		ex := cls.Explain(tracking.Event{Text: out[i].Example})
		out[i].Suggestion, out[i].Reason = ex.Suggestion, ex.Reason
	}
	return out, nil
}

// StatusRule is a seller's own mapping of a carrier text.
type StatusRule struct {
	ID        int64     `db:"id"`
	Pattern   string    `db:"pattern"`
	Stage     Stage     `db:"stage"`
	Signal    Signal    `db:"signal"`
	CreatedAt time.Time `db:"created_at"`
}

// ListStatusRules returns the seller's rules, newest first.
func (s *Store) ListStatusRules(ctx context.Context, seller SellerID) ([]StatusRule, error) {
	var out []StatusRule
	if err := s.db.SelectContext(ctx, &out, `
		SELECT id, pattern, stage, signal, created_at FROM status_rules WHERE seller_id = $1
		ORDER BY created_at DESC, id DESC`, seller); err != nil {
		return nil, fmt.Errorf("list status rules: %w", err)
	}
	return out, nil
}

// StatusMapping is what a seller says a carrier text means.
type StatusMapping struct {
	Text   string
	Stage  Stage
	Signal Signal
}

// MapStatus creates (or changes) the seller's rule for a carrier text and re-classifies, in the
// same transaction, every unmapped event the rules now understand, refreshing the stage of every
// affected shipment; then it sweeps the seller as of now, so a stall the text caused is resolved
// at once. It returns how many events were re-classified, or a *ValidationError.
func (s *Store) MapStatus(ctx context.Context, seller SellerID, user int64, m StatusMapping, now time.Time) (int64, error) {
	return s.MapStatuses(ctx, seller, user, []StatusMapping{m}, now)
}

// AcceptSuggestions maps each of the seller's unmapped texts given (every one that has an
// acceptable suggestion, when texts is empty) to what the built-in classifier suggests for it, in
// one transaction. It returns how many texts were mapped and how many events re-classified; a
// text that is not unmapped or has no acceptable suggestion is skipped.
func (s *Store) AcceptSuggestions(ctx context.Context, seller SellerID, user int64, texts []string, now time.Time) (mapped int, events int64, err error) {
	un, err := s.ListUnmappedStatuses(ctx, seller, 5000)
	if err != nil {
		return 0, 0, fmt.Errorf("accept suggestions: %w", err)
	}
	want := map[string]bool{}
	for _, t := range texts {
		want[tracking.NormalizeStatus(t)] = true
	}
	var ms []StatusMapping
	for _, u := range un {
		if u.Acceptable() && (len(texts) == 0 || want[u.Norm]) {
			ms = append(ms, StatusMapping{u.Example, u.Suggestion.Stage, u.Suggestion.Signal})
		}
	}
	if len(ms) == 0 {
		return 0, 0, nil
	}
	events, err = s.MapStatuses(ctx, seller, user, ms, now)
	return len(ms), events, err
}

// MapStatuses is MapStatus for several texts at once, in one transaction.
func (s *Store) MapStatuses(ctx context.Context, seller SellerID, user int64, ms []StatusMapping, now time.Time) (int64, error) {
	fields := map[string]string{}
	for _, m := range ms {
		if tracking.NormalizeStatus(m.Text) == "" {
			fields["text"] = "Choose a status text to map."
		}
		if !m.Stage.Valid() {
			fields["stage"] = "Choose the stage this text means."
		}
		if !m.Signal.Valid() {
			fields["signal"] = "Choose a signal, or none."
		}
	}
	if len(ms) == 0 {
		fields["text"] = "Choose a status text to map."
	}
	if len(fields) > 0 {
		return 0, &ValidationError{Fields: fields}
	}
	var changed int64
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		// Re-classifying writes events then shipments, as an import's merge does: take the same
		// lock so the two never deadlock.
		if err := lockImportMerge(ctx, tx, seller); err != nil {
			return err
		}
		for _, m := range ms {
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO status_rules (seller_id, pattern, stage, signal, created_by) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (seller_id, pattern) DO UPDATE SET stage = EXCLUDED.stage, signal = EXCLUDED.signal`,
				seller, tracking.NormalizeStatus(m.Text), int(m.Stage), string(m.Signal), user); err != nil {
				return err
			}
		}
		var rules []tracking.Rule
		if err := tx.SelectContext(ctx, &rules, `SELECT pattern, stage, signal FROM status_rules WHERE seller_id = $1`, seller); err != nil {
			return err
		}
		cls := tracking.NewClassifier(rules)
		var texts []string
		if err := tx.SelectContext(ctx, &texts, `SELECT DISTINCT status_text FROM events WHERE seller_id = $1 AND stage = 0`, seller); err != nil {
			return err
		}
		type result struct {
			stage  Stage
			signal Signal
		}
		groups := map[result][]string{}
		for _, t := range texts {
			if st, sg := cls.Classify(t); st.Valid() {
				groups[result{st, sg}] = append(groups[result{st, sg}], t)
			}
		}
		if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE affected (id bigint PRIMARY KEY) ON COMMIT DROP`); err != nil {
			return err
		}
		for r, ts := range groups {
			var n int64
			if err := tx.GetContext(ctx, &n, `
				WITH up AS (
					UPDATE events SET stage = $2, signal = $3
					WHERE seller_id = $1 AND stage = 0 AND status_text = ANY($4)
					RETURNING shipment_id
				), a AS (INSERT INTO affected SELECT DISTINCT shipment_id FROM up ON CONFLICT DO NOTHING)
				SELECT count(*) FROM up`, seller, int(r.stage), string(r.signal), pq.Array(ts)); err != nil {
				return err
			}
			changed += n
		}
		s.queueChanged(tx, seller) // the shipments' stages and latest statuses, which the queue shows
		return refreshShipments(ctx, tx, seller)
	})
	if err != nil {
		return 0, fmt.Errorf("map status: %w", err)
	}
	if _, err := s.Sweep(ctx, seller, now); err != nil {
		return changed, fmt.Errorf("map status: %w", err)
	}
	return changed, nil
}
