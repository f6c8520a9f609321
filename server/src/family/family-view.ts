// What a family may see of a case, decided in one pure function so that the portal, the
// attachment download and the notifier apply the same rules.
//
// News of remains (REMAINS_RECOVERED, IDENTIFIED, REMAINS_HANDED_OVER) reaches a family in person
// first: such a fate change stays hidden until case.family_informed_at is at or after it. While it
// is hidden the family sees the stage they knew before, and everything written for the family in
// the meantime (timeline messages, stage changes, contact summaries, documents) is held back too,
// since it may speak of the news. Officers' direct replies in the message thread are not held
// back: they are how a visit gets arranged.
import type { FamilyStage, FamilyTimelineItem } from '@mprc/contracts';

export const SENSITIVE_FATES: ReadonlySet<string> = new Set(['REMAINS_RECOVERED', 'IDENTIFIED', 'REMAINS_HANDED_OVER']);

const FATE_STAGE: Record<string, FamilyStage> = {
  MISSING: 'SEARCHING',
  FOUND_ALIVE: 'FOUND_ALIVE',
  REMAINS_RECOVERED: 'REMAINS_RECOVERED',
  IDENTIFIED: 'IDENTIFIED',
  REMAINS_HANDED_OVER: 'REMAINS_HANDED_OVER',
};
const WORKFLOWS = new Set(['NEW', 'VERIFIED', 'ACTIVE', 'CLOSURE_REQUESTED', 'CLOSED']);

/** The plain stage for a fate and a workflow status; internal codes never leave this mapping. */
export function stageOf(fate: string, workflow: string): FamilyStage {
  if (fate === 'MISSING' && workflow === 'CLOSED') return 'CLOSED';
  return FATE_STAGE[fate] ?? 'SEARCHING';
}

export interface ViewCase {
  fateStatus: string;
  workflowStatus: string;
  familyInformedAt: Date | null;
  createdAt: Date;
}
export interface ViewEvent {
  id: string;
  type: string;
  at: Date;
  fromStatus: string | null;
  toStatus: string | null;
  familyMessage: string | null;
  familyVisible: boolean;
}
export interface ViewContact {
  id: string;
  occurredAt: Date;
  createdAt: Date;
  channel: string;
  familyVisibleSummary: string;
}
export interface ViewAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: Date;
}

export interface FamilyView {
  stage: FamilyStage;
  /** Newest first. */
  timeline: FamilyTimelineItem[];
  attachments: ViewAttachment[];
  /** The last time something the family can see was written. */
  lastUpdateAt: Date;
  /** Ids of the events, contacts and attachments the family can see (the notifier checks against it). */
  visibleIds: ReadonlySet<string>;
  /** A fate change is waiting for the in-person visit. */
  newsWithheld: boolean;
}

interface Window {
  start: number;
  end: number | null;
}

