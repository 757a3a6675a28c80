package handlers

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/csvfile"
	"github.com/parceldesk/portal/domain/zone"
	"github.com/parceldesk/portal/views"
)

// importListView loads the imports page.
func (s *Server) importListView(c echo.Context, uploadErr string) (views.ImportList, error) {
	ctx, seller := c.Request().Context(), sellerFrom(c)
	ims, err := s.store.ListImports(ctx, seller, 100)
	if err != nil {
		return views.ImportList{}, err
	}
	un, err := s.store.ListUnmappedStatuses(ctx, seller, 500)
	if err != nil {
		return views.ImportList{}, err
	}
	return views.ImportList{Imports: ims, Unmapped: len(un), Error: uploadErr, MaxMB: s.cfg.MaxUploadBytes >> 20}, nil
}

func (s *Server) importsIndex(c echo.Context) error {
	vm, err := s.importListView(c, "")
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.ImportsPage(s.page(c, "Imports"), vm), nil)
}

// importCreate streams the uploaded file into the database (never whole into memory) and
// shows its preview. The CSRF token comes in the query string, so that checking it does not
// make Echo read the multipart body before we stream it.
func (s *Server) importCreate(c echo.Context) error {
	fail := func(status int, msg string) error {
		vm, err := s.importListView(c, msg)
		if err != nil {
			return err
		}
		return render(c, status, views.ImportsPage(s.page(c, "Imports"), vm), nil)
	}
	// The file's own limit is enforced while it is stored; this bounds the rest of the body.
	body := newPacedBody(c, s.cfg.UploadStall)
	c.Request().Body = http.MaxBytesReader(c.Response(), body, s.cfg.MaxUploadBytes+1<<20)
	cutOff := func() error {
		// The server cancelled the request's context when reading failed; the answer still goes out.
		c.SetRequest(c.Request().WithContext(context.WithoutCancel(c.Request().Context())))
		if errors.Is(body.err, os.ErrDeadlineExceeded) {
			return fail(http.StatusRequestTimeout, fmt.Sprintf("The upload stopped arriving (nothing for %s) and was cut off. Try again.", s.cfg.UploadStall))
		}
		return fail(http.StatusBadRequest, "The upload was cut off. Try again.")
	}
	mr, err := c.Request().MultipartReader()
	if err != nil {
		return fail(http.StatusUnprocessableEntity, "Choose a CSV file to upload.")
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return fail(http.StatusUnprocessableEntity, "Choose a CSV file to upload.")
		}
		if err != nil {
			return cutOff()
		}
		if part.FormName() != "file" {
			continue
		}
		if part.FileName() == "" {
			return fail(http.StatusUnprocessableEntity, "Choose a CSV file to upload.")
		}
		im, err := s.store.CreateUpload(c.Request().Context(), sellerFrom(c), userFrom(c).ID, part.FileName(), part, s.cfg.MaxUploadBytes)
		if errs := fieldErrors(err); errs != nil {
			return fail(http.StatusUnprocessableEntity, errs["file"])
		}
		if err != nil && body.err != nil {
			return cutOff()
		}
		if err != nil {
			return err
		}
		return c.Redirect(http.StatusSeeOther, views.ImportPath(im.ID))
	}
}

// importShow shows an import: the preview to confirm while it waits, progress while it runs
// (htmx asks again every second for the panel alone), the result when it is done.
func (s *Server) importShow(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	im, err := s.store.FindImport(c.Request().Context(), sellerFrom(c), id)
	if err != nil {
		return err
	}
	vm, err := s.importResult(c, im)
	if err != nil {
		return err
	}
	if im.Runnable() {
		p, err := s.store.PreviewUpload(c.Request().Context(), im.SellerID, im.ID)
		switch {
		case err == nil:
			vm.Preview = &p
			vm.Form = views.ImportForm{Mapping: p.Mapping, DateOrder: p.DateOrder, Timezone: c.Get(ctxSeller).(*domain.Seller).Timezone}
		case !errors.Is(err, domain.ErrNotFound): // the file is no longer kept: no preview
			return err
		}
	}
	return render(c, http.StatusOK, views.ImportPage(s.page(c, im.Filename), vm), views.ImportPanel(vm))
}

// How many of an import's warnings and rejected rows its page lists (the download has every
// rejected row).
const (
	importWarningsShown = 100
	importRejectsShown  = 50
)

// importResult gathers what a done import's page shows besides the import itself: its first
// warnings and rejected rows, and whether the parcels that need the seller are still being counted.
func (s *Server) importResult(c echo.Context, im domain.Import) (views.ImportDetail, error) {
	vm := views.ImportDetail{Import: im}
	if im.Status != domain.ImportDone {
		return vm, nil
	}
	ctx := c.Request().Context()
	var err error
	if im.RowsWarned > 0 {
		if vm.Warnings, err = s.store.ListWarnings(ctx, im.SellerID, im.ID, importWarningsShown); err != nil {
			return vm, err
		}
	}
	if im.RowsRejected > 0 {
		if vm.Rejects, err = s.store.ListRejects(ctx, im.SellerID, im.ID, importRejectsShown); err != nil {
			return vm, err
		}
	}
	vm.Counting = im.CountingParcels(s.Clock())
	return vm, nil
}

