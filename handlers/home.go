package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/views"
)

func (s *Server) home(c echo.Context) error {
	t, err := s.teamView(c)
	if err != nil {
		return err
	}
	h := views.Home{Members: t.Members, PendingInvitations: len(t.Invitations)}
	return render(c, http.StatusOK, views.HomePage(s.page(c, "Home"), h), nil)
}
