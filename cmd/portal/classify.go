package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/parceldesk/portal/domain/tracking"
)

// cmdClassify reads one status text per line and prints "stage,signal" for each with the
// built-in rules ("0,none" when none matches): how the rules are tested and tuned.
func cmdClassify(stdin io.Reader, stdout io.Writer) error {
	cls := tracking.BuiltinClassifier()
	in := bufio.NewScanner(stdin)
	in.Buffer(make([]byte, 64<<10), 1<<20)
	out := bufio.NewWriter(stdout)
	var line []byte
	for in.Scan() {
		stage, signal := cls.Classify(in.Text())
		line = strconv.AppendInt(line[:0], int64(stage), 10)
		line = append(append(append(line, ','), signal...), '\n')
		if _, err := out.Write(line); err != nil {
			return fmt.Errorf("classify: %w", err)
		}
	}
	if err := in.Err(); err != nil {
		return fmt.Errorf("classify: %w", err)
	}
	return out.Flush()
}