// alreadyRunning answers "run" on an import that waits or runs (a second click, another tab) or
// whose failed run the database has not quite let go of yet.
const alreadyRunning = "This import is running already, or has only just stopped, or it is waiting its turn. If it is not running or waiting, wait a few seconds and run it again."

// importRun puts the import in the queue with the mapping the seller confirmed, and shows where
// it stands: waiting its turn, then its progress.
func (s *Server) importRun(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	ctx, seller := c.Request().Context(), sellerFrom(c)
	im, err := s.store.FindImport(ctx, seller, id)
	if err != nil {
		return err
	}
	if im.Status == domain.ImportRunning || im.Status == domain.ImportQueued {
		return s.redirectWithFlash(c, views.ImportPath(id), views.FlashInfo, alreadyRunning)
	}
	p, err := s.store.PreviewUpload(c.Request().Context(), im.SellerID, im.ID)
	if errors.Is(err, domain.ErrNotFound) || !im.Runnable() {
		return c.Redirect(http.StatusSeeOther, views.ImportPath(id)) // done, or file gone
	}
	if err != nil {
		return err
	}
	form, set := importForm(c, &p)
	if len(form.Errors) == 0 {
		err := s.store.QueueImport(ctx, seller, id, set)
		if errs := fieldErrors(err); errs != nil {
			form.Errors = errs
		} else if errors.Is(err, domain.ErrConflict) {
			return s.redirectWithFlash(c, views.ImportPath(id), views.FlashInfo, alreadyRunning)
		} else if err != nil {
			return err
		} else {
			return c.Redirect(http.StatusSeeOther, views.ImportPath(id))
		}
	}
	vm := views.ImportDetail{Import: im, Preview: &p, Form: form}
	return render(c, http.StatusUnprocessableEntity, views.ImportPage(s.page(c, im.Filename), vm), nil)
}

// importForm reads the confirmed mapping, date order and time zone. A column comes as map_<column>,
// the index of the file's column (the selects), or for a file too wide for selects as
// col_<column>, its number from 1.
func importForm(c echo.Context, p *csvfile.Preview) (views.ImportForm, domain.ImportSettings) {
	f := views.ImportForm{Mapping: csvfile.Mapping{}, Timezone: c.FormValue("timezone"), Errors: views.Errors{}}
	for _, col := range csvfile.Columns {
		v, from := strings.TrimSpace(c.FormValue("map_"+string(col))), 0
		if v == "" {
			v, from = strings.TrimSpace(c.FormValue("col_"+string(col))), 1
		}
		if v == "" {
			continue
		}
		i, err := strconv.Atoi(v)
		i -= from
		if err != nil || i < 0 || i >= len(p.Header) {
			f.Errors["map_"+string(col)] = "Choose one of the file's columns."
			continue
		}
		f.Mapping[col] = i
	}
	if tz, ok := p.Mapping[csvfile.ColStatusTZ]; ok {
		f.Mapping[csvfile.ColStatusTZ] = tz // a zone column the file has is always used
	}
	order, ok := csvfile.ParseDateOrder(c.FormValue("date_order"))
	f.DateOrder = order
	if !ok || p.DateAmbiguous && order == csvfile.DateOrderUnknown {
		f.Errors["date_order"] = "Choose how this file writes dates: day first or month first."
	}
	loc, err := zone.Lookup(f.Timezone)
	if err != nil {
		f.Errors["timezone"] = "Enter a time zone such as Asia/Shanghai or Europe/Madrid."
	}
	return f, domain.ImportSettings{Dialect: p.Dialect, Mapping: f.Mapping, DateOrder: order, Location: loc}
}

// importRejected downloads the rows an import refused: the original header and fields plus an
// error column, safe to open in a spreadsheet, in the file's own shape: its delimiter, its column
// names, and a byte order mark (Import.Comma, Import.RejectsBOM).
func (s *Server) importRejected(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	ctx, seller := c.Request().Context(), sellerFrom(c)
	im, err := s.store.FindImport(ctx, seller, id)
	if err != nil {
		return err
	}
	shape := csvShape{Comma: im.Comma(), BOM: im.RejectsBOM()}
	return s.streamCSVAs(c, fmt.Sprintf("import-%d-rejected.csv", im.ID), shape, func(w *csv.Writer) error {
		if err := w.Write(safeRow(append(append([]string(nil), im.Header...), "error"))); err != nil {
			return err
		}
		return s.store.EachReject(ctx, seller, id, func(r domain.Reject) error {
			row := make([]string, max(len(im.Header), len(r.Fields)), max(len(im.Header), len(r.Fields))+1)
			copy(row, r.Fields)
			return w.Write(safeRow(append(row, fmt.Sprintf("line %d: %s", r.Line, r.Reason))))
		})
	})
}
