-- The case list and the name search at 1,000,000 cases (docs/PERFORMANCE.md, findings 4 and 5).
-- Partial indexes on the live cases only (merged cases never appear in the list); they cannot be
-- written in schema.prisma, and the schema diff ignores them.
--
-- The filters a liaison officer combines most (office, which their scope always sets, then fate,
-- then municipality) in the default order (most recently updated first): count and page both
-- come from this index (was 530 ms + 380 ms at 1M with the single-column indexes).
CREATE INDEX "case_list_office_fate_municipality_idx" ON "case" ("office_id", "fate_status", "last_seen_municipality_id", "updated_at" DESC NULLS LAST) WHERE "merged_into_id" IS NULL;
-- The default order alone: the first pages of the whole list, or of a filter most cases pass
-- (an office, MISSING), are read in order and stop after the page instead of sorting every case.
CREATE INDEX "case_list_updated_idx" ON "case" ("updated_at" DESC NULLS LAST) WHERE "merged_into_id" IS NULL;
-- The words of the folded names, for the name search (case-filters.ts): a case matches a query
-- word when one of its name words is similar to it (pg_trgm word similarity), found through the
-- vocabulary below and then this index, instead of pg_trgm rechecking every candidate's names.
CREATE INDEX "case_name_tokens_idx" ON "case" USING gin (string_to_array("search_text", ' ')) WHERE "merged_into_id" IS NULL;

-- Every word that occurs in the folded names (about 4,000 at a million generated cases): the
-- search looks a query word up here by trigram similarity (a few ms), then the cases holding the
-- similar words through case_name_tokens_idx. Words are only ever added: a word no case holds any
-- more costs one useless index probe, while a missing word would hide cases, so it is kept by
-- statement triggers (also fired by COPY) rather than by the application.
CREATE TABLE "case_name_word" (
    "word" TEXT NOT NULL,

    CONSTRAINT "case_name_word_pkey" PRIMARY KEY ("word")
);
CREATE INDEX "case_name_word_trgm_idx" ON "case_name_word" USING GIN ("word" gin_trgm_ops);

INSERT INTO "case_name_word" ("word")
SELECT DISTINCT w FROM "case", unnest(string_to_array("search_text", ' ')) AS w WHERE w <> '';

ANALYZE "case_name_word";

-- The vocabulary's words similar to a query word (word_similarity >= pg_trgm.word_similarity_threshold,
-- set by the caller's transaction). Always through the trigram index: the planner tends to pick a
-- sequential scan of the few thousand words, which computes the similarity of each (15 ms instead
-- of 0.1 ms at a million cases).
CREATE FUNCTION case_name_words_similar(query_word text) RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE
  SET enable_seqscan = off AS $$
  SELECT coalesce(array_agg(word), '{}') FROM "case_name_word" WHERE word %> query_word
$$;

CREATE FUNCTION case_name_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "case_name_word" ("word")
  SELECT DISTINCT w FROM new_rows, unnest(string_to_array(new_rows."search_text", ' ')) AS w WHERE w <> ''
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

-- A trigger with a transition table may name one event only.
CREATE TRIGGER case_name_words_insert AFTER INSERT ON "case"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_name_words_add();
CREATE TRIGGER case_name_words_update AFTER UPDATE ON "case"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_name_words_add();
