-- Office contact details edited by administrators: an email address and opening hours per portal
-- language (sq, sr in Latin script, en). The single free-text "hours" is copied into each language
-- before it goes, so nothing a family saw disappears.
ALTER TABLE "office"
ADD COLUMN     "email" TEXT,
ADD COLUMN     "hours_en" TEXT,
ADD COLUMN     "hours_sq" TEXT,
ADD COLUMN     "hours_sr" TEXT;

UPDATE "office" SET "hours_sq" = "hours", "hours_sr" = "hours", "hours_en" = "hours" WHERE "hours" IS NOT NULL;

ALTER TABLE "office" DROP COLUMN "hours";
