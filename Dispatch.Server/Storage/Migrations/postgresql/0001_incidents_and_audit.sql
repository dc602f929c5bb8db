CREATE TABLE incidents (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    received_at TIMESTAMPTZ NOT NULL,
    opened_at TIMESTAMPTZ NOT NULL,
    status VARCHAR(20) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    category_code VARCHAR(32) NULL,
    category_name VARCHAR(64) NULL,
    description VARCHAR(2000) NOT NULL,
    address VARCHAR(500) NULL,
    lon DOUBLE PRECISION NULL,
    lat DOUBLE PRECISION NULL,
    alert_count INTEGER NOT NULL
)
GO
CREATE INDEX ix_incidents_received_at ON incidents (received_at DESC, id DESC)
GO
CREATE INDEX ix_incidents_status ON incidents (status, received_at DESC)
GO
CREATE TABLE alerts (
    alert_id VARCHAR(64) NOT NULL PRIMARY KEY,
    incident_id VARCHAR(36) NOT NULL REFERENCES incidents (id),
    received_at TIMESTAMPTZ NOT NULL,
    category_code VARCHAR(32) NULL,
    description VARCHAR(2000) NOT NULL,
    address VARCHAR(500) NULL,
    lon DOUBLE PRECISION NULL,
    lat DOUBLE PRECISION NULL,
    caller_phone VARCHAR(32) NULL,
    source VARCHAR(16) NOT NULL,
    stored_at TIMESTAMPTZ NOT NULL
)
GO
CREATE INDEX ix_alerts_incident ON alerts (incident_id)
GO
CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    actor VARCHAR(100) NOT NULL,
    actor_role VARCHAR(40) NULL,
    action VARCHAR(64) NOT NULL,
    subject_type VARCHAR(32) NOT NULL,
    subject_id VARCHAR(64) NOT NULL,
    before_state TEXT NULL,
    after_state TEXT NULL
)
GO
CREATE INDEX ix_audit_subject ON audit_log (subject_type, subject_id, id)
GO
-- The log is append-only: the engine itself refuses to change history.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$
GO
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()
GO
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()
