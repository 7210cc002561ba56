package documents

import (
	_ "embed"
	"fmt"

	"github.com/signintech/gopdf"
)

// The embedded font family (Titillium Web, SIL Open Font License, see
// fonts/OFL.txt): the portal's own typeface, with the Italian accented
// letters and the euro sign.
var (
	//go:embed fonts/TitilliumWeb_400Regular.ttf
	fontRegular []byte
	//go:embed fonts/TitilliumWeb_600SemiBold.ttf
	fontSemiBold []byte
	//go:embed fonts/TitilliumWeb_700Bold.ttf
	fontBold []byte
)

// The font names the drawing code uses.
const (
	fRegular  = "regular"
	fSemiBold = "semibold"
	fBold     = "bold"
)

// addFonts registers the family on pdf; gopdf embeds only the glyphs used.
func addFonts(pdf *gopdf.GoPdf) error {
	fonts := []struct {
		name string
		data []byte
	}{{fRegular, fontRegular}, {fSemiBold, fontSemiBold}, {fBold, fontBold}}
	for _, f := range fonts { // in order: the same document gives the same bytes
		if err := pdf.AddTTFFontData(f.name, f.data); err != nil {
			return fmt.Errorf("documents: font %s: %w", f.name, err)
		}
	}
	return nil
}
