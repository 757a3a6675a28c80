package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/views"
)

// exceptionsIndex is the review queue: the seller's parcels with exceptions, the ones needing
// action first, narrowed by the filter in the query string (a filtered queue is a link that can be
// shared).
func (s *Server) exceptionsIndex(c echo.Context) error {
	f := s.queueFilter(c)
	qv, err := s.store.QueueView(c.Request().Context(), sellerFrom(c), userFrom(c).ID, f)
	if err != nil {
		return err
	}
	vm := views.Queue{QueueView: qv, Filter: f, Now: f.Now, Loc: sellerLocation(c)}
	if qv.Version >= 0 { // the page is the seller's at that version: its rows section can be kept
		vm.Rows = s.rows
		vm.RowsKey = fmt.Sprintf("%d %d %s %s", sellerFrom(c), qv.Version, vm.Loc, vm.ReturnURL())
	}
	p := s.page(c, "Review queue")
	return render(c, http.StatusOK, views.QueuePage(p, vm), views.QueueRows(p, vm))
}

// queueRowsCacheBytes bounds the queue's rows sections kept (about 70 kB a page).
const queueRowsCacheBytes = 16 << 20

// queueFilter reads the queue's filter from the query string, at the server's clock.
func (s *Server) queueFilter(c echo.Context) domain.QueueFilter {
	return queueFilterOf(c.QueryParams(), s.Clock())
}

// queueFilterOf reads the queue's filter from query values. A value that is not one of the
// choices is ignored, as a hand-edited link should still show a queue rather than an error.
func queueFilterOf(v url.Values, now time.Time) domain.QueueFilter {
	f := domain.QueueFilter{Query: strings.TrimSpace(v.Get("q")), Limit: domain.QueuePageSize, Now: now}
	if k := domain.ExceptionKind(v.Get("kind")); k.Valid() {
		f.Kind = k
	}
	if st := v.Get("state"); st == domain.QueueAll || st == domain.QueueUnresolved || domain.ExceptionState(st).Valid() {
		f.State = st
	}
	if st, ok := domain.ParseStage(v.Get("stage")); ok {
		f.Stage = st
	}
	if cc := strings.ToUpper(strings.TrimSpace(v.Get("country"))); len(cc) == 2 {
		f.Country = cc
	}
	f.Carrier = strings.TrimSpace(v.Get("carrier"))
	if age, err := strconv.Atoi(v.Get("age")); err == nil && slices.Contains(views.QueueAges, age) {
		f.Age = age
	}
	switch a := v.Get("assignee"); a {
	case "none":
		f.Assignee = domain.QueueUnassigned
	default:
		if id, err := strconv.ParseInt(a, 10, 64); err == nil && id > 0 {
			f.Assignee = id
		}
	}
	sev, errS := strconv.ParseFloat(v.Get("after_sev"), 64)
	id, errI := strconv.ParseInt(v.Get("after_id"), 10, 64)
	if errS == nil && errI == nil && id > 0 {
		f.After = &domain.QueueCursor{Severity: sev, ID: id}
	}
	return f
}

// exceptionShow is one exception with its shipment, workflow actions and history. Another
// seller's id answers 404, like an id that does not exist.
func (s *Server) exceptionShow(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	return s.renderException(c, id, http.StatusOK, views.ExceptionView{Queue: views.NewQueueContext(c.QueryParam("queue")),
		Resolution: domain.Resolution(c.QueryParam("as"))})
}

