package handlers

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/zone"
	"github.com/parceldesk/portal/views"
)

// disputesPageSize bounds the disputes list: a shop has tens of running disputes, not thousands.
const disputesPageSize = 500

// disputesIndex lists the seller's disputes, the ones due within 48 hours on top, narrowed by
// the status filter in the query string.
func (s *Server) disputesIndex(c echo.Context) error {
	ctx, seller, now := c.Request().Context(), sellerFrom(c), s.Clock()
	status := c.QueryParam("status")
	if status != domain.DisputesAll && !domain.DisputeStatus(status).Valid() {
		status = ""
	}
	rows, err := s.store.ListDisputes(ctx, seller, domain.DisputeFilter{Status: status, Now: now, Limit: disputesPageSize})
	if err != nil {
		return err
	}
	sum, err := s.store.DisputeSummary(ctx, seller, now)
	if err != nil {
		return err
	}
	vm := views.DisputeList{Rows: rows, Status: status, Summary: sum, Limit: disputesPageSize, Now: now, Loc: sellerLocation(c)}
	return render(c, http.StatusOK, views.DisputesPage(s.page(c, "Disputes"), vm), nil)
}

// disputeShow is one dispute. Another seller's id answers 404, like an id that does not exist.
func (s *Server) disputeShow(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	return s.renderDispute(c, id, http.StatusOK, views.DisputeView{})
}

// renderDispute loads the dispute page's detail into vm and renders it with status. The edit
// form shows the stored dispute unless vm carries what the member typed.
func (s *Server) renderDispute(c echo.Context, id int64, status int, vm views.DisputeView) error {
	now, loc := s.Clock(), sellerLocation(c)
	d, err := s.store.DisputeDetail(c.Request().Context(), sellerFrom(c), id, now)
	if err != nil {
		return err
	}
	vm.DisputeDetail, vm.Now, vm.Loc = d, now, loc
	if vm.Action != "edit" {
		vm.Form = views.DisputeFormOf(d.Dispute, loc)
	}
	return render(c, status, views.DisputePage(s.page(c, views.DisputeTitle(d)), vm), nil)
}

// disputeCreate opens a dispute over an exception, as a draft or open (the button pressed), and
// goes to its page. Refused terms re-render the exception page with the form as typed (422).
func (s *Server) disputeCreate(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	loc, now := sellerLocation(c), s.Clock()
	form := disputeFormValues(c)
	fields, err := disputeFields(form, loc, now, false)
	if err == nil {
		var d domain.Dispute
		d, err = s.store.CreateDispute(c.Request().Context(), sellerFrom(c), userFrom(c), id, domain.DisputeStatus(c.FormValue("status")), fields, now)
		if err == nil {
			msg := "Dispute opened"
			if d.Status == domain.DisputeDraft {
				msg = "Dispute saved as a draft"
			}
			return s.redirectWithFlash(c, views.DisputePath(d.ID), views.FlashSuccess, msg)
		}
	}
	if errs := fieldErrors(err); errs != nil {
		return s.renderException(c, id, http.StatusUnprocessableEntity, views.ExceptionView{DisputeForm: form, DisputeErrors: errs})
	}
	return err
}

// disputeUpdate edits a dispute's terms (action edit) or moves its status (action status) at the
// version the member saw. A refused change re-renders the page with the messages and what was
// typed (422); a change someone else made first shows the dispute as it is now (409).
func (s *Server) disputeUpdate(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	loc, now := sellerLocation(c), s.Clock()
	version, _ := strconv.Atoi(c.FormValue("version"))
	action := c.FormValue("action")
	form := disputeFormValues(c)
	var ch domain.DisputeChange
	done := "Saved"
	switch action {
	case "edit":
		var f domain.DisputeFields
		if f, err = disputeFields(form, loc, now, true); err == nil {
			ch.Fields, ch.Recovered = &f, &form.AmountRecovered
		}
	case "status":
		st := domain.DisputeStatus(c.FormValue("status"))
		ch.Status, ch.Recovered = &st, &form.AmountRecovered
		ch.ResolveException = c.FormValue("resolve_exception") != ""
		ch.RespondBy, err = optionalDate(form.RespondBy, "respond_by", loc, true)
		done = "Marked " + strings.ToLower(st.Label())
	default:
		err = domain.Invalid("", "Choose an action")
	}
	if err == nil {
		_, err = s.store.UpdateDispute(c.Request().Context(), sellerFrom(c), userFrom(c), id, version, ch, now)
	}
	var ve *domain.ValidationError
	switch {
	case err == nil:
		return s.redirectWithFlash(c, views.DisputePath(id), views.FlashSuccess, done)
	case errors.As(err, &ve):
		return s.renderDispute(c, id, http.StatusUnprocessableEntity, views.DisputeView{Action: action, Errors: ve.Fields, Form: form})
	case errors.Is(err, domain.ErrConflict):
		return s.renderDispute(c, id, http.StatusConflict, views.DisputeView{Conflict: true, ExceptionChanged: errors.Is(err, domain.ErrExceptionChanged)})
	}
	return err
}

