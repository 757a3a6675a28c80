package handlers

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/views"
)

// handleError is the one place errors become pages. Domain errors map to their status; an
// unreachable database, or one too busy to answer in the request's time (answerWithin), is a 503
// (the pool reconnects by itself when it is back); anything else
// is a 500 whose details go to the log only, found by the request id on the page.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	if isAPI(c) {
		s.handleAPIError(err, c)
		return
	}
	tooSlow := errors.Is(context.Cause(c.Request().Context()), errTooSlow)
	// A request cut off by a read timeout has its context cancelled, but its client still waits
	// for the answer: the page is rendered regardless.
	c.SetRequest(c.Request().WithContext(context.WithoutCancel(c.Request().Context())))
	status, heading, msg := http.StatusInternalServerError, "Something went wrong",
		"The desk could not finish this request. It has been logged; try again in a moment."
	var he *echo.HTTPError
	var verr *domain.ValidationError
	switch {
	case tooSlow:
		status, heading, msg = http.StatusServiceUnavailable, "The desk is busy",
			"The desk is too busy to answer this right now. Try again in a moment."
		c.Response().Header().Set("Retry-After", "5")
	case errors.As(err, &verr):
		// Handlers re-render their form with the messages; one that does not still says why.
		status, heading, msg = http.StatusUnprocessableEntity, "Please check", verr.Message()
	case errors.Is(err, domain.ErrNotFound):
		status, heading, msg = http.StatusNotFound, "Not found", "There is nothing here, or it belongs to another shop."
	case errors.Is(err, domain.ErrConflict):
		status, heading, msg = http.StatusConflict, "Changed by someone else", "Someone changed this while you were looking at it. Reload to see their change."
	case errors.Is(err, domain.ErrUnauthorized):
		status, heading, msg = http.StatusForbidden, "Not allowed", "Your role in this shop does not allow this. Ask an owner."
	case domain.Unavailable(err):
		status, heading, msg = http.StatusServiceUnavailable, "Database unavailable",
			"The desk cannot reach its database right now. Nothing was lost; try again in a minute."
		c.Response().Header().Set("Retry-After", "30")
	case errors.As(err, &he):
		status = he.Code
		heading, msg = statusText(he)
	}
	rid := c.Response().Header().Get(echo.HeaderXRequestID)
	if status >= 500 {
		s.log.Error("request failed", "id", rid, "status", status, "err", err)
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(status)
		return
	}
	p := s.page(c, heading)
	if rerr := render(c, status, views.ErrorPage(p, status, heading, msg, rid), nil); rerr != nil {
		s.log.Error("render error page", "id", rid, "err", rerr)
		_ = c.String(status, heading)
	}
}

// statusText words the HTTP errors that Echo and our middleware raise.
func statusText(he *echo.HTTPError) (string, string) {
	msg, _ := he.Message.(string)
	switch he.Code {
	case http.StatusNotFound:
		return "Not found", "There is nothing here, or it belongs to another shop."
	case http.StatusMethodNotAllowed:
		return "Not allowed", "This address does not take that kind of request."
	case http.StatusRequestEntityTooLarge:
		if msg == "" || msg == http.StatusText(he.Code) {
			msg = "What you sent is larger than the desk accepts: a form takes up to 1 MB. Shorten the text and send it again; files go through Imports."
		}
		return "Too large", msg
	case http.StatusForbidden:
		if he == errCSRF || strings.Contains(strings.ToLower(msg), "csrf") {
			return "Form expired", errCSRF.Message.(string)
		}
		return "Not allowed", "Your role in this shop does not allow this. Ask an owner."
	case http.StatusBadRequest:
		if msg == "" || msg == http.StatusText(he.Code) {
			msg = "The request could not be understood."
		}
		return "Bad request", msg
	case http.StatusUnauthorized:
		return "Signed out", msg
	}
	if msg == "" {
		msg = http.StatusText(he.Code)
	}
	return http.StatusText(he.Code), msg
}
