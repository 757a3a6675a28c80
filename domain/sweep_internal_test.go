package domain

import (
	"os"
	"testing"
)

// TestPrintStageClockSQL prints the stall query for EXPLAIN when SWEEP_SQL is set (a tool for
// tuning, skipped otherwise).
func TestPrintStageClockSQL(t *testing.T) {
	if os.Getenv("SWEEP_SQL") == "" {
		t.Skip("set SWEEP_SQL=1 to print the stall query")
	}
	os.WriteFile(os.Getenv("SWEEP_SQL"), []byte(stageClockSQL()), 0o644)
}
