-- Police stations, departments, communities and the street command room, with the areas each serves.
-- area_codes is a comma-separated list: it is only ever read whole into the in-memory directory.
CREATE TABLE organisations (
    code VARCHAR(32) NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    type VARCHAR(40) NOT NULL,
    area_codes TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
)