// exceptionNext works the exception's parcel and moves on: "resolve & next" resolves, "snooze &
// next" puts to wait until a day, the exception and its parcel's other exceptions needing action,
// each at the version the member saw (all or none), then opens the next parcel of the queue the
// member came from (the form's queue field), or goes back to that queue when it holds no other.
func (s *Server) exceptionNext(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	ctx, seller, loc := c.Request().Context(), sellerFrom(c), sellerLocation(c)
	form, err := c.FormParams()
	if err != nil {
		return err
	}
	queue := views.NewQueueContext(form.Get("queue"))
	ch, done, err := nextChange(form, loc)
	seen := seenOf(form["seen"])
	if err == nil && !slices.ContainsFunc(seen, func(x domain.Seen) bool { return x.ID == id }) {
		err = domain.Invalid("", "The form does not belong to this exception: open it again")
	}
	if err == nil {
		err = s.store.UpdateExceptions(ctx, seller, userFrom(c), seen, ch, s.Clock())
	}
	var ve *domain.ValidationError
	switch {
	case errors.As(err, &ve):
		return s.renderException(c, id, http.StatusUnprocessableEntity, views.ExceptionView{Errors: ve.Fields, Queue: queue})
	case errors.Is(err, domain.ErrConflict):
		return s.renderException(c, id, http.StatusConflict, views.ExceptionView{Conflict: true, Queue: queue})
	case err != nil:
		return err
	}
	cur, err := s.store.FindException(ctx, seller, id)
	if err != nil {
		return err
	}
	f := queueFilterOf(queue.Values(), s.Clock())
	next, ok, err := s.store.NextInQueue(ctx, seller, f, domain.QueueCursor{Severity: cur.Severity, ID: cur.ID}, cur.ShipmentID)
	if err != nil {
		return err
	}
	if !ok {
		return s.redirectWithFlash(c, queue.URL(), views.FlashSuccess, done+". Nothing else in this queue needs you.")
	}
	to := queue.ExceptionPath(next.ID)
	if ch.Resolution != nil && next.Kind == cur.Kind && cur.Kind != domain.KindNotReceived {
		// The next parcel of the same kind offers the same resolution: runs of alike parcels
		// take one key each.
		to = addQuery(to, "as", string(*ch.Resolution))
	}
	return s.redirectWithFlash(c, to, views.FlashSuccess, done+". Next: "+next.OrderRef)
}

// addQuery adds a query value to a local path.
func addQuery(path, key, value string) string {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + url.Values{key: {value}}.Encode()
}

// nextChange reads "resolve & next" or "snooze & next": the change and the words that confirm it.
func nextChange(form url.Values, loc *time.Location) (domain.ExceptionChange, string, error) {
	var ch domain.ExceptionChange
	switch form.Get("action") {
	case "resolve":
		r := domain.Resolution(form.Get("resolution"))
		if !r.Valid() {
			return ch, "", domain.Invalid("next_resolution", "Choose how it was resolved")
		}
		st := domain.StateResolved
		ch.State, ch.Resolution = &st, &r
		return ch, "Resolved as " + strings.ToLower(r.Label()), nil
	case "snooze":
		day, err := time.ParseInLocation("2006-01-02", form.Get("until"), loc)
		if err != nil {
			return ch, "", domain.Invalid("until", "Choose a date in the future to wait until")
		}
		until := domain.WakeAt(day, loc)
		st := domain.StateWaiting
		ch.State, ch.WaitingUntil = &st, &until
		return ch, "Snoozed until " + views.FormatDate(until), nil
	}
	return ch, "", domain.Invalid("", "Choose an action")
}

// seenOf reads the form's seen fields, "id:version" each: the exceptions the page showed.
func seenOf(values []string) []domain.Seen {
	var out []domain.Seen
	for _, v := range values {
		a, b, _ := strings.Cut(v, ":")
		id, errI := strconv.ParseInt(a, 10, 64)
		version, errV := strconv.Atoi(b)
		if errI == nil && errV == nil && id > 0 {
			out = append(out, domain.Seen{ID: id, Version: version})
		}
	}
	return out
}

