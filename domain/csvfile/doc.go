// Package csvfile reads the order and tracking files sellers upload, with no database: a CSV
// row's whole trip before it is staged, in the order a file takes it.
//
//  1. SniffDialect guesses the encoding and delimiter from the start of the file, and refuses
//     what is not a CSV file (a workbook, a PDF, an image); CheckHeaderWidth refuses a header
//     wider than MaxColumns before the file is kept.
//  2. A RecordReader (NewRecordReader, or Open, which sniffs first) streams the records in
//     constant memory, reporting where each starts and turning a record it cannot read into a
//     RowError without losing the rows after it.
//  3. MatchHeader maps the header row onto the canonical Columns (a Mapping), through aliases in
//     the sellers' languages; the seller confirms or fixes it on a Preview (Detect).
//  4. DetectDateOrder decides how the file writes N/N/YYYY dates, and ParseTime and ParseZone read
//     the dates, times and zones files write.
//  5. ParseRow turns one record into a Row through the Mapping, or into a RowError that names
//     every problem of the row.
//
// Two kinds of error carry text that is safe to show to the seller: *Error, for a file or a
// mapping refused as a whole, and RowError, for one record. The domain package turns *Error
// into its *ValidationError; RowError goes into an import's report as it is.
//
// It has no database and imports nothing of the portal but the leaf packages it reads cells
// with: cell, country, money and zone (the seller's zone and end of day, which deadlines follow).
package csvfile
