package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/zone"
)

// The demo export: what a seller's tracking tool would give for a few thousand AliExpress orders,
// one row per tracking event, with timestamps relative to now so that the desk has something to
// say the moment it opens. Every stage, every signal and every kind of trouble is represented, and
// so are the two Cainiao quirks (import pre-advice, economy services that go quiet after arrival)
// and a few texts no rule knows. The same generator makes the large files of the import benchmark.

// demoHeader is a tracking tool's export header; the importer maps it on its own.
var demoHeader = []string{"Order ID", "Tracking Number", "Carrier", "Shipping Method", "Last Mile Tracking",
	"Last Mile Carrier", "Last Event", "Event Time", "Location", "Shipping Country", "Order Date", "Customer",
	"Email", "Product", "Order Total", "Currency", "Promised Delivery Date", "Buyer Protection Ends"}

// demoStep is one tracking event of the standard route, by stage.
var demoSteps = [12][]string{
	1:  {"Order Completed"},
	2:  {"Order information received by the carrier", "Shipping label created, package not yet received"},
	3:  {"[Shenzhen] Accepted by carrier", "[Shenzhen] Outbound in sorting center", "[Dongguan] Departed from sorting center"},
	4:  {"[Shenzhen] Hand over to airline", "[Guangzhou] Handed over to linehaul carrier"},
	5:  {"[Shenzhen] Export customs clearance started", "[Guangzhou] Export customs clearance complete"},
	6:  {"[Shenzhen] Departed from departure country/region", "[Hong Kong] Flight departed"},
	7:  {"Arrived at destination country/region", "Arrived at linehaul office"},
	8:  {"Import clearance start", "Import customs clearance in progress"},
	9:  {"Import customs clearance complete", "Received by local delivery company", "Arrived at local delivery center"},
	10: {"Out for delivery", "With courier for delivery"},
	11: {"Delivered", "Delivered, in mailbox"},
}

// demoTrouble are events that carry a signal, with the stage they leave the parcel in.
var demoTrouble = []struct {
	stage int
	text  string
}{
	{10, "Delivery attempted - no one home, notice left"},
	{10, "Available for pickup at post office"},
	{10, "Incorrect address - awaiting customer instructions"},
	{8, "Held by customs - import duties payment required"},
	{10, "Returned to sender"},
	{10, "Parcel damaged in transit"},
	{10, "Returned to delivery depot after failed delivery"},
}

// demoUnmapped are texts that no built-in rule knows; the seller maps them on the unmapped page.
var demoUnmapped = []string{"Package info synchronized with partner system", "Bag closed at gate 3",
	"Parcel consolidated for onward routing"}

var demoCountries = []struct {
	code, carrier, prefix string
	weight                int
}{
	{"US", "USPS", "9400", 30}, {"GB", "Royal Mail", "RB", 10}, {"DE", "DHL", "0034", 10},
	{"FR", "Colissimo", "6A", 10}, {"ES", "Correos", "PQ", 10}, {"NL", "PostNL", "3S", 5},
	{"AU", "Australia Post", "AP", 8}, {"CA", "Canada Post", "CP", 7}, {"PL", "Poczta Polska", "PX", 5},
	{"IT", "Poste Italiane", "RR", 5},
}

var demoServices = []struct {
	name   string
	weight int
}{{"AliExpress Standard Shipping", 70}, {"Cainiao Super Economy Global", 15}, {"AliExpress Premium Shipping", 8},
	{"YunExpress", 4}, {"4PX Singapore Post OM Pro", 3}}

var demoFirst = []string{"Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Hugo", "Sofia", "Jan",
	"Chloe", "Mateo", "Lena", "Oscar", "Zoe", "Leo", "Isla", "Finn", "Alice", "Marco"}
var demoLast = []string{"Smith", "Müller", "Martin", "García", "de Vries", "Rossi", "Nowak", "Brown", "Dubois",
	"Fernández", "Taylor", "Schmidt", "Jansen", "Wilson", "Lefèvre", "Kowalski", "Moreau", "López"}
var demoProducts = []string{"Wireless earbuds", "LED strip lights 5m", "Phone case", "Smart watch band",
	"USB-C hub 7-in-1", "Mini projector", "Silicone baking mats", "Ring light 10in", "Car phone mount",
	"Bluetooth speaker", "Yoga mat", "Magnetic cable organiser", "Kids drawing tablet", "Electric milk frother",
	"Portable blender", "Sunset lamp", "Laptop stand", "Pet hair remover", "Mechanical keyboard", "Camping lantern"}

