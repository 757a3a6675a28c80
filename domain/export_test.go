package domain

import "time"

// The advisory locks (locks.go) as the tests that hold one, to see who waits for it, take it: by
// these names, so that a lock renamed there is renamed for them too.
const (
	ImportMergeLockSQL = importMergeLockSQL
	SweepLockSQL       = sweepLockSQL
)

// BatchesWaiting counts the seller's API batches that wait for their group's turn (apigroup.go).
func (s *Store) BatchesWaiting(seller SellerID) int {
	s.groups.mu.Lock()
	defer s.groups.mu.Unlock()
	n := 0
	for k, q := range s.groups.waiting {
		if k.seller == seller {
			n += len(q)
		}
	}
	return n
}

// WeekBounds and DigestDue are the dashboard's weeks and the digest's due rule, which
// TestZoneRulesAgreeWithPostgreSQL holds against what PostgreSQL's AT TIME ZONE gave before.
var WeekBounds = weekBounds

// DigestDue reports whether a member's digest is due at now, with the local date it would be for.
func DigestDue(p NotificationPrefs, now time.Time) (today time.Time, due bool) {
	_, today, due = digestDue(p, now)
	return today, due
}
