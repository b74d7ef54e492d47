-- Indicators select a region's petitions by the code prefix of where the matter arose and by registration time.
CREATE INDEX ix_ledger_petitions_region_registered ON ledger_petitions (region_code text_pattern_ops, registered_at);

-- Repeat petitions (重复信访): a registration names the earlier petition it repeats (repeatOfPetitionId in the
-- stored PetitionRegistered). The indicators look up, for a set of petitions, the registrations that repeat them.
CREATE INDEX ix_ledger_events_repeat_of ON ledger_events ((body ->> 'repeatOfPetitionId'))
    WHERE type = 'PetitionRegistered' AND body ? 'repeatOfPetitionId';
