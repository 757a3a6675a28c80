// Command smtpsink is the SMTP test server of notifytest as a process, for scripts/bench-outbox.sh:
// it accepts every message on the given address, keeps none, and prints on SIGTERM or SIGINT how
// many it received and how many distinct Message-IDs among them.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/parceldesk/portal/notify/notifytest"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:2525", "listen address")
	flag.Parse()
	srv, err := notifytest.StartSMTPOn(*addr, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, "smtpsink:", err)
		os.Exit(1)
	}
	srv.Keep = false
	fmt.Println("smtpsink listening on", srv.Addr())
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
	<-sig
	_ = srv.Close()
	received, distinct := srv.Count()
	fmt.Printf("received %d distinct %d\n", received, distinct)
}
