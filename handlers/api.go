package handlers

import (
	"context"
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
)

// The JSON API (/api/v1) is for a shop's tools, not its people: a request carries an API token
// (Authorization: Bearer), not a session cookie, so the session and CSRF middleware leave it
// alone (a cookie it carries is never read) and its answers, errors included, are JSON.

// apiPrefix starts every path of the JSON API.
const apiPrefix = "/api/"

// apiBodyLimit bounds an API request's body: meant to hold a full batch of 10,000 events with
// long texts (about 3 KB each).
const apiBodyLimit = "32M"

// ctxAPI is the context key of the API request's domain.APIAuth.
const ctxAPI = "api"

// isAPI reports whether the request is a program's: for the JSON API or a tracker's webhook
// (hookPrefix). Both skip sessions, CSRF and the form reader, and are answered in JSON.
func isAPI(c echo.Context) bool {
	p := c.Request().URL.Path
	return strings.HasPrefix(p, apiPrefix) || strings.HasPrefix(p, hookPrefix)
}

// APIError is the body of every error the API answers: a stable code for programs, a message for
// people, and for a batch the items that were refused, by their index in the batch.
type APIError struct {
	Code    string             `json:"code"`
	Message string             `json:"message"`
	Items   []domain.ItemError `json:"items,omitempty"`
	Status  int                `json:"-"`
	Header  map[string]string  `json:"-"`
}

func (e *APIError) Error() string { return e.Code + ": " + e.Message }

// apiErr is an APIError to return from a handler.
func apiErr(status int, code, msg string) *APIError {
	return &APIError{Status: status, Code: code, Message: msg}
}

// requireToken lets a request through when it carries a live API token of a shop and is within
// the token's rate limit; the shop it names is then the request's only tenant scope (apiSeller).
// Otherwise it answers 401, or 429 with Retry-After in whole seconds.
func (s *Server) requireToken(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		scheme, token, ok := strings.Cut(c.Request().Header.Get(echo.HeaderAuthorization), " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
			return errNoToken
		}
		auth, err := s.store.AuthenticateAPIToken(c.Request().Context(), strings.TrimSpace(token), s.cfg.APIRateLimit)
		var limited *domain.ErrRateLimited
		switch {
		case errors.Is(err, domain.ErrUnauthorized):
			return errNoToken
		case errors.As(err, &limited):
			secs := int(math.Ceil(limited.RetryAfter.Seconds()))
			e := apiErr(http.StatusTooManyRequests, "rate_limited",
				"Too many requests with this token. Retry after "+strconv.Itoa(max(secs, 1))+" s.")
			e.Header = map[string]string{"Retry-After": strconv.Itoa(max(secs, 1))}
			return e
		case err != nil:
			return err
		}
		c.Set(ctxAPI, auth)
		return next(c)
	}
}

// errNoToken answers a request without a live token.
var errNoToken = &APIError{Status: http.StatusUnauthorized, Code: "unauthorized",
	Message: "Send a live API token of the shop: Authorization: Bearer <token>.",
	Header:  map[string]string{"WWW-Authenticate": `Bearer realm="api"`}}

// apiAuth returns the API request's shop and token.
func apiAuth(c echo.Context) domain.APIAuth { return c.Get(ctxAPI).(domain.APIAuth) }

// apiSeller returns the API request's shop: the only source of its tenant scope.
func apiSeller(c echo.Context) domain.SellerID { return apiAuth(c).Seller }

// handleAPIError is handleError for the API: the same mapping of domain errors to statuses, as
// JSON. Internal details stay in the log.
func (s *Server) handleAPIError(err error, c echo.Context) {
	tooSlow := errors.Is(context.Cause(c.Request().Context()), errTooSlow)
	var ae *APIError
	var verr *domain.ValidationError
	var he *echo.HTTPError
	switch {
	case errors.As(err, &ae):
	case tooSlow:
		ae = apiErr(http.StatusServiceUnavailable, "busy", "The desk is too busy to answer this right now. Try again in a moment.")
		ae.Header = map[string]string{"Retry-After": "5"}
	case errors.As(err, &verr):
		ae = apiErr(http.StatusUnprocessableEntity, "invalid", verr.Message())
	case errors.Is(err, domain.ErrNotFound):
		ae = apiErr(http.StatusNotFound, "not_found", "There is nothing here, or it belongs to another shop.")
	case errors.Is(err, domain.ErrConflict):
		ae = apiErr(http.StatusConflict, "conflict", "Someone changed this at the same time. Try again.")
	case errors.Is(err, domain.ErrUnauthorized):
		ae = apiErr(http.StatusForbidden, "forbidden", "This token may not do this.")
	case domain.Unavailable(err):
		ae = apiErr(http.StatusServiceUnavailable, "unavailable", "The desk cannot reach its database right now. Nothing was saved; try again in a minute.")
		ae.Header = map[string]string{"Retry-After": "30"}
	case errors.As(err, &he):
		_, msg := statusText(he)
		ae = apiErr(he.Code, strings.ToLower(strings.ReplaceAll(http.StatusText(he.Code), " ", "_")), msg)
	default:
		ae = apiErr(http.StatusInternalServerError, "internal", "The desk could not finish this request. It has been logged; try again in a moment.")
	}
	if ae.Status >= 500 {
		s.log.Error("api request failed", "id", c.Response().Header().Get(echo.HeaderXRequestID), "status", ae.Status, "err", err)
	}
	for k, v := range ae.Header {
		c.Response().Header().Set(k, v)
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(ae.Status)
		return
	}
	_ = c.JSON(ae.Status, ae)
}