// exceptionUpdate applies one workflow action (the form's action field) at the version the
// member saw. Success redirects back with a flash; a refused change re-renders the page with the
// message (422); a change someone else made first re-renders the exception as it is now (409),
// keeping the member's note.
func (s *Server) exceptionUpdate(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(c.FormValue("version"))
	queue := views.NewQueueContext(c.FormValue("queue"))
	ch, done, err := exceptionChange(c, sellerLocation(c))
	if err == nil {
		_, err = s.store.UpdateException(c.Request().Context(), sellerFrom(c), userFrom(c), id, version, ch, s.Clock())
	}
	var ve *domain.ValidationError
	switch {
	case err == nil:
		return s.redirectWithFlash(c, queue.ExceptionPath(id), views.FlashSuccess, done)
	case errors.As(err, &ve):
		return s.renderException(c, id, http.StatusUnprocessableEntity, views.ExceptionView{Errors: ve.Fields, Note: c.FormValue("note"), Queue: queue})
	case errors.Is(err, domain.ErrConflict):
		return s.renderException(c, id, http.StatusConflict, views.ExceptionView{Conflict: true, Note: c.FormValue("note"), Queue: queue})
	}
	return err
}

// renderException loads the exception page's detail into vm and renders it with status.
func (s *Server) renderException(c echo.Context, id int64, status int, vm views.ExceptionView) error {
	now := s.Clock()
	d, err := s.store.ExceptionDetail(c.Request().Context(), sellerFrom(c), id, now)
	if err != nil {
		return err
	}
	vm.ExceptionDetail, vm.Now, vm.Loc = d, now, sellerLocation(c)
	// The parcel to skip to: the next of the queue the member came from.
	next, ok, err := s.store.NextInQueue(c.Request().Context(), sellerFrom(c), queueFilterOf(vm.Queue.Values(), s.Clock()),
		domain.QueueCursor{Severity: d.Exception.Severity, ID: d.Exception.ID}, d.Exception.ShipmentID)
	if err != nil {
		return err
	}
	if ok {
		vm.Next = &next
	}
	if vm.DisputeForm == (views.DisputeForm{}) {
		vm.DisputeForm = views.NewDisputeForm(d, now, vm.Loc)
	}
	title := d.Exception.Kind.Label() + " · " + d.Shipment.Shipment.OrderRef
	return render(c, status, views.ExceptionPage(s.page(c, title), vm), nil)
}

// exceptionChange reads a workflow action from the form: the change it asks for and the flash
// that confirms it.
func exceptionChange(c echo.Context, loc *time.Location) (domain.ExceptionChange, string, error) {
	var ch domain.ExceptionChange
	switch c.FormValue("action") {
	case "investigate":
		st := domain.StateInvestigating
		ch.State = &st
		return ch, "Investigating", nil
	case "wait":
		// The date is a day in the seller's zone; the exception comes back at its start of work.
		day, err := time.ParseInLocation("2006-01-02", c.FormValue("waiting_until"), loc)
		if err != nil {
			return ch, "", domain.Invalid("waiting_until", "Choose a date in the future to wait until")
		}
		until := domain.WakeAt(day, loc)
		st := domain.StateWaiting
		ch.State, ch.WaitingUntil = &st, &until
		return ch, "Waiting until " + views.FormatDate(until), nil
	case "resolve":
		st, r := domain.StateResolved, domain.Resolution(c.FormValue("resolution"))
		ch.State, ch.Resolution = &st, &r
		return ch, "Resolved as " + strings.ToLower(r.Label()), nil
	case "reopen":
		st := domain.StateOpen
		ch.State = &st
		return ch, "Back in the queue", nil
	case "assign":
		id, err := strconv.ParseInt(c.FormValue("assignee"), 10, 64)
		if err != nil || id < 0 {
			return ch, "", domain.Invalid("assignee", "Choose a member of your team")
		}
		ch.AssigneeID = &id
		if id == 0 {
			return ch, "Unassigned", nil
		}
		return ch, "Assigned", nil
	case "note":
		note := c.FormValue("note")
		ch.Note = &note
		return ch, "Note added", nil
	}
	return ch, "", domain.Invalid("", "Choose an action")
}
