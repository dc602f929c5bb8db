-- Police stations, departments, communities and the street command room, with the areas each serves.
-- area_codes is a comma-separated list: it is only ever read whole into the in-memory directory.
CREATE TABLE organisations (
    code NVARCHAR(32) NOT NULL PRIMARY KEY,
    name NVARCHAR(100) NOT NULL,
    type NVARCHAR(40) NOT NULL,
    area_codes NVARCHAR(MAX) NOT NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    updated_at DATETIMEOFFSET(7) NOT NULL
)
