package delegation

import (
	"bytes"
	"encoding/base64"
)

// MaxDocumentSize is the largest scanned delegation accepted: 5 MB.
const MaxDocumentSize = 5 << 20

// signedDataOID is the DER encoding of the PKCS#7 / CMS signedData content
// type (1.2.840.113549.1.7.2): a P7M envelope begins with it.
var signedDataOID = []byte{0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02}

// DocumentType recognises a scanned delegation by its first bytes, whatever
// its name says: "pdf" for a PDF, "p7m" for a CAdES signed envelope (DER,
// or base64 as some signing tools write it); "" for anything else.
func DocumentType(data []byte) string {
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		return "pdf"
	}
	if isSignedData(data) {
		return "p7m"
	}
	head := bytes.TrimSpace(data[:min(len(data), 64)])
	if bytes.HasPrefix(head, []byte("MI")) {
		raw := make([]byte, base64.StdEncoding.DecodedLen(48))
		n, err := base64.StdEncoding.Decode(raw, head[:min(len(head), 48)/4*4])
		if err == nil && isSignedData(raw[:n]) {
			return "p7m"
		}
	}
	return ""
}

// isSignedData reports whether der starts with a SEQUENCE holding the
// signedData content type.
func isSignedData(der []byte) bool {
	if len(der) < 2 || der[0] != 0x30 {
		return false
	}
	return bytes.Contains(der[:min(len(der), 24)], signedDataOID)
}
