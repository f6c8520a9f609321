-- The case list sorts by name on the folded spelling (Çeku beside Ceku, Ђорђевић beside
-- Djordjevic) rather than by code point; this index serves that order at a million cases.
-- Expression indexes cannot be written in schema.prisma; the schema diff ignores them.
CREATE INDEX "case_name_sort_idx" ON "case" (mprc_fold("last_name"), mprc_fold("first_name"));
