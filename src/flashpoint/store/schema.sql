-- flashpoint store, schema version 2 (v1 + events.duplicate_of + article_minhash + the unique_events view); see docs/store.md.
-- One row per article; child rows keyed by (article_id, id). Every statement is idempotent.
-- Columns may be added by a migration (store/db.py MIGRATIONS); none is removed or renamed.
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    url VARCHAR,
    title VARCHAR,
    source VARCHAR,
    published VARCHAR,           -- as given (ISO 8601 date or date-time)
    published_date DATE,         -- its calendar date, for time series
    language VARCHAR,
    text VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,  -- sha1 of the text
    duplicate_of VARCHAR,        -- id of the first stored copy of a syndicated text, else NULL
    origin VARCHAR,              -- file:line or warc#record it was read from
    n_words INTEGER,
    ingested_at TIMESTAMP NOT NULL,
    analysis JSON NOT NULL       -- the full Analysis of the contract
);

CREATE TABLE IF NOT EXISTS actors (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    country VARCHAR,
    sector VARCHAR,
    role VARCHAR,
    code VARCHAR,
    wikidata VARCHAR,
    mentions JSON NOT NULL,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS events (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    cameo VARCHAR,
    quad_class INTEGER,
    goldstein DOUBLE,
    source JSON NOT NULL,        -- actor ids
    target JSON NOT NULL,
    source_code VARCHAR,         -- CAMEO-style code of the first source actor (USAGOV)
    source_country VARCHAR,
    target_code VARCHAR,
    target_country VARCHAR,
    factuality VARCHAR NOT NULL,
    attributed_to VARCHAR,
    date VARCHAR,                -- TIMEX3 value
    event_date DATE,             -- the day it happened: the TIMEX3 date when it is a day, else published_date
    place VARCHAR,               -- place id within the article
    place_name VARCHAR,
    place_country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    geonameid BIGINT,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text VARCHAR NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    sentence_text VARCHAR NOT NULL,
    confidence DOUBLE,
    other_triggers JSON,
    PRIMARY KEY (article_id, id)
);
-- v2: the article's duplicate_of copied onto its events, so analytics skip syndicated copies
-- without a join (ADD COLUMN, not in CREATE TABLE, so v1 stores get the same column order).
ALTER TABLE events ADD COLUMN IF NOT EXISTS duplicate_of VARCHAR;

CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    content JSON NOT NULL,       -- list of spans
    content_text VARCHAR NOT NULL,
    speaker VARCHAR,
    speaker_mention JSON,
    cue JSON,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS amounts (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    value DOUBLE NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    span_text VARCHAR NOT NULL,
    unit VARCHAR,
    object VARCHAR,
    qualifier VARCHAR NOT NULL,
    range_low DOUBLE,
    range_high DOUBLE,
    claimed_by VARCHAR,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS dates (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    span_text VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    value VARCHAR,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    feature VARCHAR,
    country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    geonameid BIGINT,
    mentions JSON NOT NULL,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS errors (
    path VARCHAR NOT NULL,
    line INTEGER,               -- line of a JSONL file, or record number in a WARC
    record VARCHAR,             -- what of the record could be kept (first 1000 characters)
    kind VARCHAR NOT NULL,      -- missing, empty, binary, too_large, malformed, encoding, analysis, ...
    message VARCHAR NOT NULL,
    "at" TIMESTAMP NOT NULL     -- quoted: AT is a keyword in DuckDB 2
);

-- MinHash signature (128 datasketch hash values, little-endian) of each ORIGINAL article (duplicate_of IS NULL),
-- so a resumed or later ingest finds near-duplicates of articles stored earlier.
CREATE TABLE IF NOT EXISTS article_minhash (
    article_id VARCHAR PRIMARY KEY,
    signature BLOB NOT NULL
);

-- Events of original articles only: syndicated copies (duplicate_of IS NOT NULL) keep their own
-- rows in `events`, but counting them would count one report twice. Analytics read this view.
CREATE OR REPLACE VIEW unique_events AS
SELECT * FROM events WHERE duplicate_of IS NULL;
