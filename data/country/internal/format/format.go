// Package format is the compact binary layout of the embedded country
// boundaries, shared by the generator (Encode) and the country package
// (Decode) so the two can never drift apart.
//
// Coordinates stay on the integer grid of the TopoJSON source (world-atlas
// quantises to 1e5 steps per axis), stored as zig-zag varint deltas, and the
// whole stream is gzip'd. That keeps the file small and exactly reproducible:
// no float formatting is involved, and Go's gzip writer is deterministic.
//
// Layout (all integers uvarint unless noted):
//
//	"HTMC1"  magic
//	4 x float64 (little endian): scaleX, scaleY, translateX, translateY
//	count
//	per country: ISO3 (3 bytes), point lon, lat, area km2 (float64 each),
//	  neighbour count, ISO3 each (3 bytes), polygon count,
//	  per polygon: ring count, per ring: point count, then zig-zag deltas
//	  dx, dy from the previous point (the first from 0, 0).
package format

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Transform maps grid coordinates to lon/lat: lon = X*ScaleX + TranslateX.
type Transform struct {
	ScaleX, ScaleY, TranslateX, TranslateY float64
}

// Ring is a closed ring on the integer grid, first point equal to last.
type Ring [][2]int32

// Entry is one country as stored.
type Entry struct {
	ISO3       string
	Lon, Lat   float64 // representative point
	AreaKm2    float64
	Neighbours []string
	Polygons   [][]Ring // each polygon: exterior ring, then holes
}

const magic = "HTMC1"

// Encode writes the entries gzip'd. The output depends only on the input.
func Encode(t Transform, entries []Entry) ([]byte, error) {
	var raw bytes.Buffer
	raw.WriteString(magic)
	var f8 [8]byte
	putF := func(v float64) {
		binary.LittleEndian.PutUint64(f8[:], math.Float64bits(v))
		raw.Write(f8[:])
	}
	var vb [binary.MaxVarintLen64]byte
	putU := func(v uint64) { raw.Write(vb[:binary.PutUvarint(vb[:], v)]) }
	putI := func(v int64) { raw.Write(vb[:binary.PutVarint(vb[:], v)]) }
	put3 := func(s string) error {
		if len(s) != 3 {
			return fmt.Errorf("format: code %q is not 3 bytes", s)
		}
		raw.WriteString(s)
		return nil
	}
	putF(t.ScaleX)
	putF(t.ScaleY)
	putF(t.TranslateX)
	putF(t.TranslateY)
	putU(uint64(len(entries)))
	for _, e := range entries {
		if err := put3(e.ISO3); err != nil {
			return nil, err
		}
		putF(e.Lon)
		putF(e.Lat)
		putF(e.AreaKm2)
		putU(uint64(len(e.Neighbours)))
		for _, n := range e.Neighbours {
			if err := put3(n); err != nil {
				return nil, err
			}
		}
		putU(uint64(len(e.Polygons)))
		for _, poly := range e.Polygons {
			putU(uint64(len(poly)))
			for _, ring := range poly {
				putU(uint64(len(ring)))
				var px, py int32
				for _, p := range ring {
					putI(int64(p[0] - px))
					putI(int64(p[1] - py))
					px, py = p[0], p[1]
				}
			}
		}
	}
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Decode reads what Encode wrote.
func Decode(data []byte) (Transform, []Entry, error) {
	var t Transform
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return t, nil, fmt.Errorf("format: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return t, nil, fmt.Errorf("format: %w", err)
	}
	r := bufio.NewReader(bytes.NewReader(raw))
	var rerr error
	fail := func(err error) {
		if rerr == nil && err != nil {
			rerr = err
		}
	}
	readN := func(n int) []byte {
		b := make([]byte, n)
		_, err := io.ReadFull(r, b)
		fail(err)
		return b
	}
	getF := func() float64 { return math.Float64frombits(binary.LittleEndian.Uint64(readN(8))) }
	getU := func() int {
		v, err := binary.ReadUvarint(r)
		fail(err)
		if v > 1<<24 {
			fail(errors.New("format: count out of range"))
			return 0
		}
		return int(v)
	}
	getI := func() int32 {
		v, err := binary.ReadVarint(r)
		fail(err)
		return int32(v)
	}
	if string(readN(len(magic))) != magic {
		return t, nil, errors.New("format: bad magic")
	}
	t = Transform{getF(), getF(), getF(), getF()}
	n := getU()
	entries := make([]Entry, 0, n)
	for i := 0; i < n && rerr == nil; i++ {
		e := Entry{ISO3: string(readN(3)), Lon: getF(), Lat: getF(), AreaKm2: getF()}
		for k := getU(); k > 0 && rerr == nil; k-- {
			e.Neighbours = append(e.Neighbours, string(readN(3)))
		}
		np := getU()
		for p := 0; p < np && rerr == nil; p++ {
			nr := getU()
			poly := make([]Ring, 0, nr)
			for q := 0; q < nr && rerr == nil; q++ {
				m := getU()
				ring := make(Ring, m)
				var x, y int32
				for j := range ring {
					x += getI()
					y += getI()
					ring[j] = [2]int32{x, y}
				}
				poly = append(poly, ring)
			}
			e.Polygons = append(e.Polygons, poly)
		}
		entries = append(entries, e)
	}
	if rerr != nil {
		return t, nil, fmt.Errorf("format: truncated data: %w", rerr)
	}
	return t, entries, nil
}
