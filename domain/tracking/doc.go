// Package tracking turns what carriers print into the product's vocabulary: the eleven shipment
// stages and the signals an event can carry, the classifier that maps a status text to them,
// the normal form texts are grouped by, and the tracking numbers a text mentions.
//
// It knows nothing of the database, HTTP or sellers: everything here is a plain function over
// values, shared by the importer, the seller's own rules and `portal classify`.
package tracking
