-- When a dispute began, so that its decide_by can be counted again when a holiday notice is loaded. Disputes already
-- waiting when this runs have none and keep the date they were given.
ALTER TABLE routing_requests ADD COLUMN awaiting_since timestamptz;
