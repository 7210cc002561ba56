-- +goose Up
-- Cases (pratiche): the requests between contributors and their office.
-- Topics and routing rules are data; protocol numbers come from one counter
-- row per office and year, incremented in the transaction of the insert.
CREATE TABLE case_topics (
    code        TEXT PRIMARY KEY,
    parent_code TEXT REFERENCES case_topics (code),
    name_it     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    sort        INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE case_routes (
    topic_code  TEXT PRIMARY KEY REFERENCES case_topics (code),
    office_code TEXT NOT NULL REFERENCES offices (code)
);

CREATE TABLE case_counters (
    office_code TEXT NOT NULL REFERENCES offices (code),
    year        INTEGER NOT NULL,
    last        INTEGER NOT NULL,
    PRIMARY KEY (office_code, year)
);

CREATE TABLE cases (
    id              INTEGER PRIMARY KEY,
    protocol        TEXT NOT NULL UNIQUE,
    position_id     INTEGER NOT NULL REFERENCES positions (id),
    office_code     TEXT NOT NULL REFERENCES offices (code),
    kind            TEXT NOT NULL DEFAULT 'richiesta',
    payload         TEXT NOT NULL DEFAULT '{}',
    topic_code      TEXT NOT NULL REFERENCES case_topics (code),
    subtopic_code   TEXT REFERENCES case_topics (code),
    subject         TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('aperta', 'in_carico', 'chiusa')),
    assignee_id     INTEGER REFERENCES staff (id),
    esito           TEXT NOT NULL DEFAULT '',
    opened_by_kind  TEXT NOT NULL,
    opened_by_id    INTEGER NOT NULL,
    opened_by_label TEXT NOT NULL,
    opened_at       TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    closed_at       TIMESTAMP
);
CREATE INDEX cases_position ON cases (position_id, updated_at);
CREATE INDEX cases_office ON cases (office_code, state, opened_at);

CREATE TABLE case_messages (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases (id),
    at           TIMESTAMP NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('message', 'reply', 'note', 'change')),
    author_kind  TEXT NOT NULL,
    author_id    INTEGER NOT NULL,
    author_label TEXT NOT NULL,
    body         TEXT NOT NULL,
    from_state   TEXT NOT NULL DEFAULT '',
    to_state     TEXT NOT NULL DEFAULT '',
    action       TEXT NOT NULL DEFAULT '',
    esito        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_messages_case ON case_messages (case_id, id);

CREATE TABLE case_attachments (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases (id),
    message_id INTEGER NOT NULL REFERENCES case_messages (id),
    name       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    size       INTEGER NOT NULL
);
CREATE INDEX case_attachments_message ON case_attachments (message_id);

