package documents

import (
	"bytes"
	"fmt"
	"strconv"
)

// withLang appends to the PDF in doc an incremental update that re-writes
// the document catalog (object 1, as gopdf writes it) with the natural
// language lang (/Lang, PDF 1.7 §14.9.2), which gopdf cannot set: screen
// readers use it to pick the pronunciation. The original bytes stay as
// they are; the new cross-reference section points back to the old one.
func withLang(doc []byte, lang string) ([]byte, error) {
	prev, err := lastStartXref(doc)
	if err != nil {
		return nil, err
	}
	catalog, err := objectBody(doc, 1)
	if err != nil {
		return nil, err
	}
	trailer, err := lastTrailer(doc)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Write(doc)
	offset := b.Len()
	fmt.Fprintf(&b, "1 0 obj\n<<\n  /Lang (%s)\n%s\nendobj\n", lang, bytes.TrimPrefix(bytes.TrimSpace(catalog), []byte("<<")))
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 1\n0000000000 65535 f \n1 1\n%010d 00000 n \ntrailer\n<<\n/Prev %d\n%s\nstartxref\n%d\n%%%%EOF\n",
		offset, prev, bytes.TrimPrefix(bytes.TrimSpace(trailer), []byte("<<")), xref)
	return b.Bytes(), nil
}

// lastStartXref returns the offset after the last "startxref".
func lastStartXref(doc []byte) (int, error) {
	i := bytes.LastIndex(doc, []byte("startxref"))
	if i < 0 {
		return 0, fmt.Errorf("documents: no startxref")
	}
	f := bytes.Fields(doc[i+len("startxref"):])
	if len(f) == 0 {
		return 0, fmt.Errorf("documents: empty startxref")
	}
	return strconv.Atoi(string(f[0]))
}

// objectBody returns what lies between "N 0 obj" and "endobj".
func objectBody(doc []byte, n int) ([]byte, error) {
	head := []byte(fmt.Sprintf("\n%d 0 obj\n", n))
	i := bytes.Index(doc, head)
	if i < 0 {
		return nil, fmt.Errorf("documents: no object %d", n)
	}
	rest := doc[i+len(head):]
	j := bytes.Index(rest, []byte("endobj"))
	if j < 0 {
		return nil, fmt.Errorf("documents: object %d not closed", n)
	}
	return rest[:j], nil
}

// lastTrailer returns the dictionary of the last trailer.
func lastTrailer(doc []byte) ([]byte, error) {
	i := bytes.LastIndex(doc, []byte("trailer"))
	j := bytes.LastIndex(doc, []byte("startxref"))
	if i < 0 || j < i {
		return nil, fmt.Errorf("documents: no trailer")
	}
	return doc[i+len("trailer") : j], nil
}
