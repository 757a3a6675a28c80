package domain

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"slices"
	"sync"
)

// API batches of one shop merge together. Every import of a shop takes the shop's merge lock
// (locks.go) for its merge, so a tool posting batches from several clients at once had them merge
// one at a time, each paying the whole merge's fixed cost (its temporary tables and their
// statistics, planning, the tracking numbers, the commit) while the others waited. Here, batches
// that arrive while one of the shop's is staging or merging wait in this process instead, and the
// next group takes all of them (group commit): one transaction, one staging table, one merge and
// one sweep for the lot, each batch still an import of its own with its own figures. A group
// takes the waiting batches as soon as the one before it holds the merge lock, so that it stages
// them (parsing, classifying, copying: no lock needed) while that one merges. The pipeline is the one
// every import takes (ImportRun: stageRows, mergeStaged, complete), with the batches as its parts.
//
// A batch is whole inside its group's transaction, so it is still in or out as one. If a group
// fails before it commits, each of its batches runs again alone, so that one batch's failure is
// never another's. Once taken into a group a batch is merged even when its client stops waiting,
// as one already merging alone would be; a replay of it then adds nothing.

// groupMaxRecords bounds the records of one group, and so its transaction's size; a batch is
// never split.
const groupMaxRecords = 5 * MaxAPIBatch

// groupKey names the batches that may merge together: of one seller, of the same columns (kind),
// read in the same zone.
type groupKey struct {
	seller SellerID
	kind   string
	zone   string
}

// batchGroups is a process's API batches waiting for their shop's merge, per groupKey; a key is
// led while a member of it runs a group.
type batchGroups struct {
	mu      sync.Mutex
	waiting map[groupKey][]*groupMember
	leading map[groupKey]bool
}

// groupMember is one API batch waiting for its group: its import (created, not begun) and its
// records as a CSV file with a header.
type groupMember struct {
	id      int64
	body    []byte
	records int
	lead    chan struct{}    // closed when this member is to run the next group
	done    chan groupResult // its result, when another member ran its group
}

// groupResult is how one batch of a group ended.
type groupResult struct {
	im  Import
	err error
}

// importGrouped runs the import of m, created for the seller with the records' columns (kind)
// and settings set, merged together with the other batches of the same key that are waiting when
// its turn comes, and returns it as it ended. The first batch of a key to come runs a group at
// once; the others wait, and once a group holds the merge lock the first of them runs the next
// group, of all that waited.
func (s *Store) importGrouped(ctx context.Context, seller SellerID, kind string, set ImportSettings, m *groupMember, obs ImportObserver) (Import, error) {
	k := groupKey{seller: seller, kind: kind, zone: set.Location.String()}
	g := &s.groups
	g.mu.Lock()
	if g.waiting == nil {
		g.waiting, g.leading = map[groupKey][]*groupMember{}, map[groupKey]bool{}
	}
	g.waiting[k] = append(g.waiting[k], m)
	leads := !g.leading[k]
	g.leading[k] = true
	g.mu.Unlock()
	if !leads {
		select {
		case r := <-m.done:
			return r.im, r.err
		case <-m.lead:
		}
	}
	members := g.take(k)
	var once sync.Once
	pass := func() { once.Do(func() { g.passLead(k) }) }
	defer pass()
	answered := false
	defer func() {
		if !answered { // a panic: the others must not wait for ever
			for _, o := range members {
				if o != m {
					o.done <- groupResult{err: errGroupAborted}
				}
			}
		}
	}()
	results := s.runGroup(context.WithoutCancel(ctx), seller, set, members, obs, pass)
	pass() // a group that failed before it held the lock
	answered = true
	var own groupResult
	for i, o := range members {
		if o == m {
			own = results[i]
		} else {
			o.done <- results[i]
		}
	}
	return own.im, own.err
}

// errGroupAborted is the answer to the batches of a group whose run ended in a panic.
var errGroupAborted = errors.New("the batch's group stopped before it ended")

// take removes the waiting batches of k that the next group takes, in the order of their imports
// (of one order, a later import's facts win): from the first, while they stay within
// groupMaxRecords.
func (g *batchGroups) take(k groupKey) []*groupMember {
	g.mu.Lock()
	defer g.mu.Unlock()
	q := g.waiting[k]
	n, records := 0, 0
	for n < len(q) && (n == 0 || records+q[n].records <= groupMaxRecords) {
		records += q[n].records
		n++
	}
	members := slices.Clone(q[:n])
	g.waiting[k] = slices.Clone(q[n:])
	slices.SortFunc(members, func(a, b *groupMember) int { return cmp.Compare(a.id, b.id) })
	return members
}

// passLead gives k's lead to its first waiting batch, or ends it when none waits.
func (g *batchGroups) passLead(k groupKey) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if q := g.waiting[k]; len(q) > 0 {
		close(q[0].lead)
		return
	}
	delete(g.waiting, k)
	delete(g.leading, k)
}

// leadsFor reports whether a group of the seller's batches is running or about to run: one that
// took the lead after a group holding the merge lock passed it on. That group commits after every
// group before it, so its sweep covers what they brought.
func (g *batchGroups) leadsFor(seller SellerID) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	for k, led := range g.leading {
		if led && k.seller == seller {
			return true
		}
	}
	return false
}

// runGroup imports members in one run (beginImports, complete) and returns how each ended, in
// members' order; locked is called once the group holds the merge lock. A group of several that
// fails before it commits runs each of its batches again alone.
func (s *Store) runGroup(ctx context.Context, seller SellerID, set ImportSettings, members []*groupMember, obs ImportObserver, locked func()) []groupResult {
	out := make([]groupResult, len(members))
	ids := make([]int64, len(members))
	parts := make([]*importPart, len(members))
	for i, m := range members {
		ids[i] = m.id
		parts[i] = &importPart{id: m.id, r: bytes.NewReader(m.body)}
	}
	didCommit := false
	run, err := s.beginImports(ctx, seller, ids, set)
	if err == nil {
		run.coalesceSweep = true
		run.mergeLocked = locked
		run.committed = func() { didCommit = true }
		var ims []Import
		ims, _, err = run.complete(ctx, parts, obs)
		if err == nil || didCommit || len(members) == 1 {
			for i := range out {
				out[i] = groupResult{im: ims[i], err: err}
			}
			return out
		}
	} else if len(members) == 1 {
		out[0].err = err
		return out
	} else {
		// Some may have been marked running: mark them failed, so that each can begin again.
		for _, id := range ids {
			_ = s.markImportFailed(ctx, seller, id, failureReason(err))
		}
	}
	// The next group may go on meanwhile: its sweep, or these batches', covers what each brought.
	if locked != nil {
		locked()
	}
	for i, m := range members {
		out[i] = s.runGroup(ctx, seller, set, []*groupMember{m}, obs, nil)[0]
	}
	return out
}
