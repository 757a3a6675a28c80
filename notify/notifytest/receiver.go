package notifytest

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

// Behaviour is how the receiver answers.
type Behaviour int

// The receiver's behaviours.
const (
	Accept  Behaviour = iota // 200 for a delivery with a good signature
	Fail500                  // 500 Internal Server Error
	Hang                     // answers nothing until the sender gives up (a timeout)
)

// Delivery is one request the receiver got.
type Delivery struct {
	At        time.Time
	EventID   string
	Type      string
	Body      []byte
	Header    http.Header
	Verified  bool
	VerifyErr string
	Status    int
}

// Receiver is an HTTPS webhook receiver on 127.0.0.1 that verifies every delivery's signature
// (with Verify, given the endpoint's secret) and counts events by id, its idempotency check. It
// can answer 500, hang, or be down (connection refused) on purpose, and come back on the same
// address.
type Receiver struct {
	addr   string
	srv    *httptest.Server
	mu     sync.Mutex
	secret string
	mode   Behaviour
	verify func(secret, header string, body []byte, now time.Time) error
	got    []Delivery
	events map[string]int // event id → accepted deliveries
	hang   chan struct{}
	delay  time.Duration
}

// StartReceiver starts a receiver on a free port; verify is the signature check (notify.Verify).
func StartReceiver(verify func(secret, header string, body []byte, now time.Time) error) (*Receiver, error) {
	r := &Receiver{verify: verify, events: map[string]int{}, hang: make(chan struct{})}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	r.addr = ln.Addr().String()
	r.start(ln)
	return r, nil
}

func (r *Receiver) start(ln net.Listener) {
	r.srv = httptest.NewUnstartedServer(http.HandlerFunc(r.serve))
	_ = r.srv.Listener.Close()
	r.srv.Listener = ln
	r.srv.StartTLS()
}

// URL is the endpoint URL to register.
func (r *Receiver) URL() string { return "https://" + r.addr + "/hooks" }

// TLS returns a client configuration that trusts the receiver's certificate.
func (r *Receiver) TLS() *tls.Config {
	pool := x509.NewCertPool()
	pool.AddCert(r.srv.Certificate())
	return &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
}

// CertPEM is the receiver's certificate, for a process that trusts it through SSL_CERT_FILE.
func (r *Receiver) CertPEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: r.srv.Certificate().Raw})
}

// SetSecret sets the endpoint's secret, shown once when it is registered.
func (r *Receiver) SetSecret(s string) { r.mu.Lock(); r.secret = s; r.mu.Unlock() }

// Set changes how the receiver answers from now on.
func (r *Receiver) Set(b Behaviour) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.mode == Hang && b != Hang {
		close(r.hang)
		r.hang = make(chan struct{})
	}
	r.mode = b
}

// SetDelay makes every answer take d: a slow receiver.
func (r *Receiver) SetDelay(d time.Duration) { r.mu.Lock(); r.delay = d; r.mu.Unlock() }

// Down stops listening: deliveries get "connection refused".
func (r *Receiver) Down() { r.srv.Close() }

// Up listens again on the same address.
func (r *Receiver) Up() error {
	ln, err := net.Listen("tcp", r.addr)
	if err != nil {
		return err
	}
	r.start(ln)
	return nil
}

// Close stops the receiver.
func (r *Receiver) Close() {
	r.Set(Accept)
	r.srv.Close()
}

// Deliveries returns every request received.
func (r *Receiver) Deliveries() []Delivery {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Delivery(nil), r.got...)
}

// Events returns how many times each event id was accepted.
func (r *Receiver) Events() map[string]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[string]int, len(r.events))
	for k, v := range r.events {
		out[k] = v
	}
	return out
}

// Wait waits until n distinct events were accepted, up to within.
func (r *Receiver) Wait(n int, within time.Duration) bool {
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if len(r.Events()) >= n {
			return true
		}
	}
	return false
}

func (r *Receiver) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	var ev struct {
		ID   string `json:"id"`
		Type string `json:"type"`
	}
	_ = json.Unmarshal(body, &ev)
	r.mu.Lock()
	d := Delivery{At: time.Now(), EventID: ev.ID, Type: ev.Type, Body: body, Header: req.Header.Clone()}
	if err := r.verify(r.secret, req.Header.Get("X-ParcelDesk-Signature"), body, time.Now()); err != nil {
		d.VerifyErr = err.Error()
	} else {
		d.Verified = true
	}
	mode, hang, delay := r.mode, r.hang, r.delay
	switch {
	case mode == Fail500:
		d.Status = http.StatusInternalServerError
	case mode == Hang:
		d.Status = 0
	case !d.Verified:
		d.Status = http.StatusUnauthorized
	default:
		d.Status = http.StatusOK
		r.events[ev.ID]++
	}
	r.got = append(r.got, d)
	r.mu.Unlock()
	if mode == Hang {
		select {
		case <-hang:
		case <-req.Context().Done():
		}
		return
	}
	time.Sleep(delay)
	w.WriteHeader(d.Status)
}
