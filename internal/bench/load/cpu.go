package load

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
	"time"
)

// clockTick is the unit of the CPU times in /proc/PID/stat (USER_HZ, 100
// on every Linux the project runs on).
const clockTick = 10 * time.Millisecond

// cpuUse is the CPU time the processes of a run have spent: the server,
// the client (this process, where vegeta runs) and, when the database is a
// PostgreSQL server on this machine, its processes (SQLite runs inside
// the server). Per answered request it tells where a page's cost goes.
type cpuUse struct {
	server, client, database time.Duration
}

// cpuNow reads the CPU times of the server process serverPID, of this
// process and, with postgres, of every process named postgres.
func cpuNow(serverPID int, postgres bool) cpuUse {
	u := cpuUse{server: procCPU(strconv.Itoa(serverPID)), client: selfCPU()}
	if postgres {
		u.database = processesCPU("postgres")
	}
	return u
}

// perRequest returns what was spent from before to u, divided among n
// requests.
func (u cpuUse) perRequest(before cpuUse, n int) cpuUse {
	if n <= 0 {
		return cpuUse{}
	}
	d := time.Duration(n)
	return cpuUse{server: (u.server - before.server) / d, client: (u.client - before.client) / d,
		database: (u.database - before.database) / d}
}

// selfCPU is this process's user and system CPU time.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// procCPU is the user and system CPU time of process pid, 0 when it cannot
// be read.
func procCPU(pid string) time.Duration {
	_, cpu := procStat(pid)
	return cpu
}

// processesCPU sums the CPU time of every process whose command is comm.
func processesCPU(comm string) time.Duration {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	var sum time.Duration
	for _, e := range entries {
		if e.Name()[0] < '0' || e.Name()[0] > '9' {
			continue
		}
		if c, cpu := procStat(e.Name()); c == comm {
			sum += cpu
		}
	}
	return sum
}

// procStat reads the command name and the user + system CPU time of
// process pid from /proc/PID/stat.
func procStat(pid string) (string, time.Duration) {
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return "", 0
	}
	return parseStat(b)
}

// parseStat reads the command name and the user + system CPU time of a
// /proc/PID/stat line; the name may itself hold spaces and parentheses.
func parseStat(b []byte) (string, time.Duration) {
	open, end := bytes.IndexByte(b, '('), bytes.LastIndexByte(b, ')')
	if open < 0 || end < open {
		return "", 0
	}
	f := bytes.Fields(b[end+1:]) // from field 3 (state) on: utime and stime are fields 14 and 15
	if len(f) < 13 {
		return "", 0
	}
	utime, err1 := strconv.ParseInt(string(f[11]), 10, 64)
	stime, err2 := strconv.ParseInt(string(f[12]), 10, 64)
	if err1 != nil || err2 != nil {
		return "", 0
	}
	return string(b[open+1 : end]), time.Duration(utime+stime) * clockTick
}
