-- Response clocks (1-3-5): one row per incident and kind; due times live here so they survive restarts.
-- The breaches report reads this table: keep the column names.
CREATE TABLE incident_clocks (
    incident_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    started_at TEXT NOT NULL,
    warn_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    state TEXT NOT NULL,
    met_at TEXT NULL,
    warned_at TEXT NULL,
    breached_at TEXT NULL,
    late INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (incident_id, kind)
)
GO
CREATE INDEX ix_incident_clocks_warn ON incident_clocks (state, warn_at)
GO
CREATE INDEX ix_incident_clocks_due ON incident_clocks (state, due_at)
