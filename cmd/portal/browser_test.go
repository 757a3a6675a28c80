package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/parceldesk/portal/domain/dbtest"
)

// startPortal runs `portal serve` through run(), exactly as the binary does, on a fresh database
// and a free port, and returns its base URL. The server stops when the test ends.
func startPortal(t *testing.T) string {
	t.Helper()
	return serveOn(t, map[string]string{"DATABASE_URL": dbtest.NewURL(t), "ADDR": "127.0.0.1:0", "LOG_LEVEL": "warn"})
}

// serveOn runs `portal serve` through run() on the given environment and returns its base URL,
// for tests that prepare the database with other subcommands first. The server stops when the
// test ends.
func serveOn(t *testing.T, env map[string]string) string {
	t.Helper()
	lines := serveLines(t, env)
	_, url, _ := strings.Cut(lines[len(lines)-1], "listening on ")
	return url
}

// serveLines runs `portal serve` through run() on the given environment and returns what it
// printed up to the line "… listening on URL", which is last; flags go after "serve". The server
// stops when the test ends.
func serveLines(t *testing.T, env map[string]string, flags ...string) []string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"serve"}, flags...), func(k string) string { return env[k] }, nil, pw, io.Discard)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("portal serve: %v", err)
		}
	})
	var lines []string
	// A server that neither listens nor ends within a minute is stopped: the scan then ends.
	timer := time.AfterFunc(time.Minute, cancel)
	defer timer.Stop()
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if strings.Contains(sc.Text(), "listening on ") {
			go func() { _, _ = io.Copy(io.Discard, pr) }()
			return lines
		}
	}
	// The cleanup reads done too: put the error back for it, or it waits forever.
	err := <-done
	done <- err
	t.Fatalf("portal did not start: %v", err)
	return nil
}

// newBrowser starts Debian's headless Chromium for the test. Without Chromium the test is skipped,
// except in CI, where a missing browser is a failure.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("Chromium is not installed (apt-get install chromium)")
		}
		t.Skip("Chromium is not installed; `make test` installs it")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // Chromium refuses to sandbox as root, which is how CI runs
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// Start the browser on a context without a deadline: a timeout here would end the browser.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// screenshotDir is where the browser tests leave their screenshots (README: artifacts/screenshots).
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("SCREENSHOT_DIR")
	if dir == "" {
		dir = filepath.Join("..", "..", "artifacts", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browser drives one tab with a per-step timeout and fails the test on the first error.
type browser struct {
	t   *testing.T
	ctx context.Context
}

func (b browser) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

func (b browser) text(sel string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		b.t.Fatalf("browser: text of %s: %v", sel, err)
	}
	return s
}

// value returns the value of a form control.
func (b browser) value(sel string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("browser: value of %s: %v", sel, err)
	}
	return v
}

// exists reports whether an element matching sel is in the page now, without waiting.
func (b browser) exists(sel string) bool {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
	defer cancel()
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf("document.querySelector(%q) !== null", sel)))
	if err != nil {
		b.t.Fatalf("browser: %v", err)
	}
	return ok
}

// screenshot saves the page as a PNG, and fails the test when the page is wider than the window:
// a page that scrolls sideways does not look finished on a phone.
func (b browser) screenshot(name string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
	defer cancel()
	if over, err := chromedp.Run(ctx, chromedp.Evaluate[int]("document.documentElement.scrollWidth - document.documentElement.clientWidth")); err == nil && over > 0 {
		b.t.Errorf("%s: the page is %d px wider than the window", name, over)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100 means PNG; below that Chromium encodes JPEG
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(screenshotDir(b.t), name), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// TestBrowserSignupLogoutLogin walks a new seller through sign-up, sign-out, a wrong password and
// sign-in in a real Chromium, typing as a person does (Tab between fields, Enter to submit).
func TestBrowserSignupLogoutLogin(t *testing.T) {
	base := startPortal(t)
	b := browser{t, newBrowser(t)}
	const key = "\t"

	b.do(chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.ID("login-form")))
	b.screenshot("login.png")

	b.do(
		chromedp.Click(chromedp.CSS(`a[href="/signup"]`), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.ID("signup-form")),
		chromedp.SendKeys(chromedp.ID("shop_name"), "Lotus Lamps"+key+"Mei"+key+"mei@lotus.test"+key+"lanterns glow softly"),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.ID("home-title")),
	)
	if got := b.text("#home-title"); got != "Lotus Lamps" {
		t.Errorf("home title = %q, want the shop name", got)
	}
	if got := b.text(".flash"); !strings.Contains(got, "Welcome") {
		t.Errorf("flash = %q, want a welcome", got)
	}
	b.screenshot("home.png")
	b.do(chromedp.EmulateViewport(390, 844))
	b.screenshot("home-phone.png")
	b.do(chromedp.EmulateViewport(1280, 900))

	b.do(chromedp.Click(chromedp.ID("logout"), chromedp.NodeVisible), chromedp.WaitVisible(chromedp.ID("login-form")))
	if got := b.text(".flash"); !strings.Contains(got, "signed out") {
		t.Errorf("after sign-out flash = %q", got)
	}

	b.do(
		chromedp.SendKeys(chromedp.ID("email"), "mei@lotus.test"+key+"not my password"),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.ID("form-error")),
	)
	if got := b.text("#form-error"); !strings.Contains(got, "do not match") {
		t.Errorf("wrong password message = %q", got)
	}
	b.screenshot("login-wrong-password.png")

	b.do(
		chromedp.SendKeys(chromedp.ID("password"), "lanterns glow softly"),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.ID("home-title")),
	)
	if got := b.text("#nav-shop"); got != "Lotus Lamps" {
		t.Errorf("signed-in navigation shows %q", got)
	}
}

// The shop the browser tests sign in to.
const lotusEmail, lotusPassword = "mei@lotus.test", "lanterns glow softly"

// newLotusShop gives a test a fresh database with the Lotus Lamps shop and its owner, and the
// environment to run the portal on it.
func newLotusShop(t *testing.T) (env map[string]string, getenv func(string) string) {
	t.Helper()
	env = map[string]string{"DATABASE_URL": dbtest.NewURL(t), "ADDR": "127.0.0.1:0", "LOG_LEVEL": "warn"}
	getenv = func(k string) string { return env[k] }
	var out bytes.Buffer
	if err := run(context.Background(), []string{"seller", "add", "--shop", "Lotus Lamps", "--email", lotusEmail, "--password", lotusPassword},
		getenv, nil, &out, &out); err != nil {
		t.Fatalf("seller add: %v\n%s", err, out.String())
	}
	return env, getenv
}
