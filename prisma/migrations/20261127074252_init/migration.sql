-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'MANAGER', 'LIAISON_OFFICER', 'FAMILY');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "FateStatus" AS ENUM ('MISSING', 'FOUND_ALIVE', 'REMAINS_RECOVERED', 'IDENTIFIED', 'REMAINS_HANDED_OVER');

-- CreateEnum
CREATE TYPE "WorkflowStatus" AS ENUM ('NEW', 'VERIFIED', 'ACTIVE', 'CLOSURE_REQUESTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ReferenceSystem" AS ENUM ('ICRC', 'GCMP', 'ICMP', 'OTHER');

-- CreateEnum
CREATE TYPE "DnaSample" AS ENUM ('YES', 'NO', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('VISIT', 'PHONE', 'OFFICE_MEETING', 'LETTER', 'EMAIL', 'OTHER');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('REQUESTED', 'ACCEPTED', 'REJECTED', 'DONE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('INTERNAL', 'FAMILY');

-- CreateEnum
CREATE TYPE "CaseEventType" AS ENUM ('CREATED', 'FATE_CHANGED', 'WORKFLOW_CHANGED', 'FAMILY_INFORMED', 'NOTE', 'CONTACT_LOGGED', 'MERGED', 'FAMILY_MESSAGE', 'NOTIFICATION_SENT', 'PORTAL_ACCESS');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('UPLOADED', 'DRY_RUN', 'COMMITTED', 'FAILED');

-- CreateTable
CREATE TABLE "office" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name_sq" TEXT NOT NULL,
    "name_sr_latn" TEXT NOT NULL,
    "name_sr_cyrl" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "phone" TEXT,
    "hours" TEXT,
    "address" TEXT,

    CONSTRAINT "office_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "municipality" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name_sq" TEXT NOT NULL,
    "name_sr_latn" TEXT NOT NULL,
    "name_sr_cyrl" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,

    CONSTRAINT "municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "community" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name_sq" TEXT NOT NULL,
    "name_sr_latn" TEXT NOT NULL,
    "name_sr_cyrl" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,

    CONSTRAINT "community_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "office_id" UUID,
    "password_hash" TEXT NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "mfa_secret" TEXT,
    "mfa_enabled_at" TIMESTAMPTZ(3),
    "recovery_code_hashes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "reset_code_hash" TEXT,
    "reset_code_expires_at" TIMESTAMPTZ(3),
    "password_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "user_id" UUID,
    "relative_id" UUID,
    "role" "Role" NOT NULL,
    "csrf_token" TEXT NOT NULL,
    "mfa_pending" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "ip" TEXT,
    "user_agent" TEXT,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempt" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "seq" BIGINT NOT NULL DEFAULT 0,
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_role" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT,
    "entity_id" TEXT,
    "ip" TEXT,
    "request_id" TEXT,
    "changes" JSONB,
    "details" JSONB,
    "prev_hash" TEXT NOT NULL DEFAULT '',
    "hash" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "case" (
    "id" UUID NOT NULL,
    "case_number" TEXT NOT NULL,
    "office_id" UUID NOT NULL,
    "assigned_officer_id" UUID,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "father_name" TEXT,
    "other_names" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sex" "Sex" NOT NULL DEFAULT 'UNKNOWN',
    "date_of_birth" TEXT,
    "birth_year" INTEGER,
    "community_id" UUID,
    "place_of_birth" TEXT,
    "missing_since" TEXT,
    "missing_since_from" DATE,
    "last_seen_municipality_id" UUID,
    "last_seen_place" TEXT,
    "circumstances" TEXT,
    "photo_attachment_id" UUID,
    "fate_status" "FateStatus" NOT NULL DEFAULT 'MISSING',
    "workflow_status" "WorkflowStatus" NOT NULL DEFAULT 'NEW',
    "family_informed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "merged_into_id" UUID,
    "import_id" UUID,
    "search_text" TEXT NOT NULL DEFAULT '',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "external_reference" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "system" "ReferenceSystem" NOT NULL,
    "reference" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "external_reference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "relative" (
    "id" UUID NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "address" TEXT,
    "preferred_language" TEXT NOT NULL DEFAULT 'sq',
    "dna_sample_given" "DnaSample" NOT NULL DEFAULT 'UNKNOWN',
    "erased_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "relative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_relative" (
    "case_id" UUID NOT NULL,
    "relative_id" UUID NOT NULL,
    "relationship" TEXT NOT NULL,
    "is_primary_contact" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_relative_pkey" PRIMARY KEY ("case_id","relative_id")
);

-- CreateTable
CREATE TABLE "consent" (
    "id" UUID NOT NULL,
    "relative_id" UUID NOT NULL,
    "organisation" TEXT NOT NULL,
    "given_on" DATE NOT NULL,
    "withdrawn_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portal_access" (
    "id" UUID NOT NULL,
    "relative_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "issued_by_id" UUID NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "portal_access_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "channel" "ContactChannel" NOT NULL,
    "relative_id" UUID,
    "officer_id" UUID,
    "language" TEXT,
    "interpreter_used" BOOLEAN NOT NULL DEFAULT false,
    "summary" TEXT NOT NULL,
    "family_visible_summary" TEXT,
    "follow_up_on" DATE,
    "follow_up_done_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "service" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "purpose" TEXT,
    "status" "ReferralStatus" NOT NULL DEFAULT 'REQUESTED',
    "referred_on" DATE NOT NULL,
    "closed_on" DATE,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachment" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "visibility" "Visibility" NOT NULL DEFAULT 'INTERNAL',
    "description" TEXT,
    "data" BYTEA NOT NULL,
    "uploaded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_event" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "type" "CaseEventType" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "from_status" TEXT,
    "to_status" TEXT,
    "note" TEXT,
    "family_message" TEXT,
    "family_visible" BOOLEAN NOT NULL DEFAULT false,
    "data" JSONB,

    CONSTRAINT "case_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "family_message" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "relative_id" UUID,
    "from_family" BOOLEAN NOT NULL,
    "author_user_id" UUID,
    "body" TEXT NOT NULL,
    "meeting_requested" BOOLEAN NOT NULL DEFAULT false,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "family_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import" (
    "id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_hash" TEXT NOT NULL,
    "file_format" TEXT NOT NULL,
    "encoding" TEXT,
    "delimiter" TEXT,
    "columns" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "row_count" INTEGER NOT NULL DEFAULT 0,
    "mapping" JSONB,
    "status" "ImportStatus" NOT NULL DEFAULT 'UPLOADED',
    "valid_count" INTEGER NOT NULL DEFAULT 0,
    "invalid_count" INTEGER NOT NULL DEFAULT 0,
    "duplicate_count" INTEGER NOT NULL DEFAULT 0,
    "created_count" INTEGER NOT NULL DEFAULT 0,
    "skipped_count" INTEGER NOT NULL DEFAULT 0,
    "data" BYTEA NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committed_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_row" (
    "import_id" UUID NOT NULL,
    "row_number" INTEGER NOT NULL,
    "values" JSONB NOT NULL,
    "errors" JSONB,
    "duplicates" JSONB,
    "case_id" UUID,

    CONSTRAINT "import_row_pkey" PRIMARY KEY ("import_id","row_number")
);

-- CreateTable
CREATE TABLE "import_mapping" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_mapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "office_code_key" ON "office"("code");

-- CreateIndex
CREATE UNIQUE INDEX "municipality_code_key" ON "municipality"("code");

-- CreateIndex
CREATE UNIQUE INDEX "community_code_key" ON "community"("code");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "session_relative_id_idx" ON "session"("relative_id");

-- CreateIndex
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

-- CreateIndex
CREATE INDEX "login_attempt_key_created_at_idx" ON "login_attempt"("key", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "audit_entry_id_key" ON "audit_entry"("id");

-- CreateIndex
CREATE INDEX "audit_entry_entity_type_entity_id_seq_idx" ON "audit_entry"("entity_type", "entity_id", "seq");

-- CreateIndex
CREATE INDEX "audit_entry_actor_id_seq_idx" ON "audit_entry"("actor_id", "seq");

-- CreateIndex
CREATE INDEX "audit_entry_action_seq_idx" ON "audit_entry"("action", "seq");

-- CreateIndex
CREATE INDEX "audit_entry_at_idx" ON "audit_entry"("at");

-- CreateIndex
CREATE UNIQUE INDEX "case_case_number_key" ON "case"("case_number");

-- CreateIndex
CREATE INDEX "case_office_id_workflow_status_idx" ON "case"("office_id", "workflow_status");

-- CreateIndex
CREATE INDEX "case_search_text_trgm_idx" ON "case" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "case_fate_status_idx" ON "case"("fate_status");

-- CreateIndex
CREATE INDEX "case_workflow_status_idx" ON "case"("workflow_status");

-- CreateIndex
CREATE INDEX "case_community_id_idx" ON "case"("community_id");

-- CreateIndex
CREATE INDEX "case_last_seen_municipality_id_idx" ON "case"("last_seen_municipality_id");

-- CreateIndex
CREATE INDEX "case_assigned_officer_id_idx" ON "case"("assigned_officer_id");

-- CreateIndex
CREATE INDEX "case_missing_since_from_idx" ON "case"("missing_since_from");

-- CreateIndex
CREATE INDEX "case_created_at_idx" ON "case"("created_at");

-- CreateIndex
CREATE INDEX "external_reference_case_id_idx" ON "external_reference"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "external_reference_system_reference_key" ON "external_reference"("system", "reference");

-- CreateIndex
CREATE INDEX "case_relative_relative_id_idx" ON "case_relative"("relative_id");

-- CreateIndex
CREATE INDEX "consent_relative_id_idx" ON "consent"("relative_id");

-- CreateIndex
CREATE UNIQUE INDEX "portal_access_relative_id_key" ON "portal_access"("relative_id");

-- CreateIndex
CREATE INDEX "contact_case_id_occurred_at_idx" ON "contact"("case_id", "occurred_at");

-- CreateIndex
CREATE INDEX "contact_officer_id_follow_up_on_idx" ON "contact"("officer_id", "follow_up_on");

-- CreateIndex
CREATE INDEX "contact_follow_up_on_idx" ON "contact"("follow_up_on");

-- CreateIndex
CREATE INDEX "referral_case_id_idx" ON "referral"("case_id");

-- CreateIndex
CREATE INDEX "attachment_case_id_idx" ON "attachment"("case_id");

-- CreateIndex
CREATE INDEX "case_event_case_id_at_idx" ON "case_event"("case_id", "at");

-- CreateIndex
CREATE INDEX "case_event_at_idx" ON "case_event"("at");

-- CreateIndex
CREATE INDEX "family_message_case_id_created_at_idx" ON "family_message"("case_id", "created_at");

-- CreateIndex
CREATE INDEX "family_message_read_at_idx" ON "family_message"("read_at");

-- CreateIndex
CREATE INDEX "import_file_hash_idx" ON "import"("file_hash");

-- CreateIndex
CREATE UNIQUE INDEX "import_mapping_name_key" ON "import_mapping"("name");

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_relative_id_fkey" FOREIGN KEY ("relative_id") REFERENCES "relative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_assigned_officer_id_fkey" FOREIGN KEY ("assigned_officer_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "community"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_last_seen_municipality_id_fkey" FOREIGN KEY ("last_seen_municipality_id") REFERENCES "municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "import"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_reference" ADD CONSTRAINT "external_reference_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_relative" ADD CONSTRAINT "case_relative_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_relative" ADD CONSTRAINT "case_relative_relative_id_fkey" FOREIGN KEY ("relative_id") REFERENCES "relative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent" ADD CONSTRAINT "consent_relative_id_fkey" FOREIGN KEY ("relative_id") REFERENCES "relative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_access" ADD CONSTRAINT "portal_access_relative_id_fkey" FOREIGN KEY ("relative_id") REFERENCES "relative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_access" ADD CONSTRAINT "portal_access_issued_by_id_fkey" FOREIGN KEY ("issued_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_relative_id_fkey" FOREIGN KEY ("relative_id") REFERENCES "relative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_officer_id_fkey" FOREIGN KEY ("officer_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family_message" ADD CONSTRAINT "family_message_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family_message" ADD CONSTRAINT "family_message_relative_id_fkey" FOREIGN KEY ("relative_id") REFERENCES "relative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_row" ADD CONSTRAINT "import_row_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "import"("id") ON DELETE CASCADE ON UPDATE CASCADE;
