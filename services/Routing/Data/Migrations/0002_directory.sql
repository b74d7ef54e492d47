-- The directory: regions of the chain, unit kinds, the units at each place, and the classification list.
-- Filled (and kept in step with) Data/Seed/directory.json at start-up by DirectorySeeder.
CREATE TABLE regions (
    code         text PRIMARY KEY,
    name         text NOT NULL,
    level        text NOT NULL CHECK (level IN ('province', 'city', 'county', 'township')),
    parent_code  text REFERENCES regions (code)
);

CREATE TABLE unit_kinds (
    unit  text PRIMARY KEY,
    name  text NOT NULL
);

CREATE TABLE organizations (
    id           text PRIMARY KEY,
    name         text NOT NULL,
    region_code  text NOT NULL REFERENCES regions (code),
    level        text NOT NULL,
    unit         text NOT NULL REFERENCES unit_kinds (unit),
    parent_id    text,
    UNIQUE (region_code, unit)
);

CREATE TABLE classification_entries (
    topic               text PRIMARY KEY,
    name                text NOT NULL,
    kind                text NOT NULL CHECK (kind IN ('complaint', 'report', 'suggestion')),
    unit                text NOT NULL REFERENCES unit_kinds (unit),
    fallback_unit       text REFERENCES unit_kinds (unit),
    unit_from_subtopic  boolean NOT NULL DEFAULT false,
    note                text
);
