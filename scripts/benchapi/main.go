// Command benchapi is the client side of scripts/bench-api.sh. It is not part of the portal.
//
//	benchapi convert DEMO.csv EVENTS.csv
//	    turns `portal demo-csv` output into the API's events, written as a CSV in the canonical
//	    columns (order_ref, tracking_number, carrier, status, status_at, location) with RFC 3339
//	    times (the demo's times are China time), so `portal import` and the API get the same events.
//	benchapi post -url URL -token TOKEN [-clients 8] [-batch 5000] EVENTS.csv
//	    posts the events in batches to POST /api/v1/events from several clients at once and prints
//	    one line: events, seconds, events/s, and p50/p99/max seconds per batch.
package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/parceldesk/portal/domain/zone"
)

type event struct {
	OrderRef       string `json:"order_ref"`
	TrackingNumber string `json:"tracking_number,omitempty"`
	Carrier        string `json:"carrier,omitempty"`
	Status         string `json:"status,omitempty"`
	StatusAt       string `json:"status_at"`
	Location       string `json:"location,omitempty"`
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: benchapi convert DEMO.csv EVENTS.csv | benchapi post -url URL -token T EVENTS.csv")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "convert":
		err = convert(os.Args[2:])
	case "post":
		err = post(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchapi:", err)
		os.Exit(1)
	}
}

func convert(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("convert DEMO.csv EVENTS.csv")
	}
	in, err := os.Open(args[0]) // #nosec G304 G703 -- the file the operator named
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(args[1]) // #nosec G304 G703 -- the file the operator named
	if err != nil {
		return err
	}
	defer out.Close()
	r := csv.NewReader(in)
	head, err := r.Read()
	if err != nil {
		return err
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, h := range []string{"Order ID", "Tracking Number", "Carrier", "Last Event", "Event Time", "Location"} {
		if _, ok := col[h]; !ok {
			return fmt.Errorf("no column %q in %s", h, args[0])
		}
	}
	china := zone.China
	w := csv.NewWriter(out)
	_ = w.Write([]string{"order_ref", "tracking_number", "carrier", "status", "status_at", "location"})
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		at, err := time.ParseInLocation("2006-01-02 15:04:05", rec[col["Event Time"]], china)
		if err != nil || rec[col["Last Event"]] == "" {
			continue // an order without an event: not an event for the API
		}
		_ = w.Write([]string{rec[col["Order ID"]], rec[col["Tracking Number"]], rec[col["Carrier"]], rec[col["Last Event"]],
			at.Format(time.RFC3339), rec[col["Location"]]})
	}
	w.Flush()
	return w.Error()
}

func readEvents(path string) ([]event, error) {
	f, err := os.Open(path) // #nosec G304 G703 -- the file the operator named
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, err
	}
	out := make([]event, 0, len(recs))
	for _, r := range recs[1:] {
		out = append(out, event{OrderRef: r[0], TrackingNumber: r[1], Carrier: r[2], Status: r[3], StatusAt: r[4], Location: r[5]})
	}
	return out, nil
}

func post(args []string) error {
	fs := flag.NewFlagSet("post", flag.ContinueOnError)
	url := fs.String("url", "http://127.0.0.1:8080", "the portal")
	token := fs.String("token", "", "an API token")
	clients := fs.Int("clients", 8, "clients posting at once")
	batch := fs.Int("batch", 5000, "events per request")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 || *token == "" {
		return fmt.Errorf("post -url URL -token TOKEN EVENTS.csv")
	}
	events, err := readEvents(fs.Arg(0))
	if err != nil {
		return err
	}
	// Bodies are encoded before the clock starts: the client's JSON encoding is not the portal's time.
	var bodies [][]byte
	for i := 0; i < len(events); i += *batch {
		b, err := json.Marshal(map[string]any{"events": events[i:min(i+*batch, len(events))]})
		if err != nil {
			return err
		}
		bodies = append(bodies, b)
	}
	work := make(chan []byte)
	var mu sync.Mutex
	var took []float64
	var firstErr error
	var added int64
	var wg sync.WaitGroup
	hc := &http.Client{Timeout: 30 * time.Minute}
	start := time.Now()
	for range *clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for body := range work {
				t0 := time.Now()
				req, _ := http.NewRequest(http.MethodPost, *url+"/api/v1/events", bytes.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+*token)
				req.Header.Set("Content-Type", "application/json")
				res, err := hc.Do(req)
				var out struct {
					EventsAdded int64 `json:"events_added"`
					Rejected    int   `json:"rejected"`
				}
				if err == nil {
					b, _ := io.ReadAll(res.Body)
					_ = res.Body.Close()
					if res.StatusCode != http.StatusOK {
						err = fmt.Errorf("status %d: %.300s", res.StatusCode, b)
					} else if err = json.Unmarshal(b, &out); err == nil && out.Rejected > 0 {
						err = fmt.Errorf("%d events refused: %.300s", out.Rejected, b)
					}
				}
				mu.Lock()
				took = append(took, time.Since(t0).Seconds())
				added += out.EventsAdded
				if err != nil && firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
			}
		}()
	}
	for _, b := range bodies {
		work <- b
	}
	close(work)
	wg.Wait()
	secs := time.Since(start).Seconds()
	if firstErr != nil {
		return firstErr
	}
	sort.Float64s(took)
	pct := func(p float64) float64 { return took[min(len(took)-1, int(p*float64(len(took)-1)+0.5))] }
	fmt.Printf("events=%d added=%d batches=%d clients=%d seconds=%.2f events_per_s=%.0f batch_p50_s=%.2f batch_p99_s=%.2f batch_max_s=%.2f\n",
		len(events), added, len(bodies), *clients, secs, float64(len(events))/secs, pct(0.50), pct(0.99), took[len(took)-1])
	return nil
}
