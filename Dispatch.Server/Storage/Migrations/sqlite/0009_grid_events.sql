-- Grid events (网格事件) as reported: the source record of incidents whose source is GridEvent.
CREATE TABLE grid_events (
    event_id TEXT NOT NULL PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    reported_at TEXT NOT NULL,
    reporter TEXT NOT NULL,
    reporter_kind TEXT NOT NULL,
    tier TEXT NOT NULL,
    category_code TEXT NULL,
    description TEXT NOT NULL,
    lon REAL NULL,
    lat REAL NULL,
    grid_code TEXT NULL,
    photo_urls TEXT NOT NULL,
    stored_at TEXT NOT NULL
)
GO
CREATE INDEX ix_grid_events_incident ON grid_events (incident_id)
