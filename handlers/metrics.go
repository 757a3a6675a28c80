package handlers

import (
	"database/sql"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/parceldesk/portal/domain"
)

// Metrics holds every figure the portal reports to operators, in the Prometheus text format. It
// is served by Handler on its own listener (METRICS_ADDR), never by the public one. Requests and
// imports are counted here in the web layer, sweeps by whoever runs them (ObserveSweep); the
// domain only returns its results. Labels are bounded: route patterns from the route table, never
// raw paths, and no seller ids.
type Metrics struct {
	reg *prometheus.Registry

	requests        *prometheus.CounterVec
	requestDuration *prometheus.HistogramVec

	importsStarted     prometheus.Counter
	importsFinished    *prometheus.CounterVec
	importDuration     *prometheus.HistogramVec
	importRowsRead     prometheus.Counter
	importRowsRejected prometheus.Counter

	sweeps           *prometheus.CounterVec
	sweepDuration    *prometheus.HistogramVec
	sweepExceptions  *prometheus.CounterVec
	sweepSkipSellers prometheus.Counter
}

// NewMetrics returns the portal's metrics with the Go runtime and process collectors and, when
// db is not nil, the connection pool's figures (database/sql's DBStats).
func NewMetrics(db *sql.DB) *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	request := []string{"method", "route", "status"}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "portal_http_requests_total",
		Help: "HTTP requests answered, by method, route pattern and status class (2xx…5xx).",
	}, request)
	m.requestDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "portal_http_request_duration_seconds",
		Help:    "Time to answer an HTTP request, by method, route pattern and status class.",
		Buckets: prometheus.DefBuckets,
	}, request)
	m.importsStarted = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "portal_imports_started_total",
		Help: "Uploaded imports started.",
	})
	m.importsFinished = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "portal_imports_finished_total",
		Help: "Imports finished, by result: succeeded, failed, or interrupted (stopped by a shutdown, or found unfinished at start after a crash).",
	}, []string{"result"})
	m.importDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "portal_import_duration_seconds",
		Help:    "Time an uploaded import took to run, by result.",
		Buckets: prometheus.ExponentialBuckets(0.1, 4, 9), // 0.1 s … about 1 h 50 min
	}, []string{"result"})
	m.importRowsRead = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "portal_import_rows_read_total",
		Help: "Data rows read by imports that succeeded.",
	})
	m.importRowsRejected = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "portal_import_rows_rejected_total",
		Help: "Rows rejected (listed in the import's error report) by imports that succeeded.",
	})
	m.sweeps = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "portal_sweep_runs_total",
		Help: "Stall/exception sweeps run, by trigger (periodic: every seller; import: the importing seller) and result (ok, error).",
	}, []string{"trigger", "result"})
	m.sweepDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "portal_sweep_duration_seconds",
		Help:    "Time a sweep took, by trigger.",
		Buckets: prometheus.ExponentialBuckets(0.01, 4, 9), // 10 ms … about 11 min
	}, []string{"trigger"})
	m.sweepExceptions = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "portal_sweep_exceptions_total",
		Help: "Exceptions changed by sweeps: raised, resolved (as recovered), reopened (back from waiting).",
	}, []string{"change"})
	m.sweepSkipSellers = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "portal_sweep_sellers_skipped_total",
		Help: "Sellers a periodic sweep skipped because another process was sweeping them.",
	})
	m.reg.MustRegister(
		m.requests, m.requestDuration,
		m.importsStarted, m.importsFinished, m.importDuration, m.importRowsRead, m.importRowsRejected,
		m.sweeps, m.sweepDuration, m.sweepExceptions, m.sweepSkipSellers,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	if db != nil {
		m.reg.MustRegister(collectors.NewDBStatsCollector(db, "portal"))
	}
	return m
}

// Handler serves GET /metrics, for the metrics listener only.
func (m *Metrics) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	return mux
}

// observeRequest counts one answered request. route is Echo's route pattern ("/exceptions/:id"),
// empty when no route matched.
func (m *Metrics) observeRequest(method, route string, status int, took time.Duration) {
	if route == "" {
		route = "unmatched"
	}
	labels := prometheus.Labels{"method": methodLabel(method), "route": route, "status": strconv.Itoa(status/100) + "xx"}
	m.requests.With(labels).Inc()
	m.requestDuration.With(labels).Observe(took.Seconds())
}

// methodLabel keeps the method label bounded: a client may send any token as a method.
func methodLabel(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace:
		return m
	}
	return "other"
}

// ImportStarted counts an import that begins to run (domain.ImportObserver).
func (m *Metrics) ImportStarted() {
	if m == nil {
		return
	}
	m.importsStarted.Inc()
}

// ImportFinished counts an import that ended with result after took; im is the finished import
// (its row counts are recorded when it succeeded).
func (m *Metrics) ImportFinished(result domain.ImportResult, im domain.Import, took time.Duration) {
	if m == nil {
		return
	}
	m.importsFinished.WithLabelValues(string(result)).Inc()
	m.importDuration.WithLabelValues(string(result)).Observe(took.Seconds())
	if result == domain.ResultSucceeded {
		m.importRowsRead.Add(float64(im.RowsRead))
		m.importRowsRejected.Add(float64(im.RowsRejected))
	}
}

// ImportsInterrupted counts imports found unfinished at start: the process running them ended
// without stopping them (MarkInterruptedImports).
func (m *Metrics) ImportsInterrupted(n int64) {
	m.importsFinished.WithLabelValues(string(domain.ResultInterrupted)).Add(float64(n))
}

// ObserveSweep records a sweep run by trigger ("periodic" or "import") that took took. r counts
// what it changed, also when err reports that some sellers failed. A nil Metrics records nothing,
// for the one-shot commands.
func (m *Metrics) ObserveSweep(trigger string, r domain.SweepResult, took time.Duration, err error) {
	if m == nil {
		return
	}
	result := "ok"
	if err != nil {
		result = "error"
	}
	m.sweeps.WithLabelValues(trigger, result).Inc()
	m.sweepDuration.WithLabelValues(trigger).Observe(took.Seconds())
	m.sweepExceptions.WithLabelValues("raised").Add(float64(r.Raised))
	m.sweepExceptions.WithLabelValues("resolved").Add(float64(r.Resolved))
	m.sweepExceptions.WithLabelValues("reopened").Add(float64(r.Reopened))
	m.sweepSkipSellers.Add(float64(r.Skipped))
}
