package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/views"
)

func (s *Server) apiTokensView(c echo.Context) (views.APITokens, error) {
	toks, err := s.store.ListAPITokens(c.Request().Context(), sellerFrom(c))
	return views.APITokens{Tokens: toks}, err
}

func (s *Server) apiTokensIndex(c echo.Context) error {
	t, err := s.apiTokensView(c)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.APITokensPage(s.page(c, "API tokens"), t), nil)
}

// apiTokenCreate makes a token and shows it once, on the tokens page.
func (s *Server) apiTokenCreate(c echo.Context) error {
	form := views.APITokenForm{Name: c.FormValue("name")}
	_, token, err := s.store.CreateAPIToken(c.Request().Context(), sellerFrom(c), userFrom(c), form.Name)
	errs := fieldErrors(err)
	if err != nil && errs == nil {
		return err
	}
	t, lerr := s.apiTokensView(c)
	if lerr != nil {
		return lerr
	}
	status := http.StatusCreated
	if errs != nil {
		t.Form, t.Form.Errors, status = form, errs, http.StatusUnprocessableEntity
	} else {
		t.NewToken = token
	}
	c.Response().Header().Set("Cache-Control", "no-store") // the page holds the token
	return render(c, status, views.APITokensPage(s.page(c, "API tokens"), t), nil)
}

func (s *Server) apiTokenRevoke(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	if err := s.store.RevokeAPIToken(c.Request().Context(), sellerFrom(c), userFrom(c), id); err != nil {
		return err
	}
	return s.redirectWithFlash(c, "/settings/api-tokens", views.FlashSuccess, "Token revoked; requests with it are refused from now on.")
}
