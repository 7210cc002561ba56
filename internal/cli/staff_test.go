package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/cli"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/staff"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// staffDB is a fresh database URL holding office 1300.
func staffDB(t *testing.T) string {
	t.Helper()
	return storetest.Prepared(t, func(ctx context.Context, db *store.DB) error {
		return store.NewRegistry(db, time.Now).CreateOffice(ctx, registry.Office{Code: "1300", Name: "Milano Nord"})
	})
}

// run runs the program on url and returns its output and exit code.
func run(t *testing.T, url string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string {
		if k == "CASSETTO_DATABASE_URL" {
			return url
		}
		return ""
	}
	err := cli.Run(context.Background(), args, getenv, &out, &errOut)
	msg := errOut.String()
	if err != nil {
		msg += err.Error()
	}
	return out.String(), msg, cli.ExitCode(err)
}

// withStdin makes s the standard input while fn runs.
func withStdin(t *testing.T, s string, fn func()) {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "stdin")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(s); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Seek(0, 0); err != nil {
		t.Fatal(err)
	}
	old := os.Stdin
	os.Stdin = f
	defer func() { os.Stdin = old }()
	fn()
}

// login logs in on url with the account service.
func login(t *testing.T, url, user, pw string) (staff.LoginResult, error) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return staff.NewAccounts(store.NewStaff(db), time.Now, staff.Config{}).Login(ctx, user, pw, "")
}

// printedPassword finds the generated password in the output.
func printedPassword(t *testing.T, out string) string {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if pw, ok := strings.CutPrefix(strings.TrimSpace(line), "password: "); ok {
			return pw
		}
	}
	t.Fatalf("no generated password in the output:\n%s", out)
	return ""
}

func TestStaffAddPrintsAGeneratedPasswordOnce(t *testing.T) {
	url := staffDB(t)
	out, msg, code := run(t, url, "staff", "add", "MRossi", "--name", "Mario Rossi", "--role", "operator",
		"--office", "1300", "--cf", "rssmra80a01f205x")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, msg)
	}
	pw := printedPassword(t, out)
	res, err := login(t, url, "mrossi", pw)
	if err != nil || !res.MustEnrolTOTP || res.Member.CodiceFiscale != "RSSMRA80A01F205X" || res.Member.OfficeCode != "1300" {
		t.Fatalf("login with the printed password: %+v %v", res, err)
	}
}

func TestStaffAddPasswordFromStdin(t *testing.T) {
	url := staffDB(t)
	var out, msg string
	var code int
	withStdin(t, "Correct-Horse-9\n", func() {
		out, msg, code = run(t, url, "staff", "add", "--name", "Anna Bianchi", "--role", "admin", "--password-stdin", "abianchi")
	})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, msg)
	}
	if strings.Contains(out, "Correct-Horse-9") || strings.Contains(out, "password: ") {
		t.Fatalf("a password given on stdin was printed:\n%s", out)
	}
	if _, err := login(t, url, "abianchi", "Correct-Horse-9"); err != nil {
		t.Fatalf("login with the password from stdin: %v", err)
	}
	withStdin(t, "short\n", func() {
		_, msg, code = run(t, url, "staff", "passwd", "abianchi", "--password-stdin")
	})
	if code != 2 || !strings.Contains(msg, "at least 12 characters") {
		t.Fatalf("weak password: exit %d: %s", code, msg)
	}
}

