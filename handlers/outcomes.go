package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/views"
)

// outcomes shows how the seller's shipments in a date range fared per service, last-mile carrier
// and destination country. The range is a preset (range=30d) or dates (from, to: YYYY-MM-DD, days
// in the seller's zone, both included), by ship or order date (basis); dates that do not read
// re-render the form with 422.
func (s *Server) outcomes(c echo.Context) error {
	now := s.Clock()
	vm := outcomesFilter(c, now, sellerLocation(c))
	if vm.Error != "" {
		return render(c, http.StatusUnprocessableEntity, views.OutcomesPage(s.page(c, "Outcomes"), vm), nil)
	}
	o, err := s.store.Outcomes(c.Request().Context(), sellerFrom(c), vm.Filter, now)
	if err != nil {
		return err
	}
	vm.Outcomes = o
	return render(c, http.StatusOK, views.OutcomesPage(s.page(c, "Outcomes"), vm), nil)
}

// outcomesFilter reads the outcomes page's query: typed dates win over a preset, and no dates and
// no known preset is the default preset.
func outcomesFilter(c echo.Context, now time.Time, loc *time.Location) views.OutcomesView {
	basis, ok := domain.ParseOutcomeBasis(c.QueryParam("basis"))
	if !ok {
		basis = domain.OutcomeShipped
	}
	vm := views.OutcomesView{From: c.QueryParam("from"), To: c.QueryParam("to")}
	vm.Filter.Basis = basis
	if vm.From == "" && vm.To == "" {
		r, ok := domain.FindOutcomeRange(c.QueryParam("range"))
		if !ok {
			r, _ = domain.FindOutcomeRange(domain.DefaultOutcomeRange)
		}
		vm.Range = r.Key
		vm.Filter.From, vm.Filter.To = r.Bounds(now, loc)
		vm.From, vm.To = vm.Filter.From.Format(time.DateOnly), vm.Filter.To.AddDate(0, 0, -1).Format(time.DateOnly)
		return vm
	}
	if vm.To == "" {
		vm.To = now.In(loc).Format(time.DateOnly)
	}
	from, errFrom := time.ParseInLocation(time.DateOnly, vm.From, loc)
	to, errTo := time.ParseInLocation(time.DateOnly, vm.To, loc)
	switch {
	case errFrom != nil || errTo != nil:
		vm.Error = "Give both dates as YYYY-MM-DD, such as " + now.In(loc).Format(time.DateOnly) + "."
	case to.Before(from):
		vm.Error = "The start date is after the end date."
	}
	vm.Filter.From, vm.Filter.To = from, to.AddDate(0, 0, 1)
	return vm
}
