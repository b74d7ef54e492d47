-- All personal data is encrypted at rest now: the name, the address and the representatives' names join the ID
-- number and the phone. Values are sealed with a named key (key id in the value), so keys can be rotated. The clear
-- columns go; the platform has held only test data in them.
ALTER TABLE petitions
    DROP COLUMN petitioner_name,
    DROP COLUMN petitioner_address,
    DROP COLUMN representatives,
    ADD COLUMN petitioner_name_cipher    bytea NULL,
    ADD COLUMN petitioner_address_cipher bytea NULL,
    ADD COLUMN representatives_cipher    bytea NULL;
