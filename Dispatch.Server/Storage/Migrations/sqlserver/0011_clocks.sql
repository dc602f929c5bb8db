-- Response clocks (1-3-5): one row per incident and kind; due times live here so they survive restarts.
-- The breaches report reads this table: keep the column names.
CREATE TABLE incident_clocks (
    incident_id NVARCHAR(36) NOT NULL,
    kind NVARCHAR(16) NOT NULL,
    started_at DATETIMEOFFSET(7) NOT NULL,
    warn_at DATETIMEOFFSET(7) NOT NULL,
    due_at DATETIMEOFFSET(7) NOT NULL,
    state NVARCHAR(16) NOT NULL,
    met_at DATETIMEOFFSET(7) NULL,
    warned_at DATETIMEOFFSET(7) NULL,
    breached_at DATETIMEOFFSET(7) NULL,
    late BIT NOT NULL DEFAULT 0,
    updated_at DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT pk_incident_clocks PRIMARY KEY (incident_id, kind)
)
GO
CREATE INDEX ix_incident_clocks_warn ON incident_clocks (state, warn_at)
GO
CREATE INDEX ix_incident_clocks_due ON incident_clocks (state, due_at)
