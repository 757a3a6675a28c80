package domain_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/dbtest"
)

// fullDisk returns the URL of a fresh test database whose temporary tables live on a 1 MB
// tmpfs: a tablespace there is the database's temp_tablespaces, so an import's staging table
// fills it. It needs root (to mount) and the test server on this machine, and skips otherwise.
// The mount and the tablespace go away when the test ends, however it ends.
func fullDisk(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("a full disk is simulated with a tmpfs mount, which needs root")
	}
	admin, err := sqlx.Open("postgres", dbtest.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	var dataDir string
	if err := admin.Get(&dataDir, `SELECT current_setting('data_directory')`); err != nil {
		t.Skipf("cannot read the server's data directory (not a superuser?): %v", err)
	}
	st, err := os.Stat(dataDir)
	if err != nil {
		t.Skipf("the database server is not on this machine (no %s here): a tablespace must be", dataDir)
	}
	owner := st.Sys().(*syscall.Stat_t) // the server's user must own the tablespace's directory

	dir, err := os.MkdirTemp("", "portal-full-disk-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	opts := fmt.Sprintf("size=1m,mode=0700,uid=%d,gid=%d", owner.Uid, owner.Gid)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		os.Remove(dir)
		t.Skipf("cannot mount a tmpfs to fill: %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
			return
		}
		os.Remove(dir)
	})

	b := make([]byte, 6)
	_, _ = rand.Read(b)
	space := "portal_full_disk_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE TABLESPACE ` + space + ` LOCATION ` + pq.QuoteLiteral(dir)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { // after the database is dropped (cleanups run last-in first-out)
		if _, err := admin.Exec(`DROP TABLESPACE ` + space); err != nil {
			t.Errorf("drop tablespace: %v", err)
		}
	})
	if _, err := admin.Exec(`GRANT CREATE ON TABLESPACE ` + space + ` TO PUBLIC`); err != nil {
		t.Fatal(err)
	}
	dbURL := dbtest.NewURL(t)
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(`ALTER DATABASE ` + pq.QuoteIdentifier(strings.TrimPrefix(u.Path, "/")) + ` SET temp_tablespaces = ` + space); err != nil {
		t.Fatal(err)
	}
	return dbURL
}

// TestImportDiskFull: the database's disk fills while an import copies its rows. The import
// fails with a reason the seller can read, and nothing of it is in the shipments.
func TestImportDiskFull(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, err := sqlx.Open("postgres", fullDisk(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s := domain.NewStore(db)
	s.PasswordCost = 4
	seller, _ := mustSeller(t, s, "Shop", "owner@shop.test")
	var csv strings.Builder
	csv.WriteString(header)
	for i := range 20_000 { // some 4 MB of staging rows
		fmt.Fprintf(&csv, "D-%06d,LP%014d,Cainiao,Delivered,2026-11-01 10:00,Madrid,ES,12.50\n", i, i)
	}
	_, err = importCSV(s, seller.ID, strings.NewReader(csv.String()), int64(csv.Len()))
	if err == nil {
		t.Fatal("an import onto a full disk succeeded: is the staging table on the tmpfs?")
	}
	t.Logf("the import failed with: %v", err)
	ims, _ := s.ListImports(ctx, seller.ID, 1)
	if len(ims) != 1 || ims[0].Status != domain.ImportFailed || !strings.Contains(ims[0].Error, "ran out of disk space") {
		t.Errorf("import: %+v", ims)
	}
	var shipments, events int
	if err := db.Get(&shipments, `SELECT count(*) FROM shipments`); err != nil {
		t.Fatal(err)
	}
	if err := db.Get(&events, `SELECT count(*) FROM events`); err != nil {
		t.Fatal(err)
	}
	if shipments != 0 || events != 0 {
		t.Errorf("a failed import left %d shipments and %d events", shipments, events)
	}
}