export function buildFamilyView(
  c: ViewCase,
  events: ViewEvent[],
  contacts: ViewContact[],
  attachments: ViewAttachment[],
): FamilyView {
  const informed = c.familyInformedAt?.getTime() ?? null;
  const ordered = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const firstFate = ordered.find((e) => e.type === 'FATE_CHANGED' && e.fromStatus && FATE_STAGE[e.fromStatus]);
  const firstWorkflow = ordered.find(
    (e) => e.type === 'WORKFLOW_CHANGED' && e.fromStatus && WORKFLOWS.has(e.fromStatus),
  );
  let fate = firstFate?.fromStatus ?? 'MISSING';
  let workflow = firstWorkflow?.fromStatus ?? 'NEW';
  let visibleFate = SENSITIVE_FATES.has(fate) && informed === null ? 'MISSING' : fate;
  let visibleWorkflow = workflow;
  let stage = stageOf(visibleFate, visibleWorkflow);

  const windows: Window[] = [];
  let open: Window | null = null;
  const items: { item: FamilyTimelineItem; recordedAt: number; id?: string }[] = [
    { item: { kind: 'CASE_OPENED', at: c.createdAt.toISOString() }, recordedAt: c.createdAt.getTime() },
  ];
  const visibleIds = new Set<string>();

  for (const e of ordered) {
    const t = e.at.getTime();
    let eventVisible = open === null;
    const isFate = e.type === 'FATE_CHANGED' && !!e.toStatus && !!FATE_STAGE[e.toStatus];
    const isWorkflow = e.type === 'WORKFLOW_CHANGED' && !!e.toStatus && WORKFLOWS.has(e.toStatus);
    if (isFate) {
      fate = e.toStatus!;
      if (SENSITIVE_FATES.has(fate) && !(informed !== null && informed >= t)) {
        // Not yet told in person: hide this change and what follows until the visit is recorded.
        if (!open) windows.push((open = { start: t, end: null }));
        eventVisible = false;
      } else if (open && !SENSITIVE_FATES.has(fate)) {
        // A correction before the family was told: the hidden news is withdrawn, quietly.
        open.end = t;
        open = null;
        eventVisible = false;
      }
    } else if (isWorkflow) {
      workflow = e.toStatus!;
    }
    if (!open) {
      visibleFate = fate;
      visibleWorkflow = workflow;
    }
    const next = stageOf(visibleFate, visibleWorkflow);
    const message = eventVisible && e.familyMessage?.trim() ? e.familyMessage : null;
    if (next !== stage) {
      items.push({
        item: { kind: 'STAGE_CHANGED', at: e.at.toISOString(), stage: next, message },
        recordedAt: t,
        id: e.id,
      });
      visibleIds.add(e.id);
      stage = next;
    } else if (eventVisible && message && (e.familyVisible || isFate || isWorkflow)) {
      items.push({ item: { kind: 'UPDATE', at: e.at.toISOString(), message }, recordedAt: t, id: e.id });
      visibleIds.add(e.id);
    }
  }

  // Cases whose history has no events for the current status (imported, or older data).
  if (!open) {
    if (c.fateStatus !== fate)
      visibleFate = SENSITIVE_FATES.has(c.fateStatus) && informed === null ? visibleFate : c.fateStatus;
    visibleWorkflow = c.workflowStatus;
  }
  const withheld = (t: number) => windows.some((w) => t >= w.start && (w.end === null || t <= w.end));

  for (const contact of contacts) {
    const t = contact.createdAt.getTime();
    if (withheld(t) || !contact.familyVisibleSummary.trim()) continue;
    items.push({
      item: {
        kind: 'CONTACT',
        at: contact.occurredAt.toISOString(),
        channel: contact.channel as never,
        summary: contact.familyVisibleSummary,
      },
      recordedAt: t,
      id: contact.id,
    });
    visibleIds.add(contact.id);
  }
  const visibleAttachments = attachments.filter((a) => !withheld(a.createdAt.getTime()));
  for (const a of visibleAttachments) {
    items.push({
      item: { kind: 'DOCUMENT', at: a.createdAt.toISOString(), attachmentId: a.id, fileName: a.fileName },
      recordedAt: a.createdAt.getTime(),
      id: a.id,
    });
    visibleIds.add(a.id);
  }

  items.sort((a, b) => Date.parse(b.item.at) - Date.parse(a.item.at) || b.recordedAt - a.recordedAt);
  return {
    stage: stageOf(visibleFate, visibleWorkflow),
    timeline: items.map((i) => i.item),
    attachments: visibleAttachments.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()),
    lastUpdateAt: new Date(Math.max(...items.map((i) => i.recordedAt))),
    visibleIds,
    newsWithheld:
      open !== null ||
      (SENSITIVE_FATES.has(c.fateStatus) &&
        stageOf(visibleFate, visibleWorkflow) !== stageOf(c.fateStatus, c.workflowStatus)),
  };
}
