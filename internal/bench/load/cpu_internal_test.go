package load

import (
	"os"
	"strconv"
	"testing"
	"time"
)

// TestParseStatReadsTheNameAndCPUTime reads /proc/PID/stat lines whose
// command name holds spaces and parentheses: utime and stime are counted
// after the name's last parenthesis.
func TestParseStatReadsTheNameAndCPUTime(t *testing.T) {
	cases := []struct {
		line string
		comm string
		cpu  time.Duration
	}{
		{"2160 (postgres) S 1 2160 2160 0 -1 4194560 2331 0 0 0 17 31 0 0 20 0 1 0 339 228450304", "postgres", 480 * time.Millisecond},
		{"77 (a b) (c)) R 1 77 77 0 -1 0 0 0 0 0 250 150 0 0 20 0 1 0 9 1", "a b) (c)", 4 * time.Second},
		{"9 (short) S 1 2", "", 0},
		{"garbage", "", 0},
	}
	for _, c := range cases {
		comm, cpu := parseStat([]byte(c.line))
		if comm != c.comm || cpu != c.cpu {
			t.Errorf("%q: %q %s, want %q %s", c.line, comm, cpu, c.comm, c.cpu)
		}
	}
}

// TestProcCPUFollowsThisProcess burns CPU and reads this process's time
// from /proc, as the bench reads the server's.
func TestProcCPUFollowsThisProcess(t *testing.T) {
	pid := strconv.Itoa(os.Getpid())
	before := procCPU(pid)
	for start := selfCPU(); selfCPU()-start < 100*time.Millisecond; {
	}
	if after := procCPU(pid); after-before < 50*time.Millisecond {
		t.Errorf("100 ms of CPU burnt, /proc shows %s", after-before)
	}
}
