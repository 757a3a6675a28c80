package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/views"
)

func (s *Server) statusesIndex(c echo.Context) error {
	ctx, seller := c.Request().Context(), sellerFrom(c)
	un, err := s.store.ListUnmappedStatuses(ctx, seller, 500)
	if err != nil {
		return err
	}
	rules, err := s.store.ListStatusRules(ctx, seller)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.StatusesPage(s.page(c, "Unmapped statuses"), views.Statuses{Unmapped: un, Rules: rules}), nil)
}

// statusMap turns an unmapped text into a seller rule and re-classifies every shipment that has it.
func (s *Server) statusMap(c echo.Context) error {
	stage, _ := strconv.Atoi(c.FormValue("stage"))
	text := c.FormValue("text")
	n, err := s.store.MapStatus(c.Request().Context(), sellerFrom(c), userFrom(c).ID,
		domain.StatusMapping{Text: text, Stage: domain.Stage(stage), Signal: domain.Signal(c.FormValue("signal"))}, s.Clock())
	var verr *domain.ValidationError
	if errors.As(err, &verr) {
		return s.redirectWithFlash(c, "/settings/statuses", views.FlashError, verr.Message())
	}
	if err != nil {
		return err
	}
	return s.redirectWithFlash(c, "/settings/statuses", views.FlashSuccess,
		fmt.Sprintf("“%s” now means %s; %d events re-classified.", text, domain.Stage(stage).Label(), n))
}

// statusSuggestionsAccept maps the checked unmapped texts (or, with "all", every one that has a
// suggestion) to what the classifier suggests, and re-classifies the shipments that have them.
func (s *Server) statusSuggestionsAccept(c echo.Context) error {
	form, err := c.FormParams()
	if err != nil {
		return err
	}
	texts := form["text"]
	if c.FormValue("all") == "" && len(texts) == 0 {
		return s.redirectWithFlash(c, "/settings/statuses", views.FlashError, "Tick the suggestions to accept, or accept them all.")
	}
	if c.FormValue("all") != "" {
		texts = nil
	}
	n, events, err := s.store.AcceptSuggestions(c.Request().Context(), sellerFrom(c), userFrom(c).ID, texts, s.Clock())
	if err != nil {
		return err
	}
	return s.redirectWithFlash(c, "/settings/statuses", views.FlashSuccess,
		fmt.Sprintf("%d suggestions accepted; %d events re-classified.", n, events))
}
