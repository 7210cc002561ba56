package cli_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/cli"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// runSeed runs "cassetto seed args…" on the database at url.
func runSeed(t *testing.T, url string, args ...string) (string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string {
		if k == "CASSETTO_DATABASE_URL" {
			return url
		}
		return ""
	}
	if !strings.Contains(strings.Join(args, " "), "--history") {
		args = append(args, "--history=false") // the registry alone, unless the test asks
	}
	err := cli.Run(context.Background(), append([]string{"seed"}, args...), getenv, &out, &errOut)
	return out.String(), cli.ExitCode(err)
}

func TestSeedLoadsOnceAndSaysWhat(t *testing.T) {
	url := storetest.URL(t)
	out, code := runSeed(t, url, "--positions", "30", "--seed", "2")
	if code != 0 || !strings.Contains(out, "seed seed:30:2: 32 positions (0 already present)") {
		t.Fatalf("first seed: exit %d, %q", code, out)
	}
	out, code = runSeed(t, url, "--positions", "30", "--seed", "2")
	if code != 0 || !strings.Contains(out, "already loaded, nothing to do") {
		t.Fatalf("second seed: exit %d, %q", code, out)
	}
}

func TestSeedRejectsBadFlags(t *testing.T) {
	url := storetest.URL(t)
	for _, args := range [][]string{
		{"--positions", "0"}, {"--positions", "5000001"}, {"--positions", "many"}, {"--seed", "-1"}, {"extra"},
	} {
		if _, code := runSeed(t, url, args...); code != 2 {
			t.Errorf("seed %v: exit %d, want 2", args, code)
		}
	}
}

func TestSeedWithHistoryLoadsItOnce(t *testing.T) {
	url := storetest.URL(t)
	out, code := runSeed(t, url, "--positions", "40", "--history=true")
	if code != 0 || !strings.Contains(out, "history of seed:40:1:") || !strings.Contains(out, "notices in") {
		t.Fatalf("seed with history: exit %d, %q", code, out)
	}
	out, code = runSeed(t, url, "--positions", "40", "--history=true")
	if code != 0 || !strings.Contains(out, "history of seed:40:1: already loaded") {
		t.Fatalf("second seed: exit %d, %q", code, out)
	}
}
