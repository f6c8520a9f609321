// Arrangements for the report and export tests: a varied set of cases written with SQL (every
// status, sex, age group, partial dates, missing values, two offices, merged cases that must not
// count), timeline events and contacts for the monthly series and the officer table, and rows
// whose text tries to break a CSV (quotes, commas, line breaks, formulas, Cyrillic).
import type { ReportGroupBy } from '@mprc/contracts';
import type pg from 'pg';

export interface Seeded {
  officerA: string; // PRISTINA
  officerB: string; // MITROVICA
  tricky: Record<string, string>; // label -> case number
  merged: string[]; // case numbers merged away
}

/** Values that spreadsheet programs would run as formulas, and text that needs CSV quoting. */
export const TRICKY_NAMES = {
  hyperlink: '=HYPERLINK("http://example.test/x","click")',
  plus: '+1',
  minus: '-2',
  at: '@SUM(A1:A2)',
  tab: '\tTabbed',
  cr: '\rCarriage',
  comma: 'Comma, Name',
  quote: 'Quote "Q" Name',
  newline: 'Line\nBreak',
  cyrillic: 'Драган Јовановић',
} as const;

const CASE_INSERT = `
  INSERT INTO "case" (id, case_number, office_id, assigned_officer_id, first_name, last_name, father_name, other_names, sex,
                      date_of_birth, birth_year, community_id, place_of_birth, missing_since, missing_since_from,
                      last_seen_municipality_id, last_seen_place, circumstances, fate_status, workflow_status, created_at, updated_at)
  SELECT gen_random_uuid(), 'MP-' || lpad(nextval('case_number_seq')::text, 6, '0'),
         (SELECT id FROM office WHERE code = v.office), v.officer, v.first_name, v.last_name, v.father_name, v.other_names,
         v.sex::"Sex", v.dob, left(v.dob, 4)::int, (SELECT id FROM community WHERE code = v.community), v.pob, v.ms,
         CASE length(v.ms) WHEN 4 THEN (v.ms || '-01-01')::date WHEN 7 THEN (v.ms || '-01')::date ELSE v.ms::date END,
         (SELECT id FROM municipality WHERE code = v.municipality), v.place, 'Internal circumstances text',
         v.fate::"FateStatus", v.workflow::"WorkflowStatus", v.created, v.created
    FROM json_to_recordset($1::json) AS v(office text, officer uuid, first_name text, last_name text, father_name text,
         other_names text[], sex text, dob text, community text, pob text, ms text, municipality text, place text,
         fate text, workflow text, created timestamptz)
  RETURNING id, case_number, first_name`;

const FATES = ['MISSING', 'FOUND_ALIVE', 'REMAINS_RECOVERED', 'IDENTIFIED', 'REMAINS_HANDED_OVER'];
const WORKFLOWS = ['NEW', 'VERIFIED', 'ACTIVE', 'CLOSURE_REQUESTED', 'CLOSED'];
const SEXES = ['MALE', 'FEMALE', 'UNKNOWN'];
const COMMUNITIES = ['ALBANIAN', 'SERB', 'ROMA', 'GORANI', 'BOSNIAK', null];
const MUNICIPALITIES = ['FERIZAJ', 'PRISHTINE', 'MITROVICE_VERI', 'GJAKOVE', null];
// Birth dates and missing dates chosen so every age group occurs: 1999-1982 = 17, 1998-1935 = 63...
const BIRTHS = [null, '1950', '1982-03', '1985-06-15', '1935', '1972-11-02', '1960-01'];
const MISSING = [null, '1998', '1999-04', '1999-05-20', '2000-01'];

function monthsAgo(n: number): string {
  const d = new Date();
  d.setUTCDate(15);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString();
}

