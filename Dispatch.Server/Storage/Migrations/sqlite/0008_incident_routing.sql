-- Routing: where the incident is, who is responsible and why, and a version for optimistic concurrency.
ALTER TABLE incidents ADD COLUMN priority INTEGER NULL
GO
ALTER TABLE incidents ADD COLUMN source TEXT NOT NULL DEFAULT 'Alert'
GO
ALTER TABLE incidents ADD COLUMN district_code TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN district_name TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN street_code TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN street_name TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN community_code TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN community_name TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN grid_code TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN grid_name TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN precinct_code TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN precinct_name TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN on_boundary INTEGER NOT NULL DEFAULT 0
GO
ALTER TABLE incidents ADD COLUMN organisation_code TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN organisation_name TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN organisation_type TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN routing_outcome TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN routing_reasons TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN routing_confidence REAL NULL
GO
ALTER TABLE incidents ADD COLUMN routing_candidates TEXT NULL
GO
ALTER TABLE incidents ADD COLUMN version INTEGER NOT NULL DEFAULT 1
GO
ALTER TABLE alerts ADD COLUMN reference TEXT NULL
GO
CREATE INDEX ix_alerts_reference ON alerts (reference)
GO
CREATE INDEX ix_incidents_duplicates ON incidents (category_code, received_at)
GO
CREATE INDEX ix_incidents_street ON incidents (street_code, received_at)
