-- Suggestions name the kind of unit they address (the classification list routes them by it).
ALTER TABLE petitions ADD COLUMN subtopic text NULL;
