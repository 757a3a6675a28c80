package handlers_test

import (
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"

	"github.com/parceldesk/portal/domain/csvfile"
	"github.com/parceldesk/portal/handlers"
)

// csvOfColumns is a file whose header has n columns, named name1…nameN, and one data row.
func csvOfColumns(n int, name string) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%s%d", name, i+1)
	}
	b.WriteByte('\n')
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "v%d", i+1)
	}
	b.WriteByte('\n')
	return b.String()
}

// TestUploadHundredThousandColumns uploads a file of 100,000 columns (1.4 MB; the header alone 690 KB), which made a 70 MB
// preview page and cost about 270 MB of memory per view: it is refused at upload with a message
// that gives the count and the limit, nothing is kept, and the refusal costs little memory. Not
// parallel, so that the memory measured is this request's.
func TestUploadHundredThousandColumns(t *testing.T) {
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	file := csvOfColumns(100_000, "c")
	token := c.csrfToken()

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res := c.uploadWithToken(token, "wide.csv", file)
	runtime.ReadMemStats(&after)
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("upload of %d bytes: status %d, page %d bytes, %.1f MB allocated (client and server), peak heap %.1f MB",
		len(file), res.StatusCode, len(res.body), float64(allocated)/(1<<20), float64(after.HeapAlloc)/(1<<20))

	wantStatus(t, res, http.StatusUnprocessableEntity)
	want := fmt.Sprintf("The file has 100,000 columns; the desk reads at most %d.", csvfile.MaxColumns)
	if !strings.Contains(res.body, want) {
		t.Errorf("no clear message (%q) on the refusal:\n%s", want, res.body[strings.Index(res.body, "<main"):])
	}
	if len(res.body) > 64<<10 {
		t.Errorf("the refusal page is %d bytes", len(res.body))
	}
	// The client builds the multipart body and the server counts the header's fields in the
	// first MiB: a few times the file's size (3.8 MB measured), where a view of the preview of
	// such a file allocated 605 MB and rendered 67 MB.
	if allocated > 16<<20 {
		t.Errorf("the refused upload allocated %.1f MB", float64(allocated)/(1<<20))
	}
	if list := c.get("/imports"); strings.Contains(list.body, "wide.csv") {
		t.Error("the refused file is in the history")
	}
}

// TestWideFileMapping: a file wider than selects can list (but within the cap) gets a mapping of
// column numbers, with the file's columns listed once, so the page grows with the columns plus the
// canonical columns, not with their product; the import runs with that mapping.
func TestWideFileMapping(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, handlers.Config{})
	c := ts.client(t)
	c.signup("Shop", "owner@shop.test")
	sizes := map[int]int{}
	for _, n := range []int{300, csvfile.MaxColumns} {
		// Two columns of the order, then n-2 others.
		head, row, _ := strings.Cut(csvOfColumns(n-2, "extra"), "\n")
		file := "order_ref,tracking_number," + head + "\nWIDE-1,LP00123456789012," + row
		res := c.upload(fmt.Sprintf("wide-%d.csv", n), file)
		wantStatus(t, res, http.StatusSeeOther)
		path := res.Header.Get("Location")
		page := c.get(path)
		wantStatus(t, page, http.StatusOK)
		sizes[n] = len(page.body)
		if !strings.Contains(page.body, `id="mapping-wide"`) || strings.Contains(page.body, `<select id="map_order_ref"`) {
			t.Fatalf("%d columns: no column-number mapping:\n%.2000s", n, page.body[strings.Index(page.body, "<main"):])
		}
		// A column's name is on the page twice: in the list of columns and in the table of first rows.
		if got := strings.Count(page.body, "extra217<"); got != 2 {
			t.Errorf("%d columns: a column's name is on the page %d times, want 2", n, got)
		}
		if !strings.Contains(page.body, `name="col_order_ref" value="1"`) || !strings.Contains(page.body, `name="col_tracking_number" value="2"`) {
			t.Errorf("%d columns: the suggested mapping is not filled in", n)
		}
		if n != 300 {
			continue
		}
		run := c.post(path, path+"/run", map[string][]string{"col_order_ref": {"1"}, "col_tracking_number": {"2"},
			"date_order": {"unknown"}, "timezone": {"Asia/Shanghai"}})
		wantStatus(t, run, http.StatusSeeOther)
		if done := c.waitDone(path); !strings.Contains(done.body, `id="import-result"`) {
			t.Fatalf("the import of a wide file did not finish:\n%.1000s", done.body[strings.Index(done.body, "<main"):])
		}
		if got := c.get("/shipments?q=WIDE-1"); !strings.Contains(got.body, "LP00123456789012") {
			t.Error("the wide file's order is not in the shipments")
		}
	}
	// Each column more costs its entry in the list and in the table, a hundred bytes or so: not one
	// option in each of the 18 selects (about 18 × 40 bytes).
	perColumn := float64(sizes[csvfile.MaxColumns]-sizes[300]) / float64(csvfile.MaxColumns-300)
	t.Logf("mapping page: %d bytes at 300 columns, %d at %d: %.0f bytes per column", sizes[300], sizes[csvfile.MaxColumns], csvfile.MaxColumns, perColumn)
	if perColumn > 200 {
		t.Errorf("the mapping page grows by %.0f bytes per column", perColumn)
	}
}