// disputeNote adds a note to a dispute's history.
func (s *Server) disputeNote(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	note := c.FormValue("note")
	err = s.store.AddDisputeNote(c.Request().Context(), sellerFrom(c), userFrom(c), id, note, s.Clock())
	if errs := fieldErrors(err); errs != nil {
		return s.renderDispute(c, id, http.StatusUnprocessableEntity, views.DisputeView{Action: "note", Errors: errs, Note: note})
	}
	if err != nil {
		return err
	}
	return s.redirectWithFlash(c, views.DisputePath(id)+"#history", views.FlashSuccess, "Note added")
}

// evidenceCreate stores an uploaded evidence file, read part by part from the body into one
// buffer no larger than the file's limit (plus a byte, to tell a file over it). A body over the
// file's limit (plus room for the other fields) answers 413, one that stops arriving 408, a file
// that is not an image or PDF re-renders the page with the reason (422); none stores anything.
func (s *Server) evidenceCreate(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	fail := func(errs views.Errors) error {
		return s.renderDispute(c, id, http.StatusUnprocessableEntity, views.DisputeView{Action: "evidence", Errors: errs})
	}
	const limit = domain.MaxEvidenceBytes + 64<<10
	if c.Request().ContentLength > limit {
		return errEvidenceTooLarge
	}
	body := newPacedBody(c, s.cfg.UploadStall)
	c.Request().Body = http.MaxBytesReader(c.Response(), body, limit)
	readFailed := func(err error) error {
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			return errEvidenceTooLarge
		case errors.Is(body.err, os.ErrDeadlineExceeded):
			// The server cancelled the request's context when reading failed; the answer still goes out.
			c.SetRequest(c.Request().WithContext(context.WithoutCancel(c.Request().Context())))
			return echo.NewHTTPError(http.StatusRequestTimeout, fmt.Sprintf("The file stopped arriving (nothing for %s) and was cut off. Try again.", s.cfg.UploadStall))
		}
		return fail(views.Errors{"file": "Choose a file to upload"})
	}
	mr, err := c.Request().MultipartReader()
	if err != nil {
		return fail(views.Errors{"file": "Choose a file to upload"})
	}
	up := domain.EvidenceUpload{}
	var data bytes.Buffer
	var file bool
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return readFailed(err)
		}
		switch part.FormName() {
		case "file":
			if file || part.FileName() == "" {
				continue
			}
			file, up.Filename = true, part.FileName() // evidencefile.SafeName cleans it
			if n := c.Request().ContentLength; n > 0 {
				// Room for the whole body: ReadFrom then fills the buffer without copying it to
				// a larger one (it wants MinRead bytes free before each read).
				data.Grow(int(min(n, domain.MaxEvidenceBytes+1)) + bytes.MinRead)
			}
			if _, err := data.ReadFrom(io.LimitReader(part, domain.MaxEvidenceBytes+1)); err != nil {
				return readFailed(err)
			}
			if data.Len() > domain.MaxEvidenceBytes {
				return errEvidenceTooLarge
			}
		case "kind", "description":
			// Small fields: a description over its limit is refused by its length, so reading a
			// little more than the limit allows is enough.
			v, err := io.ReadAll(io.LimitReader(part, 4*domain.MaxEvidenceDescription+1))
			if err != nil {
				return readFailed(err)
			}
			text, err := readText(v)
			if err != nil {
				return err
			}
			if part.FormName() == "kind" {
				up.Kind = domain.EvidenceKind(text)
			} else {
				up.Description = text
			}
		}
	}
	if !file {
		return fail(views.Errors{"file": "Choose a file to upload"})
	}
	up.Data = data.Bytes()
	ev, err := s.store.AddEvidence(c.Request().Context(), sellerFrom(c), userFrom(c), id, up, s.Clock())
	if errs := fieldErrors(err); errs != nil {
		return fail(errs)
	}
	if err != nil {
		return err
	}
	return s.redirectWithFlash(c, views.DisputePath(id)+"#evidence", views.FlashSuccess, "Added "+ev.Filename)
}

