package ingest

import (
	"io"
	"time"
)

// Options control how one input is read. The zero value reads a file
// whose layout is detected from its header.
type Options struct {
	// Kind forces the input layout; KindUnknown detects it from the
	// header (see DetectKind).
	Kind Kind

	// Columns maps schema field names of the kind (the "mapping" of the
	// config file) to column names of this file, for inputs whose header
	// uses other names. The field names per kind are listed in the
	// package documentation. A mapped column that is not in the header is
	// an error.
	Columns map[string]string

	// CountColumn names the column that holds the count of a flows file
	// (--count-column), overriding the aliases count, value, flow, stock
	// and refugees.
	CountColumn string

	// FixSwapped repairs coordinates that are evidently in lon, lat
	// order instead of rejecting them; each repair is counted in
	// Summary.Repaired (--fix-swapped).
	FixSwapped bool

	// BatchSize is the number of records handed to Read's callback at a
	// time; 0 means 4096. Memory use is proportional to it, not to the
	// file.
	BatchSize int

	// Tee, when set, receives every byte Open reads from a delimited or
	// gzip file, as read (before decompression), so a caller can hash
	// the file in the same pass instead of reading it twice. Arrow and
	// Parquet files are read out of order and never teed; a gzip stream
	// may end before the file does. Compare the bytes teed with the
	// file's size before trusting a digest.
	Tee io.Writer

	// Workers is the number of goroutines that split and validate
	// delimited text; 0 means GOMAXPROCS, 1 reads on the calling
	// goroutine. Results do not depend on it.
	Workers int

	// Input is copied into Record.Input: the index of this input in the
	// run, so later stages can tell inputs apart.
	Input int

	// Now is the moment after which a date is in the future and
	// rejected. The zero value means the wall clock at Open; a run that
	// must be reproducible whatever the day passes a fixed time.
	Now time.Time
}

// Summary accounts for every row of one input. RowsUsed + RowsRejected
// == RowsRead always holds: a row is never silently dropped.
type Summary struct {
	File string
	Kind Kind

	RowsRead, RowsUsed, RowsRejected int64

	// Rejected counts rejected rows by reason; each rejected row counts
	// once, under its first failing column.
	Rejected map[Reason]int64

	// Repaired counts used rows that were repaired on request, such as
	// swapped_lat_lon under Options.FixSwapped.
	Repaired map[Reason]int64

	// Dropped lists the header columns that are not part of the schema
	// and were discarded at read time (names only, never values).
	Dropped []string

	// SameCountry counts used flows rows whose origin and destination are
	// the same known country. They are kept (a flows table may mean
	// internal displacement) and the routes stage sets them aside.
	SameCountry int64
}