func TestStaffAddBadArguments(t *testing.T) {
	url := staffDB(t)
	if _, msg, code := run(t, url, "staff", "add", "mrossi", "--name", "Mario Rossi", "--role", "admin"); code != 0 {
		t.Fatalf("first add: exit %d: %s", code, msg)
	}
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"add", "--name", "X", "--role", "admin"}, 2, "USERNAME"},
		{[]string{"add", "xuser", "--role", "admin"}, 2, "--name"},
		{[]string{"add", "xuser", "--name", "X", "--role", "boss"}, 2, "--role"},
		{[]string{"add", "xuser", "--name", "X", "--role", "operator"}, 2, "--office"},
		{[]string{"add", "xuser", "--name", "X", "--role", "operator", "--office", "9999"}, 2, "--office 9999: no office with this code"},
		{[]string{"add", "xuser", "--name", "X", "--role", "admin", "--cf", "BAD"}, 2, "--cf BAD"},
		{[]string{"add", "xuser", "--nome", "X"}, 2, "-nome"},
		{[]string{"add", "xuser", "--name", "X", "--role", "admin", "extra"}, 2, "unexpected argument"},
		{[]string{"add", "mrossi", "--name", "X", "--role", "admin"}, 1, "already taken"},
		{[]string{"passwd", "nobody"}, 1, "no staff member"},
		{[]string{"reset-totp"}, 2, "USERNAME"},
		{[]string{"list", "--jsn"}, 2, "-jsn"},
		{[]string{"frobnicate"}, 2, "unknown subcommand"},
		{nil, 2, "add USERNAME"},
	}
	for _, c := range cases {
		_, msg, code := run(t, url, append([]string{"staff"}, c.args...)...)
		if code != c.code || !strings.Contains(msg, c.want) {
			t.Errorf("staff %v: exit %d %q; want exit %d mentioning %q", c.args, code, msg, c.code, c.want)
		}
	}
}

func TestStaffPasswdAndResetTOTP(t *testing.T) {
	url := staffDB(t)
	out, _, _ := run(t, url, "staff", "add", "mrossi", "--name", "Mario Rossi", "--role", "operator", "--office", "1300")
	old := printedPassword(t, out)
	enrolTOTP(t, url, "mrossi")
	if res, err := login(t, url, "mrossi", old); err == nil {
		t.Fatalf("password-only login with TOTP enrolled succeeded: %+v", res)
	}
	if _, msg, code := run(t, url, "staff", "reset-totp", "mrossi"); code != 0 {
		t.Fatalf("reset-totp: exit %d: %s", code, msg)
	}
	if res, err := login(t, url, "mrossi", old); err != nil || !res.MustEnrolTOTP {
		t.Fatalf("after reset-totp: %+v %v, want a login that must enrol", res, err)
	}
	out, msg, code := run(t, url, "staff", "passwd", "mrossi")
	if code != 0 {
		t.Fatalf("passwd: exit %d: %s", code, msg)
	}
	pw := printedPassword(t, out)
	if _, err := login(t, url, "mrossi", pw); err != nil {
		t.Fatalf("login with the new password: %v", err)
	}
	if _, err := login(t, url, "mrossi", old); err == nil {
		t.Fatal("the old password still works")
	}
}

// enrolTOTP gives user a second factor directly through the account service.
func enrolTOTP(t *testing.T, url, user string) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st := store.NewStaff(db)
	m, err := st.ByUsername(ctx, user)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetTOTP(ctx, m.ID, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", 0); err != nil {
		t.Fatal(err)
	}
}

func TestStaffList(t *testing.T) {
	url := staffDB(t)
	run(t, url, "staff", "add", "mrossi", "--name", "Mario Rossi", "--role", "operator", "--office", "1300")
	run(t, url, "staff", "add", "abianchi", "--name", "Anna Bianchi", "--role", "admin")
	out, msg, code := run(t, url, "staff", "list")
	if code != 0 || !strings.Contains(out, "mrossi") || !strings.Contains(out, "Anna Bianchi") {
		t.Fatalf("list: exit %d %s\n%s", code, msg, out)
	}
	out, _, _ = run(t, url, "staff", "list", "--json")
	var list []struct {
		Username string `json:"username"`
		Role     string `json:"role"`
		Office   string `json:"office"`
		Active   bool   `json:"active"`
		TOTP     bool   `json:"totp"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("list --json: %v\n%s", err, out)
	}
	if len(list) != 2 || list[0].Username != "abianchi" || list[1].Office != "1300" || !list[1].Active || list[1].TOTP {
		t.Fatalf("list --json: %+v", list)
	}
	out, _, _ = run(t, url, "staff", "list", "--office", "1300", "--json")
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 || list[0].Username != "mrossi" {
		t.Fatalf("list --office: %+v %v", list, err)
	}
}
