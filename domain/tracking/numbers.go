package tracking

import (
	"regexp"
	"strings"
)

// trackingInText finds tracking numbers carriers mention inside event text: UPU S10 numbers
// (UG251350054MV), DHL's 0034… numbers, and "tracking (number|no|#) X".
var trackingInText = regexp.MustCompile(`\b([A-Z]{2}\d{9}[A-Z]{2})\b|\b(00\d{18})\b|(?i:tracking(?:\s+(?:number|no\.?|code|#))?\s*[:#]?\s*)([A-Z0-9]{10,30})\b`)

// ExtractTrackingNumbers returns the tracking numbers mentioned in a status text, upper-cased,
// without duplicates ("Handed over to local carrier with tracking UG251350054MV").
func ExtractTrackingNumbers(text string) []string {
	var out []string
	for _, m := range trackingInText.FindAllStringSubmatch(text, -1) {
		for _, g := range m[1:] {
			if g == "" {
				continue
			}
			n := strings.ToUpper(g)
			if !containsDigit(n) {
				continue // "tracking information" is not a number
			}
			dup := false
			for _, o := range out {
				dup = dup || o == n
			}
			if !dup {
				out = append(out, n)
			}
		}
	}
	return out
}

func containsDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }
