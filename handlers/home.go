package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/views"
)

// home is the signed-in landing page: the work first (open exceptions per kind, the shipments
// about to go over their stage limit, active shipments per stage), then the team.
func (s *Server) home(c echo.Context) error {
	d, err := s.store.Dashboard(c.Request().Context(), sellerFrom(c), s.Clock())
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.HomePage(s.page(c, "Home"), views.Home{Dashboard: d}), nil)
}
