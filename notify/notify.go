// Package notify delivers the portal's outbox (domain/outbox.go): e-mail over SMTP and signed
// webhooks. Workers in `portal serve` claim due messages in batches, send them and record each
// outcome; a scheduler queues the daily digests and the dispute.due_soon events. It holds the
// portal's I/O to the outside world (SMTP, HTTPS to sellers' endpoints) apart from the domain,
// which only writes what is to be sent.
package notify

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/parceldesk/portal/domain"
)

// Config is the delivery machinery's share of the portal's configuration.
type Config struct {
	// SMTPURL is the mail server: smtp://user:pass@host:587 (STARTTLS, required unless the host
	// is this machine) or smtps://user:pass@host:465 (TLS from the start). Empty: no mail server;
	// e-mails wait in the outbox, readable there.
	SMTPURL string
	// MailFrom is the sender's address; the shop's name is the sender's name.
	MailFrom string
	// PublicURL is the portal's address as people reach it, for links in e-mails.
	PublicURL string
	// AllowPrivate lets webhook endpoints be on loopback and private addresses, and plain http
	// (development only: it opens the portal to server-side request forgery).
	AllowPrivate bool
	// Workers is how many batches of each channel are sent at once (default 2).
	Workers int
	// Batch is how many messages one claim takes (default 25).
	Batch int
	// Poll is how long an idle worker waits before looking again (default 1 s).
	Poll time.Duration
	// Retry is the retry policy (default domain.DefaultRetryPolicy).
	Retry domain.RetryPolicy
	// WebhookTimeout bounds one webhook delivery (default 10 s).
	WebhookTimeout time.Duration
	// Clock is the time (default time.Now); tests move it to the digest hour.
	Clock func() time.Time
	// TLS, when set, is the base of every TLS client configuration (SMTP and webhooks); tests
	// give it their own certificate authority.
	TLS *tls.Config
	// Busy, when set, reports whether people are being served (web requests in flight): then
	// each message waits YieldPause first, so that a drain of the outbox takes the CPU the pages
	// leave, not theirs. Idle, the outbox drains at full speed.
	Busy func() bool
}

// YieldPause is how long a worker waits before each message while the web is busy: with the
// default two workers per channel, at most about 100 messages a second go out meanwhile.
const YieldPause = 20 * time.Millisecond

// Notifier delivers the outbox.
type Notifier struct {
	store *domain.Store
	log   *slog.Logger
	cfg   Config
	smtp  *smtpConfig // nil: no mail server
	http  *http.Client
	wake  chan struct{}
}

// New checks the configuration and returns a Notifier; Run starts it.
func New(store *domain.Store, log *slog.Logger, cfg Config) (*Notifier, error) {
	if cfg.Workers <= 0 {
		cfg.Workers = 2
	}
	if cfg.Batch <= 0 {
		cfg.Batch = 25
	}
	if cfg.Poll <= 0 {
		cfg.Poll = time.Second
	}
	if cfg.Retry == (domain.RetryPolicy{}) {
		cfg.Retry = domain.DefaultRetryPolicy
	}
	if cfg.WebhookTimeout <= 0 {
		cfg.WebhookTimeout = 10 * time.Second
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	n := &Notifier{store: store, log: log, cfg: cfg, wake: make(chan struct{}, 1)}
	if cfg.SMTPURL != "" {
		sc, err := parseSMTPURL(cfg.SMTPURL)
		if err != nil {
			return nil, err
		}
		if cfg.MailFrom == "" {
			return nil, errors.New("MAIL_FROM is not set: e-mails need a sender address")
		}
		n.smtp = sc
	}
	n.http = webhookClient(cfg)
	return n, nil
}

// MailConfigured reports whether a mail server is configured; without one, e-mails wait.
func (n *Notifier) MailConfigured() bool { return n.smtp != nil }

// Wake makes idle workers look for due messages now rather than at their next poll.
func (n *Notifier) Wake() {
	select {
	case n.wake <- struct{}{}:
	default:
	}
}

// Run delivers until ctx is cancelled, then lets the batches in hand finish and returns.
func (n *Notifier) Run(ctx context.Context) {
	var wg sync.WaitGroup
	for range n.cfg.Workers {
		if n.smtp != nil {
			wg.Go(func() { n.work(ctx, domain.ChannelEmail, n.sendMail) })
		}
		wg.Go(func() { n.work(ctx, domain.ChannelWebhook, n.postWebhooks) })
	}
	wg.Go(func() { n.schedule(ctx) })
	wg.Wait()
}

// work claims and delivers batches of the channel until ctx is cancelled. A batch in hand when it
// is cancelled is finished (each message bounded by its own timeout) or, for the messages not yet
// tried, given back untouched.
func (n *Notifier) work(ctx context.Context, ch domain.Channel, deliver func(context.Context, []domain.OutboxMessage) []domain.DeliveryResult) {
	for ctx.Err() == nil {
		claim, err := n.store.ClaimOutbox(ctx, ch, n.cfg.Clock(), n.cfg.Batch)
		if err != nil {
			if ctx.Err() == nil {
				n.log.Warn("outbox: claim", "channel", ch, "err", err)
			}
			n.idle(ctx)
			continue
		}
		if len(claim.Messages) == 0 {
			n.idle(ctx)
			continue
		}
		results := deliver(ctx, claim.Messages)
		if err := claim.Complete(context.WithoutCancel(ctx), results, n.cfg.Clock(), n.cfg.Retry); err != nil {
			n.log.Error("outbox: record deliveries", "channel", ch, "err", err)
			n.idle(ctx)
		}
	}
}

// yield waits while people are being served, at most YieldPause.
func (n *Notifier) yield(ctx context.Context) {
	if n.cfg.Busy == nil || !n.cfg.Busy() {
		return
	}
	t := time.NewTimer(YieldPause)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// idle waits for the poll interval, a wake-up, or the end.
func (n *Notifier) idle(ctx context.Context) {
	t := time.NewTimer(n.cfg.Poll)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-n.wake:
	case <-t.C:
	}
}

// schedule queues, at start and then every ten polls (10 s by default, at most a minute), the
// digests whose hour has come and the dispute.due_soon events. Replicas doing the same at once give one each (QueueDigest locks,
// events have idempotency keys).
func (n *Notifier) schedule(ctx context.Context) {
	interval := min(time.Minute, 10*n.cfg.Poll)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		n.scheduleOnce(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (n *Notifier) scheduleOnce(ctx context.Context) {
	now := n.cfg.Clock()
	due, err := n.store.ListDueDigests(ctx, now)
	if err != nil && ctx.Err() == nil {
		n.log.Warn("digests", "err", err)
	}
	queued := 0
	for _, d := range due {
		ok, err := n.store.QueueDigest(ctx, d.SellerID, d.UserID, now)
		if err != nil {
			n.log.Warn("digest", "seller", d.SellerID, "user", d.UserID, "err", err)
			continue
		}
		if ok {
			queued++
		}
	}
	events, err := n.store.QueueDueDisputeEvents(ctx, now)
	if err != nil && ctx.Err() == nil {
		n.log.Warn("dispute due events", "err", err)
	}
	if queued > 0 || events > 0 {
		n.log.Info("scheduled notifications", "digests", queued, "dispute_events", events)
		n.Wake()
	}
}

// describe words a delivery error for the outbox page and the log.
func describe(err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "timed out"
	case err == nil:
		return ""
	}
	return fmt.Sprint(err)
}
