package domain

import (
	"errors"
	"sync"
	"time"
)

// The one home of the seller's time zone and of the calendar rules that read dates in it.
//
// A zone name the portal stored (a seller's zone, a member's digest zone) becomes a location
// through LoadZone, which has the one fallback rule: a name this server does not know (its zone
// database is older, or the name was mistyped before it was checked) reads as ChinaTime, the
// product's default zone (sellers.timezone defaults to Asia/Shanghai, and imports read times in
// China time unless told otherwise). A name a person types is checked with LookupZone, which
// refuses what LoadZone would fall back from. Nothing else calls time.LoadLocation
// (TestOneHomeForEachRule).

// ErrUnknownZone is LookupZone's answer to a name that is not an IANA zone known here.
var ErrUnknownZone = errors.New("unknown time zone")

var zones sync.Map // IANA name → *time.Location: time.LoadLocation reads the zone file each call

// LookupZone returns the location of an IANA zone name ("Europe/Madrid", "UTC"), loaded once per
// name. It returns ErrUnknownZone for a name unknown to this server, one longer than 64 bytes,
// and for "" (which time.LoadLocation would take as UTC) and "Local" and "localtime" (this
// server's own zone, not a place).
func LookupZone(name string) (*time.Location, error) {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location), nil
	}
	if name == "" || name == "Local" || name == "localtime" || len(name) > 64 {
		return nil, ErrUnknownZone
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, ErrUnknownZone
	}
	zones.Store(name, loc)
	return loc, nil
}

// LoadZone returns the location of a stored zone name: the seller's zone, in which pages show
// times, history lines write dates, peak periods and deadlines are read, and exceptions wake;
// ChinaTime when the name is unknown here (see above).
func LoadZone(name string) *time.Location {
	if loc, err := LookupZone(name); err == nil {
		return loc
	}
	return ChinaTime
}

// EndOfDay is the last instant of t's day in loc, to the microsecond PostgreSQL keeps
// (23:59:59.999999): a deadline given as a date (one a seller types, a dispute's default, a
// promised or protection date an import reads without a time) lasts the whole of that day there.
func EndOfDay(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	// time.Date rather than Add(24h): a day with a daylight saving change is not 24 hours long.
	return time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, loc).Add(-time.Microsecond)
}
