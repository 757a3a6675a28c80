package handlers

import (
	_ "embed"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
)

// apiRoutes is the JSON API's route table (documented in openapi.json, which a test holds to
// this table). Every route but the description needs a token.
func (s *Server) apiRoutes(e *echo.Echo) {
	// Not an Echo group: a group with middleware registers catch-all routes of its own.
	e.GET("/api/v1/openapi.json", s.apiOpenAPI)
	tok, body := s.requireToken, jsonBodyLimit(apiBodyLimit)
	e.PUT("/api/v1/shipments/:order_ref", s.apiShipmentPut, unescapeParams, body, tok)
	e.GET("/api/v1/shipments/:order_ref", s.apiShipmentShow, unescapeParams, tok)
	e.POST("/api/v1/events", s.apiEventsCreate, body, tok)
	e.GET("/api/v1/exceptions", s.apiExceptionsIndex, tok)
}

// unescapeParams decodes the route's parameters when the request's path was matched escaped. An
// order reference may hold a "/" ("1001/2"), which a client sends as %2F: net/http then keeps the
// path as sent in URL.RawPath, and Echo routes on RawPath whenever it is set (echo.GetPath), so
// the %2F stays inside the one segment of :order_ref, but the value it hands over is still
// escaped ("1001%2F2"). Without a RawPath (nothing escaped beyond the default) Echo routes on
// URL.Path and the value is already decoded: "/shipments/50%25" hands over "50%", which must not
// be decoded a second time.
func unescapeParams(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().URL.RawPath == "" {
			return next(c)
		}
		vals := c.ParamValues()
		out := make([]string, len(vals))
		for i, v := range vals {
			u, err := url.PathUnescape(v)
			if err != nil {
				return apiErr(http.StatusBadRequest, "bad_path", "The path is not a valid percent-encoded URL path.")
			}
			out[i] = u
		}
		c.SetParamValues(out...)
		return next(c)
	}
}

// openAPIDoc is the API's OpenAPI 3 description, served as it is.
//
//go:embed openapi.json
var openAPIDoc []byte

// apiOpenAPI serves the API's OpenAPI 3 description.
func (s *Server) apiOpenAPI(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "no-cache")
	return c.JSONBlob(http.StatusOK, openAPIDoc)
}

// decodeJSON reads the request's JSON body into v; a body that is not JSON of that shape is a 400
// that says where it went wrong.
func decodeJSON(c echo.Context, v any) error {
	err := json.NewDecoder(c.Request().Body).Decode(v)
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tooBig *http.MaxBytesError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &tooBig):
		return err // jsonBodyLimit answers it
	case errors.Is(err, io.EOF):
		return apiErr(http.StatusBadRequest, "bad_json", "The body is empty: send a JSON object.")
	case errors.As(err, &syn):
		return apiErr(http.StatusBadRequest, "bad_json", "The body is not JSON (at byte "+strconv.FormatInt(syn.Offset, 10)+").")
	case errors.As(err, &typ):
		return apiErr(http.StatusBadRequest, "bad_json", "The field "+typ.Field+" must be a JSON "+typ.Type.Kind().String()+".")
	default:
		var he *echo.HTTPError
		if errors.As(err, &he) {
			return he
		}
		return apiErr(http.StatusBadRequest, "bad_json", "The body could not be read as JSON.")
	}
}

// apiUser is who the API's imports are recorded as: the owner who made the token.
func apiUser(c echo.Context) *int64 { return apiAuth(c).User }

// apiShipmentPut records an order's facts; 201 when it made the shipment, 200 when it updated it.
func (s *Server) apiShipmentPut(c echo.Context) error {
	var o domain.APIOrder
	if err := decodeJSON(c, &o); err != nil {
		return err
	}
	ctx, seller, ref := c.Request().Context(), apiSeller(c), c.Param("order_ref")
	created, err := s.store.PutOrder(ctx, seller, apiUser(c), ref, o, s.metrics)
	if err != nil {
		return err
	}
	sh, err := s.store.FindAPIShipment(ctx, seller, ref, s.Clock())
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	return c.JSON(status, sh)
}

func (s *Server) apiShipmentShow(c echo.Context) error {
	sh, err := s.store.FindAPIShipment(c.Request().Context(), apiSeller(c), c.Param("order_ref"), s.Clock())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sh)
}

// eventsBatch is the body of POST /api/v1/events.
type eventsBatch struct {
	Events []domain.APIEvent `json:"events"`
}

// apiEventsCreate imports a batch of events. Good items go in and bad ones are listed (200); when
// none went in (all bad, or ?atomic=true and some bad) it answers 422 with the bad ones.
func (s *Server) apiEventsCreate(c echo.Context) error {
	var b eventsBatch
	if err := decodeJSON(c, &b); err != nil {
		return err
	}
	atomic := c.QueryParam("atomic") == "true"
	res, err := s.store.IngestEvents(c.Request().Context(), apiSeller(c), apiUser(c), b.Events, atomic, s.metrics)
	if err != nil {
		return err
	}
	if res.ImportID == 0 {
		msg := "No event was imported: every item was refused."
		if atomic {
			msg = "No event was imported: the batch is all or nothing (atomic=true) and some items were refused."
		}
		return &APIError{Status: http.StatusUnprocessableEntity, Code: "invalid_items", Message: msg, Items: res.Items}
	}
	return c.JSON(http.StatusOK, res)
}

// apiExceptionsIndex lists the queue with the queue page's filters (kind, state, stage, country,
// carrier, assignee, q, age), a page of up to limit parcels after cursor.
func (s *Server) apiExceptionsIndex(c echo.Context) error {
	f := s.queueFilter(c)
	f.After = nil // the page's after_sev/after_id: the API's cursor is one opaque value
	if cur := c.QueryParam("cursor"); cur != "" {
		after, ok := domain.ParseQueueCursor(cur)
		if !ok {
			return apiErr(http.StatusBadRequest, "bad_cursor", "The cursor is not one this API handed out.")
		}
		f.After = &after
	}
	if l := c.QueryParam("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 200 {
			return apiErr(http.StatusBadRequest, "bad_limit", "limit must be a number from 1 to 200.")
		}
		f.Limit = n
	}
	page, err := s.store.ListAPIExceptions(c.Request().Context(), apiSeller(c), f)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, page)
}
