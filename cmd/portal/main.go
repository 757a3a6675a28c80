// Command portal is the parcel exception desk: the web server and its command-line tools.
//
//	portal serve                 run the web server (ADDR, default :8080)
//	portal sweep                 one stall/exception sweep for every seller, then exit
//	portal migrate               apply database migrations and exit
//	portal seller add --shop NAME --email E --password P
//	portal import --seller EMAIL FILE
//	portal classify < texts.txt
//	portal demo-csv --orders N > file.csv
//
// Configuration comes from the environment (DATABASE_URL, ADDR, SESSION_SECRET, …); flags of the
// same name override it. See README.md for the table.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "portal:", err)
		os.Exit(1)
	}
}

const usage = `usage: portal <command> [flags]

commands:
  serve         run the web server
  migrate       apply database migrations and exit
  seller add    create a seller account and its owner
  sweep         run one stall/exception sweep for every seller, then exit
  import        import an order/tracking CSV as a seller
  classify      read status texts, one per line, and print "stage,signal" for each (built-in rules);
                --explain adds why, --carrier NAME reads them as that carrier's texts
  demo-csv      write a realistic demo export (for trying the importer and benchmarks)

Run "portal <command> -h" for the flags of a command.
`

// run is the whole program, with its dependencies passed in so that tests run it as it runs in
// production.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("no command given")
	}
	switch args[0] {
	case "serve":
		return cmdServe(ctx, args[1:], getenv, stdout, stderr)
	case "migrate":
		return cmdMigrate(ctx, args[1:], getenv, stdout, stderr)
	case "seller":
		if len(args) < 2 || args[1] != "add" {
			return fmt.Errorf("usage: portal seller add --shop NAME --email E --password P")
		}
		return cmdSellerAdd(ctx, args[2:], getenv, stdout, stderr)
	case "import":
		return cmdImport(ctx, args[1:], getenv, stdout, stderr)
	case "sweep":
		return cmdSweep(ctx, args[1:], getenv, stdout, stderr)
	case "classify":
		return cmdClassify(args[1:], stdin, stdout, stderr)
	case "demo-csv":
		return cmdDemoCSV(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("unknown command %q", args[0])
	}
}
