package documents

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"strconv"
)

// Gopdf writes the page contents uncompressed (SetNoCompression) and
// finish compresses them here, with zlib writers kept for reuse: gopdf
// makes a new writer for every stream, about a megabyte of tables each,
// which was a quarter of the time of an F24. The fonts stay as gopdf
// writes them (compressed subsets).

// zlibWriters keeps a few reusable zlib writers at the level gopdf used
// for the contents (BestSpeed): the same sizes, without allocating the
// compressor's tables for every document. A bounded channel rather than a
// sync.Pool: the pool is emptied by every garbage collection, and a
// document allocates enough to start one. At most four writers (about
// 1 MB each) stay allocated.
var zlibWriters = make(chan *zlib.Writer, 4)

// getZlib returns a writer from zlibWriters, or a new one, reset to w.
func getZlib(w io.Writer) *zlib.Writer {
	select {
	case zw := <-zlibWriters:
		zw.Reset(w)
		return zw
	default:
		zw, _ := zlib.NewWriterLevel(w, zlib.BestSpeed) // the level is valid: no error
		return zw
	}
}

// putZlib gives a writer back, unless enough are kept.
func putZlib(zw *zlib.Writer) {
	select {
	case zlibWriters <- zw:
	default:
	}
}

// rewrite returns the document gopdf wrote in doc with its unfiltered
// streams compressed, the natural language lang (/Lang, PDF 1.7 §14.9.2,
// which gopdf cannot set: screen readers use it to pick the pronunciation)
// in the document catalog (object 1, as gopdf writes it), and a new
// cross-reference table. Gopdf writes objects 1 to N in order, then one
// cross-reference section and the trailer; anything else is an error.
func rewrite(doc []byte, lang string) ([]byte, error) {
	first := bytes.Index(doc, []byte("\n1 0 obj\n"))
	tr := bytes.LastIndex(doc, []byte("\ntrailer\n"))
	sx := bytes.LastIndex(doc, []byte("\nstartxref"))
	if first < 0 || tr < 0 || sx < tr {
		return nil, fmt.Errorf("documents: not a gopdf document")
	}
	out := bytes.NewBuffer(make([]byte, 0, len(doc)/2))
	out.Write(doc[:first+1])
	var offsets []int
	at := first + 1
	for n := 1; ; n++ {
		head := []byte(strconv.Itoa(n) + " 0 obj\n")
		if !bytes.HasPrefix(doc[at:], head) {
			break
		}
		offsets = append(offsets, out.Len())
		end, err := copyObject(out, doc, at, len(head), n, lang)
		if err != nil {
			return nil, err
		}
		at = end
		for at < len(doc) && doc[at] == '\n' {
			at++
		}
	}
	if len(offsets) == 0 {
		return nil, fmt.Errorf("documents: no objects")
	}
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(out, "%010d 00000 n \n", o)
	}
	out.Write(doc[tr+1 : sx+1])
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes(), nil
}

// copyObject writes object n, which starts at doc[at:] with a header of
// hl bytes, and returns where it ends (after "endobj").
func copyObject(out *bytes.Buffer, doc []byte, at, hl, n int, lang string) (int, error) {
	body := at + hl
	stream := bytes.Index(doc[body:], []byte("stream\n"))
	endobj := bytes.Index(doc[body:], []byte("endobj\n"))
	if endobj < 0 {
		return 0, fmt.Errorf("documents: object %d not closed", n)
	}
	if stream < 0 || stream > endobj { // a dictionary: no binary data inside
		obj := doc[at : body+endobj+len("endobj\n")]
		if n == 1 {
			obj = bytes.Replace(obj, []byte("<<"), []byte("<<\n  /Lang ("+lang+")"), 1)
		}
		out.Write(obj)
		return body + endobj + len("endobj\n"), nil
	}
	dict := doc[body : body+stream]
	length, err := streamLength(dict)
	if err != nil {
		return 0, fmt.Errorf("documents: object %d: %w", n, err)
	}
	data := body + stream + len("stream\n")
	if data+length > len(doc) {
		return 0, fmt.Errorf("documents: object %d: stream past the end", n)
	}
	tail := bytes.Index(doc[data+length:], []byte("endobj\n"))
	if tail < 0 {
		return 0, fmt.Errorf("documents: object %d not closed", n)
	}
	end := data + length + tail + len("endobj\n")
	if bytes.Contains(dict, []byte("/Filter")) {
		out.Write(doc[at:end])
		return end, nil
	}
	out.Write(doc[at:body])
	var z bytes.Buffer
	zw := getZlib(&z)
	defer putZlib(zw)
	if _, err := zw.Write(doc[data : data+length]); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	fmt.Fprintf(out, "<<\n/Filter /FlateDecode\n/Length %d\n>>\nstream\n", z.Len())
	out.Write(z.Bytes())
	out.Write(doc[data+length : end])
	return end, nil
}

// streamLength reads /Length of a stream's dictionary.
func streamLength(dict []byte) (int, error) {
	i := bytes.Index(dict, []byte("/Length "))
	if i < 0 {
		return 0, fmt.Errorf("no /Length")
	}
	f := bytes.Fields(dict[i+len("/Length "):])
	if len(f) == 0 {
		return 0, fmt.Errorf("empty /Length")
	}
	return strconv.Atoi(string(f[0]))
}
