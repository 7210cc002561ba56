package codicefiscale

import (
	"errors"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

func TestComputeKnownCodes(t *testing.T) {
	tests := []struct {
		family, given, sex, birth, belfiore, want string
	}{
		{"Moretti", "Matteo", "M", "1925-04-09", "F205", "MRTMTT25D09F205Z"}, // the decree's textbook example
		{"Rossi", "Mario", "M", "1980-01-01", "H501", "RSSMRA80A01H501U"},
		{"Bianchi", "Marco", "M", "1978-04-12", "F205", "BNCMRC78D12F205X"},
		{"Colombo", "Laura", "F", "1982-09-25", "F704", "CLMLRA82P65F704X"},
	}
	for _, tt := range tests {
		got := Compute(tt.family, tt.given, tt.sex, civil.MustParse(tt.birth), tt.belfiore)
		if got != tt.want {
			t.Errorf("Compute(%s %s) = %s, want %s", tt.given, tt.family, got, tt.want)
		}
		if err := Validate(got); err != nil {
			t.Errorf("Validate(%s) = %v", got, err)
		}
	}
}

func TestNameCodes(t *testing.T) {
	tests := []struct {
		name   string
		family bool
		want   string
	}{
		{"Gianfranco", false, "GFR"}, // four or more consonants: 1st, 3rd, 4th
		{"Ugo", false, "GUO"},
		{"Fo", true, "FOX"},
		{"Fo", false, "FOX"},
		{"D'Amico", true, "DMC"},
		{"De Luca", true, "DLC"},
		{"Niccolò", false, "NCL"},
		{"Nicolò", false, "NCL"},
		{"Zoë", true, "ZOE"},
		{"Ai", true, "AIX"},
		{"", true, "XXX"},
	}
	for _, tt := range tests {
		got := givenCode(tt.name)
		if tt.family {
			got = familyCode(tt.name)
		}
		if got != tt.want {
			t.Errorf("code of %q (family %v) = %s, want %s", tt.name, tt.family, got, tt.want)
		}
	}
}

func TestComputeWomenAddFortyToTheDay(t *testing.T) {
	d := civil.New(1990, time.December, 31)
	m := Compute("Russo", "Anna", "M", d, "F839")
	f := Compute("Russo", "Anna", "F", d, "F839")
	if m[8:11] != "T31" || f[8:11] != "T71" {
		t.Fatalf("month/day of %s and %s: want T31 and T71", m, f)
	}
}

func TestDecodeRoundTrip(t *testing.T) {
	birth := civil.New(2006, time.May, 3)
	cf := Compute("Ferrari", "Giulia", "F", birth, "A794")
	for n := 0; n <= 7; n++ {
		v := Omocode(cf, n)
		sex, day, month, yy, bf, err := Decode(v)
		if err != nil {
			t.Fatalf("Decode(%s) (omocodia %d): %v", v, n, err)
		}
		if sex != "F" || day != 3 || month != 5 || yy != 6 || bf != "A794" {
			t.Errorf("Decode(%s) = %s %d %d %d %s", v, sex, day, month, yy, bf)
		}
		if n > 0 && v == cf {
			t.Errorf("Omocode(%s, %d) changed nothing", cf, n)
		}
	}
}

func TestOmocodeOrder(t *testing.T) {
	cf := "MRTMTT25D09F205Z"
	if got := Omocode(cf, 1); got[:15] != "MRTMTT25D09F20R" {
		t.Errorf("first omocodia variant %s: the rightmost digit goes first", got)
	}
	if got := Omocode(cf, 7); got[:15] != "MRTMTTNRDLVFNLR" {
		t.Errorf("full omocodia %s", got)
	}
	if got := Omocode("not a cf", 3); got != "not a cf" {
		t.Errorf("Omocode of garbage changed it: %s", got)
	}
}

func TestValidateErrors(t *testing.T) {
	tests := []struct {
		cf, want string
	}{
		{"", MsgLength},
		{"RSSMRA80A01H501", MsgLength},
		{"RSSMRA80A01H501UU", MsgLength},
		{"RSSMRA80A01H50ÈU", MsgFormat}, // 16 runes, one not ASCII
		{"rssmra80a01h501u", MsgFormat}, // Validate wants Normalize first
		{"RSSMR180A01H501U", MsgFormat}, // digit among the name letters
		{"RSSMRAA0A01H501U", MsgFormat}, // A is not an omocodia letter
		{"RSSMRA80A01H5014", MsgFormat}, // check character must be a letter
		{"RSSMRA80F01H501U", MsgDate},   // F is no month
		{"RSSMRA80A00H501U", MsgDate},   // day 0
		{"RSSMRA80A32H501U", MsgDate},   // day 32
		{"RSSMRA80A40H501U", MsgDate},   // between the men's and women's days
		{"RSSMRA80A72H501U", MsgDate},   // day 72
		{"RSSMRA80B30H501U", MsgDate},   // 30 February
		{"RSSMRA80D31H501U", MsgDate},   // 31 April
		{"RSSMRA80A01H501A", MsgCheck},
		{"RSSMRA80A01H5O1U", MsgFormat}, // letter O for zero
	}
	for _, tt := range tests {
		err := Validate(tt.cf)
		var e *errs.Error
		if !errors.As(err, &e) || e.Code != errs.Invalid || e.Message != tt.want {
			t.Errorf("Validate(%q) = %v, want invalid %s", tt.cf, err, tt.want)
		}
	}
}

func TestValidateAcceptsOmocodiaAndLeapDay(t *testing.T) {
	for _, cf := range []string{
		"MRTMTT25D09F205Z",
		Omocode("MRTMTT25D09F205Z", 3),
		Compute("Rossi", "Maria", "F", civil.New(2000, time.February, 29), "H501"),
	} {
		if err := Validate(cf); err != nil {
			t.Errorf("Validate(%s) = %v", cf, err)
		}
	}
}

func TestNormalize(t *testing.T) {
	if got := Normalize("  rssmra80a01h501u\n"); got != "RSSMRA80A01H501U" {
		t.Fatalf("Normalize = %q", got)
	}
}

func TestComputeWithoutADateGivesNoValidCode(t *testing.T) {
	cf := Compute("Rossi", "Mario", "M", civil.Date{}, "H501")
	if Validate(cf) == nil {
		t.Fatalf("Compute with a zero date gave a valid code %s", cf)
	}
}

func FuzzValidate(f *testing.F) {
	f.Add("RSSMRA80A01H501U", "Mario", uint16(0), false)
	f.Add("MRTMTT25D09F205Z", "Gianfranco", uint16(30000), true)
	f.Add("D'Amico", "Zoë", uint16(12345), true)
	f.Add("", "", uint16(65535), false)
	places := []string{"H501", "F205", "F839", "Z404", "A001"}
	f.Fuzz(func(t *testing.T, s, given string, ordinal uint16, female bool) {
		// Any input: no panic, and Validate agrees with Decode.
		_, _, _, _, _, derr := Decode(s)
		if verr := Validate(s); (verr == nil) != (derr == nil) {
			t.Fatalf("Validate(%q) = %v but Decode: %v", s, verr, derr)
		}
		for n := 0; n <= 7; n++ {
			_ = Omocode(s, n)
		}
		// Any code Compute makes validates and decodes to what went in.
		birth := civil.New(1900, time.January, 1).AddDays(int(ordinal))
		sex := "M"
		if female {
			sex = "F"
		}
		place := places[int(ordinal)%len(places)]
		cf := Compute(s, given, sex, birth, place)
		gotSex, day, month, yy, bf, err := Decode(cf)
		if err != nil {
			t.Fatalf("Compute(%q, %q, %s, %s, %s) = %s: %v", s, given, sex, birth, place, cf, err)
		}
		if gotSex != sex || day != birth.Day || month != int(birth.Month) || yy != birth.Year%100 || bf != place {
			t.Fatalf("Decode(%s) = %s %d %d %d %s, want %s %s %s", cf, gotSex, day, month, yy, bf, sex, birth, place)
		}
		if o := Omocode(cf, int(ordinal)%8); Validate(o) != nil {
			t.Fatalf("omocodia variant %s of %s does not validate", o, cf)
		}
	})
}
