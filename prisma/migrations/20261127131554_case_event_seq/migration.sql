-- Timeline order within a millisecond: events written by one transaction (a fate and a workflow
-- change together) often share `at` (timestamptz(3)), and were then ordered by their random id.
-- Existing rows are numbered in no particular order; new ones in the order they are written.
-- AlterTable
ALTER TABLE "case_event" ADD COLUMN     "seq" BIGSERIAL NOT NULL;
