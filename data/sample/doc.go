// Package sample generates htmap's synthetic data: case records, Missing
// Migrants style incidents and migrant-stock flows with signals planted in
// them, and a truth.json that says exactly what was planted.
//
// Real trafficking data cannot ship with the program, and a method cannot
// be checked on data whose answer nobody knows. The sample solves both: it
// looks like the inputs htmap reads (the same columns, mixed date
// precision, unknown citizenships, group cases, free-text columns that
// ingest must drop, a few broken rows), and its Truth tells later stages
// what they must find:
//
//   - three hotspots of geocoded cases: a persistent one (Houston), an
//     intensifying one (Phnom Penh) and a diminishing one (Moscow), each
//     with exact yearly counts, all far above a suppression threshold of
//     10 in every year;
//   - a corridor, Nigeria -> Italy through Niger and Libya, that is by far
//     the largest cross-border flow of the cases;
//   - tight clusters of incidents (off Zuwara, in the Sonoran Desert, off
//     Calais) on a thin background along real migration routes, with
//     DBSCAN parameters that separate them;
//   - the invalid case rows, by line and reason, that ingest must reject.
//
// Output is deterministic: the same Config gives the same bytes on every
// run (math/rand/v2's PCG, fixed float formatting, no map iteration in the
// output). Each file draws from its own random stream, so the cases do not
// change when the number of incidents does. Generation streams row by row,
// so millions of rows can be written for benchmarks without holding them.
//
// A sample made with DefaultConfig is embedded gzip-compressed in the
// package (see Embedded); `go generate` rewrites it, and a test proves the
// embedded bytes are exactly what the generator produces.
package sample
