package staff

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are the argon2id cost parameters of a password hash.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes over the memory
	Threads uint8  // lanes
	SaltLen uint32 // bytes
	KeyLen  uint32 // bytes
}

// DefaultParams returns the cost of new hashes: 64 MiB, 3 passes, 2 lanes,
// 16-byte salt, 32-byte key. This is RFC 9106's second recommended option
// (64 MiB, t=3) with 2 lanes instead of 4, well above OWASP's minimum (19 MiB,
// t=2, p=1): about 50–100 ms on one server core pair, which an operator does
// not notice at login but multiplies an offline attacker's cost per guess.
// Staff logins are few (hundreds a day), and Accounts bounds how many hashes
// run at once, so the memory held stays small. The parameters are stored in
// every hash, so they can be raised later: older hashes still verify and are
// upgraded at the next successful login (NeedsRehash).
func DefaultParams() Params {
	return Params{Memory: 64 * 1024, Time: 3, Threads: 2, SaltLen: 16, KeyLen: 32}
}

// Bounds for parameters read from a stored hash, so that a corrupted or
// forged row cannot make a login allocate gigabytes or loop for minutes.
const (
	maxMemoryKiB = 1 << 21 // 2 GiB
	maxTime      = 64
	minKeyLen    = 16
	maxKeyLen    = 128
	minSaltLen   = 8
	maxSaltLen   = 64
)

var b64 = base64.RawStdEncoding

// HashPassword hashes password with argon2id and a random salt, and returns
// the PHC string $argon2id$v=19$m=…,t=…,p=…$salt$hash.
func HashPassword(password string, p Params) (string, error) {
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("staff: password salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// VerifyPassword reports whether password matches the PHC string encoded,
// comparing in constant time. A malformed hash is an error.
func VerifyPassword(password, encoded string) (bool, error) {
	p, salt, key, err := ParseHash(encoded)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// NeedsRehash reports whether encoded was made with a cost other than want
// (or cannot be parsed), so it should be replaced at the next login.
func NeedsRehash(encoded string, want Params) bool {
	p, _, _, err := ParseHash(encoded)
	return err != nil || p != want
}

// ParseHash splits a PHC argon2id string into its parameters, salt and key.
func ParseHash(encoded string) (Params, []byte, []byte, error) {
	var p Params
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, errors.New("staff: password hash is not a PHC argon2id string")
	}
	if parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return p, nil, nil, fmt.Errorf("staff: unsupported argon2 version %q", parts[2])
	}
	if err := parseCost(parts[3], &p); err != nil {
		return p, nil, nil, err
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil || len(salt) < minSaltLen || len(salt) > maxSaltLen {
		return p, nil, nil, errors.New("staff: bad salt in password hash")
	}
	key, err := b64.DecodeString(parts[5])
	if err != nil || len(key) < minKeyLen || len(key) > maxKeyLen {
		return p, nil, nil, errors.New("staff: bad key in password hash")
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	return p, salt, key, nil
}

// parseCost reads "m=…,t=…,p=…" (in this order, as the PHC format says).
func parseCost(s string, p *Params) error {
	fields := strings.Split(s, ",")
	names := []string{"m", "t", "p"}
	if len(fields) != len(names) {
		return fmt.Errorf("staff: bad argon2 parameters %q", s)
	}
	var vals [3]uint64
	for i, f := range fields {
		name, val, ok := strings.Cut(f, "=")
		n, err := strconv.ParseUint(val, 10, 32)
		if !ok || name != names[i] || err != nil {
			return fmt.Errorf("staff: bad argon2 parameters %q", s)
		}
		vals[i] = n
	}
	m, t, threads := vals[0], vals[1], vals[2]
	if threads < 1 || threads > 255 || t < 1 || t > maxTime || m < 8*threads || m > maxMemoryKiB {
		return fmt.Errorf("staff: argon2 parameters out of range %q", s)
	}
	p.Memory, p.Time, p.Threads = uint32(m), uint32(t), uint8(threads)
	return nil
}

// burnHash spends the time of one verification with p, for logins of
// unknown users, so that their answer takes as long as a wrong password.
func burnHash(password string, p Params) {
	salt := make([]byte, p.SaltLen)
	_ = argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
}
