package handlers

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/views"
)

// search is the header's search on every page: an order reference or any tracking number the
// parcel was known by opens that parcel — its most urgent open exception, else its shipment page.
// Anything else (no match, several, a customer's name) gets the shipments search for it, which
// lists what begins with it.
func (s *Server) search(c echo.Context) error {
	q := strings.TrimSpace(c.QueryParam("q"))
	hits, err := s.store.FindParcels(c.Request().Context(), sellerFrom(c), q)
	if err != nil {
		return err
	}
	switch {
	case len(hits) == 1 && hits[0].ExceptionID != nil:
		return c.Redirect(http.StatusSeeOther, views.ExceptionPath(*hits[0].ExceptionID))
	case len(hits) == 1:
		return c.Redirect(http.StatusSeeOther, views.ShipmentPath(hits[0].ShipmentID))
	}
	return s.shipmentsIndex(c) // the same q
}
