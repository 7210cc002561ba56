package load

import (
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"
)

// TestParseStatReadsTheNameAndCPUTime reads /proc/PID/stat lines whose
// command name holds spaces and parentheses: utime, stime, cutime and
// cstime are counted after the name's last parenthesis.
func TestParseStatReadsTheNameAndCPUTime(t *testing.T) {
	cases := []struct {
		line        string
		comm        string
		own, reaped time.Duration
	}{
		{"2160 (postgres) S 1 2160 2160 0 -1 4194560 2331 0 0 0 17 31 0 0 20 0 1 0 339 228450304", "postgres", 480 * time.Millisecond, 0},
		{"2150 (postgres) S 1 2150 2150 0 -1 4194560 2331 0 0 0 5 3 900 100 20 0 1 0 339 228450304", "postgres", 80 * time.Millisecond, 10 * time.Second},
		{"77 (a b) (c)) R 1 77 77 0 -1 0 0 0 0 0 250 150 0 0 20 0 1 0 9 1", "a b) (c)", 4 * time.Second, 0},
		{"9 (short) S 1 2", "", 0, 0},
		{"8 (cut) S 1 8 8 0 -1 0 0 0 0 0 250 150 7", "", 0, 0},
		{"garbage", "", 0, 0},
	}
	for _, c := range cases {
		comm, own, reaped := parseStat([]byte(c.line))
		if comm != c.comm || own != c.own || reaped != c.reaped {
			t.Errorf("%q: %q %s %s, want %q %s %s", c.line, comm, own, reaped, c.comm, c.own, c.reaped)
		}
	}
}

// TestProcessesCPUKeepsTheTimeOfExitedChildren: a child that burns CPU
// and exits leaves its time in this process's count of reaped children,
// so the sum over processes named like this one does not go back.
func TestProcessesCPUKeepsTheTimeOfExitedChildren(t *testing.T) {
	comm, _, _ := procStat(strconv.Itoa(os.Getpid()))
	before := processesCPU(comm)
	cmd := exec.Command("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done")
	if err := cmd.Run(); err != nil {
		t.Skipf("no shell to burn CPU in: %v", err)
	}
	spent := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if after := processesCPU(comm); after-before < spent/2 {
		t.Errorf("a child spent %s and exited; the sum over %q grew by %s", spent, comm, after-before)
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
