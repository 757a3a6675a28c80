package handlers

import (
	"encoding/csv"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/views"
)

// exceptionsBulk applies one change (the form's action: assign, snooze or resolve) to the
// exceptions of the parcels ticked on the queue, or of every parcel its filter matches (all=1),
// and goes back to the queue page the member was on (the form's return field, so the filter
// stays) with what changed and what was skipped, and why.
func (s *Server) exceptionsBulk(c echo.Context) error {
	ctx, seller := c.Request().Context(), sellerFrom(c)
	back := queueReturn(c.FormValue("return"))
	form, err := c.FormParams()
	if err != nil {
		return err
	}
	ids := formIDs(form["ids"])
	if form.Get("all") == "1" { // every parcel the queue's filter (the page it came from) matches
		u, _ := url.Parse(back)
		if ids, err = s.store.QueueExceptionIDs(ctx, seller, queueFilterOf(u.Query(), s.Clock()), domain.SelectAllCap); err != nil {
			return err
		}
	}
	ch, err := bulkChange(c, sellerLocation(c))
	var res domain.BulkResult
	if err == nil {
		res, err = s.store.BulkUpdate(ctx, seller, userFrom(c), ids, ch, s.Clock())
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		msgs := make([]string, 0, len(ve.Fields))
		for _, m := range ve.Fields {
			msgs = append(msgs, m)
		}
		slices.Sort(msgs)
		return s.redirectWithFlash(c, back, views.FlashError, strings.Join(msgs, "; "))
	}
	if err != nil {
		return err
	}
	kind := views.FlashSuccess
	if len(res.Skipped) > 0 {
		kind = views.FlashInfo
	}
	return s.redirectWithFlash(c, back, kind, bulkSummary(res))
}

// exceptionsUndo undoes the member's bulk change named in the path (their last, offered on the
// queue for a short while) and goes back to the queue page they were on.
func (s *Server) exceptionsUndo(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	back := queueReturn(c.FormValue("return"))
	res, err := s.store.UndoBulk(c.Request().Context(), sellerFrom(c), userFrom(c), id, s.Clock())
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		return s.redirectWithFlash(c, back, views.FlashError, ve.Message())
	}
	if err != nil {
		return err
	}
	kind := views.FlashSuccess
	if len(res.Skipped) > 0 {
		kind = views.FlashInfo
	}
	return s.redirectWithFlash(c, back, kind, "Undone: "+bulkSummary(res))
}

// viewSave saves the queue's filter (the form's query field) as one of the member's views, under
// the form's name, and shows it.
func (s *Server) viewSave(c echo.Context) error {
	q := views.NewQueueContext(c.FormValue("query"))
	v, err := s.store.SaveView(c.Request().Context(), sellerFrom(c), userFrom(c), c.FormValue("name"), string(q), s.Clock())
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		return s.redirectWithFlash(c, q.URL(), views.FlashError, ve.Message())
	}
	if err != nil {
		return err
	}
	return s.redirectWithFlash(c, q.URL(), views.FlashSuccess, "Saved the view “"+v.Name+"”")
}

// viewDelete deletes one of the member's saved views and goes back to the queue page.
func (s *Server) viewDelete(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	if err := s.store.DeleteView(c.Request().Context(), sellerFrom(c), userFrom(c), id); err != nil {
		return err
	}
	return s.redirectWithFlash(c, queueReturn(c.FormValue("return")), views.FlashSuccess, "View deleted")
}

