package cases

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"
)

// Limits are the attachment safety caps.
type Limits struct {
	MaxFiles        int   // attachments per message
	MaxSize         int64 // bytes of one zip as uploaded
	MaxEntries      int   // files inside one zip
	MaxUncompressed int64 // total bytes inside one zip once uncompressed
	MaxRatio        int64 // uncompressed size / compressed size of one entry
}

// DefaultLimits are three zips of up to 5 MB, each with up to 50 files,
// 50 MB uncompressed and no entry compressed more than 100 times.
var DefaultLimits = Limits{MaxFiles: 3, MaxSize: 5 << 20, MaxEntries: 50, MaxUncompressed: 50 << 20, MaxRatio: 100}

// Upload is one attached file as received.
type Upload struct {
	Name    string
	Content []byte
}

// The message ids of the attachment rules; each refusal names the rule
// and the file (and the inner file when there is one).
const (
	MsgTooManyFiles = "cases.attach.too_many"
	MsgTooBig       = "cases.attach.too_big"
	MsgNotZip       = "cases.attach.not_zip"
	MsgEntries      = "cases.attach.entries"
	MsgUncompressed = "cases.attach.uncompressed"
	MsgRatio        = "cases.attach.ratio"
	MsgPath         = "cases.attach.path"
	MsgType         = "cases.attach.type"
	MsgContent      = "cases.attach.content"
	MsgEncrypted    = "cases.attach.encrypted"
	MsgEmpty        = "cases.attach.empty"
)

// AttachmentError is the refusal of one attachment: which rule, which file,
// which file inside it.
type AttachmentError struct {
	Rule  string // message id
	File  string
	Inner string
}

func (e *AttachmentError) Error() string {
	return fmt.Sprintf("attachment %q: %s %s", e.File, e.Rule, e.Inner)
}

// allowedTypes are the inner file types accepted, by extension, each with
// its content check.
var allowedTypes = map[string]func([]byte) bool{
	"pdf": func(b []byte) bool { return bytes.HasPrefix(b, []byte("%PDF-")) },
	"p7m": isP7M,
	"jpg": func(b []byte) bool { return bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}) },
	"png": func(b []byte) bool { return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) },
	"xml": isXML,
	"txt": isText,
	"csv": isText,
}

// isP7M accepts a CMS envelope in DER (an ASN.1 SEQUENCE) or in base64.
func isP7M(b []byte) bool {
	return len(b) > 2 && b[0] == 0x30 && (b[1] == 0x80 || b[1] >= 0x81 && b[1] <= 0x84) ||
		bytes.HasPrefix(b, []byte("MI")) || bytes.HasPrefix(b, []byte("-----BEGIN PKCS7"))
}

func isXML(b []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")), " \t\r\n")
	return isText(b) && bytes.HasPrefix(t, []byte("<"))
}

// isText accepts UTF-8 text without control characters other than tab,
// line feed, carriage return and form feed.
func isText(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F {
			return false
		}
	}
	return true
}

// CheckAll checks every upload of a message against lim.
func CheckAll(ups []Upload, lim Limits) error {
	if len(ups) > lim.MaxFiles {
		return &AttachmentError{Rule: MsgTooManyFiles, File: ups[lim.MaxFiles].Name}
	}
	for _, u := range ups {
		if err := Check(u, lim); err != nil {
			return err
		}
	}
	return nil
}

// Check checks one upload: a real zip (magic bytes and parseable), within
// the size caps, every entry with a safe relative name, of an allowed type
// checked by content.
func Check(u Upload, lim Limits) error {
	fail := func(rule, inner string) error { return &AttachmentError{Rule: rule, File: u.Name, Inner: inner} }
	if len(u.Content) == 0 {
		return fail(MsgEmpty, "")
	}
	if int64(len(u.Content)) > lim.MaxSize {
		return fail(MsgTooBig, "")
	}
	if !bytes.HasPrefix(u.Content, []byte("PK\x03\x04")) && !bytes.HasPrefix(u.Content, []byte("PK\x05\x06")) {
		return fail(MsgNotZip, "")
	}
	zr, err := zip.NewReader(bytes.NewReader(u.Content), int64(len(u.Content)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return fail(MsgNotZip, "")
	}
	if len(zr.File) == 0 {
		return fail(MsgEmpty, "")
	}
	if len(zr.File) > lim.MaxEntries {
		return fail(MsgEntries, "")
	}
	var total int64
	for _, f := range zr.File {
		if !SafeName(f.Name) {
			return fail(MsgPath, f.Name)
		}
		if f.FileInfo().IsDir() {
			continue
		}
		n, rule := checkEntry(f, lim, lim.MaxUncompressed-total)
		if rule != "" {
			return fail(rule, f.Name)
		}
		total += n
	}
	return nil
}

// checkEntry reads one entry whole (so its checksum is verified), never
// more than budget bytes, and checks its type by content.
func checkEntry(f *zip.File, lim Limits, budget int64) (int64, string) {
	if f.Flags&0x1 != 0 {
		return 0, MsgEncrypted
	}
	if f.UncompressedSize64 > uint64(budget) {
		return 0, MsgUncompressed
	}
	if f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > uint64(lim.MaxRatio) {
		return 0, MsgRatio
	}
	check, ok := allowedTypes[strings.ToLower(strings.TrimPrefix(path.Ext(f.Name), "."))]
	if !ok {
		return 0, MsgType
	}
	rc, err := f.Open()
	if err != nil {
		return 0, MsgNotZip
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, budget+1))
	switch {
	case int64(len(b)) > budget:
		return 0, MsgUncompressed
	case err != nil:
		return 0, MsgNotZip
	case f.CompressedSize64 > 0 && uint64(len(b))/f.CompressedSize64 > uint64(lim.MaxRatio):
		return 0, MsgRatio
	case !check(b):
		return 0, MsgContent
	}
	return int64(len(b)), ""
}

// SafeName reports whether an entry name is a relative path inside the
// archive: not absolute, no drive letter, no backslash, no "..".
func SafeName(name string) bool {
	if name == "" || strings.ContainsAny(name, "\\\x00") || strings.HasPrefix(name, "/") ||
		len(name) > 1 && name[1] == ':' {
		return false
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			return false
		}
	}
	return true
}

// CleanFileName returns a name safe to store and to send back in a
// Content-Disposition header: the base name, letters, digits, dot, dash
// and underscore only, at most 80 characters, always ending in .zip.
func CleanFileName(name string) string {
	name = name[strings.LastIndexAny(name, `/\`)+1:]
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteRune('_')
		}
	}
	s := strings.TrimSuffix(strings.TrimLeft(b.String(), "."), ".zip")
	if len(s) > 76 {
		s = s[:76]
	}
	if s == "" {
		s = "allegato"
	}
	return s + ".zip"
}
