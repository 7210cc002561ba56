// Command cassetto is the Cassetto previdenziale for artigiani and
// commercianti: the portal, its back office and the batches. See the README.
//
// archive/zip refuses entries with absolute or ".." names (attachments of
// the cases are zips sent by users); internal/cases checks the names too.
//
//go:debug zipinsecurepath=0
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // Europe/Rome everywhere, even without system tzdata

	"github.com/cassetto-dev/cassetto/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := cli.Run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	var exit *cli.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintln(os.Stderr, err)
	}
	os.Exit(cli.ExitCode(err))
}