// evidenceDownload serves an evidence file to its seller only, always as a download under its
// safe name with the content type read from its bytes at upload, never sniffed by the browser.
func (s *Server) evidenceDownload(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	evID, err := strconv.ParseInt(c.Param("evidence_id"), 10, 64)
	if err != nil || evID <= 0 {
		return domain.ErrNotFound
	}
	ev, data, err := s.store.EvidenceFile(c.Request().Context(), sellerFrom(c), id, evID)
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": ev.Filename}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-cache")
	return c.Blob(http.StatusOK, ev.ContentType, data)
}

// disputePack is the printable evidence pack of a dispute.
func (s *Server) disputePack(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	now := s.Clock()
	d, err := s.store.DisputeDetail(c.Request().Context(), sellerFrom(c), id, now)
	if err != nil {
		return err
	}
	vm := views.PackView{DisputeDetail: d, Now: now, Loc: sellerLocation(c)}
	return render(c, http.StatusOK, views.DisputePackPage(s.page(c, "Evidence pack · "+d.Shipment.Shipment.OrderRef), vm), nil)
}

// disputeFormValues reads a dispute form as typed.
func disputeFormValues(c echo.Context) views.DisputeForm {
	v := func(name string) string { return strings.TrimSpace(c.FormValue(name)) }
	return views.DisputeForm{
		Counterparty: v("counterparty"), Reason: v("reason"), Amount: v("amount"), Currency: v("currency"),
		ExternalRef: v("external_ref"), OpenedAt: v("opened_at"), RespondBy: v("respond_by"),
		AmountRecovered: v("amount_recovered"), Carrier: v("ev_carrier"), Tracking: v("ev_tracking"),
		ShipDate: v("ev_ship_date"), LastScan: v("ev_last_scan"), LastScanAt: v("ev_last_scan_at"),
		Explanation: c.FormValue("ev_explanation"),
	}
}

// disputeFields turns a dispute form into the domain's terms, reading its dates in the seller's
// zone: opened today is now, another day its start; a respond-by date lasts to the end of the day.
// The evidence facts are read when the form has them (the edit form, not the one that opens).
func disputeFields(f views.DisputeForm, loc *time.Location, now time.Time, withEvidence bool) (domain.DisputeFields, error) {
	out := domain.DisputeFields{Counterparty: domain.Counterparty(f.Counterparty), Reason: domain.DisputeReason(f.Reason),
		Amount: f.Amount, Currency: f.Currency, ExternalRef: f.ExternalRef}
	errs := views.Errors{}
	if f.OpenedAt != "" {
		opened, err := time.ParseInLocation("2006-01-02", f.OpenedAt, loc)
		switch {
		case err != nil:
			errs["opened_at"] = "Give the date the dispute was opened"
		case opened.Format("2006-01-02") == now.In(loc).Format("2006-01-02"):
			out.OpenedAt = now
		default:
			out.OpenedAt = opened
		}
	}
	var err error
	if out.RespondBy, err = optionalDate(f.RespondBy, "respond_by", loc, true); err != nil {
		errs["respond_by"] = "Give the respond-by date as a date"
	}
	ev := domain.DisputeEvidence{Carrier: f.Carrier, Tracking: f.Tracking, LastScan: f.LastScan, Explanation: f.Explanation}
	if ev.ShipDate, err = optionalDate(f.ShipDate, "ev_ship_date", loc, false); err != nil {
		errs["ev_ship_date"] = "Give the ship date as a date"
	}
	if ev.LastScanAt, err = optionalDate(f.LastScanAt, "ev_last_scan_at", loc, false); err != nil {
		errs["ev_last_scan_at"] = "Give the scan date as a date"
	}
	if withEvidence {
		out.Evidence = &ev
	}
	if len(errs) > 0 {
		return out, &domain.ValidationError{Fields: errs}
	}
	return out, nil
}

// optionalDate reads a date input in the seller's zone: nil when empty; for a deadline the end of
// the day (zone.EndOfDay, the rule default deadlines follow too), its start otherwise.
func optionalDate(s, field string, loc *time.Location, endOfDay bool) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, loc)
	if err != nil {
		return nil, domain.Invalid(field, "Give a date")
	}
	if endOfDay {
		t = zone.EndOfDay(t, loc)
	}
	return &t, nil
}

// errEvidenceTooLarge is the answer to an evidence file over the limit.
var errEvidenceTooLarge = echo.NewHTTPError(http.StatusRequestEntityTooLarge,
	fmt.Sprintf("Evidence files can be up to %d MB, and this one is larger. Make it smaller (a PDF of the pages that matter, or a photo at a lower resolution) and upload it again.", domain.MaxEvidenceMB))
