-- Version 5: an index range per filter, in page order. Same SQL on H2 and PostgreSQL; indexes only, no column and no
-- rewrite of rows, so upgrading a large store costs one pass over the events per index built.
-- Every listing is ordered by (event_date, id): with id in the index a filter's range is read already in page order, so
-- a page of 50 reads about 50 matches and stops (before, every match was read and sorted, e.g. 1,000,000 rows for the
-- first page of an unfiltered listing). JdbcEventStore.branches splits a filter into parts that each use one of them.
DROP INDEX events_date_idx;
CREATE INDEX events_date_id_idx ON events (event_date, id);
DROP INDEX events_side1_date_idx;
CREATE INDEX events_side1_date_id_idx ON events (side1, event_date, id);
DROP INDEX events_side2_date_idx;
CREATE INDEX events_side2_date_id_idx ON events (side2, event_date, id);
DROP INDEX events_cell_date_idx;
CREATE INDEX events_cell_date_id_idx ON events (geo_cell, event_date, id);
-- status alone selected nearly every row (unreviewed) and then sorted them
DROP INDEX events_review_idx;
CREATE INDEX events_review_date_id_idx ON events (review_status, event_date, id);
-- the type filter: the stored spellings equal to the asked type ignoring case are found on these indexes (a few index
-- steps), then each is a range
CREATE INDEX events_type_date_id_idx ON events (event_type, event_date, id);
CREATE INDEX events_sub_type_date_id_idx ON events (sub_event_type, event_date, id);
-- the source filter: the stored sources containing the text, then a range each
CREATE INDEX events_source_date_id_idx ON events (source, event_date, id);
