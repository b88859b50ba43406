package hotspot

import (
	"testing"
)

func TestGLocalESDAFixtures(t *testing.T) {
	o := loadOracles(t)
	w := getisOrdW(t, o)
	y := o.GetisOrd.Y

	gb, err := GLocal(y, w, false, Binary)
	if err != nil {
		t.Fatal(err)
	}
	allClose(t, "Gi_B.Gs", gb.Gs, o.GetisOrd.GiB.Gs)
	allClose(t, "Gi_B.EGs", gb.EGs, o.GetisOrd.GiB.EGs)
	allClose(t, "Gi_B.VGs", gb.VGs, o.GetisOrd.GiB.VGs)
	allClose(t, "Gi_B.Zs", gb.Zs, o.GetisOrd.GiB.Zs)
	allClose(t, "Gi_B.p_norm", gb.PNorm, o.GetisOrd.GiB.PNorm)

	gsb, err := GLocal(y, w, true, Binary)
	if err != nil {
		t.Fatal(err)
	}
	allClose(t, "Gistar_B.Gs", gsb.Gs, o.GetisOrd.GiStarB.Gs)
	allClose(t, "Gistar_B.Zs", gsb.Zs, o.GetisOrd.GiStarB.Zs)

	gr, err := GLocal(y, w, false, RowStandard)
	if err != nil {
		t.Fatal(err)
	}
	allClose(t, "Gi_R.Zs", gr.Zs, o.GetisOrd.GiR.Zs)

	gsr, err := GLocal(y, w, true, RowStandard)
	if err != nil {
		t.Fatal(err)
	}
	allClose(t, "Gistar_R.Zs", gsr.Zs, o.GetisOrd.GiStarR.Zs)

	// Transform B means weight 1 for every listed neighbour, whatever the
	// input weights were.
	gb2, err := GLocal(y, w.RowStandardized(), true, Binary)
	if err != nil {
		t.Fatal(err)
	}
	allClose(t, "Gistar_B.Zs from R input", gb2.Zs, o.GetisOrd.GiStarB.Zs)
}

// ArcGIS's Gi* z equals esda's Gistar_B z, and does not change when the
// weights (self-weight included) are row-standardised.
func TestGiStarArcGISEqualsESDABinary(t *testing.T) {
	o := loadOracles(t)
	w := getisOrdW(t, o)
	z, p, err := GiStar(o.GetisOrd.Y, w)
	if err != nil {
		t.Fatal(err)
	}
	allClose(t, "GiStar z", z, o.GetisOrd.GiStarB.Zs)
	for i := range z {
		// Two-sided: twice esda's one-sided value for the same z.
		if !close(p[i], 2*pOneSided(o.GetisOrd.GiStarB.Zs[i])) {
			t.Errorf("p[%d] = %v, want two-sided of z %v", i, p[i], z[i])
		}
	}
	// Site 5, z = 2.0242433094: two-sided p by hand from Phi(2.0242) =
	// 0.978530 (normal table): 2*(1-0.978530) = 0.04294.
	if d := p[5] - 0.04294; d > 1e-4 || d < -1e-4 {
		t.Errorf("p[5] = %v, want about 0.04294", p[5])
	}
}

func TestGlobalGFixture(t *testing.T) {
	o := loadOracles(t)
	w := getisOrdW(t, o)
	g, err := GlobalG(o.GetisOrd.Y, w)
	if err != nil {
		t.Fatal(err)
	}
	want := o.GetisOrd.GlobalGRaw
	scalarClose(t, "G", g.G, want["G"])
	scalarClose(t, "EG", g.EG, want["EG"])
	scalarClose(t, "VG", g.VG, want["VG"])
	scalarClose(t, "z_norm", g.Z, want["z_norm"])
	scalarClose(t, "p_norm", g.PNorm, want["p_norm_one_sided"])
}

