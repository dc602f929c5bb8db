-- Police stations, departments, communities and the street command room, with the areas each serves.
-- area_codes is a comma-separated list: it is only ever read whole into the in-memory directory.
CREATE TABLE organisations (
    code TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    area_codes TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
)
