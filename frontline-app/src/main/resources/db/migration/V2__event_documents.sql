-- Version 2: each event's JSON documents (the contract object and its per-field provenance) move to their own
-- table, so that the events table, which every filter scans, keeps narrow rows. Same SQL on H2 and PostgreSQL.
CREATE TABLE event_documents (
    event_id   VARCHAR(100) PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    event_json VARCHAR NOT NULL,
    provenance VARCHAR NOT NULL
);
INSERT INTO event_documents (event_id, event_json, provenance) SELECT id, event_json, provenance FROM events;
ALTER TABLE events DROP COLUMN event_json;
ALTER TABLE events DROP COLUMN provenance;
