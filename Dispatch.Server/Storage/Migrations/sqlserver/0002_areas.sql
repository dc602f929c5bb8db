-- Jurisdiction layers. The geometry is WKB as hex text: portable across engines and lossless.
CREATE TABLE areas (
    level NVARCHAR(16) NOT NULL,
    code NVARCHAR(64) NOT NULL,
    name NVARCHAR(200) NOT NULL,
    parent_code NVARCHAR(64) NULL,
    geometry_wkb VARCHAR(MAX) NOT NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    updated_at DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT pk_areas PRIMARY KEY (level, code)
)
