package notify

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/domain/publicaddr"
)

// The headers of a webhook delivery.
const (
	// SignatureHeader carries "t=<unix seconds>,v1=<hex HMAC-SHA256>" (see Sign).
	SignatureHeader = "X-ParcelDesk-Signature"
	// EventHeader and EventIDHeader repeat the body's type and id.
	EventHeader   = "X-ParcelDesk-Event"
	EventIDHeader = "X-ParcelDesk-Event-Id"
	// DeliveryHeader numbers the delivery (one event to one endpoint); retries keep it.
	DeliveryHeader = "X-ParcelDesk-Delivery"
)

// ReplayWindow is how old a signature's timestamp a receiver should accept: a delivery captured
// and replayed later than this is refused.
const ReplayWindow = 5 * time.Minute

// Sign returns the signature header of a body sent at t: HMAC-SHA256 with the endpoint's secret
// over "<t>.<body>", with t in Unix seconds.
func Sign(secret string, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts))
	m.Write([]byte{'.'})
	m.Write(body)
	return "t=" + ts + ",v1=" + hex.EncodeToString(m.Sum(nil))
}

// Verify checks a signature header as a receiver must: a v1 signature of the body by the secret,
// made within ReplayWindow of now.
func Verify(secret, header string, body []byte, now time.Time) error {
	var ts string
	var sigs []string
	for _, part := range strings.Split(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sigs = append(sigs, v)
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || len(sigs) == 0 {
		return errors.New("malformed signature header")
	}
	t := time.Unix(sec, 0)
	if d := now.Sub(t); d > ReplayWindow || d < -ReplayWindow {
		return fmt.Errorf("signature made %s ago, outside the replay window", d.Round(time.Second))
	}
	want := Sign(secret, t, body)
	for _, s := range sigs {
		if hmac.Equal([]byte("t="+ts+",v1="+s), []byte(want)) {
			return nil
		}
	}
	return errors.New("signature does not match")
}

// errPrivate is the refusal to connect to an address that is not public.
var errPrivate = errors.New("refused: the address is on a private or local network")

// webhookClient is the HTTP client of deliveries: it connects only to public addresses (unless
// configured otherwise), checked on the address actually dialled, so that a name that resolves
// to an internal address at delivery time (DNS rebinding) is refused too; it does not follow
// redirects, which could lead anywhere; and it uses no proxy from the environment.
func webhookClient(cfg Config) *http.Client {
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	if !cfg.AllowPrivate {
		dialer.Control = func(_, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			if ip := net.ParseIP(host); ip == nil || !publicaddr.IsIP(ip) {
				return errPrivate
			}
			return nil
		}
	}
	tc := &tls.Config{MinVersion: tls.VersionTLS12}
	if cfg.TLS != nil {
		tc = cfg.TLS.Clone()
	}
	return &http.Client{
		Transport: &http.Transport{
			DialContext:           dialer.DialContext,
			TLSClientConfig:       tc,
			TLSHandshakeTimeout:   5 * time.Second,
			ResponseHeaderTimeout: cfg.WebhookTimeout,
			MaxIdleConnsPerHost:   4,
			IdleConnTimeout:       time.Minute,
		},
		Timeout:       cfg.WebhookTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// CheckEndpoint validates a webhook URL as a seller typed it (domain.CheckWebhookURL) and, unless
// private addresses are allowed, resolves its host and refuses it when any address it resolves
// to is not public. The same check runs again on every connection.
func (n *Notifier) CheckEndpoint(ctx context.Context, raw string) error {
	clean, err := domain.CheckWebhookURL(raw, n.cfg.AllowPrivate)
	if err != nil || n.cfg.AllowPrivate {
		return err
	}
	u, _ := url.Parse(clean)
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	ips, err := net.DefaultResolver.LookupIPAddr(ctx, u.Hostname())
	if err != nil || len(ips) == 0 {
		return domain.Invalid("url", "That host name could not be found. Check the URL.")
	}
	for _, ip := range ips {
		if !publicaddr.IsIP(ip.IP) {
			return domain.Invalid("url", "That host is on a private or local network; the portal only calls public addresses.")
		}
	}
	return nil
}

// postWebhooks delivers a batch, one after another.
func (n *Notifier) postWebhooks(ctx context.Context, batch []domain.OutboxMessage) []domain.DeliveryResult {
	results := make([]domain.DeliveryResult, 0, len(batch))
	endpoints := map[int64]domain.WebhookEndpoint{}
	secrets := map[int64]string{}
	for _, m := range batch {
		if n.yield(ctx); ctx.Err() != nil {
			break // shutting down: the rest stay due, untried
		}
		start := time.Now()
		r := domain.DeliveryResult{SellerID: m.SellerID, ID: m.ID}
		ep, ok := endpoints[*m.EndpointID]
		if !ok {
			var err error
			if ep, err = n.store.FindWebhookEndpoint(ctx, m.SellerID, *m.EndpointID); err != nil {
				r.Error = "endpoint: " + describe(err)
				results = append(results, r)
				continue
			}
			if secrets[ep.ID], err = n.store.WebhookSecret(ctx, m.SellerID, ep.ID); err != nil {
				r.Error = "endpoint: " + describe(err)
				results = append(results, r)
				continue
			}
			endpoints[ep.ID] = ep
		}
		r.Code, r.Error = n.post(ctx, ep.URL, secrets[ep.ID], m)
		r.OK = r.Error == ""
		r.Duration = time.Since(start)
		results = append(results, r)
	}
	return results
}

// post sends one delivery and returns the response's status and, when it failed, why.
func (n *Notifier) post(ctx context.Context, endpoint, secret string, m domain.OutboxMessage) (int, string) {
	body := []byte(m.Body)
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), n.cfg.WebhookTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return 0, describe(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "ParcelDesk-Webhooks/1")
	req.Header.Set(SignatureHeader, Sign(secret, n.cfg.Clock(), body))
	req.Header.Set(EventHeader, m.EventType)
	req.Header.Set(EventIDHeader, eventID(body))
	req.Header.Set(DeliveryHeader, strconv.FormatInt(m.ID, 10))
	res, err := n.http.Do(req)
	if err != nil {
		if errors.Is(err, errPrivate) {
			return 0, errPrivate.Error()
		}
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return 0, "timed out"
		}
		return 0, describe(err)
	}
	defer func() { _ = res.Body.Close() }()
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return res.StatusCode, "answered " + res.Status
	}
	return res.StatusCode, ""
}

// eventID reads the "id" of an event body.
func eventID(body []byte) string {
	var ev struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(body, &ev)
	return ev.ID
}