-- The seeded topics (ambiti) and their sub-topics; administrators may add more.
INSERT INTO case_topics (code, parent_code, name_it, name_en, sort) VALUES
    ('anagrafica', NULL, 'Anagrafica', 'Personal data', 10),
    ('anagrafica.variazione', 'anagrafica', 'Variazione dati anagrafici', 'Change of personal data', 1),
    ('anagrafica.recapiti', 'anagrafica', 'Recapiti e domicilio', 'Contacts and address', 2),
    ('anagrafica.iscrizione', 'anagrafica', 'Iscrizione, variazione e cessazione attività', 'Registration, change and end of activity', 3),
    ('anagrafica.collaboratori', 'anagrafica', 'Familiari collaboratori e soci', 'Family helpers and partners', 4),
    ('estratti', NULL, 'Estratti', 'Statements', 20),
    ('estratti.conto', 'estratti', 'Estratto conto contributivo', 'Contribution statement', 1),
    ('estratti.rettifica', 'estratti', 'Rettifica di periodi contributivi', 'Correction of contribution periods', 2),
    ('estratti.certificazione', 'estratti', 'Certificazione dei versamenti', 'Certificate of payments', 3),
    ('imposizione', NULL, 'Dettaglio imposizione contributiva', 'Contribution assessment', 30),
    ('imposizione.minimale', 'imposizione', 'Contributi sul minimale', 'Contributions on the minimum income', 1),
    ('imposizione.eccedenza', 'imposizione', 'Contributi sul reddito eccedente', 'Contributions on income above the minimum', 2),
    ('imposizione.redditi', 'imposizione', 'Redditi dichiarati', 'Declared income', 3),
    ('f24', NULL, 'Dati modello F24', 'F24 form data', 40),
    ('f24.rate', 'f24', 'Rate e scadenze', 'Instalments and due dates', 1),
    ('f24.codici', 'f24', 'Codici di pagamento (codeline)', 'Payment codes (codeline)', 2),
    ('f24.modello', 'f24', 'Richiesta del modello F24', 'Request for an F24 form', 3),
    ('recupero', NULL, 'Atti di recupero crediti', 'Debt recovery notices', 50),
    ('recupero.avvisi', 'recupero', 'Avvisi bonari', 'Friendly notices', 1),
    ('recupero.dilazione', 'recupero', 'Rateazione (dilazione) del debito', 'Paying the debt in instalments', 2),
    ('recupero.addebito', 'recupero', 'Avvisi di addebito e cartelle', 'Charge notices and tax bills', 3),
    ('recupero.sgravio', 'recupero', 'Richiesta di sgravio', 'Request for cancellation', 4),
    ('quietanze', NULL, 'Invio quietanze F24', 'Sending F24 receipts', 60),
    ('quietanze.quietanza', 'quietanze', 'Invio di una quietanza', 'Sending a receipt', 1),
    ('quietanze.non_abbinato', 'quietanze', 'Versamento non abbinato', 'Payment not matched', 2),
    ('versamenti', NULL, 'Versamenti', 'Payments', 70),
    ('versamenti.abbinamento', 'versamenti', 'Abbinamento di un versamento', 'Matching a payment', 1),
    ('versamenti.codice_errato', 'versamenti', 'Versamento con codice errato', 'Payment with a wrong code', 2),
    ('versamenti.doppio', 'versamenti', 'Versamento doppio o in eccesso', 'Duplicate or excess payment', 3),
    ('deleghe', NULL, 'Deleghe di servizio', 'Service delegations', 80),
    ('deleghe.conferimento', 'deleghe', 'Conferimento di una delega', 'Granting a delegation', 1),
    ('deleghe.revoca', 'deleghe', 'Revoca o rinuncia', 'Revocation or renunciation', 2),
    ('riduzioni', NULL, 'Riduzioni e agevolazioni', 'Reductions and relief', 90),
    ('riduzioni.over65', 'riduzioni', 'Riduzione per ultrasessantacinquenni', 'Reduction for over-65 pensioners', 1),
    ('riduzioni.forfetari', 'riduzioni', 'Riduzione per il regime forfetario', 'Reduction for the flat-rate regime', 2),
    ('riduzioni.altre', 'riduzioni', 'Altre agevolazioni', 'Other relief', 3),
    ('rimborsi', NULL, 'Rimborsi e compensazioni', 'Refunds and offsets', 100),
    ('rimborsi.rimborso', 'rimborsi', 'Rimborso di contributi', 'Refund of contributions', 1),
    ('rimborsi.compensazione', 'rimborsi', 'Compensazione', 'Offset', 2),
    ('altro', NULL, 'Altro', 'Other', 110),
    ('altro.informazioni', 'altro', 'Richiesta di informazioni', 'Request for information', 1),
    ('altro.segnalazione', 'altro', 'Segnalazione o reclamo', 'Report or complaint', 2);

-- +goose Down
DROP TABLE case_attachments;
DROP TABLE case_messages;
DROP TABLE cases;
DROP TABLE case_counters;
DROP TABLE case_routes;
DROP TABLE case_topics;
