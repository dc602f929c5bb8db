CREATE TABLE incidents (
    id NVARCHAR(36) NOT NULL PRIMARY KEY,
    received_at DATETIMEOFFSET(7) NOT NULL,
    opened_at DATETIMEOFFSET(7) NOT NULL,
    status NVARCHAR(20) NOT NULL,
    kind NVARCHAR(20) NOT NULL,
    category_code NVARCHAR(32) NULL,
    category_name NVARCHAR(64) NULL,
    description NVARCHAR(2000) NOT NULL,
    address NVARCHAR(500) NULL,
    lon FLOAT NULL,
    lat FLOAT NULL,
    alert_count INT NOT NULL
)
GO
CREATE INDEX ix_incidents_received_at ON incidents (received_at DESC, id DESC)
GO
CREATE INDEX ix_incidents_status ON incidents (status, received_at DESC)
GO
CREATE TABLE alerts (
    alert_id NVARCHAR(64) NOT NULL PRIMARY KEY,
    incident_id NVARCHAR(36) NOT NULL REFERENCES incidents (id),
    received_at DATETIMEOFFSET(7) NOT NULL,
    category_code NVARCHAR(32) NULL,
    description NVARCHAR(2000) NOT NULL,
    address NVARCHAR(500) NULL,
    lon FLOAT NULL,
    lat FLOAT NULL,
    caller_phone NVARCHAR(32) NULL,
    source NVARCHAR(16) NOT NULL,
    stored_at DATETIMEOFFSET(7) NOT NULL
)
GO
CREATE INDEX ix_alerts_incident ON alerts (incident_id)
GO
CREATE TABLE audit_log (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    at DATETIMEOFFSET(7) NOT NULL,
    actor NVARCHAR(100) NOT NULL,
    actor_role NVARCHAR(40) NULL,
    action NVARCHAR(64) NOT NULL,
    subject_type NVARCHAR(32) NOT NULL,
    subject_id NVARCHAR(64) NOT NULL,
    before_state NVARCHAR(MAX) NULL,
    after_state NVARCHAR(MAX) NULL
)
GO
CREATE INDEX ix_audit_subject ON audit_log (subject_type, subject_id, id)
GO
-- The log is append-only: the engine itself refuses to change history.
CREATE TRIGGER audit_log_append_only ON audit_log INSTEAD OF UPDATE, DELETE
AS
BEGIN
    THROW 51000, 'audit_log is append-only', 1;
END
