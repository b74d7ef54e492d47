-- The State Council's yearly holiday notices that operators loaded at run time (issue 13): routing keeps the one it was
-- given, every service that counts statutory periods keeps the copy it was sent, and each adopts them at start. One
-- row per year, the newest load of that year; the notice is the contract's JSON (HolidayNotice).
CREATE TABLE holiday_notices (
    year      integer     PRIMARY KEY,
    notice    jsonb       NOT NULL,
    loaded_at timestamptz NOT NULL
);
