-- CreateTable
CREATE TABLE "notification_outbox" (
    "id" BIGSERIAL NOT NULL,
    "case_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "source_id" UUID,
    "relative_id" UUID,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_outbox_available_at_idx" ON "notification_outbox"("available_at");

-- Something family-visible was written for a case: queue a notification, in the same
-- transaction, when the case has a relative with open portal access and an email address. The
-- notifier (server/src/notifications) runs after commit, checks that the item is visible to that
-- family now (news of remains stays hidden until the family was informed in person) and sends
-- one short email per relative. Triggers catch every writer (API, imports, scripts) alike.
CREATE FUNCTION notification_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1
      FROM case_relative cr
      JOIN portal_access pa ON pa.relative_id = cr.relative_id AND pa.revoked_at IS NULL
      JOIN relative r ON r.id = cr.relative_id AND r.email IS NOT NULL AND r.erased_at IS NULL
     WHERE cr.case_id = NEW.case_id
  ) THEN
    INSERT INTO notification_outbox (case_id, source, source_id) VALUES (NEW.case_id, TG_TABLE_NAME, NEW.id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER case_event_notify AFTER INSERT ON case_event FOR EACH ROW
  WHEN (NEW.family_visible OR NEW.type IN ('FATE_CHANGED', 'WORKFLOW_CHANGED', 'FAMILY_INFORMED'))
  EXECUTE FUNCTION notification_enqueue();
CREATE TRIGGER case_event_notify_update AFTER UPDATE OF family_visible, family_message ON case_event FOR EACH ROW
  WHEN (NEW.family_visible AND (NOT OLD.family_visible OR NEW.family_message IS DISTINCT FROM OLD.family_message))
  EXECUTE FUNCTION notification_enqueue();

CREATE TRIGGER contact_notify AFTER INSERT ON contact FOR EACH ROW
  WHEN (NEW.family_visible_summary IS NOT NULL)
  EXECUTE FUNCTION notification_enqueue();
CREATE TRIGGER contact_notify_update AFTER UPDATE OF family_visible_summary ON contact FOR EACH ROW
  WHEN (NEW.family_visible_summary IS NOT NULL AND NEW.family_visible_summary IS DISTINCT FROM OLD.family_visible_summary)
  EXECUTE FUNCTION notification_enqueue();

CREATE TRIGGER attachment_notify AFTER INSERT ON attachment FOR EACH ROW
  WHEN (NEW.visibility = 'FAMILY')
  EXECUTE FUNCTION notification_enqueue();
CREATE TRIGGER attachment_notify_update AFTER UPDATE OF visibility ON attachment FOR EACH ROW
  WHEN (NEW.visibility = 'FAMILY' AND OLD.visibility <> 'FAMILY')
  EXECUTE FUNCTION notification_enqueue();

CREATE TRIGGER family_message_notify AFTER INSERT ON family_message FOR EACH ROW
  WHEN (NOT NEW.from_family)
  EXECUTE FUNCTION notification_enqueue();
