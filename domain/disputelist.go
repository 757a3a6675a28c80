package domain

import (
	"context"
	"fmt"
	"time"

	"github.com/lib/pq"
)

// Reading disputes: one with everything its page and evidence pack show, the list by deadline,
// and the summary the queue and the home page show.

// DisputeDetail is everything the page and the evidence pack of one dispute show: the dispute,
// its exception, the shipment's detail (facts, events, stage timeline), the evidence files, the
// history oldest first, and the team that wrote it.
type DisputeDetail struct {
	Dispute   Dispute
	Exception Exception
	Shipment  ShipmentDetail
	Evidence  []Evidence
	History   []HistoryEntry
	Team      []User
}

// Notes are the history's notes, oldest first.
func (d DisputeDetail) Notes() []HistoryEntry {
	var out []HistoryEntry
	for _, h := range d.History {
		if h.Action == "note" {
			out = append(out, h)
		}
	}
	return out
}

// MemberName is the display name of a team member by id; "" when the id is nil or not in the
// team.
func (d DisputeDetail) MemberName(id *int64) string {
	return MemberName(d.Team, id)
}

// DisputeDetail gathers one dispute with its exception, shipment detail as of now, evidence and
// history. It returns ErrNotFound for an id that does not exist or belongs to another seller.
func (s *Store) DisputeDetail(ctx context.Context, seller SellerID, id int64, now time.Time) (DisputeDetail, error) {
	var d DisputeDetail
	var err error
	if d.Dispute, err = s.FindDispute(ctx, seller, id); err != nil {
		return DisputeDetail{}, err
	}
	if d.Exception, err = s.FindException(ctx, seller, d.Dispute.ExceptionID); err != nil {
		return DisputeDetail{}, err
	}
	if d.Shipment, err = s.ShipmentDetail(ctx, seller, d.Exception.ShipmentID, now); err != nil {
		return DisputeDetail{}, err
	}
	if d.Evidence, err = s.ListEvidence(ctx, seller, id); err != nil {
		return DisputeDetail{}, err
	}
	if d.History, err = s.ListDisputeHistory(ctx, seller, id); err != nil {
		return DisputeDetail{}, err
	}
	if d.Team, err = s.ListUsers(ctx, seller); err != nil {
		return DisputeDetail{}, err
	}
	return d, nil
}

// DisputeFilter narrows ListDisputes.
type DisputeFilter struct {
	// Status is a DisputeStatus, DisputesRunning ("" too) or DisputesAll.
	Status string
	Now    time.Time
	Limit  int
}

// The status filters beyond the statuses themselves.
const (
	DisputesRunning = "running"
	DisputesAll     = "all"
)

// DisputeRow is a dispute in the list, with what identifies its parcel.
type DisputeRow struct {
	Dispute
	ShipmentID    int64         `db:"shipment_id"`
	OrderRef      string        `db:"order_ref"`
	CustomerName  string        `db:"customer_name"`
	ExceptionKind ExceptionKind `db:"exception_kind"`
}

// ListDisputes returns up to f.Limit of the seller's disputes: the filed running ones due within
// DueSoonWindow (past due included) first, then the other filed running ones, each by deadline,
// the nearest first; then the drafts, which have no deadline until they are filed, the newest
// first; then the ended ones, the latest ended first.
func (s *Store) ListDisputes(ctx context.Context, seller SellerID, f DisputeFilter) ([]DisputeRow, error) {
	cond := "d.status IN " + activeStatusesSQL
	args := []any{seller, f.Now.Add(DueSoonWindow), f.Limit}
	switch {
	case f.Status == DisputesAll:
		cond = "true"
	case DisputeStatus(f.Status).Valid():
		cond = "d.status = $4"
		args = append(args, f.Status)
	}
	var out []DisputeRow
	if err := s.db.SelectContext(ctx, &out, `
		SELECT `+disputeColumns+`, s.id AS shipment_id, s.order_ref, s.customer_name, e.kind AS exception_kind
		FROM disputes d
		JOIN exceptions e ON e.seller_id = d.seller_id AND e.id = d.exception_id
		JOIN shipments s ON s.seller_id = e.seller_id AND s.id = e.shipment_id
		WHERE d.seller_id = $1 AND `+cond+`
		ORDER BY (d.status IN `+filedStatusesSQL+` AND d.respond_by <= $2) DESC,
		         d.status IN `+filedStatusesSQL+` DESC, d.status = 'draft' DESC,
		         CASE WHEN d.status IN `+filedStatusesSQL+` THEN d.respond_by END,
		         d.status_at DESC, d.id DESC
		LIMIT $3`, args...); err != nil {
		return nil, fmt.Errorf("list disputes: %w", err)
	}
	return out, nil
}

// Money is an amount in one currency.
type Money struct {
	Amount   string `db:"amount"`
	Currency string `db:"currency"`
}

// DisputeSummary is what the queue and the home page say about disputes: how many filed running
// ones (drafts are not) are due within DueSoonWindow (past due included), how many are past due, and the money
// recovered by disputes won or settled, per currency.
type DisputeSummary struct {
	DueSoon   int64 `db:"due_soon"`
	PastDue   int64 `db:"past_due"`
	Recovered []Money
}

// disputeSummarySQL is DisputeSummary's query, one row, for the seller, the time now and the end
// of the due-soon window (the placeholders given): it is also part of the queue page's extras
// (queueExtrasSQL).
func disputeSummarySQL(seller, now, soon string) string {
	return `SELECT d.due_soon, d.past_due, r.amounts, r.currencies
		FROM (SELECT count(*) AS due_soon, count(*) FILTER (WHERE respond_by < ` + now + `) AS past_due
		      FROM disputes WHERE seller_id = ` + seller + ` AND status IN ` + filedStatusesSQL + ` AND respond_by <= ` + soon + `) d,
		     (SELECT coalesce(array_agg(total::text ORDER BY total DESC, currency), '{}') AS amounts,
		             coalesce(array_agg(currency ORDER BY total DESC, currency), '{}') AS currencies
		      FROM (SELECT sum(amount_recovered) AS total, currency FROM disputes
		            WHERE seller_id = ` + seller + ` AND status IN ('won', 'settled') AND amount_recovered > 0
		            GROUP BY currency) g) r`
}

// DisputeSummary counts the seller's due-soon and past-due disputes as of now and totals the
// amounts recovered per currency, the largest total first, in one query (the queue and the home
// page ask for it on every request).
func (s *Store) DisputeSummary(ctx context.Context, seller SellerID, now time.Time) (DisputeSummary, error) {
	var r struct {
		DueSoon    int64          `db:"due_soon"`
		PastDue    int64          `db:"past_due"`
		Amounts    pq.StringArray `db:"amounts"`
		Currencies pq.StringArray `db:"currencies"`
	}
	if err := s.hot.GetContext(ctx, &r, disputeSummarySQL("$1", "$2", "$3"), seller, now, now.Add(DueSoonWindow)); err != nil {
		return DisputeSummary{}, fmt.Errorf("dispute summary: %w", err)
	}
	sum := DisputeSummary{DueSoon: r.DueSoon, PastDue: r.PastDue}
	for i, a := range r.Amounts {
		sum.Recovered = append(sum.Recovered, Money{Amount: a, Currency: r.Currencies[i]})
	}
	return sum, nil
}
