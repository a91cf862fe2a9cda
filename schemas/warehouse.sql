-- The qualbridge warehouse. Every text column holds de-identified text only.

CREATE TABLE IF NOT EXISTS runs (
    run_id            VARCHAR PRIMARY KEY,   -- Prefect flow run id of the pipeline
    consortium        VARCHAR NOT NULL,
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    status            VARCHAR NOT NULL,      -- running | awaiting_approval | approved | released | blocked | failed (hub merges: completed)
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

-- Coverage per study for the run, counting the configured coders and origins.
CREATE TABLE IF NOT EXISTS theme_coverage_results (
    run_id              VARCHAR NOT NULL,
    study_id            VARCHAR NOT NULL,
    corpus              VARCHAR NOT NULL,
    theme_id            VARCHAR NOT NULL,
    n_references        BIGINT NOT NULL,     -- codings counted (several per unit possible)
    units_total         BIGINT NOT NULL,     -- utterances
    units_coded         BIGINT NOT NULL,
    share_units         DOUBLE,
    turns_total         BIGINT NOT NULL,     -- runs of consecutive utterances by one role
    turns_coded         BIGINT NOT NULL,
    share_turns         DOUBLE,
    transcripts_total   BIGINT NOT NULL,
    transcripts_coded   BIGINT NOT NULL,
    share_transcripts   DOUBLE,
    participants_total  BIGINT NOT NULL,
    participants_coded  BIGINT NOT NULL,
    share_participants  DOUBLE,
    chars_total         BIGINT NOT NULL,     -- code points of de-identified text
    chars_coded         BIGINT NOT NULL,     -- union of coded spans
    share_chars         DOUBLE,              -- NVivo-style coverage
    words_total         BIGINT NOT NULL,
    per_1000_words      DOUBLE               -- references per 1,000 words
);

-- Two-group comparisons: per theme one row per method (cluster_bootstrap, cluster_wald and,
-- labelled clustered = false, the unclustered z-test). diff = share_a - share_b.
CREATE TABLE IF NOT EXISTS theme_comparison_results (
    run_id         VARCHAR NOT NULL,
    comparison     VARCHAR NOT NULL,
    grouped_by     VARCHAR NOT NULL,        -- corpus | study_id | site | speaker_role
    speaker_roles  VARCHAR NOT NULL,        -- roles in scope, comma-separated; '' = all
    theme_id       VARCHAR NOT NULL,
    group_a        VARCHAR NOT NULL,
    group_b        VARCHAR NOT NULL,
    units_a        BIGINT NOT NULL,
    units_b        BIGINT NOT NULL,
    clusters_a     BIGINT NOT NULL,         -- transcripts
    clusters_b     BIGINT NOT NULL,
    coded_a        BIGINT NOT NULL,
    coded_b        BIGINT NOT NULL,
    share_a        DOUBLE,
    share_b        DOUBLE,
    diff           DOUBLE,
    ci_low         DOUBLE,
    ci_high        DOUBLE,
    p_value        DOUBLE,
    p_adjusted     DOUBLE,                  -- Benjamini-Hochberg over themes, per comparison and method
    cohens_h       DOUBLE,
    design_effect  DOUBLE,                  -- clustered over unclustered variance of diff
    method         VARCHAR NOT NULL,
    clustered      BOOLEAN NOT NULL
);

-- Characters of each utterance covered by a theme: the union of every coder's spans.
CREATE OR REPLACE VIEW theme_coded_chars AS
WITH spans AS (
    SELECT c.utterance_id, c.theme_id, greatest(c.start_offset, 0) AS s,
           least(c.end_offset, length(u.text)) AS e
    FROM codings c JOIN utterances u USING (utterance_id)
),
marked AS (
    SELECT *, max(e) OVER (PARTITION BY utterance_id, theme_id ORDER BY s, e
                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
    FROM spans
),
islands AS (
    SELECT *, sum(CASE WHEN prev_end IS NULL OR s >= prev_end THEN 1 ELSE 0 END)
              OVER (PARTITION BY utterance_id, theme_id ORDER BY s, e ROWS UNBOUNDED PRECEDING)
              AS island
    FROM marked
)
SELECT utterance_id, theme_id, sum(greatest(e - s, 0)) AS chars_coded
FROM (SELECT utterance_id, theme_id, island, min(s) AS s, max(e) AS e FROM islands GROUP BY ALL)
GROUP BY ALL;

-- Coverage of each theme per study and speaker role, live from every coding (all coders).
CREATE OR REPLACE VIEW theme_coverage AS
WITH units AS (
    SELECT u.utterance_id, u.transcript_id, u.study_id, s.corpus, u.speaker_role,
           length(u.text) AS chars
    FROM utterances u JOIN studies s USING (study_id)
),
totals AS (
    SELECT study_id, corpus, speaker_role, count(*) AS units_total,
           count(DISTINCT transcript_id) AS transcripts_total, sum(chars) AS chars_total
    FROM units GROUP BY ALL
),
coded AS (
    SELECT u.study_id, u.corpus, u.speaker_role, cc.theme_id,
           count(*) AS units_coded, count(DISTINCT u.transcript_id) AS transcripts_coded,
           sum(cc.chars_coded) AS chars_coded
    FROM units u JOIN theme_coded_chars cc USING (utterance_id) GROUP BY ALL
)
SELECT
    t.study_id, t.corpus, t.speaker_role, th.theme_id,
    t.units_total, coalesce(c.units_coded, 0) AS units_coded,
    coalesce(c.units_coded, 0) / t.units_total AS share_units,
    t.transcripts_total, coalesce(c.transcripts_coded, 0) AS transcripts_coded,
    coalesce(c.transcripts_coded, 0) / t.transcripts_total AS share_transcripts,
    t.chars_total, coalesce(c.chars_coded, 0) AS chars_coded,
    coalesce(c.chars_coded, 0) / nullif(t.chars_total, 0) AS share_chars
FROM totals t CROSS JOIN themes th
LEFT JOIN coded c USING (study_id, corpus, speaker_role, theme_id);

-- The run's comparisons (see theme_comparison_results for the meaning of each column).
CREATE OR REPLACE VIEW theme_comparison AS
SELECT comparison, theme_id, group_a, group_b, share_a, share_b, diff, ci_low, ci_high,
       p_value, p_adjusted, method, clustered, cohens_h, design_effect, grouped_by,
       speaker_roles, units_a, units_b, clusters_a, clusters_b, run_id
FROM theme_comparison_results;

-- Coverage for the run by any dimension: study_id, site, corpus, speaker_role or
-- attribute:<manifest column>; level is the group's value.
CREATE TABLE IF NOT EXISTS theme_coverage_breakdown (
    run_id              VARCHAR NOT NULL,
    dimension           VARCHAR NOT NULL,
    level               VARCHAR NOT NULL,
    theme_id            VARCHAR NOT NULL,
    n_references        BIGINT NOT NULL,     -- codings counted (several per unit possible)
    units_total         BIGINT NOT NULL,     -- utterances
    units_coded         BIGINT NOT NULL,
    share_units         DOUBLE,
    turns_total         BIGINT NOT NULL,     -- runs of consecutive utterances by one role
    turns_coded         BIGINT NOT NULL,
    share_turns         DOUBLE,
    transcripts_total   BIGINT NOT NULL,
    transcripts_coded   BIGINT NOT NULL,
    share_transcripts   DOUBLE,
    participants_total  BIGINT NOT NULL,
    participants_coded  BIGINT NOT NULL,
    share_participants  DOUBLE,
    chars_total         BIGINT NOT NULL,     -- code points of de-identified text
    chars_coded         BIGINT NOT NULL,     -- union of coded spans
    share_chars         DOUBLE,              -- NVivo-style coverage
    words_total         BIGINT NOT NULL,
    per_1000_words      DOUBLE               -- references per 1,000 words
);

-- Themes coded together, within one utterance or anywhere in one transcript.
CREATE TABLE IF NOT EXISTS theme_cooccurrence (
    run_id     VARCHAR NOT NULL,
    scope      VARCHAR NOT NULL,            -- utterance | transcript
    theme_a    VARCHAR NOT NULL,
    theme_b    VARCHAR NOT NULL,
    n_both     BIGINT NOT NULL,             -- units (of the scope) coded with both themes
    n_a        BIGINT NOT NULL,
    n_b        BIGINT NOT NULL,
    n_total    BIGINT NOT NULL,
    jaccard    DOUBLE                       -- n_both / (n_a + n_b - n_both)
);

-- Agreement between two coders per theme over the transcripts both coded.
CREATE TABLE IF NOT EXISTS coder_agreement (
    run_id              VARCHAR NOT NULL,
    theme_id            VARCHAR NOT NULL,
    coder_a             VARCHAR NOT NULL,
    coder_b             VARCHAR NOT NULL,
    transcripts         BIGINT NOT NULL,    -- transcripts both coders coded
    chars_total         BIGINT NOT NULL,    -- every character of them, uncoded text included
    chars_both          BIGINT NOT NULL,
    chars_a_only        BIGINT NOT NULL,
    chars_b_only        BIGINT NOT NULL,
    percent_agreement   DOUBLE,             -- characters both coded or both left uncoded
    cohens_kappa        DOUBLE,             -- NVivo's character-level kappa, pooled
    units               BIGINT NOT NULL,    -- utterances of those transcripts
    krippendorff_alpha  DOUBLE              -- nominal alpha, utterance coded yes/no
);

-- The codebook's inclusion and exclusion notes, kept with each theme.
ALTER TABLE themes ADD COLUMN IF NOT EXISTS include_note VARCHAR;
ALTER TABLE themes ADD COLUMN IF NOT EXISTS exclude_note VARCHAR;

-- Each study's own codes mapped onto consortium themes (many to one, or one code onto several);
-- replaced per study.
CREATE TABLE IF NOT EXISTS crosswalks (
    study_id           VARCHAR NOT NULL,
    study_code         VARCHAR NOT NULL,     -- the code's name as the study's coders wrote it
    code_key           VARCHAR NOT NULL,     -- the name normalised to ^[a-z0-9_]+$
    theme_id           VARCHAR NOT NULL,     -- consortium theme
    crosswalk_version  VARCHAR NOT NULL,     -- the crosswalk file's own version label
    crosswalk_hash     VARCHAR NOT NULL,     -- SHA-256 of the crosswalk file
    PRIMARY KEY (study_id, study_code, theme_id)  -- a code may map onto several themes
);

-- Steward decisions from each study's decisions file (audit review loop). Never the term itself.
CREATE TABLE IF NOT EXISTS decisions (
    study_id        VARCHAR NOT NULL,
    line            INTEGER NOT NULL,         -- row (CSV line or YAML entry) in the decisions file
    decision        VARCHAR NOT NULL,         -- false_positive | missed | accept_risk
    entity_type     VARCHAR,
    term_digest     VARCHAR,                  -- keyed digest of the term, never the term
    utterance_id    VARCHAR,                  -- or a span: utterance and offsets into its original
    start_offset    INTEGER,
    end_offset      INTEGER,
    participant_id  VARCHAR,                  -- accept_risk: the record whose risk is accepted
    decided_by      VARCHAR NOT NULL,
    decided_at      TIMESTAMPTZ NOT NULL,
    loaded_run_id   VARCHAR NOT NULL,
    PRIMARY KEY (study_id, line)
);

-- Sign-off of a run for release: who approved which run under which config.
CREATE TABLE IF NOT EXISTS approvals (
    run_id        VARCHAR NOT NULL,
    config_hash   VARCHAR NOT NULL,
    approved_by   VARCHAR NOT NULL,
    approved_at   TIMESTAMPTZ NOT NULL,
    note          VARCHAR NOT NULL
);

-- Contract checks: which contract version ran each check, on what engine and at which stage,
-- so trends can be queried per contract version. unexpected_count is the observed count.
ALTER TABLE check_results ADD COLUMN IF NOT EXISTS contract_version VARCHAR;
ALTER TABLE check_results ADD COLUMN IF NOT EXISTS engine VARCHAR;   -- gx | duckdb | scan
ALTER TABLE check_results ADD COLUMN IF NOT EXISTS stage VARCHAR;    -- validate | release

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

-- The steward's review loop. Decisions keep a keyed identity (never the term); every decision
-- ever applied stays in decision_history, with the run that applied it and the run that found
-- it withdrawn; `decisions` is the current set.
ALTER TABLE decisions ADD COLUMN IF NOT EXISTS identity VARCHAR;
CREATE TABLE IF NOT EXISTS decision_history (
    study_id          VARCHAR NOT NULL,
    identity          VARCHAR NOT NULL,      -- keyed digest of what was decided
    decision          VARCHAR NOT NULL,
    entity_type       VARCHAR,
    term_digest       VARCHAR,
    utterance_id      VARCHAR,
    start_offset      INTEGER,
    end_offset        INTEGER,
    participant_id    VARCHAR,
    decided_by        VARCHAR NOT NULL,
    decided_at        TIMESTAMPTZ NOT NULL,
    applied_run_id    VARCHAR NOT NULL,      -- the run that first applied it
    withdrawn_run_id  VARCHAR                -- the run that found it gone from the file
);
-- What each study's loaded text was de-identified with (settings, lists, model, key), so a
-- change to any of them reloads the study although no source file changed.
CREATE TABLE IF NOT EXISTS deid_inputs (
    study_id       VARCHAR PRIMARY KEY,
    inputs_digest  VARCHAR NOT NULL,
    loaded_run_id  VARCHAR NOT NULL
);
-- Steward actions beside approvals: NULL or 'approve' is an approval of the run; the review
-- app also records each decision it writes (false_positive, missed, accept_risk) here.
ALTER TABLE approvals ADD COLUMN IF NOT EXISTS action VARCHAR;
-- Why a run is blocked (one reason a line); its status is awaiting_approval, approved,
-- released, blocked, running or failed.
ALTER TABLE runs ADD COLUMN IF NOT EXISTS status_reasons VARCHAR;
-- ---- Comparison additions (compare stage) -------------------------------------------------

-- Comparisons of several groups (one row per pair), the bootstrap's "p < 1/B" flag and the
-- adjusted_gee method's covariates and odds ratio.
ALTER TABLE theme_comparison_results ADD COLUMN IF NOT EXISTS p_value_is_bound BOOLEAN;
ALTER TABLE theme_comparison_results ADD COLUMN IF NOT EXISTS adjusted_for VARCHAR;
ALTER TABLE theme_comparison_results ADD COLUMN IF NOT EXISTS odds_ratio DOUBLE;
ALTER TABLE theme_comparison_results ADD COLUMN IF NOT EXISTS or_ci_low DOUBLE;
ALTER TABLE theme_comparison_results ADD COLUMN IF NOT EXISTS or_ci_high DOUBLE;

-- Omnibus test of a comparison of three or more groups, per theme: cluster-robust Wald
-- chi-square of a logistic GEE with a dummy per group (transcripts as clusters).
CREATE TABLE IF NOT EXISTS theme_comparison_omnibus (
    run_id         VARCHAR NOT NULL,
    comparison     VARCHAR NOT NULL,
    grouped_by     VARCHAR NOT NULL,
    speaker_roles  VARCHAR NOT NULL,        -- roles in scope, comma-separated; '' = all
    adjusted_for   VARCHAR NOT NULL,        -- covariates, comma-separated; '' = none
    groups         VARCHAR NOT NULL,        -- the groups compared, comma-separated
    theme_id       VARCHAR NOT NULL,
    units          BIGINT NOT NULL,
    clusters       BIGINT NOT NULL,         -- transcripts
    chi_square     DOUBLE,
    df             BIGINT NOT NULL,         -- groups - 1
    p_value        DOUBLE,
    p_adjusted     DOUBLE,                  -- Benjamini-Hochberg over themes
    method         VARCHAR NOT NULL         -- gee_wald
);

-- Agreement over all coders at once, per scope: 'codebook' (the themes each coder gave a unit as
-- one nominal value, 'uncoded' when none) or a theme id (that theme's presence).
CREATE TABLE IF NOT EXISTS coder_agreement_overall (
    run_id              VARCHAR NOT NULL,
    scope               VARCHAR NOT NULL,
    speaker_roles       VARCHAR NOT NULL,   -- roles counted, comma-separated; '' = all
    coders              BIGINT NOT NULL,
    transcripts         BIGINT NOT NULL,
    units               BIGINT NOT NULL,    -- utterances rated by at least two coders
    krippendorff_alpha  DOUBLE,             -- nominal, missing ratings allowed
    alpha_ci_low        DOUBLE,             -- percentile interval, transcripts resampled
    alpha_ci_high       DOUBLE,
    fleiss_kappa        DOUBLE,             -- only when every unit has the same number of coders
    kappa_ci_low        DOUBLE,
    kappa_ci_high       DOUBLE
);

-- Theme hierarchies: 'leaf' (the theme's own codings) or 'rollup' (with every descendant's).
ALTER TABLE theme_coverage_results ADD COLUMN IF NOT EXISTS theme_kind VARCHAR;
ALTER TABLE theme_coverage_breakdown ADD COLUMN IF NOT EXISTS theme_kind VARCHAR;
ALTER TABLE theme_comparison_results ADD COLUMN IF NOT EXISTS theme_kind VARCHAR;
-- Learned auto-coding. The classifier's probability of each coding the model made (codings
-- keep their shape; join on utterance_id, theme_id, coder). Replaced by every auto-coding run.
CREATE TABLE IF NOT EXISTS autocode_scores (
    utterance_id   VARCHAR NOT NULL,
    transcript_id  VARCHAR NOT NULL,
    theme_id       VARCHAR NOT NULL,
    coder          VARCHAR NOT NULL,        -- model:<theme set>@<hash>
    score          DOUBLE NOT NULL,         -- probability of the theme, >= 0.5 when coded
    PRIMARY KEY (utterance_id, theme_id, coder)
);

-- How well each coder reproduces the manual codes of the training studies, per theme: the
-- model by cross-validation grouped by transcript, the codebook rules on the same units.
CREATE TABLE IF NOT EXISTS autocode_validation (
    run_id       VARCHAR NOT NULL,
    theme_id     VARCHAR NOT NULL,
    coder        VARCHAR NOT NULL,          -- model:<theme set>@<hash> | rules:<codebook version>
    method       VARCHAR NOT NULL,          -- cross_validation | rules
    units        BIGINT NOT NULL,           -- manually coded utterances in scope
    transcripts  BIGINT NOT NULL,
    positives    BIGINT NOT NULL,           -- units the manual codes give this theme
    tp           BIGINT NOT NULL,
    fp           BIGINT NOT NULL,
    fn           BIGINT NOT NULL,
    tn           BIGINT NOT NULL,
    precision    DOUBLE,
    recall       DOUBLE,
    f1           DOUBLE,
    tpr          DOUBLE,                    -- true-positive rate (= recall)
    fpr          DOUBLE                     -- false-positive rate
);

-- Coverage of each auto-coded study and theme: raw (share of units the model codes) and
-- corrected for the model's errors, with a bootstrap interval over training and coded
-- transcripts. method: acc (adjusted classify-and-count) | pacc (from mean probabilities).
CREATE TABLE IF NOT EXISTS autocode_prevalence (
    run_id           VARCHAR NOT NULL,
    study_id         VARCHAR NOT NULL,
    theme_id         VARCHAR NOT NULL,
    coder            VARCHAR NOT NULL,
    units            BIGINT NOT NULL,       -- utterances in scope (speaker roles)
    transcripts      BIGINT NOT NULL,
    units_coded      BIGINT NOT NULL,       -- units the model codes with the theme
    share_raw        DOUBLE,
    share_corrected  DOUBLE,
    ci_low           DOUBLE,
    ci_high          DOUBLE,
    method           VARCHAR NOT NULL,
    share_acc        DOUBLE,
    share_pacc       DOUBLE,
    resamples        BIGINT NOT NULL
);

-- Comparisons involving an auto-coded group: rows with method model_corrected use the corrected
-- coverage and say so in coding (model); every other row is coding observed.
ALTER TABLE theme_comparison_results ADD COLUMN IF NOT EXISTS coding VARCHAR;

-- ---- De-identification coverage (deid registry, residual gate) --------------------------------

-- Every entity type the recognizer registry names, per run: analysed or switched off by the
-- config (and why, e.g. a country left out), and whether the residual gate scans for it.
CREATE TABLE IF NOT EXISTS entity_types (
    run_id         VARCHAR NOT NULL,
    entity_type    VARCHAR NOT NULL,
    enabled        BOOLEAN NOT NULL,
    reason         VARCHAR,               -- why it is off; NULL when enabled
    residual_scan  BOOLEAN NOT NULL,      -- the gate's registry pass checks released text for it
    PRIMARY KEY (run_id, entity_type)
);
