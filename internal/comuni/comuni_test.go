package comuni

import (
	"regexp"
	"testing"
)

func TestAllHasEveryComuneWithWellFormedCodes(t *testing.T) {
	all := All()
	if len(all) != 7904 {
		t.Fatalf("All() has %d comuni, want 7904", len(all))
	}
	belfiore := regexp.MustCompile(`^[A-M][0-9]{3}$`)
	istat := regexp.MustCompile(`^[0-9]{6}$`)
	seen := map[string]bool{}
	for _, c := range all {
		if !belfiore.MatchString(c.Belfiore) || !istat.MatchString(c.IstatCode) || c.Name == "" ||
			c.Region == "" || len(c.Sigla) != 2 || c.Population < 0 {
			t.Fatalf("malformed comune %+v", c)
		}
		if seen[c.Belfiore] {
			t.Fatalf("Belfiore code %s twice", c.Belfiore)
		}
		seen[c.Belfiore] = true
	}
}

func TestByBelfiore(t *testing.T) {
	c, ok := ByBelfiore("H501")
	if !ok || c.Name != "Roma" || c.Sigla != "RM" || c.Region != "Lazio" || c.IstatCode != "058091" || c.Population < 2_000_000 {
		t.Fatalf("H501 = %+v, %v", c, ok)
	}
	if c, ok := ByBelfiore("F205"); !ok || c.Name != "Milano" || c.Province != "Milano" {
		t.Fatalf("F205 = %+v, %v", c, ok)
	}
	if _, ok := ByBelfiore("Z404"); ok {
		t.Fatal("a foreign-country code found among the comuni")
	}
}

func TestAllReturnsACopy(t *testing.T) {
	a := All()
	a[0].Name = "changed"
	if All()[0].Name == "changed" {
		t.Fatal("changing the result of All changed the table")
	}
}

func TestParseRejectsBadData(t *testing.T) {
	for _, data := range []string{
		"",
		"istat_code,name,region,province,sigla,belfiore,population\n",
		"istat_code,name,region,province,sigla,belfiore,population\n001001,A,B,C,TO,A074,many\n",
		"istat_code,name\n001001,A\n",
	} {
		if _, err := parse([]byte(data)); err == nil {
			t.Errorf("parse(%q) accepted bad data", data)
		}
	}
}