func TestLocalMoranDesmith(t *testing.T) {
	o := loadOracles(t)
	w := desmithW(t, o)
	// Row standardisation is LocalMoran's job: binary input.
	lm, err := LocalMoran(o.Desmith.Y, w)
	if err != nil {
		t.Fatal(err)
	}
	loc := o.Desmith.Loc
	allClose(t, "Is", lm.Is, loc.Is)
	allClose(t, "EIc", lm.EIc, loc.EIc)
	allClose(t, "VIc", lm.VIc, loc.VIc)
	allClose(t, "VI", lm.VI, loc.VI)
	for i := range lm.EI {
		scalarClose(t, "EI", lm.EI[i], -1.0/9)
	}
	geoda := [5]int{0, 1, 3, 2, 4} // esda code -> GeoDa code
	for i, q := range lm.Q {
		if q != loc.QPysal[i] {
			t.Errorf("q[%d] = %d, want esda %d", i, q, loc.QPysal[i])
		}
		if geoda[q] != loc.QGeoda[i] {
			t.Errorf("q[%d] = %d maps to GeoDa %d, want %d", i, q, geoda[q], loc.QGeoda[i])
		}
	}
}

func TestMoranDesmithAndLattice(t *testing.T) {
	o := loadOracles(t)
	w := desmithW(t, o)
	m, err := Moran(o.Desmith.Y, w.RowStandardized())
	if err != nil {
		t.Fatal(err)
	}
	g := o.Desmith.Glb
	scalarClose(t, "desmith I", m.I, g["I"])
	scalarClose(t, "desmith EI", m.EI, g["EI"])
	scalarClose(t, "desmith VI_norm", m.VINorm, g["VI_norm"])
	scalarClose(t, "desmith VI_rand", m.VIRand, g["VI_rand"])
	scalarClose(t, "desmith z_norm", m.ZNorm, g["z_norm"])
	scalarClose(t, "desmith p_norm", m.PNorm, g["p_norm_two_sided"])

	// 3x3 rook lattice, binary, y = 1..9 row by row.
	var nb [][]int
	for r := 0; r < 3; r++ {
		for c := 0; c < 3; c++ {
			var l []int
			if r > 0 {
				l = append(l, (r-1)*3+c)
			}
			if r < 2 {
				l = append(l, (r+1)*3+c)
			}
			if c > 0 {
				l = append(l, r*3+c-1)
			}
			if c < 2 {
				l = append(l, r*3+c+1)
			}
			nb = append(nb, l)
		}
	}
	lw, err := weightsFrom(nb)
	if err != nil {
		t.Fatal(err)
	}
	m, err = Moran([]float64{1, 2, 3, 4, 5, 6, 7, 8, 9}, lw)
	if err != nil {
		t.Fatal(err)
	}
	l := o.Lat3x3
	scalarClose(t, "lat I", m.I, l["I"])
	scalarClose(t, "lat EI", m.EI, l["EI"])
	scalarClose(t, "lat VI_norm", m.VINorm, l["VI_norm"])
	scalarClose(t, "lat VI_rand", m.VIRand, l["VI_rand"])
	scalarClose(t, "lat z_norm", m.ZNorm, l["z_norm"])
	scalarClose(t, "lat p_norm", m.PNorm, l["p_norm_two_sided"])
	// By hand: z = -4..4; the 12 rook links give sum_ij w_ij z_i z_j =
	// 2 * (18 + 0 + 18 + 2 + 0 + 2) = 80 with S0 = 24 and sum z^2 = 60,
	// so I = 9/24 * 80/60 = 0.5.
	if !close(m.I, 0.5) {
		t.Errorf("I = %v, want 0.5", m.I)
	}
}

func TestFDRFixture(t *testing.T) {
	o := loadOracles(t)
	f := o.FDR
	scalarClose(t, "fdr 0.05", FDR(f.P, 0.05), f.A05)
	scalarClose(t, "fdr 0.10", FDR(f.P, 0.10), f.A10)
	scalarClose(t, "fdr none", FDR(f.P2, 0.05), f.P2None)
	// Order must not matter.
	rev := make([]float64, len(f.P))
	for i, v := range f.P {
		rev[len(rev)-1-i] = v
	}
	scalarClose(t, "fdr reversed", FDR(rev, 0.05), f.A05)
}
