package domain

// The advisory locks (locks.go) as the tests that hold one, to see who waits for it, take it: by
// these names, so that a lock renamed there is renamed for them too.
const (
	ImportMergeLockSQL = importMergeLockSQL
	SweepLockSQL       = sweepLockSQL
)
