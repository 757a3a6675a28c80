package handlers_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/handlers"
)

// testPNG is a small real PNG image.
func testPNG(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// uploadEvidence posts a file as evidence of a dispute the way the page's form does: a multipart body with
// the CSRF token from the dispute page in its _csrf field.
func (c *client) uploadEvidence(from, path, filename string, data []byte) response {
	c.t.Helper()
	return c.do(c.evidenceRequest(from, path, filename, data))
}

// evidenceRequest is the request uploadEvidence sends.
func (c *client) evidenceRequest(from, path, filename string, data []byte) *http.Request {
	c.t.Helper()
	page := c.get(from)
	m := csrfField.FindStringSubmatch(page.body)
	token := ""
	if m != nil {
		token = m[1]
	}
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("kind", "photo")
	_ = w.WriteField("description", "Parcel as the customer received it")
	fw, _ := w.CreateFormFile("file", filename)
	_, _ = fw.Write(data)
	_ = w.Close()
	req, _ := http.NewRequest(http.MethodPost, c.base+path+"?_csrf="+url.QueryEscape(token), &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return req
}

// china is the seller's time zone: new shops read times in China time.
var china = time.FixedZone("CST", 8*3600)

var disputeLocation = regexp.MustCompile(`^/disputes/(\d+)$`)

// openDispute opens a supplier dispute over E-1 through the exception page's form and returns the
// exception and the dispute's path.
func openDispute(t *testing.T, ts *testServer, c *client, seller domain.SellerID) (domain.QueueRow, string) {
	t.Helper()
	e := queueOf(t, ts, seller)["E-1"]
	ex := fmt.Sprintf("/exceptions/%d", e.ID)
	res := c.post(ex, ex+"/disputes", url.Values{"counterparty": {"supplier"}, "reason": {"not_received"}, "amount": {"12.50"},
		"currency": {"EUR"}, "external_ref": {"AE-777"}, "opened_at": {time.Now().In(china).Format("2006-01-02")}, "respond_by": {""}, "status": {"open"}})
	wantStatus(t, res, http.StatusSeeOther)
	loc := res.Header.Get("Location")
	if !disputeLocation.MatchString(loc) {
		t.Fatalf("opened dispute redirects to %q", loc)
	}
	return e, loc
}

func TestDisputePages(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	seller := withExceptions(t, ts, c, "Shop", "owner@shop.test")
	e := queueOf(t, ts, seller)["E-1"]
	ex := fmt.Sprintf("/exceptions/%d", e.ID)

	// The exception page offers the form, prefilled with the order's value; the respond-by date is
	// left empty (the counterparty's default on the server, app.js fills it in), so that without
	// JavaScript a chargeback does not quietly take the supplier's 5 days.
	page := c.get(ex)
	wantStatus(t, page, http.StatusOK)
	due := time.Now().In(china).AddDate(0, 0, 5).Format("2006-01-02")
	for _, want := range []string{`id="form-open-dispute"`, `action="/exceptions/` + fmt.Sprint(e.ID) + `/disputes"`,
		`name="amount" type="text" value="12.50"`, `name="currency" type="text" value="EUR"`, `name="respond_by" type="date" value=""`,
		`data-days="5"`, "the supplier answers within 5 days"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("exception page lacks %q", want)
		}
	}

	// Refused terms come back with the message and what was typed.
	res := c.post(ex, ex+"/disputes", url.Values{"counterparty": {"customer_chargeback"}, "reason": {"not_received"},
		"amount": {"12,50 zł"}, "currency": {"EUR"}, "external_ref": {"CB-1"}, "opened_at": {time.Now().In(china).Format("2006-01-02")}, "status": {"open"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	for _, want := range []string{"The amount is in PLN but the currency says EUR", "due date", `value="12,50 zł"`, `value="CB-1"`, `<details class="open-dispute" id="open-dispute" open>`} {
		if !strings.Contains(res.body, want) {
			t.Errorf("422 page lacks %q", want)
		}
	}
	// An amount too large says what the most is, not the parser's words.
	res = c.post(ex, ex+"/disputes", url.Values{"counterparty": {"supplier"}, "reason": {"not_received"}, "amount": {"1000000000000"},
		"currency": {"EUR"}, "opened_at": {time.Now().In(china).Format("2006-01-02")}, "status": {"open"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	if !strings.Contains(res.body, "The amount is too large: the most it can be is 999999999999.99") {
		t.Errorf("422 page lacks the largest amount")
	}

	_, path := openDispute(t, ts, c, seller)
	// Opened with the respond-by date empty: the supplier's 5 days, to the end of the fifth day in
	// the seller's zone, the same as a date typed.
	var id int64
	fmt.Sscanf(strings.TrimPrefix(path, "/disputes/"), "%d", &id)
	if d, err := ts.store.FindDispute(context.Background(), seller, id); err != nil || d.RespondBy.In(china).Format("2006-01-02 15:04:05") != due+" 23:59:59" {
		t.Errorf("respond by %v, want the end of %s in China: %v", d.RespondBy.In(china), due, err)
	}
	page = c.get(path)
	wantStatus(t, page, http.StatusOK)
	for _, want := range []string{"Supplier dispute · E-1", "12.50 EUR", "AE-777", `id="dispute-countdown"`, "in 5d",
		`<option value="responded">`, `id="resolve_exception"`, "Opened with the supplier", `href="` + path + `/pack"`, `value="LP00000000000001"`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("dispute page lacks %q", want)
		}
	}
	if ex := c.get(ex); !strings.Contains(ex.body, `id="dispute-list"`) || !strings.Contains(ex.body, `href="`+path+`"`) {
		t.Errorf("the exception page does not list its dispute")
	}

	// An edit is saved and written to the history; a stale version is a conflict.
	form := url.Values{"action": {"edit"}, "version": {"1"}, "counterparty": {"supplier"}, "reason": {"not_received"},
		"amount": {"10"}, "currency": {"EUR"}, "external_ref": {"AE-777"}, "opened_at": {time.Now().In(china).Format("2006-01-02")},
		"respond_by": {due}, "ev_carrier": {"Cainiao"}, "ev_tracking": {"LP00000000000001"}, "ev_explanation": {"Never arrived."}}
	wantStatus(t, c.post(path, path, form), http.StatusSeeOther)
	res = c.post(path, path, form)
	wantStatus(t, res, http.StatusConflict)
	if !strings.Contains(res.body, `id="conflict"`) || !strings.Contains(res.body, `name="version" value="2"`) {
		t.Errorf("409 page lacks the conflict or the current version")
	}
	// A refused move names the reason.
	res = c.post(path, path, url.Values{"action": {"status"}, "version": {"2"}, "status": {"settled"}, "amount_recovered": {"11"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	if !strings.Contains(res.body, "cannot be more than the amount in dispute (10.00 EUR)") {
		t.Errorf("422 page lacks the recovered message")
	}
	wantStatus(t, c.post(path, path+"/notes", url.Values{"note": {"Supplier offered a partial refund."}}), http.StatusSeeOther)

	// Won, resolving the exception: it ends as dispute_won.
	wantStatus(t, c.post(path, path, url.Values{"action": {"status"}, "version": {"2"}, "status": {"won"}, "resolve_exception": {"1"}}), http.StatusSeeOther)
	page = c.get(path)
	for _, want := range []string{"amount 12.50 EUR → 10.00 EUR", "Supplier offered a partial refund.", "status open → won (recovered 10.00 EUR)",
		"Exception resolved as dispute won", "Resolved: dispute won", `id="dispute-ended"`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("won dispute page lacks %q", want)
		}
	}
	if got := queueOf(t, ts, seller)["E-1"]; got.State != domain.StateResolved || *got.Resolution != domain.ResolutionDisputeWon {
		t.Errorf("exception %s %v, want resolved as dispute_won", got.State, got.Resolution)
	}

	// The pack has the shipment, its timeline and events, the notes and the history.
	pack := c.get(path + "/pack")
	wantStatus(t, pack, http.StatusOK)
	for _, want := range []string{`id="evidence-pack"`, "Evidence · order E-1", `id="stage-timeline"`, `id="events"`,
		"Export customs clearance started", "Supplier offered a partial refund.", "Dispute history", "Never arrived.", "data-print"} {
		if !strings.Contains(pack.body, want) {
			t.Errorf("pack lacks %q", want)
		}
	}
}

func TestDisputeListQueueAndHome(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	seller := withExceptions(t, ts, c, "Shop", "owner@shop.test")
	ctx := context.Background()
	owner, err := ts.store.Authenticate(ctx, "owner@shop.test", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	rows := queueOf(t, ts, seller)
	now := time.Now()
	mk := func(ref, extRef string, in time.Duration) domain.Dispute {
		due := now.Add(in)
		d, err := ts.store.CreateDispute(ctx, seller, owner, rows[ref].ID, domain.DisputeOpen, domain.DisputeFields{
			Counterparty: domain.CounterpartyCarrier, Reason: domain.ReasonNotReceived, Amount: "30", Currency: "EUR",
			ExternalRef: extRef, OpenedAt: now.Add(-72 * time.Hour), RespondBy: &due}, now)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	mk("E-1", "far", 10*24*time.Hour)
	mk("E-2", "soon", 20*time.Hour)
	// A draft saved 10 days ago was never filed: not past due, listed after the filed ones.
	if _, err := ts.store.CreateDispute(ctx, seller, owner, rows["E-2"].ID, domain.DisputeDraft, domain.DisputeFields{
		Counterparty: domain.CounterpartySupplier, Reason: domain.ReasonNotReceived, Amount: "30", Currency: "EUR",
		ExternalRef: "draft", OpenedAt: now.AddDate(0, 0, -10)}, now.AddDate(0, 0, -10)); err != nil {
		t.Fatal(err)
	}
	won := mk("E-3", "won", 30*time.Hour)
	if _, err := ts.store.UpdateDispute(ctx, seller, owner, won.ID, won.Version, domain.DisputeChange{Status: ptr(domain.DisputeWon)}, now); err != nil {
		t.Fatal(err)
	}

	res := c.get("/disputes")
	wantStatus(t, res, http.StatusOK)
	order := regexp.MustCompile(`<small class="tracking">[^<]*· (\w+)</small>`).FindAllStringSubmatch(res.body, -1)
	var got []string
	for _, m := range order {
		got = append(got, m[1])
	}
	if strings.Join(got, ",") != "soon,far,draft" {
		t.Errorf("/disputes lists %v, want the one due soon first, the draft last and no ended one", got)
	}
	if !strings.Contains(res.body, "<strong>draft, not filed</strong>") || strings.Contains(res.body, "overdue") {
		t.Errorf("the draft is not listed as not filed, or shows as overdue")
	}
	if !strings.Contains(res.body, `class="deadline-soon"`) || !strings.Contains(res.body, "1 due within 48 hours") ||
		!strings.Contains(res.body, "recovered: 30.00 EUR") {
		t.Errorf("list lacks the due-soon marking or the summary")
	}
	if all := c.get("/disputes?status=all"); !strings.Contains(all.body, "· won</small>") {
		t.Errorf("all disputes do not list the won one")
	}
	if q := c.get("/exceptions"); !strings.Contains(q.body, `id="dispute-notice"`) || !strings.Contains(q.body, "1 dispute is due within 48 hours") ||
		!strings.Contains(q.body, "30.00 EUR") {
		t.Errorf("queue lacks the dispute notice")
	}
	home := c.get("/")
	for _, want := range []string{`id="home-disputes-due">1<`, `id="home-disputes-recovered">30.00 EUR<`, `href="/disputes"`} {
		if !strings.Contains(home.body, want) {
			t.Errorf("home lacks %q", want)
		}
	}
}

func TestEvidenceUploadAndDownload(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	seller := withExceptions(t, ts, c, "Shop", "owner@shop.test")
	_, path := openDispute(t, ts, c, seller)
	var id int64
	fmt.Sscanf(strings.TrimPrefix(path, "/disputes/"), "%d", &id)
	stored := func() int {
		ev, err := ts.store.ListEvidence(context.Background(), seller, id)
		if err != nil {
			t.Fatal(err)
		}
		return len(ev)
	}

	img := testPNG(t)
	res := c.uploadEvidence(path, path+"/evidence", "box \"front\"\u202e.png", img)
	wantStatus(t, res, http.StatusSeeOther)
	ev, err := ts.store.ListEvidence(context.Background(), seller, id)
	if err != nil || len(ev) != 1 {
		t.Fatalf("stored %d files: %v", len(ev), err)
	}
	dl := c.get(fmt.Sprintf("%s/evidence/%d", path, ev[0].ID))
	wantStatus(t, dl, http.StatusOK)
	for h, want := range map[string]string{"Content-Type": "image/png", "Content-Disposition": `attachment; filename="box front.png"`,
		"X-Content-Type-Options": "nosniff"} {
		if got := dl.Header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
	if dl.body != string(img) {
		t.Errorf("downloaded %d bytes, not the file", len(dl.body))
	}
	page := c.get(path)
	if !strings.Contains(page.body, ev[0].Checksum()) || !strings.Contains(page.body, "box front.png") {
		t.Errorf("the dispute page does not list the file with its checksum")
	}

	// Too big: 413 with the limit in words, nothing stored.
	big := append(testPNG(t), make([]byte, domain.MaxEvidenceBytes)...)
	res = c.uploadEvidence(path, path+"/evidence", "big.png", big)
	wantStatus(t, res, http.StatusRequestEntityTooLarge)
	if !strings.Contains(res.body, "Evidence files can be up to 10 MB") {
		t.Errorf("413 page lacks the limit:\n%.800s", res.body)
	}
	// Just over the file limit but within the body's room for the other fields: the same answer.
	res = c.uploadEvidence(path, path+"/evidence", "big.png", big[:domain.MaxEvidenceBytes+1])
	wantStatus(t, res, http.StatusRequestEntityTooLarge)

	// The wrong kind of file, whatever its name: 422 with the reason, nothing stored.
	for name, data := range map[string][]byte{
		"page.html":   []byte("<!DOCTYPE html><html><body><script>alert(document.cookie)</script>"),
		"photo.png":   append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"), make([]byte, 200)...),
		"drawing.svg": []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`),
	} {
		res := c.uploadEvidence(path, path+"/evidence", name, data)
		wantStatus(t, res, http.StatusUnprocessableEntity)
		if !strings.Contains(res.body, "This file is not an image or a PDF") || !strings.Contains(res.body, `id="file-error"`) {
			t.Errorf("%s: 422 page lacks the message", name)
		}
	}
	if n := stored(); n != 1 {
		t.Errorf("%d files stored after the refusals, want 1", n)
	}
	// Without the token the upload is refused.
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	fw, _ := w.CreateFormFile("file", "a.png")
	_, _ = fw.Write(img)
	_ = w.Close()
	req, _ := http.NewRequest(http.MethodPost, c.base+path+"/evidence", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	wantStatus(t, c.do(req), http.StatusForbidden)
	if n := stored(); n != 1 {
		t.Errorf("%d files stored, want 1", n)
	}
}

// TestDisputesTenantIsolation: another seller gets 404 for the dispute page, the pack, the
// evidence download and every POST, and changes nothing.
func TestDisputesTenantIsolation(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	a := ts.client(t)
	sellerA := withExceptions(t, ts, a, "Shop A", "owner@a.test")
	e, path := openDispute(t, ts, a, sellerA)
	wantStatus(t, a.uploadEvidence(path, path+"/evidence", "a.png", testPNG(t)), http.StatusSeeOther)
	var id int64
	fmt.Sscanf(strings.TrimPrefix(path, "/disputes/"), "%d", &id)
	ev, _ := ts.store.ListEvidence(context.Background(), sellerA, id)
	evPath := fmt.Sprintf("%s/evidence/%d", path, ev[0].ID)

	b := ts.client(t)
	b.signup("Shop B", "owner@b.test")
	for _, p := range []string{path, path + "/pack", evPath, "/disputes/999999999", "/disputes/abc", path + "/evidence/abc"} {
		res := b.get(p)
		wantStatus(t, res, http.StatusNotFound)
		if strings.Contains(res.body, "AE-777") || strings.Contains(res.body, "E-1") {
			t.Errorf("%s leaks seller A's dispute", p)
		}
	}
	today := time.Now().In(china).Format("2006-01-02")
	for p, form := range map[string]url.Values{
		path:            {"action": {"status"}, "version": {"1"}, "status": {"won"}, "resolve_exception": {"1"}},
		path + "#edit":  {"action": {"edit"}, "version": {"1"}, "counterparty": {"supplier"}, "reason": {"late"}, "amount": {"1"}, "currency": {"EUR"}, "opened_at": {today}},
		path + "#bad":   {"action": {"edit"}, "version": {"1"}, "amount": {"nonsense"}},
		path + "/notes": {"note": {"mine now"}},
		fmt.Sprintf("/exceptions/%d/disputes", e.ID): {"counterparty": {"supplier"}, "reason": {"late"}, "amount": {"5"}, "currency": {"EUR"},
			"opened_at": {today}, "status": {"open"}},
	} {
		target, _, _ := strings.Cut(p, "#")
		wantStatus(t, b.post("/", target, form), http.StatusNotFound)
	}
	wantStatus(t, b.uploadEvidence("/", path+"/evidence", "b.png", testPNG(t)), http.StatusNotFound)
	wantStatus(t, b.uploadEvidence("/", path+"/evidence", "b.html", []byte("<html>")), http.StatusNotFound)

	d, err := ts.store.FindDispute(context.Background(), sellerA, id)
	if err != nil || d.Version != 1 || d.Status != domain.DisputeOpen || d.Amount != "12.50" {
		t.Errorf("seller B changed A's dispute: %+v %v", d, err)
	}
	if h, _ := ts.store.ListDisputeHistory(context.Background(), sellerA, id); len(h) != 2 {
		t.Errorf("A's dispute history has %d lines, want 2 (opened, evidence)", len(h))
	}
	if ev, _ := ts.store.ListEvidence(context.Background(), sellerA, id); len(ev) != 1 {
		t.Errorf("A's dispute has %d files", len(ev))
	}
	if ds, _ := ts.store.ListExceptionDisputes(context.Background(), sellerA, e.ID); len(ds) != 1 {
		t.Errorf("A's exception has %d disputes", len(ds))
	}
	if got := b.get("/disputes?status=all"); strings.Contains(got.body, "AE-777") {
		t.Errorf("seller B's list shows A's dispute")
	}
}

// TestProtectionNote: an undelivered parcel whose buyer protection ends within the warning period
// says on its exception page how many days remain to open a dispute.
func TestProtectionNote(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	when := time.Now().In(china).AddDate(0, 0, -2).Format("2006-01-02 15:04")
	ends := time.Now().In(china).Add(50 * time.Hour).Format("2006-01-02 15:04")
	soon := time.Now().In(china).Add(30 * time.Hour).Format("2006-01-02 15:04")
	seller := mustImportAs(t, ts, "owner@shop.test", shipmentsHeader+fmt.Sprintf(
		"P-1,LP00000000000009,Cainiao,AliExpress Standard Shipping,Arrived at destination country/region,%s,,FR,Ana,,Lamp,20.00,EUR,,,%s\n"+
			"P-2,LP00000000000010,Cainiao,AliExpress Standard Shipping,Arrived at destination country/region,%s,,FR,Bo,,Lamp,20.00,EUR,,,%s\n",
		when, ends, when, soon))
	if _, err := ts.store.Sweep(context.Background(), seller, time.Now()); err != nil {
		t.Fatal(err)
	}
	e, ok := queueOf(t, ts, seller)["P-1"]
	if !ok || e.Kind != domain.KindProtectionExpiring {
		t.Fatalf("no protection_expiring exception: %+v", e)
	}
	page := c.get(fmt.Sprintf("/exceptions/%d", e.ID))
	wantStatus(t, page, http.StatusOK)
	// 50 hours are 2 days, never 3.
	for _, want := range []string{`id="protection-note"`, "Buyer protection ends in 2 days", `href="#open-dispute"`, `<details class="open-dispute" id="open-dispute" open>`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("exception page lacks %q", want)
		}
	}
	// Under two days the note counts hours, like the dispute countdown.
	page = c.get(fmt.Sprintf("/exceptions/%d", queueOf(t, ts, seller)["P-2"].ID))
	if !regexp.MustCompile(`Buyer protection ends in 1d \d+h</strong>`).MatchString(page.body) {
		t.Errorf("P-2's note does not count the hours left")
	}
}

func ptr[T any](v T) *T { return &v }

// TestEvidenceUploadMemory: an evidence upload is read into one buffer, not buffered by the
// multipart parser and copied again. The bytes allocated to store a file stay under 4 times its
// size: the buffer (1) and lib/pq's message buffer (1; with binary parameters bytea travels as
// is, not hex-encoded); reading it through the multipart form and copying it again took 10. Not parallel, so that nothing else
// allocates meanwhile; the request is built before counting.
func TestEvidenceUploadMemory(t *testing.T) {
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	seller := withExceptions(t, ts, c, "Shop", "owner@shop.test")
	_, path := openDispute(t, ts, c, seller)
	file := append(testPNG(t), make([]byte, 8<<20)...)
	req := c.evidenceRequest(path, path+"/evidence", "big.png", file)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res := c.do(req)
	runtime.ReadMemStats(&after)
	wantStatus(t, res, http.StatusSeeOther)
	ratio := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(file))
	t.Logf("allocated %.1f times the file's size", ratio)
	if ratio > 4 {
		t.Errorf("storing an evidence file allocated %.1f times its size, want under 4", ratio)
	}
}
