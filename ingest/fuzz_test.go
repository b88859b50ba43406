package ingest

import (
	"bytes"
	"testing"
)

// FuzzReadCSV feeds arbitrary bytes to the CSV reader of every kind. It
// must never panic, every row must be accounted for, and every Reject
// must point inside the row it names.
func FuzzReadCSV(f *testing.F) {
	seeds := []string{
		"date,citizenship\n2019,PH\n",
		"case_id,date,citizenship,exploitation_country,lat,lon,transit,exploitation_type,gender,age_band,count\nA,2019-04-07,NA,XKX,-22.5,17,ZAF;;BWA,x,F,18-20,1,022\n",
		"date;lat;lon\n2019;95;100\n2019;-114.5;32.4\n2019;;\n",
		ctdcHeader + "2016,Female,,0,1.0,,-99,,,,,,,,\n",
		"\"Web ID\",\"Region\",\"Reported Date\",\"Reported Year\",\"Reported Month\",\"Total Dead and Missing\",\"Location Coordinates\"\n\"1\",\"US-Mexico Border\",\"\",\"2020\",\"Aug\",\"1,022\",\"-114.5, 32.4\"\n",
		"Incident date,Incident year,No. dead,No. missing,Latitude,Longitude,Region of Incident\n2014-01-19,2014,NA,-1,37,27,Southern Asia\n",
		"year\torig\tdest\trefugees\n1995\tAFG\tAFG\tNA\n\t\t\t\n",
		"date,citizenship\n2019,\"P\nH\n",
		"date,citizenship\n2019,P\"H\n2019,\"PH\"x\n",
		"\xEF\xBB\xBFdate|citizenship\r\n2019|PH\r\n",
		"date,citizenship\n2019,C\xf4te\n",
		"date,citizenship\n9999-99-99,PH\n0000,PH\n2019-02-29,PH\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s), uint8(0), false)
	}
	f.Add([]byte("orig,dest,year,n\nA,B,2019,1\n"), uint8(KindFlows), true)
	f.Fuzz(func(t *testing.T, data []byte, kind uint8, fix bool) {
		opt := Options{Kind: Kind(kind % 5), FixSwapped: fix, BatchSize: 3, Now: testNow}
		r, err := NewReader(bytes.NewReader(data), "fuzz.csv", opt)
		if err != nil {
			return
		}
		var used, rejected int64
		sum, err := r.Read(func(b []Record) error {
			for _, rec := range b {
				used++
				if rec.Count < 0 {
					t.Fatalf("negative count %+v", rec)
				}
				if rec.HasPoint && (rec.Lat < -90 || rec.Lat > 90 || rec.Lon < -180 || rec.Lon > 180) {
					t.Fatalf("point out of range %+v", rec)
				}
			}
			return nil
		}, func(j Reject) error {
			rejected++
			if j.Column < 0 || j.Column > len(r.Header()) || (j.Column == 0 && j.Field != "") || j.Reason == "" {
				t.Fatalf("bad reject %+v (header %d columns)", j, len(r.Header()))
			}
			return nil
		})
		if err == nil {
			checkBalance(t, sum, used, rejected)
		} else if sum.RowsUsed+sum.RowsRejected != sum.RowsRead {
			t.Fatalf("after error %v: %+v", err, sum)
		}
	})
}
