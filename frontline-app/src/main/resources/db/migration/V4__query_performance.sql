-- Version 4: query performance. Same SQL on H2 and PostgreSQL.
-- geo_cell: the event's cell in a 0.25-degree grid, row-major: floor((latitude + 90) * 4) * 1441 + floor((longitude + 180) * 4)
-- (rows 0..720, columns 0..1440); NULL without coordinates or with coordinates outside -90..90 / -180..180. A box or a
-- radius becomes an IN-list (or one range) of cells on the (geo_cell, event_date) index, then the exact test on the
-- coordinates. JdbcEventStore computes the same cell on insert and on a corrected position (JdbcEventStore.CELL_SQL).
ALTER TABLE events ADD COLUMN geo_cell INTEGER;
UPDATE events SET geo_cell = CAST(FLOOR((latitude + 90) * 4) AS INTEGER) * 1441 + CAST(FLOOR((longitude + 180) * 4) AS INTEGER)
    WHERE latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180;
CREATE INDEX events_cell_date_idx ON events (geo_cell, event_date);
-- the latitude range alone selected bands across the whole map; the cells replace it
DROP INDEX events_lat_lon_idx;
-- the type filter compares LOWER(event_type) and LOWER(sub_event_type), which this index cannot serve; one index
-- less to maintain on every insert
DROP INDEX events_sub_type_idx;
-- every evidence span is in the event's documents (event_documents: the event's own evidence and its provenance);
-- JdbcEventStore.evidence reads them there, so each event costs one row less per coded field on ingest
DROP TABLE evidence;
