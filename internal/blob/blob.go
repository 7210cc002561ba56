package blob

import (
	"context"
	"encoding/hex"
	"errors"
	"io"

	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Store keeps blobs by the SHA-256 of their content.
type Store interface {
	// Put stores the content of r and returns its SHA-256 (lower-case hex)
	// and size. Storing content already present is not an error.
	Put(ctx context.Context, r io.Reader) (sum string, size int64, err error)
	// Get returns the content of the blob sum; errs.NotFound when there is none.
	Get(ctx context.Context, sum string) ([]byte, error)
	// Open returns a reader of the blob sum and its size; errs.NotFound when
	// there is none. The caller closes it.
	Open(ctx context.Context, sum string) (io.ReadCloser, int64, error)
}

// ErrBadSum is returned for a name that is not a SHA-256 in hex.
var ErrBadSum = errs.E(errs.NotFound, "error.not_found")

// validSum reports whether sum is 64 lower-case hex digits.
func validSum(sum string) bool {
	if len(sum) != 64 {
		return false
	}
	_, err := hex.DecodeString(sum)
	return err == nil && sum == lowerHex(sum)
}

func lowerHex(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'F' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// readAll reads an opened blob whole.
func readAll(rc io.ReadCloser, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, errors.Join(errors.New("blob: read"), err)
	}
	return b, nil
}
