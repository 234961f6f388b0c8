-- The store's write version (issue 9, the response cache of 'serve'): one row, incremented inside every write
-- transaction (a report, a review, a token change, the story backfill). Every process using the store sees it, so a
-- server caching answers knows when another process (e.g. 'ingest' through H2's automatic server) has written.
CREATE TABLE store_version (
    id INT PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO store_version (id, version) VALUES (1, 0);
