package sample

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
)

// incidentsHeader is the current IOM Missing Migrants export layout (as
// in the 2014-2026 Europe file), up to the coordinates.
const incidentsHeader = "Main ID,Incident ID,Incident Type,Region of Incident,Incident date,Incident year,Incident month," +
	"No. dead,No. missing,No. dead/missing,No. survivors,No. Female,No. Male,No. minors," +
	"Country of Origin,Region of Origin,Cause of death (category),Cause of death (reported),Route," +
	"Country of Incident,Location of death,UNSD region,Source,Link,Source Quality,Latitude,Longitude\n"

// Causes of death, IOM's categories.
const (
	causeDrowning  = "Drowning"
	causeMixed     = "Mixed or unknown"
	causeHarsh     = "Harsh environmental conditions / lack of adequate shelter, food, water"
	causeVehicle   = "Vehicle accident / death linked to hazardous transport"
	causeViolence  = "Violence"
	causeSickness  = "Sickness / lack of access to adequate healthcare"
	causeAccidenal = "Accidental death"
)

var (
	seaCauses     = []string{causeDrowning, causeMixed, causeViolence}
	seaCauseW     = []float64{82, 14, 4}
	landCauses    = []string{causeHarsh, causeVehicle, causeViolence, causeSickness, causeMixed, causeAccidenal}
	landCauseW    = []float64{45, 20, 14, 10, 8, 3}
	qualityW      = []float64{6, 30, 13, 37, 14} // Source Quality 1..5
	compassPoints = [...]string{"north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"}
)

// writeIncidents writes the incidents file and fills truth.
func writeIncidents(out io.Writer, cfg Config, truth *Truth) error {
	r := newRand(cfg.Seed, streamIncidents)
	w := bufio.NewWriterSize(out, 1<<16)
	inf := &truth.Files.Incidents
	inf.Name = "incidents.csv"
	if _, err := w.WriteString(incidentsHeader); err != nil {
		return err
	}
	n := cfg.years()
	// Quotas per year: clusters, then background routes as one component.
	ones := make([]float64, n)
	bgw := make([]float64, n)
	for y := range n {
		ones[y] = 1
		bgw[y] = 1 + 0.05*float64(y)
	}
	total := int64(cfg.Incidents)
	quota := make([][]int64, n)
	for y := range quota {
		quota[y] = make([]int64, len(clusters)+1)
	}
	var planted int64
	for c, pc := range clusters {
		per := apportion(int64(math.Round(pc.frac*float64(total))), ones)
		for y := range n {
			quota[y][c] = per[y]
			planted += per[y]
		}
	}
	bg := apportion(total-planted, bgw)
	for y := range n {
		quota[y][len(clusters)] = bg[y]
	}
	routeW := make([]float64, len(routes))
	for i, rt := range routes {
		routeW[i] = rt.weight
	}
	truth.DBSCAN = dbscan
	tc := make([]Cluster, len(clusters))
	for c, pc := range clusters {
		tc[c] = Cluster{Name: pc.name, Lon: pc.lon, Lat: pc.lat, RadiusKm: pc.radiusKm, Route: routes[pc.route].name}
	}

	var b row
	for y := range n {
		year := cfg.StartYear + y
		seq := newSequence(quota[y])
		for seqNo := 1; ; seqNo++ {
			c := seq.next(r)
			if c < 0 {
				break
			}
			var rt *route
			var lat, lon float64
			if c < len(clusters) {
				pc := clusters[c]
				rt = &routes[pc.route]
				lat, lon = jitter(r, pc.lat, pc.lon, pc.radiusKm/2.5, pc.radiusKm)
			} else {
				rt = &routes[pickWeight(r, routeW)]
				lat, lon = onRoute(r, rt)
			}
			dm, err := writeIncident(w, &b, r, rt, year, seqNo, lat, lon)
			if err != nil {
				return err
			}
			inf.Rows++
			inf.Count += dm
			if c < len(clusters) {
				tc[c].N++
				tc[c].Count += dm
			}
		}
	}
	truth.Clusters = tc
	return w.Flush()
}

// onRoute draws a point near a route: uniform along its length, then
// spread by the route's sigma.
func onRoute(r *rand.Rand, rt *route) (float64, float64) {
	seg := make([]float64, len(rt.path)-1)
	for i := range seg {
		a, b := rt.path[i], rt.path[i+1]
		seg[i] = haversineKm(a.lat, a.lon, b.lat, b.lon)
	}
	i := pickWeight(r, seg)
	t := r.Float64()
	a, b := rt.path[i], rt.path[i+1]
	lat := a.lat + t*(b.lat-a.lat)
	lon := a.lon + t*(b.lon-a.lon)
	return jitter(r, lat, lon, rt.sigmaKm, 3*rt.sigmaKm)
}

