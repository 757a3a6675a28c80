// Package lru is a least-recently-used cache bounded by a total weight (rows, bytes: whatever the
// caller counts), safe for concurrent use. The queue keeps its pages and its rendered rows in one.
package lru

import (
	"container/list"
	"sync"
)

// Cache holds values by key until their weights pass the bound; the least recently used go first.
type Cache[K comparable, V any] struct {
	mu     sync.Mutex
	max    int
	weight int
	order  *list.List // of *entry[K, V], most recently used first
	byKey  map[K]*list.Element
}

type entry[K comparable, V any] struct {
	key    K
	value  V
	weight int
}

// New returns a cache that holds values up to maxWeight in all.
func New[K comparable, V any](maxWeight int) *Cache[K, V] {
	return &Cache[K, V]{max: maxWeight, order: list.New(), byKey: map[K]*list.Element{}}
}

// Get returns the value kept for key and marks it used.
func (c *Cache[K, V]) Get(key K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[key]
	if !ok {
		var zero V
		return zero, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*entry[K, V]).value, true
}

// Put keeps value under key with its weight, in place of what was kept for key, unless keep says
// the value kept should stay (keep may be nil). A value heavier than the bound is not kept.
func (c *Cache[K, V]) Put(key K, value V, weight int, keep func(old V) bool) {
	if weight > c.max {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[key]; ok {
		old := el.Value.(*entry[K, V])
		if keep != nil && keep(old.value) {
			return
		}
		c.weight -= old.weight
		c.order.Remove(el)
	}
	c.byKey[key] = c.order.PushFront(&entry[K, V]{key, value, weight})
	c.weight += weight
	for c.weight > c.max {
		last := c.order.Back()
		old := last.Value.(*entry[K, V])
		c.order.Remove(last)
		delete(c.byKey, old.key)
		c.weight -= old.weight
	}
}
