package domain

import (
	"context"
	"fmt"
	"math"
	"time"
)

// EDDSample is one delivered shipment as the back-test (package eddbacktest) reads it: where it went, by which service,
// when it entered each stage 1–10 it passed through (zero when it did not), and when it was
// delivered.
type EDDSample struct {
	Country, ServiceKey string
	Entered             [StageDelivered]time.Time
	Delivered           time.Time
}

// EDDSamples returns the seller's delivered shipments with their stage entries, by the rules the
// sweep's history follows (eddEntriesSQL: a stage is entered at its earliest event, pre-advices
// left out, stages first seen after delivery ignored), all of them rather than the most recent
// EDDHistoryLimit.
func (s *Store) EDDSamples(ctx context.Context, seller SellerID) ([]EDDSample, error) {
	var rows []struct {
		ID          int64     `db:"id"`
		Country     string    `db:"country"`
		ServiceKey  string    `db:"service_key"`
		Stage       Stage     `db:"stage"`
		DeliveredAt time.Time `db:"delivered_at"`
		Secs        float64   `db:"secs"`
	}
	if err := s.db.SelectContext(ctx, &rows, eddEntriesSQL, seller, math.MaxInt32); err != nil {
		return nil, fmt.Errorf("edd samples: %w", err)
	}
	at := map[int64]int{}
	var out []EDDSample
	for _, r := range rows {
		i, ok := at[r.ID]
		if !ok {
			i = len(out)
			at[r.ID] = i
			out = append(out, EDDSample{Country: r.Country, ServiceKey: r.ServiceKey, Delivered: r.DeliveredAt})
		}
		out[i].Entered[r.Stage] = r.DeliveredAt.Add(-time.Duration(r.Secs * float64(time.Second)))
	}
	return out, nil
}
