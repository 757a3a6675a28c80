package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/views"
)

// idParam reads a numeric :id; anything else is a 404, like an id that does not exist.
func idParam(c echo.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, domain.ErrNotFound
	}
	return id, nil
}

// teamView loads what the team page shows.
func (s *Server) teamView(c echo.Context) (views.Team, error) {
	ctx, seller := c.Request().Context(), sellerFrom(c)
	members, err := s.store.ListUsers(ctx, seller)
	if err != nil {
		return views.Team{}, err
	}
	invs, err := s.store.ListPendingInvitations(ctx, seller)
	if err != nil {
		return views.Team{}, err
	}
	return views.Team{Members: members, Invitations: invs}, nil
}

func (s *Server) teamIndex(c echo.Context) error {
	t, err := s.teamView(c)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.TeamPage(s.page(c, "Team"), t), nil)
}

// invitationCreate makes a one-time invitation link and shows it once, on the team page.
func (s *Server) invitationCreate(c echo.Context) error {
	form := views.InviteMemberForm{Email: c.FormValue("email"), Role: c.FormValue("role")}
	_, token, err := s.store.CreateInvitation(c.Request().Context(), sellerFrom(c), userFrom(c), form.Email, domain.Role(form.Role))
	errs := fieldErrors(err)
	if err != nil && errs == nil {
		return err
	}
	t, lerr := s.teamView(c)
	if lerr != nil {
		return lerr
	}
	status := http.StatusCreated
	if errs != nil {
		t.Form = form
		t.Form.Errors = errs
		status = http.StatusUnprocessableEntity
	} else {
		t.NewLink = c.Scheme() + "://" + c.Request().Host + string(views.InviteURL(token))
	}
	return render(c, status, views.TeamPage(s.page(c, "Team"), t), nil)
}

func (s *Server) invitationRevoke(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	if err := s.store.RevokeInvitation(c.Request().Context(), sellerFrom(c), userFrom(c), id); err != nil {
		return err
	}
	return s.redirectWithFlash(c, "/settings/team", views.FlashSuccess, "Invitation revoked; its link no longer works.")
}

func (s *Server) memberShow(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	ctx, seller := c.Request().Context(), sellerFrom(c)
	u, err := s.store.FindUser(ctx, seller, id)
	if err != nil {
		return err
	}
	n, err := s.store.CountSessions(ctx, seller, id, s.cfg.Sessions)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.MemberPage(s.page(c, u.DisplayName()), views.Member{User: u, Sessions: n}), nil)
}

func (s *Server) memberRemove(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	err = s.store.RemoveUser(c.Request().Context(), sellerFrom(c), userFrom(c), id)
	if errs := fieldErrors(err); errs != nil {
		return s.redirectWithFlash(c, views.TeamMemberPath(id), views.FlashError, errs[""])
	}
	if err != nil {
		return err
	}
	return s.redirectWithFlash(c, "/settings/team", views.FlashSuccess, "Team member removed and signed out.")
}
