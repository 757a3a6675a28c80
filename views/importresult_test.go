package views_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/views"
)

// An import that met more distinct unmapped texts than it remembers says "at least"; one below
// the bound gives its count as it is.
func TestImportPanelUnmappedAtLeast(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{domain.UnmappedStatusesMax, "At least 10,000 status texts"},
		{3, "3 status texts"},
	} {
		var buf bytes.Buffer
		im := domain.Import{Status: domain.ImportDone, UnmappedStatuses: tc.n, UnmappedRows: tc.n, HasPromisedBy: true, HasProtectionEndsAt: true}
		if err := views.ImportPanel(views.ImportDetail{Import: im}).Render(context.Background(), &buf); err != nil {
			t.Fatal(err)
		}
		got := strings.Join(strings.Fields(buf.String()), " ")
		if !strings.Contains(got, "<strong>"+tc.want+"</strong>") {
			t.Errorf("%d unmapped texts: want %q in\n%s", tc.n, tc.want, got)
		}
		if tc.n < domain.UnmappedStatusesMax && strings.Contains(got, "At least") {
			t.Errorf("%d unmapped texts read as at least", tc.n)
		}
	}
}

// A queued or running import's panel shows the progress bar and polls for the next: what the
// browser import test photographs when the import is slow enough to be seen running.
func TestImportPanelProgress(t *testing.T) {
	for _, tc := range []struct {
		im   domain.Import
		want string
	}{
		{domain.Import{ID: 7, Status: domain.ImportQueued, QueuePosition: 2}, `<progress id="import-progress" value="0" max="1000">`},
		{domain.Import{ID: 7, Status: domain.ImportRunning, SizeBytes: 1000, BytesRead: 400, RowsRead: 1234}, `<progress id="import-progress" value="400" max="1000">`},
	} {
		var buf bytes.Buffer
		if err := views.ImportPanel(views.ImportDetail{Import: tc.im}).Render(context.Background(), &buf); err != nil {
			t.Fatal(err)
		}
		got := strings.Join(strings.Fields(buf.String()), " ")
		if !strings.Contains(got, tc.want) || !strings.Contains(got, `hx-trigger="every 1s"`) {
			t.Errorf("%s import: want %q and the poll in\n%s", tc.im.Status, tc.want, got)
		}
	}
}
