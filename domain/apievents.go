package domain

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parceldesk/portal/domain/csvfile"
)

// The JSON API's writes are imports. A batch of events, or one order's facts, becomes the rows of
// a small CSV file in the canonical columns, and runs as an import of source 'api' through the
// very pipeline an uploaded file takes (BeginImport, then Complete): the same parsing (csvfile.ParseRow),
// classification, dedupe, monotonic stage, and the sweep after it, in one transaction. There is
// no second pipeline to drift from the first. Each item is parsed once up front with csvfile.ParseRow, the
// import's own row parser, so that a bad item is reported by its index in the batch, and only the
// good ones go in (or none, when the caller asks for all or nothing).

// MaxAPIBatch is the most events one request may carry.
const MaxAPIBatch = 10_000

// APIEvent is one tracking event sent to the API: a CSV row's event columns.
type APIEvent struct {
	OrderRef       string `json:"order_ref"`
	TrackingNumber string `json:"tracking_number,omitempty"`
	Carrier        string `json:"carrier,omitempty"`
	// Status is the carrier's text; StatusCode an event or status code (UPU, Cainiao action
	// code, a tracker's sub-status), which beats the text. At least one is needed.
	Status     string `json:"status,omitempty"`
	StatusCode string `json:"status_code,omitempty"`
	// StatusAt is when the event happened, RFC 3339 with its offset ("2026-03-04T10:20:00+08:00").
	StatusAt string `json:"status_at"`
	Location string `json:"location,omitempty"`
}

// APIOrder is an order's facts sent to the API: the CSV columns that describe the order. Empty
// fields leave the shipment's value as it is, as an empty cell of a file does.
type APIOrder struct {
	TrackingNumber         string `json:"tracking_number,omitempty"`
	Carrier                string `json:"carrier,omitempty"`
	Service                string `json:"service,omitempty"`
	LastMileTrackingNumber string `json:"last_mile_tracking_number,omitempty"`
	LastMileCarrier        string `json:"last_mile_carrier,omitempty"`
	DestinationCountry     string `json:"destination_country,omitempty"`
	OrderDate              string `json:"order_date,omitempty"`
	CustomerName           string `json:"customer_name,omitempty"`
	CustomerEmail          string `json:"customer_email,omitempty"`
	Product                string `json:"product,omitempty"`
	OrderValue             string `json:"order_value,omitempty"`
	Currency               string `json:"currency,omitempty"`
	PromisedBy             string `json:"promised_by,omitempty"`
	ProtectionEndsAt       string `json:"protection_ends_at,omitempty"`
}

