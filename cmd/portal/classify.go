package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strconv"

	"github.com/parceldesk/portal/domain/tracking"
)

// cmdClassify reads one status text per line and prints "stage,signal" for each with the
// built-in rules ("0,none" when it cannot tell): how the rules are tested and tuned. With
// --explain each line also says why, and for an unmapped text what it suggests; with --carrier
// the texts are read as that carrier's (a last-mile carrier's facility scans are after customs).
func cmdClassify(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("classify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	explain := fs.Bool("explain", false, `print why after each "stage,signal": by, concepts, reason, suggestion`)
	carrier := fs.String("carrier", "", "read the texts as printed by this carrier")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cls := tracking.BuiltinClassifier()
	in := bufio.NewScanner(stdin)
	in.Buffer(make([]byte, 64<<10), 1<<20)
	out := bufio.NewWriter(stdout)
	var line []byte
	for in.Scan() {
		e := tracking.Event{Text: in.Text(), Carrier: *carrier}
		var stage tracking.Stage
		var signal tracking.Signal
		var ex tracking.Explanation
		if *explain {
			ex = cls.Explain(e)
			stage, signal = ex.Stage, ex.Signal
		} else {
			stage, signal = cls.ClassifyEvent(e)
		}
		line = strconv.AppendInt(line[:0], int64(stage), 10)
		line = append(append(line, ','), signal...)
		if *explain {
			line = append(line, "\t"+explainLine(ex)...)
		}
		line = append(line, '\n')
		if _, err := out.Write(line); err != nil {
			return fmt.Errorf("classify: %w", err)
		}
	}
	if err := in.Err(); err != nil {
		return fmt.Errorf("classify: %w", err)
	}
	return out.Flush()
}

// explainLine is the --explain column: what decided, the concepts, the reason and a suggestion.
func explainLine(ex tracking.Explanation) string {
	s := ex.Reason
	if ex.Concepts != "" {
		s = "[" + ex.Concepts + "] " + s
	}
	if g := ex.Suggestion; g != nil {
		s += fmt.Sprintf("; suggestion %d,%s (%.0f%%: %s)", int(g.Stage), g.Signal, 100*g.Confidence, g.Why)
	}
	return s
}
