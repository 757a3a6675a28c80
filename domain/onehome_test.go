package domain_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/zone"
)

// TestOneHomeForEachRule fails when a rule that has one definition gets a second one: the
// module's code and templates (generated views aside) is searched for the marks of each; tests
// too for the rules whose copy in a test would let it pass without checking what the code does
// (a test holding a lock by its old name).
func TestOneHomeForEachRule(t *testing.T) {
	rules := []struct {
		what  string
		re    *regexp.Regexp
		home  string // the one file allowed to hold it; "" for none
		tests bool   // tests too: they take the rule from its home (export_test.go)
	}{
		{"a zone name turned into a location (zone.Lookup, zone.Load)", regexp.MustCompile(`time\.LoadLocation\(`), "domain/zone/zone.go", false},
		{"an end of day (zone.EndOfDay)", regexp.MustCompile(`23,\s*59,\s*59|Add\(-time\.(Microsecond|Nanosecond|Second)\)`), "domain/zone/zone.go", false},
		{"an advisory lock's name (domain/locks.go)", regexp.MustCompile(`hashtextextended\('`), "domain/locks.go", true},
		{"China time made by hand (zone.China)", regexp.MustCompile(`FixedZone\([^,]*,\s*8\s*\*`), "domain/zone/zone.go", false},
		{"a wake time (domain.WakeAt)", regexp.MustCompile(`WakeHour,`), "domain/flow.go", false},
		// PostgreSQL's zone list is not Go's, and a stored name it does not know fails the query
		// where zone.Load falls back to China: SQL gets instants and dates computed in Go. A fixed
		// literal ('UTC') is not a stored zone and stays allowed.
		{"a zone name turned into a zone in SQL (zone.Load, then instants as parameters)", regexp.MustCompile(`(?i)\bAT\s+TIME\s+ZONE\s+[\w$("]|\btimezone\(\s*[\w$("]`), "", false},
		{"a service name normalised in SQL (shipments.service_key)", regexp.MustCompile(`\b(lower|upper|btrim|trim|regexp_replace|regexp_split_to_array)\(\s*(\w+\.)?service\b`), "", false},
	}
	root := ".."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n == "testdata" || n == "node_modules" || (strings.HasPrefix(n, ".") && n != "..") {
				return filepath.SkipDir
			}
			return nil
		}
		if !(strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".templ")) || strings.HasSuffix(path, "_templ.go") {
			return nil
		}
		test := strings.HasSuffix(path, "_test.go")
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		for _, r := range rules {
			if rel != r.home && (r.tests || !test) && r.re.Match(src) {
				t.Errorf("%s: %s belongs in %q only", rel, r.what, r.home)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestWakeAt(t *testing.T) {
	madrid, err := zone.Lookup("Europe/Madrid")
	if err != nil {
		t.Fatal(err)
	}
	// A day chosen in the seller's zone wakes at the start of its working day there, whichever
	// zone the parsed date came in.
	for _, day := range []time.Time{time.Date(2026, 11, 20, 0, 0, 0, 0, madrid), time.Date(2026, 11, 20, 17, 0, 0, 0, madrid)} {
		if got, want := domain.WakeAt(day, madrid), time.Date(2026, 11, 20, domain.WakeHour, 0, 0, 0, madrid); !got.Equal(want) {
			t.Errorf("WakeAt(%v) = %v, want %v", day, got, want)
		}
	}
}