// geometric draws the number of failures before a success of probability p.
func geometric(r *rand.Rand, p float64) int64 {
	var n int64
	for r.Float64() >= p && n < 1000 {
		n++
	}
	return n
}

// writeIncident writes one incident and returns its dead plus missing.
func writeIncident(w *bufio.Writer, b *row, r *rand.Rand, rt *route, year, seqNo int, lat, lon float64) (int64, error) {
	month, day := drawDate(r, year)
	var dead, missing int64
	if rt.sea {
		dead = geometric(r, 0.45)
		if r.Float64() < 0.55 {
			// Heavy tail: most boats lose a few people, a few lose many.
			missing = 1 + min(int64(math.Exp(1.2+1.2*r.NormFloat64())), 300)
		}
	} else {
		dead = 1 + geometric(r, 0.7)
		if r.Float64() < 0.1 {
			missing = 1 + geometric(r, 0.5)
		}
	}
	if dead+missing == 0 {
		dead = 1
	}
	deadNA := missing > 0 && r.Float64() < 0.03 // IOM writes NA when only the missing are known
	total := dead + missing
	if deadNA {
		total = missing
	}

	id := fmt.Sprintf("%d.MMP%05d", year, seqNo)
	b.reset()
	b.str(id)
	b.str(id)
	if r.Float64() < 0.05 {
		b.str("Split Incident")
	} else {
		b.str("Incident")
	}
	b.str(rt.region(lat, lon))
	b.str(fmt.Sprintf("%04d-%02d-%02d", year, month, day))
	b.int(int64(year))
	b.int(int64(month))
	if deadNA {
		b.str("NA")
	} else {
		b.int(dead)
	}
	b.int(missing)
	b.int(total)
	if r.Float64() < 0.7 {
		b.str("NA")
	} else if rt.sea {
		b.int(r.Int64N(150))
	} else {
		b.int(r.Int64N(8))
	}
	// Female, male and minors among the dead, when reported.
	if r.Float64() < 0.75 || deadNA {
		b.str("NA")
		b.str("NA")
		b.str("NA")
	} else {
		f := r.Int64N(dead + 1)
		b.int(f)
		b.int(dead - f)
		b.int(r.Int64N(f + 1))
	}
	origin := pickShare(r, rt.origins)
	if origin != "Unknown" && r.Float64() < 0.03 {
		// Some incidents list several origins, comma-joined as IOM does.
		if other := pickShare(r, rt.origins); other != "Unknown" && other != origin {
			b.str(origin + "," + other)
			b.str(regionOfOrigin[origin])
			origin = ""
		}
	}
	if origin != "" {
		b.str(origin)
		b.str(regionOfOrigin[origin])
	}
	var cause string
	if rt.sea {
		cause = seaCauses[pickWeight(r, seaCauseW)]
	} else {
		cause = landCauses[pickWeight(r, landCauseW)]
	}
	b.str(cause)
	b.str(cause)
	b.str(rt.name)
	b.str(rt.country(lat, lon))
	b.str(locationText(rt, lat, lon))
	if rt.sea {
		b.str("Uncategorized")
	} else {
		b.str(rt.unsd)
	}
	b.str("Synthetic sample (htmap)")
	b.empty()
	b.int(int64(1 + pickWeight(r, qualityW)))
	b.deg(lat)
	b.deg(lon)
	_, err := w.Write(b.end())
	return total, err
}

// locationText is the free-text place of an incident, e.g. "About 23 km
// south-west of Agadez, Niger": the nearest vertex of its route and the
// distance and direction from it. Ingest must drop this column.
func locationText(rt *route, lat, lon float64) string {
	best, bd := 0, math.Inf(1)
	for i, v := range rt.path {
		if d := haversineKm(v.lat, v.lon, lat, lon); d < bd {
			best, bd = i, d
		}
	}
	v := rt.path[best]
	if bd < 1 {
		return "Near " + v.name
	}
	// Initial bearing from the vertex to the point, as a compass point.
	p1, p2 := v.lat*math.Pi/180, lat*math.Pi/180
	dl := (lon - v.lon) * math.Pi / 180
	brg := math.Atan2(math.Sin(dl)*math.Cos(p2), math.Cos(p1)*math.Sin(p2)-math.Sin(p1)*math.Cos(p2)*math.Cos(dl))
	k := int(math.Round(brg/(math.Pi/4))+8) % 8
	return "About " + strconv.Itoa(int(math.Round(bd))) + " km " + compassPoints[k] + " of " + v.name
}
