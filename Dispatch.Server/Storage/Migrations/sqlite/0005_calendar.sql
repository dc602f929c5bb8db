-- Working-day calendar: one row per year imported (the State Council notice), one per listed day.
-- day is 'yyyy-MM-dd' text on every engine: a calendar date, not an instant, so no time zone can shift it.
CREATE TABLE calendar_years (
    year INTEGER NOT NULL PRIMARY KEY,
    imported_at TEXT NOT NULL,
    source TEXT NOT NULL
)
GO
CREATE TABLE calendar_days (
    year INTEGER NOT NULL REFERENCES calendar_years (year),
    day TEXT NOT NULL,
    is_off_day INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (year, day)
)
