-- Version 9: covering indexes for the event listings of 'serve' (issue 9, read throughput). Same SQL on H2 and
-- PostgreSQL; indexes only (same names, same leading columns, so every query keeps its plan), no rewrite of rows.
-- A listing first counts its matches (up to the cap of 200) on the index range of each branch; every condition the
-- index did not hold was tested on the event's row, one primary-key lookup per candidate (a place in a 30-day window:
-- every event of the window). With the columns the filters test in the index, the count reads the index alone.
-- On the 200k-event store, server CPU per request: place filter 9.0 -> 1.5 ms, type with min_confidence
-- 4.9 -> 3.1 ms, side 5.4 -> 4.7 ms, box 3.8 -> 3.3 ms.
-- the date range (a window, and the branch of a filter without a driving index): the place filter's columns
DROP INDEX events_date_id_idx;
CREATE INDEX events_date_id_idx ON events (event_date, id, location, place_name, admin1, admin2);
-- a box or a radius, a branch per grid cell: the exact test of the coordinates
DROP INDEX events_cell_date_id_idx;
CREATE INDEX events_cell_date_id_idx ON events (geo_cell, event_date, id, latitude, longitude);
-- a side's second branch: side2 = ? and not side1
DROP INDEX events_side2_date_id_idx;
CREATE INDEX events_side2_date_id_idx ON events (side2, event_date, id, side1);
-- a type: its spellings' branches, with the confidence of min_confidence (and the sub-type's branch: not the type)
DROP INDEX events_type_date_id_idx;
CREATE INDEX events_type_date_id_idx ON events (event_type, event_date, id, confidence);
DROP INDEX events_sub_type_date_id_idx;
CREATE INDEX events_sub_type_date_id_idx ON events (sub_event_type, event_date, id, event_type, confidence);
