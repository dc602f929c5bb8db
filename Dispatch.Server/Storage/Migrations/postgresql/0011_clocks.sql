-- Response clocks (1-3-5): one row per incident and kind; due times live here so they survive restarts.
-- The breaches report reads this table: keep the column names.
CREATE TABLE incident_clocks (
    incident_id VARCHAR(36) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    warn_at TIMESTAMPTZ NOT NULL,
    due_at TIMESTAMPTZ NOT NULL,
    state VARCHAR(16) NOT NULL,
    met_at TIMESTAMPTZ NULL,
    warned_at TIMESTAMPTZ NULL,
    breached_at TIMESTAMPTZ NULL,
    late BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (incident_id, kind)
)
GO
CREATE INDEX ix_incident_clocks_warn ON incident_clocks (state, warn_at)
GO
CREATE INDEX ix_incident_clocks_due ON incident_clocks (state, due_at)
