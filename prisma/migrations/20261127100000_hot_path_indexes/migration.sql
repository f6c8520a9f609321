-- Measured at 1,000,000 cases (docs/PERFORMANCE.md, findings 1 and 6).
-- Every case read loads "cases merged into this one": without an index that scanned the whole
-- table (380-500 ms per read at 1M); the partial index is a few KB (merges are rare): 0.2 ms.
CREATE INDEX "case_merged_into_id_idx" ON "case" ("merged_into_id") WHERE "merged_into_id" IS NOT NULL;
-- The dashboard's commonest breakdown (by last-seen municipality) as an index-only scan.
CREATE INDEX "case_live_municipality_idx" ON "case" ("last_seen_municipality_id") WHERE "merged_into_id" IS NULL;
