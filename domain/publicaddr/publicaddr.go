// Package publicaddr tells addresses on the public internet from the rest: loopback, private,
// link-local, reserved and documentation ranges, and those wrapped in IPv6. The portal calls
// only public addresses on a seller's behalf (webhook endpoints), so that it cannot be made to
// call into its own network (server-side request forgery): domain checks an endpoint written as
// an address, package notify every address it connects to. It imports nothing internal.
package publicaddr

import (
	"net"
	"net/netip"
)

// Is reports whether addr is an address on the public internet: not loopback, private
// (RFC 1918, unique local), link-local, carrier-grade NAT, unspecified, multicast, documentation
// or otherwise reserved, and not one of those wrapped in IPv6 (IPv4-mapped, NAT64, 6to4).
func Is(addr netip.Addr) bool {
	addr = addr.Unmap()
	if !addr.IsValid() || addr.IsLoopback() || addr.IsPrivate() || addr.IsLinkLocalUnicast() ||
		addr.IsLinkLocalMulticast() || addr.IsInterfaceLocalMulticast() || addr.IsMulticast() || addr.IsUnspecified() {
		return false
	}
	for _, p := range reservedPrefixes {
		if p.Contains(addr) {
			return false
		}
	}
	if addr.Is6() {
		b := addr.As16()
		switch {
		case nat64.Contains(addr): // 64:ff9b::a.b.c.d reaches a.b.c.d
			return Is(netip.AddrFrom4([4]byte(b[12:16])))
		case sixToFour.Contains(addr): // 2002:a.b.c.d::/48 reaches a.b.c.d
			return Is(netip.AddrFrom4([4]byte(b[2:6])))
		}
	}
	return true
}

var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
	// reservedPrefixes are the special-purpose ranges the netip predicates do not cover.
	reservedPrefixes = []netip.Prefix{
		netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
		netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
		netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
		netip.MustParsePrefix("192.0.2.0/24"),    // documentation
		netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
		netip.MustParsePrefix("198.51.100.0/24"), // documentation
		netip.MustParsePrefix("203.0.113.0/24"),  // documentation
		netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
		netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
		netip.MustParsePrefix("100::/64"),        // discard
		netip.MustParsePrefix("2001::/23"),       // IETF protocol assignments
		netip.MustParsePrefix("2001:db8::/32"),   // documentation
		netip.MustParsePrefix("fec0::/10"),       // site-local (deprecated)
	}
)

// IsIP is Is for a net.IP.
func IsIP(ip net.IP) bool {
	addr, ok := netip.AddrFromSlice(ip)
	return ok && Is(addr)
}
