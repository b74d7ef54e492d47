-- Issue #14: the indicators over tens of millions of petitions without judging each one per request. A petition's part
-- in the indicators (PetitionIndicators) is kept per petition, and the parts are summed per region and China calendar
-- day of registration. A request adds the sums of its whole days, the parts of the petitions registered in the
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
    os_n int NOT NULL, os_d int NOT NULL, br_n int NOT NULL, br_d int NOT NULL,
    acceptance_open_dues timestamptz[] NOT NULL,
    handling_open_dues   timestamptz[] NOT NULL,
    earliest_open_due    timestamptz,
    late_since           timestamptz,
    last_answered_at     timestamptz
);
-- The partial days at a period's ends, and the petitions with clocks open, which a request judges at its instant.
CREATE INDEX ix_indicator_facts_registered ON indicator_facts (registered_at);
CREATE INDEX ix_indicator_facts_open ON indicator_facts (registered_at) WHERE earliest_open_due IS NOT NULL;

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

-- Petitions registered before these tables existed are judged once more by the next evaluation, which writes their parts;
-- until then a request judges them from their events.
INSERT INTO clock_watch (petition_id, changed, revision)
SELECT petition_id, true, 1 FROM ledger_petitions
ON CONFLICT (petition_id) DO UPDATE SET changed = true, revision = clock_watch.revision + 1;
