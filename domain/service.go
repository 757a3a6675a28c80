package domain

import (
	"context"
	"fmt"

	"github.com/lib/pq"

	"github.com/parceldesk/portal/domain/tracking"
)

// DefaultUntrackedServices are the common economy services whose tracking stops once the
// destination country's carrier has the parcel ("Economy shipping doesn't include tracking after a
// package has been handed to a destination country/region's carrier"). Every new seller starts
// with them; the seller can edit the list.
var DefaultUntrackedServices = []string{
	"Cainiao Super Economy", "Cainiao Super Economy Global", "Cainiao Saver", "Cainiao Economy Mail",
	"Yanwen Economic Air Mail", "SunYou Economic Air Mail", "China Post Ordinary Small Packet Plus",
}

// insertDefaultUntrackedServices gives a new seller the default list.
func insertDefaultUntrackedServices(ctx context.Context, q execer, seller SellerID) error {
	names := make([]string, len(DefaultUntrackedServices))
	for i, n := range DefaultUntrackedServices {
		names[i] = tracking.NormalizeService(n)
	}
	_, err := q.ExecContext(ctx, `
		INSERT INTO untracked_services (seller_id, name) SELECT $1, unnest($2::text[])
		ON CONFLICT DO NOTHING`, seller, pq.Array(names))
	return err
}

// ListUntrackedServices returns the seller's normalised names of services untracked after
// hand-over, sorted.
func (s *Store) ListUntrackedServices(ctx context.Context, seller SellerID) ([]string, error) {
	var out []string
	if err := s.db.SelectContext(ctx, &out,
		`SELECT name FROM untracked_services WHERE seller_id = $1 ORDER BY name`, seller); err != nil {
		return nil, fmt.Errorf("list untracked services: %w", err)
	}
	return out, nil
}
