package handlers

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/zone"
	"github.com/parceldesk/portal/views"
)

// shipmentsPageSize is how many shipments one page of the list shows. The list pages by keyset
// (the id of the last row), so a later page costs the same as the first.
const shipmentsPageSize = 50

// shipmentsIndex lists the seller's shipments, newest first, narrowed by the search box and the
// stage filter. The filter lives in the query string, so a search is a link that can be shared.
func (s *Server) shipmentsIndex(c echo.Context) error {
	ctx, seller := c.Request().Context(), sellerFrom(c)
	f := domain.ShipmentFilter{Query: strings.TrimSpace(c.QueryParam("q")), Limit: shipmentsPageSize}
	if st, ok := domain.ParseStage(c.QueryParam("stage")); ok {
		f.Stage = st
	}
	f.NoUsableNumber = c.QueryParam("tracking") == "none"
	// A cursor that is not a positive number is ignored: the first page is the useful answer.
	if before, err := strconv.ParseInt(c.QueryParam("before"), 10, 64); err == nil && before > 0 {
		f.Before = before
	}
	page, err := s.store.ListShipments(ctx, seller, f)
	if err != nil {
		return err
	}
	vm := views.ShipmentList{Filter: f, Page: page, Now: s.Clock(), Loc: sellerLocation(c), HasAny: len(page.Shipments) > 0}
	if vm.NoUsableNumber, err = s.store.CountNoUsableNumber(ctx, seller); err != nil {
		return err
	}
	if !vm.HasAny && (vm.Filtered() || f.Before != 0) {
		// Nothing matched: tell "no shipment matches" apart from "no shipments yet".
		all, err := s.store.ListShipments(ctx, seller, domain.ShipmentFilter{Limit: 1})
		if err != nil {
			return err
		}
		vm.HasAny = len(all.Shipments) > 0
	}
	return render(c, http.StatusOK, views.ShipmentsPage(s.page(c, "Shipments"), vm), nil)
}

// shipmentShow is one shipment: its facts, every tracking number it has been known by, its
// stage timeline against the seller's thresholds, and its events. Another seller's id answers
// 404, like an id that does not exist.
func (s *Server) shipmentShow(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	now := s.Clock()
	d, err := s.store.ShipmentDetail(c.Request().Context(), sellerFrom(c), id, now)
	if err != nil {
		return err
	}
	vm := views.ShipmentDetail{ShipmentDetail: d, Now: now, Loc: sellerLocation(c)}
	return render(c, http.StatusOK, views.ShipmentPage(s.page(c, d.Shipment.OrderRef), vm), nil)
}

// shipmentNotReceived opens a not_received exception by hand: the customer says the parcel never
// arrived, typically though tracking shows it delivered. Raising it again while one is open
// changes nothing and says so; another seller's shipment answers 404.
func (s *Server) shipmentNotReceived(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	_, opened, err := s.store.RaiseNotReceived(c.Request().Context(), sellerFrom(c), userFrom(c), id, s.Clock())
	if err != nil {
		return err
	}
	if !opened {
		return s.redirectWithFlash(c, views.ShipmentPath(id), views.FlashInfo, "A not-received exception is already open for this shipment")
	}
	return s.redirectWithFlash(c, views.ShipmentPath(id), views.FlashSuccess, "Not-received exception opened")
}

// sellerLocation is the seller's time zone, in which the shipment pages show times: the zone
// their imports read times in, so a time reads as it did in the file (zone.Load).
func sellerLocation(c echo.Context) *time.Location {
	return zone.Load(c.Get(ctxSeller).(*domain.Seller).Timezone)
}