// formIDs reads the exception ids of ticked rows: each row's checkbox stands for its parcel's
// exceptions, "12,15". Values that are not ids are ignored.
func formIDs(values []string) []int64 {
	var ids []int64
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			if id, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64); err == nil && id > 0 {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// bulkChange reads the bulk bar's action and its one field into a change.
func bulkChange(c echo.Context, loc *time.Location) (domain.ExceptionChange, error) {
	var ch domain.ExceptionChange
	switch c.FormValue("action") {
	case "assign":
		id, err := strconv.ParseInt(c.FormValue("assignee"), 10, 64)
		if err != nil || id < 0 {
			return ch, domain.Invalid("assignee", "Choose a member of your team")
		}
		ch.AssigneeID = &id
	case "snooze":
		// The exception comes back at the start of the working day the member chose, in the
		// seller's time zone.
		day, err := time.ParseInLocation("2006-01-02", c.FormValue("until"), loc)
		if err != nil {
			return ch, domain.Invalid("until", "Choose a date in the future to wait until")
		}
		until := domain.WakeAt(day, loc)
		st := domain.StateWaiting
		ch.State, ch.WaitingUntil = &st, &until
	case "resolve":
		st, r := domain.StateResolved, domain.Resolution(c.FormValue("resolution"))
		ch.State, ch.Resolution = &st, &r
	default:
		return ch, domain.Invalid("action", "Choose an action")
	}
	return ch, nil
}

// bulkSummary says what a bulk change did: "2 changed, 1 skipped (not found)". Skips with the
// same reason are counted together.
func bulkSummary(res domain.BulkResult) string {
	msg := fmt.Sprintf("%d changed", res.Changed)
	if len(res.Skipped) == 0 {
		return msg
	}
	var reasons []string
	count := map[string]int{}
	for _, sk := range res.Skipped {
		if count[sk.Reason] == 0 {
			reasons = append(reasons, sk.Reason)
		}
		count[sk.Reason]++
	}
	for i, r := range reasons {
		if count[r] > 1 {
			reasons[i] = fmt.Sprintf("%s: %d", r, count[r])
		}
	}
	return fmt.Sprintf("%s, %d skipped (%s)", msg, len(res.Skipped), strings.Join(reasons, "; "))
}

// queueReturn is where a bulk change goes back to: the queue page given, when it is one (a
// local path under /exceptions, so the field cannot send the member elsewhere), else the queue.
func queueReturn(ret string) string {
	u, err := url.Parse(ret)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(ret, "/exceptions") ||
		strings.ContainsAny(ret, "\\\r\n") {
		return string(views.QueueURL())
	}
	return ret
}

// rowKinds lists the kinds of a queue row's exceptions, most urgent first: "delivery_issue late".
func rowKinds(r domain.QueueRow) string {
	kinds := make([]string, len(r.Exceptions))
	for i, e := range r.Exceptions {
		kinds[i] = string(e.Kind)
	}
	return strings.Join(kinds, " ")
}

// exceptionsCSV downloads every parcel the queue's filter shows (all pages), streamed as the
// domain walks the queue, a line per parcel (its most urgent exception, and every kind), each cell
// safe to open in a spreadsheet. Times are in the seller's zone.
func (s *Server) exceptionsCSV(c echo.Context) error {
	ctx, seller, loc := c.Request().Context(), sellerFrom(c), sellerLocation(c)
	f := s.queueFilter(c)
	f.After = nil
	stamp := func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.In(loc).Format("2006-01-02 15:04")
	}
	return s.streamCSV(c, fmt.Sprintf("exceptions-%s.csv", f.Now.In(loc).Format("2006-01-02")), func(w *csv.Writer) error {
		if err := w.Write([]string{"exception id", "kind", "state", "severity", "order ref", "tracking number", "customer", "email",
			"destination", "carrier", "service", "stage", "in stage since", "value", "currency", "assignee", "opened", "kinds"}); err != nil {
			return err
		}
		return s.store.EachQueueRow(ctx, seller, f, func(r domain.QueueRow) error {
			value := ""
			if r.OrderValue != nil {
				value = *r.OrderValue
			}
			return w.Write(safeRow([]string{strconv.FormatInt(r.ID, 10), string(r.Kind), string(r.State),
				strconv.FormatFloat(r.Severity, 'f', 1, 64), r.OrderRef, r.TrackingNumber, r.CustomerName, r.CustomerEmail,
				r.DestinationCountry, r.Carrier, r.Service, r.ShipmentStage.Key(), stamp(r.StageEnteredAt), value, r.Currency,
				r.AssigneeName, stamp(&r.OpenedAt), rowKinds(r)}))
		})
	})
}
