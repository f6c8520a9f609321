-- CreateEnum
CREATE TYPE "ImportRowStatus" AS ENUM ('VALID', 'INVALID', 'DUPLICATE', 'EXISTING', 'CREATED');

-- AlterTable
ALTER TABLE "import" ADD COLUMN     "sample" JSONB;

-- AlterTable
ALTER TABLE "import_row" ADD COLUMN     "data" JSONB,
ADD COLUMN     "status" "ImportRowStatus" NOT NULL DEFAULT 'VALID';

-- CreateIndex
CREATE INDEX "import_row_import_id_status_row_number_idx" ON "import_row"("import_id", "status", "row_number");
