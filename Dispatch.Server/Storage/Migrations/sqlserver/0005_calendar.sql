-- Working-day calendar: one row per year imported (the State Council notice), one per listed day.
-- day is 'yyyy-MM-dd' text on every engine: a calendar date, not an instant, so no time zone can shift it.
CREATE TABLE calendar_years (
    year INT NOT NULL PRIMARY KEY,
    imported_at DATETIMEOFFSET(7) NOT NULL,
    source NVARCHAR(200) NOT NULL
)
GO
CREATE TABLE calendar_days (
    year INT NOT NULL REFERENCES calendar_years (year),
    day NVARCHAR(10) NOT NULL,
    is_off_day BIT NOT NULL,
    name NVARCHAR(100) NOT NULL,
    PRIMARY KEY (year, day)
)
