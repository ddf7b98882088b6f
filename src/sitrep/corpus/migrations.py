"""Versioned schema of the corpus store.

Each migration is (version, description, SQL statements) and runs once, in order,
inside one transaction; ``schema_version`` records what has been applied. Never edit a
released migration: append a new one.
"""
from __future__ import annotations

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "articles, layers, dedup, incidents, skipped", [
        """CREATE TABLE IF NOT EXISTS articles (
            article_id VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL,
            url VARCHAR,
            title VARCHAR,
            outlet VARCHAR,
            published VARCHAR,
            pub_date DATE,
            language VARCHAR,
            input_format VARCHAR,
            origin VARCHAR,
            text VARCHAR,
            n_events INTEGER,
            version INTEGER DEFAULT 1,
            duplicate_of VARCHAR,          -- near-duplicate: the earlier article it copies
            duplicate_jaccard DOUBLE,
            until_stage VARCHAR,           -- set when the pipeline was stopped early
            document JSON,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        )""",
        "CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash)",
        "CREATE INDEX IF NOT EXISTS articles_url ON articles(url)",
        """CREATE TABLE IF NOT EXISTS article_versions (
            article_id VARCHAR,            -- the replaced article
            url VARCHAR,
            content_hash VARCHAR,
            title VARCHAR,
            published VARCHAR,
            version INTEGER,
            replaced_by VARCHAR,           -- article_id of the newer version
            replaced_at TIMESTAMP DEFAULT current_timestamp,
            document JSON
        )""",
        """CREATE TABLE IF NOT EXISTS sources (
            outlet VARCHAR PRIMARY KEY,
            domain VARCHAR,
            first_seen TIMESTAMP DEFAULT current_timestamp
        )""",
        """CREATE TABLE IF NOT EXISTS actors (
            article_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR,
            name VARCHAR, country VARCHAR, sector VARCHAR, kind VARCHAR, actor_id VARCHAR,
            locative BOOLEAN
        )""",
        """CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR PRIMARY KEY,  -- <article_id>:<n> from the stage, else <article_id>#<event id>
            article_id VARCHAR,
            type VARCHAR, quad_class VARCHAR, mode VARCHAR,
            trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
            sentence VARCHAR, sentence_start INTEGER, sentence_end INTEGER,
            source_name VARCHAR, source_country VARCHAR, source_sector VARCHAR,
            target_name VARCHAR, target_country VARCHAR, target_sector VARCHAR,
            date_value VARCHAR, date_text VARCHAR, event_date DATE,
            place_name VARCHAR, place_country VARCHAR, lat DOUBLE, lon DOUBLE,
            certainty VARCHAR, attributed_to VARCHAR, cue VARCHAR, hedges JSON,
            quote_id VARCHAR, figures JSON,
            outlet VARCHAR, pub_date DATE, url VARCHAR
        )""",
        "CREATE INDEX IF NOT EXISTS events_article ON events(article_id)",
        """CREATE TABLE IF NOT EXISTS quotes (
            article_id VARCHAR, quote_id VARCHAR, start_char INTEGER, end_char INTEGER,
            text VARCHAR, speaker_name VARCHAR, speaker_country VARCHAR, speaker_text VARCHAR,
            cue VARCHAR, kind VARCHAR
        )""",
        """CREATE TABLE IF NOT EXISTS quantities (
            article_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR,
            value DOUBLE, value_high DOUBLE, unit VARCHAR, counted VARCHAR, approx VARCHAR
        )""",
        """CREATE TABLE IF NOT EXISTS places (
            article_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR,
            name VARCHAR, country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE,
            geonameid BIGINT, feature VARCHAR
        )""",
        """CREATE TABLE IF NOT EXISTS times (
            article_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR,
            value VARCHAR, granularity VARCHAR, type VARCHAR, mod VARCHAR
        )""",
        """CREATE TABLE IF NOT EXISTS minhash (
            article_id VARCHAR PRIMARY KEY,
            signature BIGINT[]
        )""",
        """CREATE TABLE IF NOT EXISTS incidents (
            incident_id VARCHAR PRIMARY KEY,
            family VARCHAR, type VARCHAR, quad_class VARCHAR,
            label VARCHAR,
            source_name VARCHAR, source_country VARCHAR,
            target_name VARCHAR, target_country VARCHAR,
            place_name VARCHAR, place_country VARCHAR, lat DOUBLE, lon DOUBLE,
            date_start DATE, date_end DATE,
            first_reported DATE, latest_reported DATE,
            n_mentions INTEGER, n_articles INTEGER, n_sources INTEGER,
            certainty JSON,                -- outlet -> strongest status it gives
            conflicted BOOLEAN,
            headline_event VARCHAR
        )""",
        """CREATE TABLE IF NOT EXISTS incident_mentions (
            incident_id VARCHAR, event_id VARCHAR, article_id VARCHAR, outlet VARCHAR,
            certainty VARCHAR, independent_key VARCHAR
        )""",
        """CREATE TABLE IF NOT EXISTS skipped (
            origin VARCHAR, input_id VARCHAR, reason VARCHAR, stage VARCHAR, detail VARCHAR,
            skipped_at TIMESTAMP DEFAULT current_timestamp
        )""",
        """CREATE TABLE IF NOT EXISTS ingest_runs (
            run_id INTEGER, started_at TIMESTAMP, finished_at TIMESTAMP, summary JSON
        )""",
    ]),
    (2, "events.place_feature: incident clustering compares coordinates only of point-like places", [
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS place_feature VARCHAR",
    ]),
    (3, "events.background, events.mentions, articles.published_inferred (issue 7)", [
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS background BOOLEAN DEFAULT false",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS mentions JSON",
        "ALTER TABLE articles ADD COLUMN IF NOT EXISTS published_inferred BOOLEAN DEFAULT false",
    ]),
    (4, "incidents.background/date_precision and link bookkeeping for incremental linking (issues 8, 11)", [
        # every member is a background mention (history, habit), not news of its period
        "ALTER TABLE incidents ADD COLUMN IF NOT EXISTS background BOOLEAN DEFAULT false",
        # day | week | month | publication (dated by the publication day) | year | null
        "ALTER TABLE incidents ADD COLUMN IF NOT EXISTS date_precision VARCHAR",
        # earliest date key of its members and the linking rules that made it: an ingest
        # re-links from there, and re-links everything when the rules changed
        "ALTER TABLE incidents ADD COLUMN IF NOT EXISTS link_from DATE",
        "ALTER TABLE incidents ADD COLUMN IF NOT EXISTS linker VARCHAR",
        # 'dated' (linked across articles in date order) or 'article' (within its article only)
        "ALTER TABLE incident_mentions ADD COLUMN IF NOT EXISTS linked VARCHAR",
    ]),
    (5, "watch_feeds, watch_polls: what `sitrep watch` polled, fetched, stored and skipped (issue 10)", [
        """CREATE TABLE IF NOT EXISTS watch_feeds (
            url VARCHAR PRIMARY KEY,
            etag VARCHAR, last_modified VARCHAR,   -- for conditional GETs
            content_hash VARCHAR,                  -- of the last body fetched
            failures INTEGER DEFAULT 0,            -- consecutive failed polls (back-off)
            next_due TIMESTAMP,
            last_polled TIMESTAMP, last_ok TIMESTAMP, last_error VARCHAR
        )""",
        """CREATE TABLE IF NOT EXISTS watch_polls (
            poll_id BIGINT, url VARCHAR,
            started_at TIMESTAMP, finished_at TIMESTAMP,
            outcome VARCHAR,                       -- stored | unchanged | not_modified | failed
            http_status INTEGER,
            items INTEGER,                         -- articles the feed or page held
            new_items INTEGER,                     -- of which not stored before
            stored INTEGER, skipped INTEGER, events INTEGER,
            attempt INTEGER,                       -- 1 = first try; more after failures
            retry_at TIMESTAMP,                    -- when a failed feed is tried again
            detail VARCHAR
        )""",
    ]),
    (6, "incident_keys: the date interval linking gives each event, kept by incident linking (issue 11)", [
        # computed once per event, so that an incremental re-link reads only the days it re-links
        """CREATE TABLE IF NOT EXISTS incident_keys (
            event_id VARCHAR, article_id VARCHAR, type VARCHAR, precision VARCHAR, lo DATE, hi DATE
        )""",
        # a store linked before this table existed is re-linked in full by the next ingest
        "UPDATE incidents SET linker = NULL",
    ]),
    (7, "lean store: document JSON out of articles into documents (compressed), sentences table (issue 11)", [
        # the full document, compressed, without the body text (kept once, in articles.text):
        # commits and checkpoints of the hot tables no longer carry ~68 KB per article
        """CREATE TABLE IF NOT EXISTS documents (
            article_id VARCHAR,
            encoding VARCHAR,              -- 'zlib-json': zlib(JSON of the document without article.text)
            body BLOB
        )""",
        # sentence spans in their own table, so readers need not parse a document for them
        """CREATE TABLE IF NOT EXISTS sentences (
            article_id VARCHAR, n INTEGER, start_char INTEGER, end_char INTEGER
        )""",
        # each document parsed once: its list of spans, then one row per span
        """INSERT INTO sentences
            SELECT article_id, CAST(i - 1 AS INTEGER), CAST(json_extract(spans[i], '$[0]') AS INTEGER),
                   CAST(json_extract(spans[i], '$[1]') AS INTEGER)
            FROM (SELECT article_id, spans, unnest(range(1, len(spans) + 1)) AS i
                  FROM (SELECT article_id, json_extract(document, '$.sentences[*].span') AS spans
                        FROM articles WHERE document IS NOT NULL))""",
    ]),
    (8, "incident_keys.more_sentences: every sentence reporting an event is text evidence for linking (issue 8)", [
        # an event stands for all its mentions in the article (issue 7): another outlet may
        # word the happening like any of them, not only like the trigger's sentence
        "ALTER TABLE incident_keys ADD COLUMN IF NOT EXISTS more_sentences VARCHAR",
        # the keys are recomputed (with the column) by the full re-link this forces
        "UPDATE incidents SET linker = NULL",
    ]),
    (9, "incident_keys: every column incident linking writes, so the table is never dropped and re-made (issue 8)", [
        # what linking reads of each event and its article (sitrep.corpus.incidents._KEY_SQL
        # writes exactly these columns; tests/test_incident_keys_schema.py checks it)
        *(f"ALTER TABLE incident_keys ADD COLUMN IF NOT EXISTS {name} {sql_type}" for name, sql_type in (
            ("certainty", "VARCHAR"), ("source_country", "VARCHAR"), ("target_country", "VARCHAR"),
            ("source_name", "VARCHAR"), ("target_name", "VARCHAR"), ("source_sector", "VARCHAR"),
            ("target_sector", "VARCHAR"), ("place_name", "VARCHAR"), ("place_country", "VARCHAR"),
            ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("place_feature", "VARCHAR"), ("sentence_start", "INTEGER"),
            ("background", "BOOLEAN"), ("sentence", "VARCHAR"), ("outlet", "VARCHAR"),
            ("independent_key", "VARCHAR"), ("unknown_label", "VARCHAR"), ("pub_date", "DATE"))),
        # keys made by an older linker lack the new columns' values: the next ingest re-links in full
        "DELETE FROM incident_keys",
        "UPDATE incidents SET linker = NULL",
    ]),
    (10, "incident_names: the word stems of each day-dated event's sentence, how undated articles find candidates (issue 8)", [
        # filled with incident_keys (sitrep.corpus.incidents._refresh_keys): one row per
        # (event, stem), so an article without a date finds the dated reports sharing its
        # names by an equality join, not a scan of every sentence
        "CREATE TABLE IF NOT EXISTS incident_names (event_id VARCHAR, name VARCHAR)",
        "DELETE FROM incident_keys",
        "UPDATE incidents SET linker = NULL",
    ]),
    (11, "incident_keys.trigger_start/trigger_end/more_triggers: linking compares the words around each "
         "trigger (issue 8)", [
        # two events reported in one sentence share its text, so the sentence says nothing
        # about which happening each is: the trigger's own clause does (offsets of the
        # trigger in the article; more_triggers: its offsets within each of more_sentences)
        "ALTER TABLE incident_keys ADD COLUMN IF NOT EXISTS trigger_start INTEGER",
        "ALTER TABLE incident_keys ADD COLUMN IF NOT EXISTS trigger_end INTEGER",
        "ALTER TABLE incident_keys ADD COLUMN IF NOT EXISTS more_triggers VARCHAR",
        # keys made without the offsets: the next ingest recomputes them and re-links in full
        "DELETE FROM incident_keys",
        "UPDATE incidents SET linker = NULL",
    ]),
]

LATEST = MIGRATIONS[-1][0]