export async function seedReportData(pool: pg.Pool, officerA: string, officerB: string): Promise<Seeded> {
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < 90; i++) {
    const mitrovica = i % 3 === 0;
    rows.push({
      office: mitrovica ? 'MITROVICA' : 'PRISTINA',
      officer: i % 4 === 0 ? null : mitrovica ? officerB : officerA,
      first_name: ['Agim', 'Fatmire', 'Jovana', 'Бранко', 'Ëndrit', 'Čedomir'][i % 6],
      last_name:
        ['Krasniqi', 'Gashi', 'Petrović', 'Јовановић', 'Berisha', 'Đorđević', 'Hoxha'][i % 7] + (i % 2 ? '' : 'i'),
      father_name: i % 5 === 0 ? null : 'Rexhep',
      other_names: i % 9 === 0 ? ['Alt Name', 'Друго Име'] : [],
      sex: SEXES[i % 3],
      dob: BIRTHS[i % 7],
      community: COMMUNITIES[i % 6],
      pob: i % 4 === 0 ? null : 'Village of birth',
      ms: MISSING[i % 5],
      municipality: MUNICIPALITIES[(i + 1) % 5],
      place: i % 3 === 0 ? null : 'By the road, near the river',
      fate: FATES[i % 5],
      workflow: WORKFLOWS[Math.floor(i / 2) % 5],
      created: monthsAgo(i % 14),
    });
  }
  const tricky = Object.entries(TRICKY_NAMES).map(([key, name], i) => ({
    office: 'PRISTINA',
    officer: officerA,
    first_name: key === 'cyrillic' ? 'Драган' : 'Test',
    last_name: key === 'cyrillic' ? 'Јовановић' : name,
    father_name: key === 'cyrillic' ? 'Милан' : null,
    other_names: [],
    sex: 'MALE',
    dob: '1970-02-03',
    community: 'SERB',
    pob: key === 'newline' ? 'Village, "North"\nside' : null,
    ms: '1999-06-1' + (i % 9),
    municipality: 'PRISHTINE',
    place: key === 'newline' ? 'Line one\r\nline two' : null,
    fate: 'MISSING',
    workflow: 'ACTIVE',
    created: monthsAgo(0),
  }));
  const inserted = await pool.query<{ id: string; case_number: string; first_name: string }>(CASE_INSERT, [
    JSON.stringify([...rows, ...tricky]),
  ]);
  const ids = inserted.rows.map((r) => r.id);
  const trickyRows = inserted.rows.slice(rows.length);
  const trickyNumbers = Object.fromEntries(Object.keys(TRICKY_NAMES).map((k, i) => [k, trickyRows[i].case_number]));

  // Three cases merged into others: never counted, never exported.
  const merged = await pool.query<{ case_number: string }>(
    `UPDATE "case" SET merged_into_id = $1::uuid, workflow_status = 'CLOSED' WHERE id = ANY($2::uuid[]) RETURNING case_number`,
    [ids[1], [ids[10], ids[20], ids[30]]],
  );

  await pool.query(
    `INSERT INTO external_reference (id, case_id, system, reference)
     SELECT gen_random_uuid(), id, 'ICRC', 'KOS-' || row_number() OVER (ORDER BY case_number) FROM "case" WHERE id = ANY($1::uuid[])`,
    [ids.filter((_, i) => i % 8 === 0)],
  );

  // Timeline: stage changes spread over the last months (and one that is not a stage change).
  await pool.query(
    `INSERT INTO case_event (id, case_id, type, at, from_status, to_status)
     SELECT gen_random_uuid(), c.id, (CASE WHEN n % 2 = 0 THEN 'FATE_CHANGED' ELSE 'WORKFLOW_CHANGED' END)::"CaseEventType",
            date_trunc('month', now()) - make_interval(months => (n % 6)::int) + interval '3 days', 'A', 'B'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n)
     UNION ALL
     SELECT gen_random_uuid(), c.id, 'NOTE', now() - interval '1 day', NULL, NULL FROM unnest($1::uuid[]) AS c(id)`,
    [ids.slice(0, 40)],
  );

  // Contacts: one a month for some cases; overdue follow-ups (past, not done), done ones and future ones.
  await pool.query(
    `INSERT INTO contact (id, case_id, occurred_at, channel, officer_id, summary, follow_up_on, follow_up_done_at)
     SELECT gen_random_uuid(), c.id, date_trunc('month', now()) - make_interval(months => (n % 5)::int) + interval '2 days',
            'PHONE', CASE WHEN n % 2 = 0 THEN $2::uuid ELSE $3::uuid END, 'Internal summary',
            CASE n % 3 WHEN 0 THEN current_date - 10 WHEN 1 THEN current_date + 10 ELSE current_date - 3 END,
            CASE WHEN n % 3 = 2 THEN now() END
       FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n)`,
    [ids.slice(0, 60), officerA, officerB],
  );

  return { officerA, officerB, tricky: trickyNumbers, merged: merged.rows.map((r) => r.case_number) };
}

export interface CaseFacts {
  case_number: string;
  fate: string;
  workflow: string;
  community: string | null;
  municipality: string | null;
  office: string;
  missing_since: string | null;
  birth_year: number | null;
  sex: string;
  assigned_officer_id: string | null;
}

/** Every countable case (not merged) with the facts the summaries group by. */
export async function caseFacts(pool: pg.Pool): Promise<CaseFacts[]> {
  const { rows } = await pool.query<CaseFacts>(
    `SELECT c.case_number, c.fate_status::text AS fate, c.workflow_status::text AS workflow, cm.code AS community,
            mu.code AS municipality, o.code AS office, c.missing_since, c.birth_year, c.sex::text AS sex, c.assigned_officer_id
       FROM "case" c JOIN office o ON o.id = c.office_id
       LEFT JOIN community cm ON cm.id = c.community_id
       LEFT JOIN municipality mu ON mu.id = c.last_seen_municipality_id
      WHERE c.merged_into_id IS NULL`,
  );
  return rows;
}

/** The key a case falls under for a summary, computed in JavaScript (independently of the SQL). */
export function keyOf(groupBy: ReportGroupBy, c: CaseFacts): string | null {
  switch (groupBy) {
    case 'fateStatus':
      return c.fate;
    case 'workflowStatus':
      return c.workflow;
    case 'community':
      return c.community;
    case 'municipality':
      return c.municipality;
    case 'office':
      return c.office;
    case 'sex':
      return c.sex;
    case 'yearMissing':
      return c.missing_since ? c.missing_since.slice(0, 4) : null;
    case 'ageGroup': {
      if (c.birth_year === null || !c.missing_since) return 'unknown';
      const age = Number(c.missing_since.slice(0, 4)) - c.birth_year;
      if (age < 0) return 'unknown';
      if (age <= 17) return '0-17';
      if (age <= 29) return '18-29';
      if (age <= 44) return '30-44';
      if (age <= 59) return '45-59';
      return '60+';
    }
  }
}

export function countBy(groupBy: ReportGroupBy, facts: CaseFacts[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const c of facts) {
    const key = keyOf(groupBy, c);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
