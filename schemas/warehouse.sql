-- The qualbridge warehouse. Every text column holds de-identified text only.

CREATE TABLE IF NOT EXISTS runs (
    run_id            VARCHAR PRIMARY KEY,   -- Prefect flow run id of the pipeline
    consortium        VARCHAR NOT NULL,
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    status            VARCHAR NOT NULL,      -- running | completed | gate_failed | failed
    config_hash       VARCHAR NOT NULL,      -- SHA-256 of the config file
    key_fingerprint   VARCHAR NOT NULL,      -- public fingerprint of the consortium key
    model_version     VARCHAR NOT NULL,      -- spaCy model name==version
    files_seen        INTEGER,
    files_loaded      INTEGER,
    files_unchanged   INTEGER,
    files_quarantined INTEGER,
    release_path      VARCHAR                -- set only when every gate passed
);

CREATE TABLE IF NOT EXISTS studies (
    study_id   VARCHAR PRIMARY KEY,
    corpus     VARCHAR NOT NULL,            -- group compared across studies, e.g. therapy
    site       VARCHAR NOT NULL,            -- site code, never a place name
    title      VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS transcripts (
    transcript_id   VARCHAR PRIMARY KEY,     -- <study_id>:<manifest transcript_id>
    study_id        VARCHAR NOT NULL,
    participant_id  VARCHAR NOT NULL,        -- the study's own participant code
    source          VARCHAR NOT NULL,        -- file path relative to the manifest
    content_hash    VARCHAR NOT NULL,        -- SHA-256 of the source bytes; decides reloads
    attributes      JSON,                    -- manifest attributes (age band, gender, ...)
    n_utterances    INTEGER NOT NULL,
    n_words         INTEGER NOT NULL,
    loaded_run_id   VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS utterances (
    utterance_id   VARCHAR PRIMARY KEY,      -- <transcript_id>:<seq, 4 digits>
    transcript_id  VARCHAR NOT NULL,
    study_id       VARCHAR NOT NULL,
    seq            INTEGER NOT NULL,
    speaker_role   VARCHAR NOT NULL,
    text           VARCHAR NOT NULL,         -- de-identified text
    n_words        INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS detections (
    utterance_id   VARCHAR NOT NULL,
    transcript_id  VARCHAR NOT NULL,
    start_offset   INTEGER NOT NULL,         -- offsets into the original utterance text
    end_offset     INTEGER NOT NULL,
    out_start      INTEGER NOT NULL,         -- the replacement's offsets in the de-identified text
    out_end        INTEGER NOT NULL,
    entity_type    VARCHAR NOT NULL,
    recognizer     VARCHAR NOT NULL,
    score          DOUBLE NOT NULL,
    action         VARCHAR NOT NULL,         -- pseudonym | tag | redact
    value_digest   VARCHAR NOT NULL,         -- keyed digest of the value, never the value
    PRIMARY KEY (utterance_id, start_offset)
);

CREATE TABLE IF NOT EXISTS themes (
    theme_id     VARCHAR PRIMARY KEY,
    codebook_id  VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    definition   VARCHAR NOT NULL,
    parent       VARCHAR
);

CREATE TABLE IF NOT EXISTS codings (
    utterance_id   VARCHAR NOT NULL,
    transcript_id  VARCHAR NOT NULL,
    theme_id       VARCHAR NOT NULL,
    coder          VARCHAR NOT NULL,         -- rules:<codebook version>, or a person
    matched_rule   VARCHAR NOT NULL,
    start_offset   INTEGER NOT NULL,         -- code points into the de-identified utterance text
    end_offset     INTEGER NOT NULL,         -- exclusive; a whole-utterance coding spans all of it
    origin         VARCHAR NOT NULL,         -- rules | qdpx | table | semantic
    PRIMARY KEY (utterance_id, theme_id, coder, start_offset)
);

CREATE TABLE IF NOT EXISTS quarantine (
    run_id     VARCHAR NOT NULL,
    study_id   VARCHAR NOT NULL,
    source     VARCHAR NOT NULL,             -- file, manifest line, or utterance id
    stage      VARCHAR NOT NULL,             -- manifest | ingest | deidentify | validate
    reason     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS check_results (
    run_id            VARCHAR NOT NULL,
    contract_id       VARCHAR NOT NULL,
    check_name        VARCHAR NOT NULL,
    column_name       VARCHAR,
    success           BOOLEAN NOT NULL,
    broken            BOOLEAN NOT NULL,
    unexpected_count  BIGINT,
    detail            VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS theme_coverage_results (
    run_id             VARCHAR NOT NULL,
    study_id           VARCHAR NOT NULL,
    corpus             VARCHAR NOT NULL,
    theme_id           VARCHAR NOT NULL,
    units_total        BIGINT NOT NULL,
    units_coded        BIGINT NOT NULL,
    share_units        DOUBLE,
    transcripts_total  BIGINT NOT NULL,
    transcripts_coded  BIGINT NOT NULL,
    share_transcripts  DOUBLE
);

CREATE TABLE IF NOT EXISTS theme_comparison_results (
    run_id         VARCHAR NOT NULL,
    comparison     VARCHAR NOT NULL,
    theme_id       VARCHAR NOT NULL,
    group_a        VARCHAR NOT NULL,
    group_b        VARCHAR NOT NULL,
    share_a        DOUBLE,
    share_b        DOUBLE,
    diff           DOUBLE,
    ci_low         DOUBLE,
    ci_high        DOUBLE,
    clusters_a     BIGINT NOT NULL,
    clusters_b     BIGINT NOT NULL,
    method         VARCHAR NOT NULL
);

-- Coverage of each theme per study and speaker role, computed from the current codings.
CREATE OR REPLACE VIEW theme_coverage AS
WITH units AS (
    SELECT u.utterance_id, u.transcript_id, u.study_id, s.corpus, u.speaker_role
    FROM utterances u JOIN studies s USING (study_id)
),
grid AS (
    SELECT DISTINCT units.study_id, units.corpus, units.speaker_role, t.theme_id
    FROM units CROSS JOIN themes t
)
SELECT
    g.study_id, g.corpus, g.speaker_role, g.theme_id,
    count(DISTINCT u.utterance_id) AS units_total,
    count(DISTINCT c.utterance_id) AS units_coded,
    count(DISTINCT c.utterance_id) / count(DISTINCT u.utterance_id) AS share_units,
    count(DISTINCT u.transcript_id) AS transcripts_total,
    count(DISTINCT c.transcript_id) AS transcripts_coded,
    count(DISTINCT c.transcript_id) / count(DISTINCT u.transcript_id) AS share_transcripts
FROM grid g
JOIN units u USING (study_id, corpus, speaker_role)
LEFT JOIN codings c ON c.utterance_id = u.utterance_id AND c.theme_id = g.theme_id
GROUP BY ALL;

-- At a consortium hub: the release package each site last merged (one row per site).
CREATE TABLE IF NOT EXISTS merged_packages (
    site              VARCHAR PRIMARY KEY,
    package_run_id    VARCHAR NOT NULL,      -- the site's run that made the release
    created_at        TIMESTAMPTZ NOT NULL,  -- when the site made it
    manifest_sha256   VARCHAR NOT NULL,      -- identifies the package; same digest = same package
    merged_at         TIMESTAMPTZ NOT NULL,
    merge_run_id      VARCHAR NOT NULL,
    n_transcripts     INTEGER NOT NULL
);