// ItemError is one refused item of a batch, by its index (from 0) in the batch.
type ItemError struct {
	Index   int    `json:"index"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// The codes of ItemError.
const (
	ItemMissingStatus = "missing_status"
	ItemBadTime       = "invalid_time"
	ItemInvalid       = "invalid"
)

// BatchResult is what a batch of events did.
type BatchResult struct {
	// ImportID is the import the batch ran as; 0 when nothing was imported.
	ImportID          int64 `json:"import_id,omitempty"`
	Accepted          int   `json:"accepted"`
	Rejected          int   `json:"rejected"`
	EventsAdded       int64 `json:"events_added"`
	DuplicatesSkipped int64 `json:"duplicates_skipped"`
	ShipmentsCreated  int64 `json:"shipments_created"`
	ShipmentsUpdated  int64 `json:"shipments_updated"`
	// Items are the refused items, in batch order.
	Items []ItemError `json:"items,omitempty"`
}

// eventColumns are the CSV columns of an APIEvent, in the order eventRecord writes them.
var eventColumns = []csvfile.Column{csvfile.ColOrderRef, csvfile.ColTrackingNumber, csvfile.ColCarrier, csvfile.ColStatus, csvfile.ColStatusCode, csvfile.ColStatusAt, csvfile.ColLocation}

// orderColumns are the CSV columns of an order's facts, in the order orderRecord writes them.
var orderColumns = []csvfile.Column{csvfile.ColOrderRef, csvfile.ColTrackingNumber, csvfile.ColCarrier, csvfile.ColService, csvfile.ColLastMileTrackingNumber,
	csvfile.ColLastMileCarrier, csvfile.ColDestinationCountry, csvfile.ColOrderDate, csvfile.ColCustomerName, csvfile.ColCustomerEmail, csvfile.ColProduct,
	csvfile.ColOrderValue, csvfile.ColCurrency, csvfile.ColPromisedBy, csvfile.ColProtectionEndsAt}

func eventRecord(e APIEvent) []string {
	return []string{e.OrderRef, e.TrackingNumber, e.Carrier, e.Status, e.StatusCode, e.StatusAt, e.Location}
}

func orderRecord(ref string, o APIOrder) []string {
	return []string{ref, o.TrackingNumber, o.Carrier, o.Service, o.LastMileTrackingNumber, o.LastMileCarrier,
		o.DestinationCountry, o.OrderDate, o.CustomerName, o.CustomerEmail, o.Product, o.OrderValue, o.Currency,
		o.PromisedBy, o.ProtectionEndsAt}
}

// apiSettings is how the pipeline reads the rows the API writes: UTF-8, comma, the columns in
// cols' order, ISO dates; loc reads a bare date (an order date) in the seller's zone.
func apiSettings(cols []csvfile.Column, loc *time.Location) ImportSettings {
	m := csvfile.Mapping{}
	for i, c := range cols {
		m[c] = i
	}
	return ImportSettings{Dialect: csvfile.Dialect{Encoding: "utf-8", Delimiter: ','}, Mapping: m, DateOrder: csvfile.DayFirst, Location: loc}
}

// checkEvent is what an event needs beyond what csvfile.ParseRow checks of any row: an event (a status
// text or code) and a time with its offset, since a tool knows it and a guessed zone would
// shift the clocks by hours.
func checkEvent(e APIEvent) *ItemError {
	if strings.TrimSpace(e.Status) == "" && strings.TrimSpace(e.StatusCode) == "" {
		return &ItemError{Code: ItemMissingStatus, Message: "status or status_code is needed"}
	}
	if strings.TrimSpace(e.StatusAt) == "" {
		return &ItemError{Code: ItemBadTime, Message: "status_at is needed: the event's time, RFC 3339 with its offset"}
	}
	if _, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(e.StatusAt)); err != nil {
		return &ItemError{Code: ItemBadTime, Message: fmt.Sprintf("status_at %q is not an RFC 3339 time with an offset (2026-03-04T10:20:00+08:00)", e.StatusAt)}
	}
	return nil
}

// IngestEvents imports a batch of events for the seller as one import of source 'api', in one
// transaction, and sweeps the seller after it, as an uploaded file's rows would be. Items that
// fail validation are listed in the result by index; the others go in, unless atomic, when any
// bad item keeps the whole batch out. It returns a *ValidationError for an empty batch or one
// over MaxAPIBatch; a result without ImportID imported nothing.
func (s *Store) IngestEvents(ctx context.Context, seller SellerID, user *int64, events []APIEvent, atomic bool, obs ImportObserver) (BatchResult, error) {
	return s.ingestEvents(ctx, seller, user, "api", "API", events, atomic, checkEvent, obs)
}

// ingestEvents is IngestEvents for every source of events (the API, a tracker's webhook): the
// import's source is source (imports.source) and its name starts with label, and check is what
// an event needs beyond what ParseRow checks.
func (s *Store) ingestEvents(ctx context.Context, seller SellerID, user *int64, source, label string, events []APIEvent, atomic bool,
	check func(APIEvent) *ItemError, obs ImportObserver) (BatchResult, error) {
	switch {
	case len(events) == 0:
		return BatchResult{}, Invalid("events", "The batch has no events.")
	case len(events) > MaxAPIBatch:
		return BatchResult{}, Invalid("events", fmt.Sprintf("The batch has %d events; send at most %d at once.", len(events), MaxAPIBatch))
	}
	loc, err := sellerLoc(ctx, s.db, seller)
	if err != nil {
		return BatchResult{}, err
	}
	set := apiSettings(eventColumns, loc)
	opts := csvfile.ParseOptions{DateOrder: set.DateOrder, Location: loc}
	var res BatchResult
	good := make([][]string, 0, len(events))
	for i, e := range events {
		if ie := check(e); ie != nil {
			ie.Index = i
			res.Items = append(res.Items, *ie)
			continue
		}
		rec := eventRecord(e)
		if _, err := csvfile.ParseRow(rec, i, set.Mapping, opts); err != nil {
			re, ok := csvfile.AsRowError(err)
			if !ok {
				return BatchResult{}, err
			}
			res.Items = append(res.Items, ItemError{Index: i, Code: ItemInvalid, Message: re.Reason})
			continue
		}
		good = append(good, rec)
	}
	res.Accepted, res.Rejected = len(good), len(res.Items)
	if len(good) == 0 || atomic && len(res.Items) > 0 {
		res.Accepted = 0
		return res, nil
	}
	im, err := s.importRecords(ctx, seller, user, source, fmt.Sprintf("%s: %d events", label, len(good)), "events", eventColumns, good, set, obs)
	if err != nil {
		return BatchResult{}, err
	}
	res.ImportID, res.EventsAdded, res.DuplicatesSkipped = im.ID, im.EventsAdded, im.DuplicatesSkipped
	res.ShipmentsCreated, res.ShipmentsUpdated = im.ShipmentsCreated, im.ShipmentsUpdated
	return res, nil
}

// PutOrder records an order's facts for the seller through the import pipeline (one row, source
// 'api'), creating the shipment when the seller has none with that order reference, and sweeps
// after it. It reports whether the shipment was created, and returns a *ValidationError whose
// text names every bad field.
func (s *Store) PutOrder(ctx context.Context, seller SellerID, user *int64, ref string, o APIOrder, obs ImportObserver) (created bool, err error) {
	loc, err := sellerLoc(ctx, s.db, seller)
	if err != nil {
		return false, err
	}
	set := apiSettings(orderColumns, loc)
	rec := orderRecord(ref, o)
	if _, err := csvfile.ParseRow(rec, 1, set.Mapping, csvfile.ParseOptions{DateOrder: set.DateOrder, Location: loc}); err != nil {
		if re, ok := csvfile.AsRowError(err); ok {
			return false, Invalid("", re.Reason)
		}
		return false, err
	}
	im, err := s.importRecords(ctx, seller, user, "api", "API: order "+ref, "order", orderColumns, [][]string{rec}, set, obs)
	if err != nil {
		return false, err
	}
	return im.ShipmentsCreated > 0, nil
}

// importRecords writes recs as a CSV file with a header of cols and runs it as an import of
// source, as `portal import` runs a file, merged together with the seller's other batches of the
// same kind (the same cols) that wait for the seller's merge at the same time (importGrouped). An
// import that failed is an error.
func (s *Store) importRecords(ctx context.Context, seller SellerID, user *int64, source, name, kind string, cols []csvfile.Column, recs [][]string,
	set ImportSettings, obs ImportObserver) (Import, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = string(c)
	}
	_ = w.Write(header) // a bytes.Buffer does not fail
	_ = w.WriteAll(recs)
	im, err := s.CreateImport(ctx, seller, NewImport{UserID: user, Source: source, Filename: name, Size: int64(buf.Len())})
	if err != nil {
		return Import{}, err
	}
	m := &groupMember{id: im.ID, body: buf.Bytes(), records: len(recs), lead: make(chan struct{}), done: make(chan groupResult, 1)}
	return s.importGrouped(ctx, seller, kind, set, m, obs)
}

// APIShipment is a shipment as the API answers it: its facts, its stage, its stage timeline
// against the thresholds, its events and its open exceptions.
type APIShipment struct {
	OrderRef           string             `json:"order_ref"`
	TrackingNumbers    []string           `json:"tracking_numbers"`
	Carrier            string             `json:"carrier,omitempty"`
	Service            string             `json:"service,omitempty"`
	DestinationCountry string             `json:"destination_country,omitempty"`
	OrderDate          *time.Time         `json:"order_date,omitempty"`
	CustomerName       string             `json:"customer_name,omitempty"`
	CustomerEmail      string             `json:"customer_email,omitempty"`
	Product            string             `json:"product,omitempty"`
	OrderValue         *string            `json:"order_value,omitempty"`
	Currency           string             `json:"currency,omitempty"`
	Stage              string             `json:"stage"`
	StageLabel         string             `json:"stage_label"`
	StageNumber        int                `json:"stage_number"`
	StageEnteredAt     *time.Time         `json:"stage_entered_at"`
	LastEventAt        *time.Time         `json:"last_event_at"`
	LastStatus         string             `json:"last_status,omitempty"`
	PromisedBy         *time.Time         `json:"promised_by,omitempty"`
	ProtectionEndsAt   *time.Time         `json:"protection_ends_at,omitempty"`
	EstimatedDelivery  *APIEstimate       `json:"estimated_delivery,omitempty"`
	Timeline           []APIStageSpan     `json:"timeline"`
	Events             []APIShipmentEvent `json:"events"`
	OpenExceptions     []APIException     `json:"open_exceptions"`
}

// APIEstimate is a shipment's estimated delivery window as the API answers it (Estimate).
type APIEstimate struct {
	Early       time.Time `json:"early"`
	Late        time.Time `json:"late"`
	FromStage   string    `json:"from_stage"`
	From        time.Time `json:"from"`
	Basis       string    `json:"basis"`
	Deliveries  int       `json:"deliveries"`
	Explanation string    `json:"explanation"`
}

// APIStageSpan is one stage of a shipment's timeline.
type APIStageSpan struct {
	Stage            string     `json:"stage"`
	State            string     `json:"state"`
	EnteredAt        *time.Time `json:"entered_at"`
	SpentSeconds     int64      `json:"spent_seconds"`
	ThresholdSeconds int64      `json:"threshold_seconds"`
	Over             bool       `json:"over"`
}

// APIShipmentEvent is one event of a shipment, oldest first.
type APIShipmentEvent struct {
	At       *time.Time `json:"at"`
	Status   string     `json:"status"`
	Location string     `json:"location,omitempty"`
	Stage    string     `json:"stage"`
	Signal   string     `json:"signal,omitempty"`
}

// APIException is an exception as the API answers it.
type APIException struct {
	ID       int64      `json:"id"`
	OrderRef string     `json:"order_ref,omitempty"`
	Kind     string     `json:"kind"`
	State    string     `json:"state"`
	Stage    string     `json:"stage"`
	Signal   string     `json:"signal,omitempty"`
	Severity float64    `json:"severity"`
	OpenedAt time.Time  `json:"opened_at"`
	DueAt    *time.Time `json:"due_at,omitempty"`
}

func stageKey(st Stage) string {
	if !st.Valid() {
		return "unknown"
	}
	return st.Key()
}

func signalText(sig Signal) string {
	if s := string(sig); s != "none" {
		return s
	}
	return ""
}

func apiException(e Exception, ref string) APIException {
	return APIException{ID: e.ID, OrderRef: ref, Kind: string(e.Kind), State: string(e.State), Stage: stageKey(e.Stage),
		Signal: signalText(e.Signal), Severity: e.Severity, OpenedAt: e.OpenedAt, DueAt: e.DueAt}
}

// FindAPIShipment returns the seller's shipment with that order reference, as the API shows it
// at now. It returns ErrNotFound when the seller has none (another seller's is none).
func (s *Store) FindAPIShipment(ctx context.Context, seller SellerID, ref string, now time.Time) (APIShipment, error) {
	var id int64
	err := s.db.GetContext(ctx, &id, `SELECT id FROM shipments WHERE seller_id = $1 AND order_ref = $2`, seller, ref)
	if errors.Is(err, sql.ErrNoRows) {
		return APIShipment{}, ErrNotFound
	}
	if err != nil {
		return APIShipment{}, fmt.Errorf("find api shipment: %w", err)
	}
	d, err := s.ShipmentDetail(ctx, seller, id, now)
	if err != nil {
		return APIShipment{}, err
	}
	sh := d.Shipment
	out := APIShipment{OrderRef: sh.OrderRef, Carrier: sh.Carrier, Service: sh.Service, DestinationCountry: sh.DestinationCountry,
		OrderDate: sh.OrderDate, CustomerName: sh.CustomerName, CustomerEmail: sh.CustomerEmail, Product: sh.Product,
		OrderValue: sh.OrderValue, Currency: sh.Currency,
		Stage: stageKey(sh.Stage), StageNumber: int(sh.Stage), StageEnteredAt: sh.StageEnteredAt, LastEventAt: sh.LastEventAt,
		LastStatus: sh.LastStatus, PromisedBy: sh.PromisedBy, ProtectionEndsAt: sh.ProtectionEndsAt,
		TrackingNumbers: []string{}, Timeline: []APIStageSpan{}, Events: []APIShipmentEvent{}, OpenExceptions: []APIException{}}
	if sh.Stage.Valid() {
		out.StageLabel = sh.Stage.Label()
	}
	if e, ok := sh.Estimate(); ok {
		out.EstimatedDelivery = &APIEstimate{Early: e.Early, Late: e.Late, FromStage: stageKey(e.Stage), From: e.From,
			Basis: string(e.Basis), Deliveries: e.Deliveries, Explanation: e.Explain()}
	}
	for _, tn := range d.TrackingNumbers {
		out.TrackingNumbers = append(out.TrackingNumbers, tn.Number)
	}
	for _, sp := range d.Timeline.Stages {
		out.Timeline = append(out.Timeline, APIStageSpan{Stage: stageKey(sp.Stage), State: string(sp.State), EnteredAt: sp.EnteredAt,
			SpentSeconds: int64(sp.Spent.Seconds()), ThresholdSeconds: int64(sp.Threshold.Seconds()), Over: sp.Over})
	}
	for _, e := range d.Events {
		out.Events = append(out.Events, APIShipmentEvent{At: e.OccurredAt, Status: e.StatusText, Location: e.Location,
			Stage: stageKey(e.Stage), Signal: signalText(e.Signal)})
	}
	for _, e := range d.Exceptions {
		if e.State != StateResolved {
			out.OpenExceptions = append(out.OpenExceptions, apiException(e, sh.OrderRef))
		}
	}
	return out, nil
}

// APIExceptionPage is one keyset page of the queue as the API answers it; Next is the cursor of
// the next page, "" on the last.
type APIExceptionPage struct {
	Exceptions []APIException `json:"exceptions"`
	Next       string         `json:"next_cursor,omitempty"`
}

// ListAPIExceptions returns one page of the seller's queue (ListQueue, with its filters and
// keyset order): every matching exception of each parcel, the parcel's lead first.
func (s *Store) ListAPIExceptions(ctx context.Context, seller SellerID, f QueueFilter) (APIExceptionPage, error) {
	page, err := s.ListQueue(ctx, seller, f)
	if err != nil {
		return APIExceptionPage{}, err
	}
	out := APIExceptionPage{Exceptions: []APIException{}}
	for _, r := range page.Rows {
		excs := r.Exceptions
		if len(excs) == 0 {
			excs = []Exception{r.Exception}
		}
		for _, e := range excs {
			out.Exceptions = append(out.Exceptions, apiException(e, r.OrderRef))
		}
	}
	if page.Next != nil {
		out.Next = page.Next.String()
	}
	return out, nil
}
