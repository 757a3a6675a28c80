package main

import (
	"bytes"
	"encoding/csv"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parceldesk/portal/domain/dbtest"
)

// startWithMetrics runs `portal serve` with a metrics listener and returns the public base URL
// and the metrics URL it printed.
func startWithMetrics(t *testing.T) (base, metricsURL string) {
	t.Helper()
	lines := serveLines(t, map[string]string{
		"DATABASE_URL": dbtest.NewURL(t), "ADDR": "127.0.0.1:0", "METRICS_ADDR": "127.0.0.1:0", "LOG_LEVEL": "warn",
	})
	for _, l := range lines {
		if _, u, ok := strings.Cut(l, "Metrics on "); ok {
			metricsURL = u
		}
	}
	if metricsURL == "" {
		t.Fatalf("serve did not print the metrics address: %q", lines)
	}
	_, base, _ = strings.Cut(lines[len(lines)-1], "listening on ")
	return base, metricsURL
}

// TestMetricsAfterRequestsImportAndSweep works the portal over HTTP — pages, a sign-up, an
// unknown path, an odd method, an upload run as an import (which sweeps its seller) — and finds
// each figure on the metrics listener, labelled by route pattern, never by raw path.
func TestMetricsAfterRequestsImportAndSweep(t *testing.T) {
	t.Parallel()
	base, metricsURL := startWithMetrics(t)
	c := newWebClient(t, base)

	c.want(http.StatusOK, http.MethodGet, "/login", nil)
	c.signup()
	c.want(http.StatusOK, http.MethodGet, "/", nil)
	c.want(http.StatusNotFound, http.MethodGet, "/exceptions/987654321", nil)
	c.want(http.StatusNotFound, http.MethodGet, "/no-such-page", nil)
	c.want(http.StatusForbidden, "BREW", "/login", nil) // refused by the CSRF check before anything else

	var demo bytes.Buffer
	if err := writeDemoCSV(&demo, 60, 0, false, time.Now().UTC(), 7); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(demo.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	c.importFile(demo.Bytes())

	// The sweep after the import runs in the background, after the import shows done.
	var m map[string]float64
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		m = scrape(t, metricsURL)
		if m[`portal_sweep_runs_total{result="ok",trigger="import"}`] == 1 || time.Now().After(deadline) {
			break
		}
	}

	for series, want := range map[string]float64{
		`portal_http_requests_total{method="POST",route="/signup",status="3xx"}`:                 1,
		`portal_http_requests_total{method="GET",route="/",status="2xx"}`:                        1,
		`portal_http_requests_total{method="GET",route="/exceptions/:id",status="4xx"}`:          1,
		`portal_http_requests_total{method="GET",route="unmatched",status="4xx"}`:                1,
		`portal_http_requests_total{method="other",route="/login",status="4xx"}`:                 1,
		`portal_http_requests_total{method="POST",route="/imports",status="3xx"}`:                1,
		`portal_http_requests_total{method="POST",route="/imports/:id/run",status="3xx"}`:        1,
		`portal_http_request_duration_seconds_count{method="POST",route="/signup",status="3xx"}`: 1,
		`portal_imports_started_total`:                             1,
		`portal_imports_finished_total{result="succeeded"}`:        1,
		`portal_import_duration_seconds_count{result="succeeded"}`: 1,
		`portal_import_rows_read_total`:                            float64(len(recs) - 1),
		`portal_import_rows_rejected_total`:                        0,
		`portal_sweep_runs_total{result="ok",trigger="import"}`:    1,
		`portal_sweep_duration_seconds_count{trigger="import"}`:    1,
		`go_sql_max_open_connections{db_name="portal"}`:            20,
	} {
		if got, ok := m[series]; !ok || got != want {
			t.Errorf("%s = %v (present: %v), want %v", series, got, ok, want)
		}
	}
	// The periodic sweep ran at start (no sellers then); the import's sweep raised the demo
	// data's stalls.
	for _, series := range []string{
		`portal_sweep_runs_total{result="ok",trigger="periodic"}`,
		`portal_sweep_exceptions_total{change="raised"}`,
		`portal_http_requests_total{method="GET",route="/login",status="2xx"}`,
		`portal_http_request_duration_seconds_sum{method="GET",route="/login",status="2xx"}`,
		`portal_http_requests_total{method="GET",route="/imports/:id",status="2xx"}`,
		`portal_import_duration_seconds_sum{result="succeeded"}`,
		`go_sql_open_connections{db_name="portal"}`,
		`go_goroutines`,
		`process_resident_memory_bytes`,
	} {
		if m[series] <= 0 {
			t.Errorf("%s = %v, want > 0", series, m[series])
		}
	}
	for series := range m {
		if strings.Contains(series, "987654321") || strings.Contains(series, "no-such-page") || strings.Contains(series, "BREW") {
			t.Errorf("a raw path or method became a label: %s", series)
		}
	}
}

// TestMetricsOnlyOnTheMetricsListener: the public listener has no /metrics, and the metrics
// listener serves nothing else.
func TestMetricsOnlyOnTheMetricsListener(t *testing.T) {
	t.Parallel()
	base, metricsURL := startWithMetrics(t)
	for _, u := range []string{base + "/metrics", strings.TrimSuffix(metricsURL, "/metrics") + "/login"} {
		res, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", u, res.StatusCode)
		}
	}
	if m := scrape(t, metricsURL); m["go_goroutines"] <= 0 {
		t.Errorf("the metrics listener does not serve metrics")
	}
}

// scrape reads the metrics page into series → value, a series written as the text format writes
// it: name{label="value",…} with the labels in name order.
func scrape(t *testing.T, metricsURL string) map[string]float64 {
	t.Helper()
	res, err := http.Get(metricsURL)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("GET %s: status %d, %s\n%.300s", metricsURL, res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	m := map[string]float64{}
	for _, line := range strings.Split(string(body), "\n") {
		i := strings.LastIndexByte(line, ' ')
		if line == "" || line[0] == '#' || i < 0 {
			continue
		}
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("metrics line %q: %v", line, err)
		}
		m[line[:i]] = v
	}
	return m
}
