package handlers

import (
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/views"
)

// Tracker webhooks in: AfterShip and 17TRACK post a shop's tracking updates to
// /hooks/<tracker>/<shop's path key>. Like the JSON API they are for programs: no session, no CSRF
// token, JSON answers (isAPI covers both prefixes). The path key names the shop and the tracker's
// signature of the body, made with the secret the owner pasted, proves the sender.

// hookPrefix starts every tracker webhook's path.
const hookPrefix = "/hooks/"

// hookBodyLimit bounds a delivery's body: a tracker sends one parcel's whole history, tens of
// kilobytes; meant to leave room for a long history without letting anyone store megabytes.
const hookBodyLimit = 2_000_000

// hookRoutes is the tracker webhooks' route table: one route per tracker, the segment its name.
func (s *Server) hookRoutes(e *echo.Echo) {
	body := jsonBodyLimit(hookBodyLimit)
	for _, t := range domain.Trackers {
		e.POST(hookPrefix+string(t)+"/:key", s.hookReceive(t), body)
	}
}

// hookAnswer is what a delivery is answered with.
type hookAnswer struct {
	Delivery  int64  `json:"delivery"`
	State     string `json:"state"`
	Events    int    `json:"events_added"`
	Duplicate bool   `json:"duplicate,omitempty"`
}

// errBadSignature answers a delivery whose signature is missing or wrong.
var errBadSignature = apiErr(http.StatusUnauthorized, "bad_signature",
	"The request's signature is missing or is not the tracker's signature of this body with the shop's secret.")

// hookReceive stores a tracker's delivery, then imports it at once. An unknown key answers 404, a
// bad signature 401 (nothing stored either way); a delivery whose processing failed answers with
// the error, so that the tracker retries, and the retry processes the stored delivery.
func (s *Server) hookReceive(t domain.Tracker) echo.HandlerFunc {
	return func(c echo.Context) error {
		body, err := io.ReadAll(c.Request().Body)
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			return err // jsonBodyLimit answers it
		case err != nil:
			return apiErr(http.StatusBadRequest, "bad_body", "The body could not be read.")
		}
		ctx := c.Request().Context()
		d, err := s.store.ReceiveTrackerDelivery(ctx, t, c.Param("key"), body, c.Request().Header.Get(t.SignatureHeader()))
		if errors.Is(err, domain.ErrUnauthorized) {
			return errBadSignature
		}
		if err != nil {
			return err
		}
		dup := d.Duplicate
		if d, err = s.store.ProcessTrackerDelivery(ctx, d.SellerID, d.ID, s.metrics); err != nil {
			return err
		}
		return c.JSON(http.StatusOK, hookAnswer{Delivery: d.ID, State: d.State, Events: d.Events, Duplicate: dup})
	}
}

// trackerHooksView is the tracker webhooks page's data; form is a refused form, if any.
func (s *Server) trackerHooksView(c echo.Context, form views.TrackerHookForm) (views.TrackerHooks, error) {
	ctx, seller := c.Request().Context(), sellerFrom(c)
	hooks, err := s.store.ListTrackerHooks(ctx, seller)
	if err != nil {
		return views.TrackerHooks{}, err
	}
	vm := views.TrackerHooks{Base: s.cfg.Notify.PublicURL, Form: form}
	if vm.Base == "" {
		vm.Base = c.Scheme() + "://" + c.Request().Host
	}
	for _, t := range domain.Trackers {
		row := views.TrackerHookRow{Tracker: t}
		for i := range hooks {
			if hooks[i].Tracker == t {
				row.Hook = &hooks[i]
			}
		}
		vm.Trackers = append(vm.Trackers, row)
	}
	if vm.Deliveries, err = s.store.ListTrackerDeliveries(ctx, seller, "", 50); err != nil {
		return vm, err
	}
	vm.Unmatched, err = s.store.CountUnmatchedDeliveries(ctx, seller)
	return vm, err
}

func (s *Server) trackerHooksIndex(c echo.Context) error {
	vm, err := s.trackerHooksView(c, views.TrackerHookForm{})
	if err != nil {
		return err
	}
	return s.renderTrackerHooks(c, http.StatusOK, vm)
}

// renderTrackerHooks answers with the tracker webhooks page, never cached: it holds the hook URLs,
// whose keys let anyone who has them post as the tracker.
func (s *Server) renderTrackerHooks(c echo.Context, status int, vm views.TrackerHooks) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	return render(c, status, views.TrackerHooksPage(s.page(c, "Tracker webhooks"), vm), nil)
}

// trackerHookSave stores the secret an owner pasted for a tracker.
func (s *Server) trackerHookSave(c echo.Context) error {
	t := domain.Tracker(c.FormValue("tracker"))
	_, err := s.store.SetTrackerSecret(c.Request().Context(), sellerFrom(c), userFrom(c), t, c.FormValue("secret"))
	if errs := fieldErrors(err); errs != nil {
		if _, ok := errs["tracker"]; ok {
			return echo.NewHTTPError(http.StatusBadRequest, "Choose AfterShip or 17TRACK.")
		}
		vm, lerr := s.trackerHooksView(c, views.TrackerHookForm{Tracker: t, Errors: errs})
		if lerr != nil {
			return lerr
		}
		return s.renderTrackerHooks(c, http.StatusUnprocessableEntity, vm)
	}
	if err != nil {
		return err
	}
	return s.redirectWithFlash(c, views.TrackerHooksPath, views.FlashSuccess,
		t.Label()+" is connected: set the webhook URL shown in "+t.Label()+" if you have not yet.")
}

func (s *Server) trackerHookRemove(c echo.Context) error {
	t := domain.Tracker(c.FormValue("tracker"))
	if err := s.store.RemoveTrackerHook(c.Request().Context(), sellerFrom(c), userFrom(c), t); err != nil {
		return err
	}
	return s.redirectWithFlash(c, views.TrackerHooksPath, views.FlashSuccess,
		t.Label()+" is disconnected: its webhook URL answers 404 from now on.")
}

// trackerHooksRetry processes the shop's unmatched deliveries again, for parcels imported since.
func (s *Server) trackerHooksRetry(c echo.Context) error {
	tried, matched, err := s.store.RetryUnmatchedDeliveries(c.Request().Context(), sellerFrom(c), userFrom(c), s.metrics)
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("%d of %d unmatched parcels now match a shipment; their events are in.", matched, tried)
	if tried == 0 {
		msg = "There was no unmatched parcel to retry."
	}
	return s.redirectWithFlash(c, views.TrackerHooksPath, views.FlashSuccess, msg)
}
