// Command genmodel trains the classifier's suggestion model on the labelled corpus and writes
// model.bin (run by `go generate ./domain/tracking`, in that directory).
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/parceldesk/portal/domain/tracking"
)

func main() {
	files, err := filepath.Glob("testdata/corpus/*.csv")
	if err == nil && len(files) == 0 {
		err = fmt.Errorf("no corpus files in testdata/corpus")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genmodel:", err)
		os.Exit(1)
	}
	slices.Sort(files)
	model, err := tracking.BuildModel(files)
	if err == nil {
		err = os.WriteFile("model.bin", model, 0o644) // #nosec G306 -- a file of the repository
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genmodel:", err)
		os.Exit(1)
	}
}
