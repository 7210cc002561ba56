package config

import (
	"bytes"
	"strings"
	"testing"
)

func TestReplicaURLWantsAPostgresPrimary(t *testing.T) {
	_, err := Load(env(map[string]string{"CASSETTO_DATABASE_REPLICA_URL": "postgres://u:p@replica:5432/cassetto"}))
	if err == nil || !strings.Contains(err.Error(), "CASSETTO_DATABASE_REPLICA_URL needs a PostgreSQL primary") {
		t.Fatalf("a replica beside SQLite: got %v", err)
	}
}

func TestReplicaURLMustBePostgres(t *testing.T) {
	for _, bad := range []string{"/var/lib/replica.db", "postgres://", "mysql://h/db", "postgres://h:port/db"} {
		_, err := Load(env(map[string]string{"CASSETTO_DATABASE_URL": "postgres://u@primary/cassetto",
			"CASSETTO_DATABASE_REPLICA_URL": bad}))
		if err == nil || !strings.Contains(err.Error(), "CASSETTO_DATABASE_REPLICA_URL") {
			t.Errorf("%q accepted: %v", bad, err)
		}
	}
}

func TestReplicaURLAcceptedAndMasked(t *testing.T) {
	c, err := Load(env(map[string]string{"CASSETTO_DATABASE_URL": "postgres://u:p@primary/cassetto",
		"CASSETTO_DATABASE_REPLICA_URL": "postgresql://u:s3cret@replica:5433/cassetto"}))
	if err != nil {
		t.Fatal(err)
	}
	if c.DatabaseReplicaURL != "postgresql://u:s3cret@replica:5433/cassetto" {
		t.Fatalf("replica URL %q", c.DatabaseReplicaURL)
	}
	var b bytes.Buffer
	c.Print(&b)
	if strings.Contains(b.String(), "s3cret") || !strings.Contains(b.String(), "CASSETTO_DATABASE_REPLICA_URL=postgresql://u:xxxxx@replica:5433") {
		t.Fatalf("printed:\n%s", b.String())
	}
}
