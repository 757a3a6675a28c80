package tracking

import "strings"

// NormalizeService is the one form shipping-service names are compared in: lower case (Unicode
// case folding as Go's strings.ToLower does it), runs of white space (every Unicode space,
// no-break ones included) made one space, none at the ends. It is computed here once: the
// importer stores it as shipments.service_key and the seller's list of untracked services holds
// names in it, so the sweep, the timeline, the threshold suggestions and the outcomes compare
// the stored keys and never normalise in SQL (whose \s and lower() depend on the database's
// locale and disagreed with this on a no-break space).
func NormalizeService(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(name)), " ")
}
