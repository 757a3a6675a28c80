package domain

import (
	"slices"
	"strings"

	"github.com/parceldesk/portal/domain/lru"
)

// queuePageKey names one queue page of one seller: the filter, normalised (text trimmed, the
// country upper case, the size set), and the keyset cursor. The clock is not part of it: a page's
// rows do not depend on it (a filter by age, the one that does, is never kept).
type queuePageKey struct {
	seller   SellerID
	kind     ExceptionKind
	state    string
	stage    Stage
	country  string
	assignee int64
	query    string
	carrier  string
	after    QueueCursor
	hasAfter bool
	limit    int
}

// queuePageKeyOf is the key of f's page (f.Limit set), and whether such a page may be kept: not
// when the filter is by age, which counts back from the clock.
func queuePageKeyOf(seller SellerID, f QueueFilter) (queuePageKey, bool) {
	k := queuePageKey{seller: seller, kind: f.Kind, state: f.State, stage: f.Stage,
		country: strings.ToUpper(strings.TrimSpace(f.Country)), assignee: f.Assignee,
		query: strings.TrimSpace(f.Query), carrier: strings.TrimSpace(f.Carrier), limit: f.Limit}
	if !f.Stage.Valid() {
		k.stage = 0
	}
	if f.After != nil {
		k.after, k.hasAfter = *f.After, true
	}
	return k, f.Age == 0
}

// pageAt is a queue page as read at one queue version, with the count select-all would take.
type pageAt struct {
	version  int64
	page     QueuePage
	matching int
}

// queuePageCache keeps the queue pages last read, each under the seller's queue version it was
// read at, least recently used first out once the rows kept pass its bound. A page is only handed
// out for the version it was read at: any change to what the queue shows moves the version on
// (queueChanged), so a kept page is exactly what reading again would return.
type queuePageCache struct {
	pages *lru.Cache[queuePageKey, pageAt]
}

// queuePageCacheRows bounds the rows kept (about a kilobyte each): a few hundred pages of 50.
const queuePageCacheRows = 20_000

func newQueuePageCache(maxRows int) *queuePageCache {
	return &queuePageCache{lru.New[queuePageKey, pageAt](maxRows)}
}

// get returns the page kept for key at version. The page's rows are the caller's to reorder, not
// to change: their exceptions and pointers are shared with the cache.
func (c *queuePageCache) get(key queuePageKey, version int64) (QueuePage, int, bool) {
	p, ok := c.pages.Get(key)
	if !ok || p.version != version {
		return QueuePage{}, 0, false
	}
	return QueuePage{Rows: slices.Clone(p.page.Rows), Next: p.page.Next}, p.matching, true
}

// put keeps page under key as read at version, unless a page read at a later version is kept:
// versions only grow, so a slower reader's older page stays out.
func (c *queuePageCache) put(key queuePageKey, version int64, page QueuePage, matching int) {
	p := pageAt{version: version, page: QueuePage{Rows: slices.Clone(page.Rows), Next: page.Next}, matching: matching}
	c.pages.Put(key, p, len(page.Rows)+1, func(old pageAt) bool { return old.version > version })
}
