package notify

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/wneessen/go-mail"

	"github.com/parceldesk/portal/domain"
	"github.com/parceldesk/portal/views"
)

// smtpConfig is a parsed SMTP_URL.
type smtpConfig struct {
	host     string
	port     int
	implicit bool // smtps://: TLS from the first byte
	user     string
	pass     string
	// starttlsRequired refuses a server that does not offer STARTTLS: always, but for a server on
	// this machine (a local relay often has no certificate).
	starttlsRequired bool
}

// parseSMTPURL reads smtp://user:pass@host:587 or smtps://user:pass@host:465.
func parseSMTPURL(raw string) (*smtpConfig, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" || (u.Scheme != "smtp" && u.Scheme != "smtps") {
		return nil, errors.New("SMTP_URL: want smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465")
	}
	c := &smtpConfig{host: u.Hostname(), implicit: u.Scheme == "smtps", port: 587}
	if c.implicit {
		c.port = 465
	}
	if p := u.Port(); p != "" {
		if c.port, err = strconv.Atoi(p); err != nil {
			return nil, fmt.Errorf("SMTP_URL: port %q", p)
		}
	}
	if u.User != nil {
		c.user = u.User.Username()
		c.pass, _ = u.User.Password()
	}
	c.starttlsRequired = !isLocalHost(c.host)
	return c, nil
}

func isLocalHost(h string) bool {
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// client returns a go-mail client for the configuration.
func (n *Notifier) mailClient() (*mail.Client, error) {
	sc := n.smtp
	tc := &tls.Config{MinVersion: tls.VersionTLS12}
	if n.cfg.TLS != nil {
		tc = n.cfg.TLS.Clone()
	}
	tc.ServerName = sc.host
	opts := []mail.Option{mail.WithPort(sc.port), mail.WithTLSConfig(tc), mail.WithTimeout(30 * time.Second), mail.WithoutNoop()}
	switch {
	case sc.implicit:
		opts = append(opts, mail.WithSSL())
	case sc.starttlsRequired:
		opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory))
	default:
		opts = append(opts, mail.WithTLSPolicy(mail.TLSOpportunistic))
	}
	if sc.user != "" {
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthAutoDiscover), mail.WithUsername(sc.user), mail.WithPassword(sc.pass))
	}
	return mail.NewClient(sc.host, opts...)
}

// MessageID is the Message-ID of an outbox e-mail: derived from its idempotency key, so that
// every try of it carries the same one and a receiver can tell a repeat.
func MessageID(m domain.OutboxMessage, domainPart string) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%d:%s", m.SellerID, m.IdempotencyKey)))
	return "pd-" + hex.EncodeToString(h[:16]) + "@" + domainPart
}

// Compose renders an outbox e-mail into the message that goes out: the shop's name as the
// sender's, multipart text and HTML, a Message-ID from its idempotency key, and on digests and
// alerts the one-click List-Unsubscribe headers (RFC 8058).
func Compose(m domain.OutboxMessage, from, publicURL string) (*mail.Msg, views.Mail, error) {
	c, err := domain.ParseEmailContent(m)
	if err != nil {
		return nil, views.Mail{}, err
	}
	rendered, err := views.RenderMail(m.Subject, c, publicURL)
	if err != nil {
		return nil, rendered, err
	}
	msg := mail.NewMsg()
	if err := msg.FromFormat(c.FromName, from); err != nil {
		return nil, rendered, fmt.Errorf("from %q: %w", from, err)
	}
	if err := msg.To(m.Recipient); err != nil {
		return nil, rendered, fmt.Errorf("to %q: %w", m.Recipient, err)
	}
	msg.Subject(m.Subject)
	msg.SetDateWithValue(m.CreatedAt)
	domainPart := "parceldesk.invalid"
	if at := strings.LastIndex(from, "@"); at >= 0 {
		domainPart = from[at+1:]
	}
	msg.SetMessageIDWithValue(MessageID(m, domainPart))
	msg.SetGenHeader("X-ParcelDesk-Idempotency-Key", fmt.Sprintf("%d:%s", m.SellerID, m.IdempotencyKey))
	msg.SetBodyString(mail.TypeTextPlain, rendered.Text)
	msg.AddAlternativeString(mail.TypeTextHTML, rendered.HTML)
	if rendered.Unsubscribe != "" {
		msg.SetBulk()
		if strings.HasPrefix(rendered.Unsubscribe, "https://") {
			if err := msg.SetListUnsubscribeOneClick(rendered.Unsubscribe); err != nil {
				return nil, rendered, err
			}
		} else { // a portal served over plain http (development): the header without one-click
			msg.SetListUnsubscribe(rendered.Unsubscribe)
		}
	}
	return msg, rendered, nil
}

// sendMail sends a batch over one SMTP connection.
func (n *Notifier) sendMail(ctx context.Context, batch []domain.OutboxMessage) []domain.DeliveryResult {
	results := make([]domain.DeliveryResult, 0, len(batch))
	fail := func(m domain.OutboxMessage, err error, permanent bool, start time.Time) {
		var se *mail.SendError
		code := 0
		if errors.As(err, &se) {
			code = se.ErrorCode()
		}
		results = append(results, domain.DeliveryResult{SellerID: m.SellerID, ID: m.ID, Permanent: permanent, Code: code,
			Error: describe(err), Duration: time.Since(start)})
	}
	start := time.Now()
	client, err := n.mailClient()
	if err == nil {
		dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		err = client.DialWithContext(dctx)
		cancel()
	}
	if err != nil {
		n.log.Warn("smtp: connect", "err", err)
		for _, m := range batch {
			fail(m, fmt.Errorf("mail server: %w", err), false, start)
		}
		return results
	}
	defer func() { _ = client.Close() }()
	for _, m := range batch {
		if n.yield(ctx); ctx.Err() != nil {
			break // shutting down: the rest stay due, untried
		}
		start := time.Now()
		msg, _, err := Compose(m, n.cfg.MailFrom, n.cfg.PublicURL)
		if err != nil {
			fail(m, err, true, start) // a message that cannot be written never will be
			continue
		}
		if err := client.Send(msg); err != nil {
			var se *mail.SendError
			permanent := errors.As(err, &se) && !se.IsTemp() && se.ErrorCode() >= 500
			fail(m, err, permanent, start)
			if !errors.As(err, &se) || se.Reason == mail.ErrConnCheck {
				// The connection is gone: the rest of the batch waits for the next try.
				break
			}
			_ = client.Reset()
			continue
		}
		results = append(results, domain.DeliveryResult{SellerID: m.SellerID, ID: m.ID, OK: true, Code: 250, Duration: time.Since(start)})
	}
	return results
}
