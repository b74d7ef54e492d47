-- The text to deliver (the receipt with the full query code) is kept sealed until delivery, never in clear.
ALTER TABLE notifications
    DROP COLUMN delivery_text,
    ADD COLUMN sealed_delivery_text bytea NULL;