// demoDurations are typical hours spent in each stage, as [min, max], within the thresholds.
var demoDurations = [12][2]float64{1: {20, 70}, 2: {10, 60}, 3: {6, 40}, 4: {6, 30}, 5: {6, 40}, 6: {24, 150},
	7: {6, 48}, 8: {12, 90}, 9: {20, 90}, 10: {4, 30}}

// demoStall are hours well past each stage's default threshold.
var demoStall = [12]float64{1: 160, 2: 130, 3: 100, 4: 100, 5: 130, 6: 300, 7: 130, 8: 220, 9: 220, 10: 70}

// writeDemoCSV writes a demo export of orders orders (stopping early at maxRows rows when
// maxRows > 0), deterministic for a seed and a now. A tracking export has a row per event of
// each order; with latestOnly, an order export, it has one row per order: its last event. Its
// orders have the demo's mix of trouble, heavy on purpose so that every kind shows.
func writeDemoCSV(w io.Writer, orders, maxRows int, latestOnly bool, now time.Time, seed uint64) error {
	return writeDemoCSVMix(w, orders, maxRows, latestOnly, now, seed, 0)
}

// writeDemoCSVMix is writeDemoCSV with trouble, the share of orders (0 to 1) in trouble of some
// kind (stalled past the stage's threshold, a delivery problem, a promised date passed, buyer
// protection ending); the others are delivered or moving within their thresholds. 0 keeps the
// demo's heavy mix.
func writeDemoCSVMix(w io.Writer, orders, maxRows int, latestOnly bool, now time.Time, seed uint64, trouble float64) error {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) // #nosec G404 -- made-up demo data, reproducible from --seed on purpose; nothing secret
	china := zone.China
	cw := csv.NewWriter(w)
	if err := cw.Write(demoHeader); err != nil {
		return err
	}
	rows := 0
	for i := 0; i < orders; i++ {
		o := newDemoOrder(rng, i, now, trouble)
		events := o.events
		if latestOnly {
			events = events[len(events)-1:]
		}
		for _, ev := range events {
			if maxRows > 0 && rows >= maxRows {
				cw.Flush()
				return cw.Error()
			}
			lastMile, lastCarrier := "", ""
			if ev.stage >= 9 {
				lastMile, lastCarrier = o.lastMile, o.lastCarrier
			}
			rec := []string{o.ref, o.tracking, "Cainiao", o.service, lastMile, lastCarrier, ev.text,
				ev.at.In(china).Format("2006-01-02 15:04:05"), ev.location, o.country,
				o.ordered.In(china).Format("2006-01-02 15:04:05"), o.customer, o.email, o.product,
				o.value, "USD", o.promised.In(china).Format("2006-01-02"), o.protection.In(china).Format("2006-01-02 15:04")}
			if err := cw.Write(rec); err != nil {
				return err
			}
			rows++
		}
	}
	cw.Flush()
	return cw.Error()
}

type demoEvent struct {
	stage    int
	text     string
	location string
	at       time.Time
}

