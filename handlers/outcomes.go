package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/views"
)

// outcomesDays is the window of the outcomes page: shipments ordered in the last 90 days.
const outcomesDays = 90

// outcomes shows how the seller's recent shipments fared per carrier and per destination
// country: stall rate and median time per stage against the thresholds.
func (s *Server) outcomes(c echo.Context) error {
	o, err := s.store.Outcomes(c.Request().Context(), sellerFrom(c), time.Now().AddDate(0, 0, -outcomesDays))
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.OutcomesPage(s.page(c, "Outcomes"), views.OutcomesView{Outcomes: o, Days: outcomesDays}), nil)
}
