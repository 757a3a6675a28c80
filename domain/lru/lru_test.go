package lru_test

import (
	"testing"

	"github.com/parceldesk/portal/domain/lru"
)

func TestCache(t *testing.T) {
	t.Parallel()
	c := lru.New[string, int](10)
	c.Put("a", 1, 4, nil)
	c.Put("b", 2, 4, nil)
	if _, ok := c.Get("a"); !ok { // a is now the most recently used
		t.Fatal("a not kept")
	}
	c.Put("c", 3, 4, nil) // 12 > 10: b, the least recently used, goes
	if _, ok := c.Get("b"); ok {
		t.Error("b kept past the bound although least recently used")
	}
	for _, k := range []string{"a", "c"} {
		if _, ok := c.Get(k); !ok {
			t.Errorf("%s not kept", k)
		}
	}
	c.Put("a", 9, 4, func(old int) bool { return old == 1 }) // keep says the old value stays
	if v, _ := c.Get("a"); v != 1 {
		t.Errorf("a = %d after a refused replacement, want 1", v)
	}
	c.Put("a", 9, 4, nil)
	if v, _ := c.Get("a"); v != 9 {
		t.Errorf("a = %d after a replacement, want 9", v)
	}
	c.Put("huge", 0, 11, nil)
	if _, ok := c.Get("huge"); ok {
		t.Error("a value heavier than the bound was kept")
	}
}
