// Package zone is the one home of the seller's time zone and of the calendar rules that read
// dates in it. It has no database and imports nothing of the portal, so the import parser
// (domain/csvfile) and the domain both use it.
//
// A zone name the portal stored (a seller's zone, a member's digest zone) becomes a location
// through Load, which has the one fallback rule: a name this server does not know (its zone
// database is older, or the name was mistyped before it was checked) reads as China, the
// product's default zone (sellers.timezone defaults to Asia/Shanghai, and imports read times in
// China time unless told otherwise). A name a person types is checked with Lookup, which
// refuses what Load would fall back from. Nothing else calls time.LoadLocation
// (domain's TestOneHomeForEachRule).
package zone

import (
	"errors"
	"sync"
	"time"
)

// China is UTC+8, the zone AliExpress and Cainiao write their times in and the default import
// zone. China has kept no daylight saving time since 1991, so a fixed zone is exact and needs no
// time zone database on the server.
var China = time.FixedZone("UTC+8", 8*60*60)

// ErrUnknown is Lookup's answer to a name that is not an IANA zone known here.
var ErrUnknown = errors.New("unknown time zone")

var zones sync.Map // IANA name → *time.Location: time.LoadLocation reads the zone file each call

// Lookup returns the location of an IANA zone name ("Europe/Madrid", "UTC"), loaded once per
// name. It returns ErrUnknown for a name unknown to this server, one longer than 64 bytes,
// and for "" (which time.LoadLocation would take as UTC) and "Local" and "localtime" (this
// server's own zone, not a place).
func Lookup(name string) (*time.Location, error) {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location), nil
	}
	if name == "" || name == "Local" || name == "localtime" || len(name) > 64 {
		return nil, ErrUnknown
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, ErrUnknown
	}
	zones.Store(name, loc)
	return loc, nil
}

// Load returns the location of a stored zone name: the seller's zone, in which pages show
// times, history lines write dates, peak periods and deadlines are read, and exceptions wake;
// China when the name is unknown here (see the package doc).
func Load(name string) *time.Location {
	if loc, err := Lookup(name); err == nil {
		return loc
	}
	return China
}

// EndOfDay is the last instant of t's day in loc, to the microsecond PostgreSQL keeps
// (23:59:59.999999): a deadline given as a date (one a seller types, a dispute's default, a
// promised or protection date an import reads without a time) lasts the whole of that day there.
func EndOfDay(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	// time.Date rather than Add(24h): a day with a daylight saving change is not 24 hours long.
	return time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, loc).Add(-time.Microsecond)
}
