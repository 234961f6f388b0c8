-- Version 6: story clusters kept in the store (issue 4: every report, story cluster, event, claim, evidence span and
-- review action is held). Same SQL on H2 and PostgreSQL. Written at ingest by JdbcEventStore.save (StoryIndex): a new
-- report's MinHash band keys (32 per report with a non-empty body) find its candidate copies through
-- story_bands_key_idx, the core's Stories.sameStory decides, and the stories it joins become one. Stores older than
-- V6 get their reports clustered on the first open (StoryIndex.backfill, in batches).

-- one row per report: its story and its place in the input order (stories and corroboration read reports in it)
CREATE TABLE report_stories (
    report_id VARCHAR(64) PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    ordinal   BIGINT NOT NULL,
    story_id  VARCHAR(100) NOT NULL,
    url       VARCHAR
);
CREATE INDEX report_stories_story_idx ON report_stories (story_id);
CREATE INDEX report_stories_ordinal_idx ON report_stories (ordinal);

-- LSH bands of each report's MinHash signature (io.frontline.stories.MinHash.bandKeys): 32 rows per report, so one
-- index only (no foreign key, whose index would cost as much again on every ingest; reports are never deleted)
CREATE TABLE story_bands (
    band_key  BIGINT NOT NULL,
    report_id VARCHAR(64) NOT NULL
);
CREATE INDEX story_bands_key_idx ON story_bands (band_key);

-- one row per story: its origin report and origin source, as Stories.story decides them
CREATE TABLE stories (
    id               VARCHAR(100) PRIMARY KEY,
    origin_report_id VARCHAR(64) NOT NULL,
    origin_source    VARCHAR,
    report_count     INTEGER NOT NULL
);
