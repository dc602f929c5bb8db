CREATE TABLE units (
    code VARCHAR(32) NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    organisation VARCHAR(32) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    lon DOUBLE PRECISION NULL,
    lat DOUBLE PRECISION NULL,
    accuracy_m DOUBLE PRECISION NULL,
    position_at TIMESTAMPTZ NULL
)
GO
CREATE INDEX ix_units_organisation ON units (organisation, kind, code)
