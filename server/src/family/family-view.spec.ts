import { ACCESS_CODE_ALPHABET, ACCESS_CODE_PATTERN, normalizeAccessCode } from '@mprc/contracts';
import { describe, expect, it } from 'vitest';
import { ACCESS_CODE_BITS, newAccessCode } from './access-code.js';
import { buildFamilyView, stageOf, type ViewEvent } from './family-view.js';

const day = (d: number) => new Date(Date.UTC(2026, 0, d, 10));
const base = { fateStatus: 'MISSING', workflowStatus: 'NEW', familyInformedAt: null, createdAt: day(1) };
let n = 0;
const ev = (
  type: string,
  d: number,
  from: string | null,
  to: string | null,
  familyMessage: string | null = null,
  familyVisible = !!familyMessage,
): ViewEvent => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  type,
  at: day(d),
  fromStatus: from,
  toStatus: to,
  familyMessage,
  familyVisible,
});

describe('access codes', () => {
  it('have about 59 bits from an alphabet without look-alikes, grouped for reading aloud', () => {
    expect(ACCESS_CODE_ALPHABET).toHaveLength(30);
    expect(ACCESS_CODE_ALPHABET).not.toMatch(/[01OILU]/);
    expect(ACCESS_CODE_BITS).toBeGreaterThan(58);
    const codes = Array.from({ length: 2000 }, newAccessCode);
    for (const c of codes) expect(c).toMatch(ACCESS_CODE_PATTERN);
    expect(new Set(codes).size).toBe(codes.length);
    // Every symbol turns up: the draw covers the whole alphabet.
    expect(new Set(codes.join('').replaceAll('-', '')).size).toBe(30);
  });

  it('compare without spaces, dashes or case', () => {
    expect(normalizeAccessCode(' 7kx4 m9pq-r2tw ')).toBe('7KX4M9PQR2TW');
  });
});

