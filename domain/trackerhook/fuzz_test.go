package trackerhook

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// fuzzParser checks what a parser promises of any body it accepts: a trimmed tracking number,
// order references trimmed, non-empty and without repeats, and checkpoints whose text, code, time
// and place are trimmed. It never panics on a body it refuses.
func fuzzParser(f *testing.F, parse func([]byte) (Parcel, error), sample string, seeds ...string) {
	if b, err := os.ReadFile("../../handlers/testdata/hooks/" + sample); err == nil {
		f.Add(b)
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := parse(body)
		if err != nil {
			return
		}
		if p.TrackingNumber != strings.TrimSpace(p.TrackingNumber) {
			t.Errorf("tracking number %q not trimmed", p.TrackingNumber)
		}
		for i, r := range p.OrderRefs {
			if r == "" || r != strings.TrimSpace(r) || slices.Contains(p.OrderRefs[:i], r) {
				t.Errorf("order references %q: empty, untrimmed or repeated", p.OrderRefs)
			}
		}
		for _, c := range p.Checkpoints {
			for _, v := range []string{c.Status, c.StatusCode, c.StatusAt, c.Location} {
				if v != strings.TrimSpace(v) {
					t.Errorf("checkpoint %+v: %q not trimmed", c, v)
				}
			}
		}
	})
}

func FuzzParseAfterShip(f *testing.F) {
	fuzzParser(f, ParseAfterShip, "aftership_tracking_update.json",
		`{"msg":{"tracking_number":" X1 ","order_id":1234,"order_number":"1234","checkpoints":[{"message":"Arrived","city":"Lyon","country_name":"France","tag":"InTransit"}]}}`,
		`{"msg":{"order_id":null,"order_number":1e3}}`, `{"msg":null}`, `[]`)
}

func FuzzParse17Track(f *testing.F) {
	fuzzParser(f, Parse17Track, "17track_tracking_updated.json",
		`{"data":{"number":"N1","tag":7,"track_info":{"tracking":{"providers":[{"provider":{"alias":"PostNL"},"events":[{"time_utc":"x","stage":"Arrival","address":{"city":" Lyon "}}]}]}}}}`,
		`{"data":{"number":"N1"}}`, `{"data":{"track_info":{"tracking":null}}}`, `{}`)
}
