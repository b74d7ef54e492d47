-- Issue #14: the indicators over tens of millions of petitions without judging each one per request. A petition's part
-- in the indicators (PetitionIndicators) is kept per petition, and the parts are summed per region and China calendar
-- day and month of registration. A request adds the sums of its whole months and days, the parts of the petitions registered in the
-- partial days at its ends, and judges at its own instant only the petitions with clocks still open. The deadline
-- evaluation writes a petition's part when it judges the petition, and adds the change to the day's sums in the same
-- transaction; a petition changed since (clock_watch.changed) is judged from its events by the request itself.
--
-- The sixteen counts are an IndicatorSet's numerators and denominators in its order (IndicatorColumns):
-- ta timely acceptance, oc on-time completion, ep evaluation participation, sa satisfaction, or one-time resolution,
-- rp repeat petitions, os online share, br backlog resolved; _n numerator, _d denominator.
CREATE TABLE indicator_facts (
    petition_id          uuid        PRIMARY KEY,
    region_code          text        COLLATE "C" NOT NULL,
    registered_at        timestamptz NOT NULL,
    ta_n int NOT NULL, ta_d int NOT NULL, oc_n int NOT NULL, oc_d int NOT NULL,
    ep_n int NOT NULL, ep_d int NOT NULL, sa_n int NOT NULL, sa_d int NOT NULL,
    or_n int NOT NULL, or_d int NOT NULL, rp_n int NOT NULL, rp_d int NOT NULL,
    os_n int NOT NULL, os_d int NOT NULL, br_n int NOT NULL, br_d int NOT NULL
);
-- The partial days at a period's ends.
CREATE INDEX ix_indicator_facts_registered ON indicator_facts (registered_at);

-- The parts of petitions with a statutory clock still open, again, with the deadlines a request judges at its instant.
-- A table of their own, small and dense: read from the large one, the backlog's rows lay scattered over the whole
-- history's pages (10 M petitions: 0.8 s of the 1.1 s a province's request took, docs/performance.md).
CREATE TABLE indicator_open (
    petition_id          uuid        PRIMARY KEY,
    region_code          text        COLLATE "C" NOT NULL,
    registered_at        timestamptz NOT NULL,
    ta_n int NOT NULL, ta_d int NOT NULL, oc_n int NOT NULL, oc_d int NOT NULL,
    ep_n int NOT NULL, ep_d int NOT NULL, sa_n int NOT NULL, sa_d int NOT NULL,
    or_n int NOT NULL, or_d int NOT NULL, rp_n int NOT NULL, rp_d int NOT NULL,
    os_n int NOT NULL, os_d int NOT NULL, br_n int NOT NULL, br_d int NOT NULL,
    acceptance_open_dues timestamptz[] NOT NULL,
    handling_open_dues   timestamptz[] NOT NULL,
    earliest_open_due    timestamptz NOT NULL,
    late_since           timestamptz,
    last_answered_at     timestamptz
);
-- A period's petitions among them (a day's: without it, a scan of every open one).
CREATE INDEX ix_indicator_open_registered ON indicator_open (registered_at);

-- The sums of the parts per region code and China calendar day of registration, and again per month (keyed by its
-- first day), so that a period of years reads a row per region and month: 2,000 towns over five years are 3.65 M day
-- rows, which took a province's request 1.2 s to add up (docs/performance.md).
CREATE TABLE indicator_days (
    region_code text COLLATE "C" NOT NULL,
    day         date NOT NULL,
    ta_n int NOT NULL, ta_d int NOT NULL, oc_n int NOT NULL, oc_d int NOT NULL,
    ep_n int NOT NULL, ep_d int NOT NULL, sa_n int NOT NULL, sa_d int NOT NULL,
    or_n int NOT NULL, or_d int NOT NULL, rp_n int NOT NULL, rp_d int NOT NULL,
    os_n int NOT NULL, os_d int NOT NULL, br_n int NOT NULL, br_d int NOT NULL,
    PRIMARY KEY (region_code, day)
);
CREATE INDEX ix_indicator_days_day ON indicator_days (day);

CREATE TABLE indicator_months (
    region_code text COLLATE "C" NOT NULL,
    month       date NOT NULL,
    ta_n int NOT NULL, ta_d int NOT NULL, oc_n int NOT NULL, oc_d int NOT NULL,
    ep_n int NOT NULL, ep_d int NOT NULL, sa_n int NOT NULL, sa_d int NOT NULL,
    or_n int NOT NULL, or_d int NOT NULL, rp_n int NOT NULL, rp_d int NOT NULL,
    os_n int NOT NULL, os_d int NOT NULL, br_n int NOT NULL, br_d int NOT NULL,
    PRIMARY KEY (region_code, month)
);
CREATE INDEX ix_indicator_months_month ON indicator_months (month);

-- Petitions registered before these tables existed are judged once more by the next evaluation, which writes their parts;
-- until then a request judges them from their events.
INSERT INTO clock_watch (petition_id, changed, revision)
SELECT petition_id, true, 1 FROM ledger_petitions
ON CONFLICT (petition_id) DO UPDATE SET changed = true, revision = clock_watch.revision + 1;
