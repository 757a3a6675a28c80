package publicaddr

import (
	"net/netip"
	"testing"
)

func TestIs(t *testing.T) {
	for addr, public := range map[string]bool{"8.8.8.8": true, "100.64.1.1": false, "0.0.0.0": false, "64:ff9b::a00:1": false,
		"2002:c0a8:101::1": false, "2606:4700::1111": true, "fd00::1": false, "224.0.0.1": false} {
		if got := Is(netip.MustParseAddr(addr)); got != public {
			t.Errorf("Is(%s) = %v", addr, got)
		}
	}
}
