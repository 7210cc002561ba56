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
	_, own, _ := procStat(pid)
	return own
}

// processesCPU sums the CPU time of every process whose command is comm,
// with what their exited children spent: a PostgreSQL backend that ends
// during a run moves its time into the postmaster's count of reaped
// children, so the sum never goes back.
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
		if c, own, reaped := procStat(e.Name()); c == comm {
			sum += own + reaped
		}
	}
	return sum
}

// procStat reads the command name, the user + system CPU time and that of
// the exited children it waited for, of process pid from /proc/PID/stat.
func procStat(pid string) (comm string, own, reaped time.Duration) {
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return "", 0, 0
	}
	return parseStat(b)
}

// parseStat reads the command name, the user + system CPU time (utime,
// stime) and that of the waited-for children (cutime, cstime) of a
// /proc/PID/stat line; the name may itself hold spaces and parentheses.
func parseStat(b []byte) (comm string, own, reaped time.Duration) {
	open, end := bytes.IndexByte(b, '('), bytes.LastIndexByte(b, ')')
	if open < 0 || end < open {
		return "", 0, 0
	}
	f := bytes.Fields(b[end+1:]) // from field 3 (state) on: utime, stime, cutime, cstime are fields 14 to 17
	if len(f) < 15 {
		return "", 0, 0
	}
	var ticks [4]int64
	for i := range ticks {
		v, err := strconv.ParseInt(string(f[11+i]), 10, 64)
		if err != nil {
			return "", 0, 0
		}
		ticks[i] = v
	}
	return string(b[open+1 : end]), time.Duration(ticks[0]+ticks[1]) * clockTick, time.Duration(ticks[2]+ticks[3]) * clockTick
}
