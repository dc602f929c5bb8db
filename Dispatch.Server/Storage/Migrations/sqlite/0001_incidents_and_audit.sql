CREATE TABLE incidents (
    id TEXT NOT NULL PRIMARY KEY,
    received_at TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    category_code TEXT NULL,
    category_name TEXT NULL,
    description TEXT NOT NULL,
    address TEXT NULL,
    lon REAL NULL,
    lat REAL NULL,
    alert_count INTEGER NOT NULL
)
GO
CREATE INDEX ix_incidents_received_at ON incidents (received_at DESC, id DESC)
GO
CREATE INDEX ix_incidents_status ON incidents (status, received_at DESC)
GO
CREATE TABLE alerts (
    alert_id TEXT NOT NULL PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    received_at TEXT NOT NULL,
    category_code TEXT NULL,
    description TEXT NOT NULL,
    address TEXT NULL,
    lon REAL NULL,
    lat REAL NULL,
    caller_phone TEXT NULL,
    source TEXT NOT NULL,
    stored_at TEXT NOT NULL
)
GO
CREATE INDEX ix_alerts_incident ON alerts (incident_id)
GO
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    actor_role TEXT NULL,
    action TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    before_state TEXT NULL,
    after_state TEXT NULL
)
GO
CREATE INDEX ix_audit_subject ON audit_log (subject_type, subject_id, id)
GO
-- The log is append-only: the engine itself refuses to change history.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END
GO
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END
