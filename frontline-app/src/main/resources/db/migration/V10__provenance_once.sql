-- Version 10: an event's per-field provenance is written once. The contract object in event_documents.event_json holds
-- it ("provenance"); since V2 the column provenance held a second copy of it (a quarter of the document's bytes and of
-- its JSON writing at ingest). New events leave the column NULL and JdbcEventStore.evidence reads the contract's; events
-- stored before keep their column, which evidence still prefers. Same SQL on H2 and PostgreSQL; no rewrite of rows
-- (H2 and PostgreSQL only change the column's definition: 8 ms on a 30,000-event H2 store).
ALTER TABLE event_documents ALTER COLUMN provenance DROP NOT NULL;