describe('the stage a family sees', () => {
  it('maps fate and workflow to plain keys', () => {
    expect(stageOf('MISSING', 'ACTIVE')).toBe('SEARCHING');
    expect(stageOf('MISSING', 'CLOSED')).toBe('CLOSED');
    expect(stageOf('IDENTIFIED', 'CLOSED')).toBe('IDENTIFIED');
    expect(stageOf('FOUND_ALIVE', 'ACTIVE')).toBe('FOUND_ALIVE');
  });

  it('holds back news of remains, and everything written for the family since, until the in-person visit', () => {
    const events = [
      ev('WORKFLOW_CHANGED', 2, 'NEW', 'VERIFIED'),
      ev('NOTE', 3, null, null, 'We met the ICRC about your case.'),
      ev('FATE_CHANGED', 5, 'MISSING', 'REMAINS_RECOVERED', 'Remains were recovered.'),
      ev('NOTE', 6, null, null, 'Hidden follow-up'),
    ];
    const contacts = [
      {
        id: 'c1',
        occurredAt: day(7),
        createdAt: day(7),
        channel: 'PHONE',
        familyVisibleSummary: 'We called about the remains.',
      },
    ];
    const attachments = [
      { id: 'a1', fileName: 'letter.pdf', contentType: 'application/pdf', size: 3, createdAt: day(4) },
      { id: 'a2', fileName: 'report.pdf', contentType: 'application/pdf', size: 3, createdAt: day(8) },
    ];
    const hidden = buildFamilyView(
      { ...base, fateStatus: 'REMAINS_RECOVERED', workflowStatus: 'VERIFIED' },
      events,
      contacts,
      attachments,
    );
    expect(hidden.stage).toBe('SEARCHING');
    expect(hidden.newsWithheld).toBe(true);
    const json = JSON.stringify(hidden.timeline);
    expect(json).toContain('We met the ICRC');
    expect(json).not.toMatch(/Remains were|Hidden follow-up|about the remains|report\.pdf|REMAINS/);
    expect(hidden.attachments.map((a) => a.id)).toEqual(['a1']);
    expect(hidden.lastUpdateAt).toEqual(day(4));

    const told = buildFamilyView(
      { ...base, fateStatus: 'REMAINS_RECOVERED', workflowStatus: 'VERIFIED', familyInformedAt: day(9) },
      events,
      contacts,
      attachments,
    );
    expect(told.stage).toBe('REMAINS_RECOVERED');
    expect(told.newsWithheld).toBe(false);
    expect(told.timeline).toContainEqual({
      kind: 'STAGE_CHANGED',
      at: day(5).toISOString(),
      stage: 'REMAINS_RECOVERED',
      message: 'Remains were recovered.',
    });
    expect(told.attachments.map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(told.timeline[0]).toMatchObject({ kind: 'DOCUMENT', attachmentId: 'a2' });
  });

  it('needs the visit to come after the change: an earlier visit does not reveal a later identification', () => {
    const events = [
      ev('FATE_CHANGED', 2, 'MISSING', 'REMAINS_RECOVERED'),
      ev('FATE_CHANGED', 6, 'REMAINS_RECOVERED', 'IDENTIFIED', 'Identified'),
    ];
    const v = buildFamilyView({ ...base, fateStatus: 'IDENTIFIED', familyInformedAt: day(3) }, events, [], []);
    expect(v.stage).toBe('REMAINS_RECOVERED');
    expect(JSON.stringify(v.timeline)).not.toContain('IDENTIFIED');
  });

  it('hides a workflow closure that follows hidden news', () => {
    const events = [
      ev('FATE_CHANGED', 2, 'MISSING', 'IDENTIFIED'),
      ev('WORKFLOW_CHANGED', 3, 'ACTIVE', 'CLOSED', 'Closed'),
    ];
    const v = buildFamilyView({ ...base, fateStatus: 'IDENTIFIED', workflowStatus: 'CLOSED' }, events, [], []);
    expect(v.stage).toBe('SEARCHING');
    expect(v.timeline.map((t) => t.kind)).toEqual(['CASE_OPENED']);
  });

  it('withdraws hidden news quietly when it is corrected before the visit', () => {
    const events = [
      ev('FATE_CHANGED', 2, 'MISSING', 'IDENTIFIED', 'Identified'),
      ev('FATE_CHANGED', 3, 'IDENTIFIED', 'MISSING', 'Sorry, the identification was wrong'),
      ev('NOTE', 4, null, null, 'The search goes on.'),
    ];
    const v = buildFamilyView(base, events, [], []);
    expect(v.stage).toBe('SEARCHING');
    expect(v.newsWithheld).toBe(false);
    expect(JSON.stringify(v.timeline)).not.toMatch(/Identified|identification/);
    expect(JSON.stringify(v.timeline)).toContain('The search goes on.');
  });

  it('shows good news at once, with the message written for the family', () => {
    const v = buildFamilyView(
      { ...base, fateStatus: 'FOUND_ALIVE' },
      [ev('FATE_CHANGED', 2, 'MISSING', 'FOUND_ALIVE', 'He is alive and well.')],
      [],
      [],
    );
    expect(v.stage).toBe('FOUND_ALIVE');
    expect(v.timeline[0]).toEqual({
      kind: 'STAGE_CHANGED',
      at: day(2).toISOString(),
      stage: 'FOUND_ALIVE',
      message: 'He is alive and well.',
    });
  });

  it('withholds a sensitive fate that has no event in the history until a visit is recorded', () => {
    expect(buildFamilyView({ ...base, fateStatus: 'IDENTIFIED' }, [], [], []).stage).toBe('SEARCHING');
    expect(buildFamilyView({ ...base, fateStatus: 'IDENTIFIED', familyInformedAt: day(2) }, [], [], []).stage).toBe(
      'IDENTIFIED',
    );
  });

  it('leaves internal workflow steps out of the timeline unless they carry a message', () => {
    const events = [
      ev('WORKFLOW_CHANGED', 2, 'NEW', 'VERIFIED'),
      ev('WORKFLOW_CHANGED', 3, 'VERIFIED', 'ACTIVE', 'We have started working on your case.'),
    ];
    const v = buildFamilyView({ ...base, workflowStatus: 'ACTIVE' }, events, [], []);
    expect(v.timeline).toEqual([
      { kind: 'UPDATE', at: day(3).toISOString(), message: 'We have started working on your case.' },
      { kind: 'CASE_OPENED', at: day(1).toISOString() },
    ]);
  });
});