type demoOrder struct {
	ref, tracking, service, country, lastMile, lastCarrier string
	customer, email, product, value                        string
	ordered, promised, protection                          time.Time
	events                                                 []demoEvent
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

func hours(rng *rand.Rand, r [2]float64) time.Duration {
	return time.Duration((r[0] + rng.Float64()*(r[1]-r[0])) * float64(time.Hour))
}

// newDemoOrder makes one order and its events, choosing first what state it is in today and then
// walking back in time to when it was ordered. trouble is writeDemoCSVMix's.
func newDemoOrder(rng *rand.Rand, i int, now time.Time, trouble float64) demoOrder {
	o := demoOrder{ref: strconv.FormatInt(8180000000000000+int64(i)*7919, 10)}
	cw := 0
	for _, c := range demoCountries {
		cw += c.weight
	}
	n := rng.IntN(cw)
	for _, c := range demoCountries {
		if n -= c.weight; n < 0 {
			o.country, o.lastCarrier = c.code, c.carrier
			o.lastMile = c.prefix + fmt.Sprintf("%012d", rng.Int64N(1e12))
			break
		}
	}
	sw := rng.IntN(100)
	for _, s := range demoServices {
		if sw -= s.weight; sw < 0 {
			o.service = s.name
			break
		}
	}
	o.tracking = "LP00" + fmt.Sprintf("%012d", rng.Int64N(1e12))
	first, last := pick(rng, demoFirst), pick(rng, demoLast)
	o.customer = first + " " + last
	o.email = strings.ToLower(first) + "." + strings.ToLower(strings.NewReplacer(" ", "", "ü", "u", "í", "i", "è", "e", "á", "a", "é", "e").Replace(last)) + "@example.com"
	o.product = pick(rng, demoProducts)
	o.value = fmt.Sprintf("%.2f", 4.99+rng.Float64()*115)

	// Today's state: the stage reached, how long it has been there, and any trouble.
	var stage int
	var age time.Duration
	signal := -1
	preAdvice, unmapped := false, rng.IntN(50) == 0
	economy := strings.Contains(o.service, "Economy")
	r := rng.IntN(100)
	troubled := false // in realistic mode, this order is one of the few in trouble
	if trouble > 0 {
		troubled = rng.Float64() < trouble
		switch {
		case troubled: // stalled or delivery trouble, as many as late or protection below
			r = 70 + rng.IntN(20)
		case r < 45: // delivered
			r = 0
		default: // moving within the threshold
			r = 40
		}
	}
	switch {
	case r < 40: // delivered
		stage, age = 11, time.Duration(rng.IntN(30*24))*time.Hour
	case r < 70: // moving normally
		stage = 1 + rng.IntN(10)
		age = time.Duration(rng.Float64() * 0.75 * demoStall[stage] / 1.6 * float64(time.Hour))
	case r < 82: // stalled past the threshold
		stage = []int{2, 3, 5, 5, 6, 7, 8, 8, 9, 10}[rng.IntN(10)]
		age = time.Duration(demoStall[stage]*(1+rng.Float64())) * time.Hour
	case r < 90: // delivery trouble
		signal = rng.IntN(len(demoTrouble))
		stage, age = demoTrouble[signal].stage, time.Duration(6+rng.IntN(72))*time.Hour
	case r < 94: // Cainiao pre-advice: import clearance announced before the flight left
		stage, preAdvice = 6+rng.IntN(2), true
		age = time.Duration(6+rng.IntN(40)) * time.Hour
	default: // at risk: nearing the threshold, or an economy parcel quiet after arrival
		stage = 3 + rng.IntN(7)
		age = time.Duration(demoStall[stage] * (0.5 + 0.12*rng.Float64()) * float64(time.Hour))
		if economy {
			stage, age = 7, time.Duration(5+rng.IntN(15))*24*time.Hour
		}
	}
	// Walk back from now: the current stage was entered age ago, earlier ones before it.
	entered := make([]time.Time, stage+1)
	entered[stage] = now.Add(-age)
	for s := stage - 1; s >= 1; s-- {
		entered[s] = entered[s+1].Add(-hours(rng, demoDurations[s]))
	}
	o.ordered = entered[1].Add(-time.Duration(rng.IntN(6)) * time.Hour)
	o.promised = o.ordered.Add(time.Duration(20+rng.IntN(25)) * 24 * time.Hour)
	o.protection = o.ordered.Add(time.Duration(60+rng.IntN(15)) * 24 * time.Hour)
	switch {
	case trouble > 0 && !troubled: // within every date
	case stage < 11 && rng.IntN(12) == 0: // buyer protection about to end
		o.protection = now.Add(time.Duration(12+rng.IntN(96)) * time.Hour)
	case stage < 11 && rng.IntN(10) == 0: // promised date passed
		o.promised = now.Add(-time.Duration(1+rng.IntN(10)) * 24 * time.Hour)
	}
	dest := map[string]string{"US": "Los Angeles", "GB": "London", "DE": "Leipzig", "FR": "Roissy", "ES": "Madrid",
		"NL": "Amsterdam", "AU": "Sydney", "CA": "Toronto", "PL": "Warszawa", "IT": "Milano"}[o.country]
	for s := 1; s <= stage; s++ {
		if s == 1 && stage > 1 {
			continue // the carrier's first event stands for the order; stage 1 shows only while packing
		}
		texts := demoSteps[s]
		n := 1 + rng.IntN(len(texts))
		span := time.Hour
		if s < stage {
			span = entered[s+1].Sub(entered[s])
		}
		for k := 0; k < n && k < len(texts); k++ {
			at := entered[s].Add(time.Duration(float64(span) * float64(k) / float64(n+1)))
			text := texts[k]
			if s == 9 && k == 1 && rng.IntN(3) == 0 {
				text += " with tracking " + o.lastMile
			}
			loc := ""
			if s >= 7 {
				loc = dest
			}
			if !strings.HasPrefix(text, "[") && s >= 2 && s <= 6 {
				loc = "Shenzhen"
			}
			o.events = append(o.events, demoEvent{stage: s, text: text, location: loc, at: at})
			if s == 5 && preAdvice && k == 0 {
				o.events = append(o.events, demoEvent{stage: 8, text: "Import clearance start", location: dest,
					at: at.Add(time.Duration(2+rng.IntN(10)) * time.Hour)})
			}
		}
	}
	if signal >= 0 {
		o.events = append(o.events, demoEvent{stage: demoTrouble[signal].stage, text: demoTrouble[signal].text,
			location: dest, at: now.Add(-age / 2)})
	}
	if unmapped && len(o.events) > 0 {
		last := o.events[len(o.events)-1]
		o.events = append(o.events, demoEvent{text: pick(rng, demoUnmapped), location: last.location, at: last.at.Add(time.Hour)})
	}
	for k := range o.events { // events never lie in the future
		if o.events[k].at.After(now) {
			o.events[k].at = now.Add(-time.Minute)
		}
	}
	return o
}

// cmdDemoCSV writes a demo export to stdout.
func cmdDemoCSV(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("demo-csv", flag.ContinueOnError)
	fs.SetOutput(stderr)
	orders := fs.Int("orders", 3000, "number of orders")
	maxRows := fs.Int("rows", 0, "stop after this many rows (0: all the orders' rows)")
	latest := fs.Bool("latest-only", false, "one row per order, its last event (an order export), instead of a row per event (a tracking export)")
	seed := fs.Uint64("seed", 1, "random seed: the same seed and day give the same file")
	trouble := fs.Float64("trouble", 0, "percent of orders in trouble (stalled, a delivery problem, late, protection ending), the others delivered or within their thresholds; 0: the demo's heavy mix")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *trouble < 0 || *trouble > 100 {
		return fmt.Errorf("demo-csv: --trouble must be a percentage, 0 to 100")
	}
	if *maxRows > 0 && *orders < *maxRows {
		*orders = *maxRows // enough orders to fill the rows
	}
	w := bufio.NewWriterSize(stdout, 1<<16)
	if err := writeDemoCSVMix(w, *orders, *maxRows, *latest, time.Now().UTC(), *seed, *trouble/100); err != nil {
		return err
	}
	return w.Flush()
}

// demoDisputes opens a few disputes over the demo shop's first exceptions, through the same
// domain calls as the pages: one with the supplier due within 48 hours, one with the carrier
// won (money recovered), one chargeback still a draft.
func demoDisputes(ctx context.Context, store *domain.Store, owner domain.User, now time.Time) error {
	q, err := store.ListQueue(ctx, owner.SellerID, domain.QueueFilter{Limit: 3, Now: now})
	if err != nil {
		return fmt.Errorf("demo disputes: %w", err)
	}
	plans := []struct {
		cp     domain.Counterparty
		status domain.DisputeStatus
		opened time.Duration // before now
		due    time.Duration // after now; 0 for the counterparty's default
		ref    string
	}{
		{domain.CounterpartySupplier, domain.DisputeOpen, 4 * 24 * time.Hour, 0, "AE-DSP-5523811"},
		{domain.CounterpartyCarrier, domain.DisputeWon, 20 * 24 * time.Hour, 0, "CLAIM-88412"},
		{domain.CounterpartyChargeback, domain.DisputeDraft, 24 * time.Hour, 6 * 24 * time.Hour, "dp_3QdemoChargeback"},
	}
	for i, r := range q.Rows {
		p := plans[i]
		amount, currency := "19.99", "USD"
		if r.OrderValue != nil && r.Currency != "" {
			amount, currency = *r.OrderValue, r.Currency
		}
		f := domain.DisputeFields{Counterparty: p.cp, Reason: domain.ReasonNotReceived, Amount: amount, Currency: currency,
			ExternalRef: p.ref, OpenedAt: now.Add(-p.opened)}
		if p.due > 0 {
			due := now.Add(p.due)
			f.RespondBy = &due
		}
		status := p.status
		if status == domain.DisputeWon {
			status = domain.DisputeOpen
		}
		d, err := store.CreateDispute(ctx, owner.SellerID, owner, r.ID, status, f, now)
		if err != nil {
			return fmt.Errorf("demo disputes: %w", err)
		}
		if p.status == domain.DisputeWon {
			won := domain.DisputeWon
			if _, err := store.UpdateDispute(ctx, owner.SellerID, owner, d.ID, d.Version, domain.DisputeChange{Status: &won, ResolveException: true}, now); err != nil {
				return fmt.Errorf("demo disputes: %w", err)
			}
		}
	}
	return nil
}
