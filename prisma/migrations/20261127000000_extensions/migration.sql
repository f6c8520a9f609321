-- Trigram similarity and accent folding for name search (used by the name-search columns).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
