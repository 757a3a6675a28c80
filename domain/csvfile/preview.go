package csvfile

import "io"

// Preview is what the seller confirms before an import runs: how the file was read and its first
// rows, with the suggested mapping.
type Preview struct {
	Dialect Dialect
	Header  []string
	Rows    [][]string
	Mapping Mapping
	// DateOrder is how ambiguous dates such as 03/04/2026 are read; DateAmbiguous is set when the
	// file's dates did not decide it and the seller must.
	DateOrder     DateOrder
	DateAmbiguous bool
	// DateSamples are a few date values of the file, to help the seller decide.
	DateSamples []string
	// linesPerRow is how many physical lines the sampled records took on average: quoted
	// cells may hold newlines, so a file's line count overstates its rows.
	linesPerRow float64
}

// EstimateRows turns a file's line count into an estimate of its data rows.
func (p Preview) EstimateRows(lines int64) int64 {
	if p.linesPerRow <= 1 {
		return lines
	}
	return int64(float64(lines)/p.linesPerRow + 0.5)
}

// previewRows and dateSampleRows bound how much of a file detection reads.
const (
	previewRows    = 8
	dateSampleRows = 2000
)

// Detect reads the start of a file: its dialect, header, first rows, the suggested column
// mapping and the date order. It returns an *Error for an empty or binary file.
func Detect(r io.Reader) (Preview, error) {
	rr, d, err := Open(r)
	if err != nil {
		return Preview{}, err
	}
	header, _, err := rr.Read()
	if err == io.EOF {
		return Preview{}, errEmptyFile()
	}
	if err != nil && !isRowError(err) {
		return Preview{}, err
	}
	p := Preview{Dialect: d, Header: append([]string(nil), header...)}
	p.Mapping = MatchHeader(p.Header)
	var samples []string
	var records, lastLine int
	for i := 0; i < dateSampleRows; i++ {
		rec, line, err := rr.Read()
		if err == nil || isRowError(err) {
			records++
		}
		if line > 0 {
			lastLine = line
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			if isRowError(err) {
				continue
			}
			return Preview{}, err
		}
		if len(p.Rows) < previewRows {
			p.Rows = append(p.Rows, append([]string(nil), rec...))
		}
		for _, col := range []Column{ColStatusAt, ColOrderDate, ColPromisedBy, ColProtectionEndsAt} {
			if idx, ok := p.Mapping[col]; ok && idx < len(rec) && rec[idx] != "" {
				samples = append(samples, rec[idx])
			}
		}
	}
	if records > 0 && lastLine > 1 {
		p.linesPerRow = float64(lastLine-1) / float64(records)
	}
	p.DateOrder, p.DateAmbiguous = DetectDateOrder(samples)
	for _, s := range samples {
		if len(p.DateSamples) == 3 {
			break
		}
		p.DateSamples = append(p.DateSamples, s)
	}
	return p, nil
}
