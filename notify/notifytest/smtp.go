// Package notifytest holds real receivers for the tests of the portal's notifications: an SMTP
// server (emersion/go-smtp) and a webhook receiver that checks signatures, both on 127.0.0.1, in
// process, spoken to over TCP as the real ones are.
package notifytest

import (
	"bytes"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-smtp"
)

// Mail is one message the SMTP server received, with its parts decoded.
type Mail struct {
	From   string
	To     []string
	Header mail.Header
	Text   string
	HTML   string
	Raw    []byte
	// TLS reports whether the message came over an encrypted connection (STARTTLS).
	TLS bool
}

// SMTPServer is an SMTP server on 127.0.0.1 that keeps every message it receives. It offers
// STARTTLS when given a certificate, and can refuse recipients on purpose.
type SMTPServer struct {
	srv  *smtp.Server
	ln   net.Listener
	mu   sync.Mutex
	msgs []Mail
	ids  map[string]int // Message-ID → times received
	// Reject, when set, refuses a recipient with its error (e.g. a 550).
	Reject func(to string) error
	// Keep, when false, counts messages without keeping them (for benchmarks).
	Keep bool
	// Delay makes every message take this long to accept: a slow server.
	Delay time.Duration
	n     int
}

// StartSMTP starts a server on a free port of 127.0.0.1; cert, when not nil, is offered with
// STARTTLS.
func StartSMTP(cert *tls.Certificate) (*SMTPServer, error) {
	return StartSMTPOn("127.0.0.1:0", cert)
}

// StartSMTPOn starts a server on addr.
func StartSMTPOn(addr string, cert *tls.Certificate) (*SMTPServer, error) {
	s := &SMTPServer{ids: map[string]int{}, Keep: true}
	s.srv = smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) { return &session{s: s, conn: c}, nil }))
	s.srv.Domain = "localhost"
	s.srv.MaxMessageBytes = 10 << 20
	s.srv.ReadTimeout = time.Minute
	s.srv.WriteTimeout = time.Minute
	s.srv.AllowInsecureAuth = true
	if cert != nil {
		s.srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{*cert}, MinVersion: tls.VersionTLS12}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s.ln = ln
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

// Addr is the server's host:port.
func (s *SMTPServer) Addr() string { return s.ln.Addr().String() }

// URL is the SMTP_URL of the server.
func (s *SMTPServer) URL() string { return "smtp://" + s.Addr() }

// Close stops the server.
func (s *SMTPServer) Close() error { return s.srv.Close() }

// Messages returns what was received so far.
func (s *SMTPServer) Messages() []Mail {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Mail(nil), s.msgs...)
}

// Count returns how many messages were received, repeats included, and how many distinct
// Message-IDs among them: the receiver's idempotency check.
func (s *SMTPServer) Count() (received, distinct int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n, len(s.ids)
}

// Wait waits until n distinct messages have arrived, up to within.
func (s *SMTPServer) Wait(n int, within time.Duration) ([]Mail, error) {
	deadline := time.Now().Add(within)
	for {
		_, distinct := s.Count()
		if distinct >= n {
			return s.Messages(), nil
		}
		if time.Now().After(deadline) {
			return s.Messages(), fmt.Errorf("%d distinct messages arrived in %s, want %d", distinct, within, n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

type session struct {
	s    *SMTPServer
	conn *smtp.Conn
	from string
	to   []string
}

func (x *session) Reset()        { x.from, x.to = "", nil }
func (x *session) Logout() error { return nil }
func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	x.from = from
	return nil
}

func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if x.s.Reject != nil {
		if err := x.s.Reject(to); err != nil {
			return err
		}
	}
	x.to = append(x.to, to)
	return nil
}

func (x *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	time.Sleep(x.s.Delay)
	_, encrypted := x.conn.TLSConnectionState()
	m := Mail{From: x.from, To: x.to, Raw: raw, TLS: encrypted}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return &smtp.SMTPError{Code: 554, Message: "unreadable message: " + err.Error()}
	}
	m.Header = msg.Header
	if x.s.Keep {
		if err := readParts(&m, msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body); err != nil {
			return &smtp.SMTPError{Code: 554, Message: err.Error()}
		}
	}
	x.s.mu.Lock()
	defer x.s.mu.Unlock()
	x.s.n++
	x.s.ids[msg.Header.Get("Message-Id")]++
	if x.s.Keep {
		x.s.msgs = append(x.s.msgs, m)
	}
	return nil
}

// readParts decodes the text/plain and text/html parts of a message, in any multipart nesting.
func readParts(m *Mail, contentType, encoding string, body io.Reader) error {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return err
	}
	if strings.HasPrefix(mt, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			if err := readParts(m, p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p); err != nil {
				return err
			}
		}
	}
	switch strings.ToLower(encoding) {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, body)
	}
	b, err := io.ReadAll(body)
	if err != nil {
		return err
	}
	switch mt {
	case "text/plain":
		m.Text = string(b)
	case "text/html":
		m.HTML = string(b)
	}
	return nil
}
