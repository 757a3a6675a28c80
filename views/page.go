// Package views holds the templ components of the portal: one layout, the pages, and the
// partials htmx swaps in. Views get domain values or small view models and make no database or
// clock calls of their own.
package views

import "github.com/parceldesk/portal/domain"

// Page carries what every page needs: its title, who is signed in, the CSRF token for its
// forms, and the flash messages to show once. handlers.page builds it for every request.
type Page struct {
	Title   string
	Path    string // the request path, to mark the current navigation entry
	Seller  *domain.Seller
	User    *domain.User
	CSRF    string
	Flashes []Flash
}

// SignedIn reports whether a team member is signed in.
func (p Page) SignedIn() bool { return p.User != nil && p.Seller != nil }

// IsOwner reports whether the signed-in member is an owner of the shop.
func (p Page) IsOwner() bool { return p.User != nil && p.User.Role == domain.RoleOwner }

// FlashKind styles a flash message.
type FlashKind string

// The kinds of flash message.
const (
	FlashSuccess FlashKind = "success"
	FlashError   FlashKind = "error"
	FlashInfo    FlashKind = "info"
)

// Flash is a one-time message shown after a redirect ("Invitation sent").
type Flash struct {
	Kind    FlashKind
	Message string
}

// Errors maps form field names to messages; "" holds a message about the whole form.
type Errors map[string]string
