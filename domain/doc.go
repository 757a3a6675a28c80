// Package domain is the business of the parcel exception desk: sellers and their team, shipments
// and their stage clock, exceptions, disputes, and the sqlx queries that persist them.
//
// Rules of this layer:
//   - It knows nothing of HTTP or HTML: no echo, no templ, no status codes.
//   - Every method that touches seller data takes a SellerID right after ctx, and every statement
//     binds it as its first parameter (seller_id = $1). Another seller's record is ErrNotFound,
//     exactly like a record that does not exist.
//   - Errors are wrapped with %w and an operation prefix; callers test them with errors.Is/As.
//     Only ValidationError and csvfile.RowError carry text that is safe to show to a seller; a
//     *csvfile.Error (a file or mapping refused) becomes a ValidationError here.
//   - Pure rules (stages, classification) are plain functions over values, testable without a
//     database. What needs no database at all lives in packages of its own, which import
//     nothing of domain: csvfile (reading an import file, row by row), zone (the seller's zone
//     and end of day), tracking (status texts), trackerhook (the bodies trackers' webhooks post),
//     evidencefile (what an uploaded evidence file is and is called), publicaddr (which
//     addresses the portal may call), money, country and cell.
package domain
