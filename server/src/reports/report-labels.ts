import {
  AGE_GROUPS,
  EXPORT_COLUMNS,
  FATE_STATUSES,
  latinToCyrillic,
  REPORT_GROUP_BYS,
  SEXES,
  WORKFLOW_STATUSES,
  type AgeGroup,
  type CaseFilterKey,
  type ExportColumn,
  type FateStatus,
  type ReportGroupBy,
  type Sex,
  type UiLanguage,
  type WorkflowStatus,
} from '@mprc/contracts';

// Labels for reports, exports and the printable summary, in the interface languages. Written in
// Albanian, Serbian Latin and English; Serbian Cyrillic is generated from the Latin (as the
// client does), so the four never drift apart. A unit test checks every entry is filled in.

type SourceLanguage = Exclude<UiLanguage, 'sr-Cyrl'>;
type Texts<K extends string> = Record<K, Record<SourceLanguage, string>>;

const FATE: Texts<FateStatus> = {
  MISSING: { sq: 'I zhdukur', 'sr-Latn': 'Nestalo lice', en: 'Missing' },
  FOUND_ALIVE: { sq: 'Gjetur gjallë', 'sr-Latn': 'Pronađen(a) živ(a)', en: 'Found alive' },
  REMAINS_RECOVERED: { sq: 'Mbetjet e gjetura', 'sr-Latn': 'Posmrtni ostaci pronađeni', en: 'Remains recovered' },
  IDENTIFIED: { sq: 'Identifikuar', 'sr-Latn': 'Identifikovan(a)', en: 'Identified' },
  REMAINS_HANDED_OVER: {
    sq: 'Mbetjet iu dorëzuan familjes',
    'sr-Latn': 'Posmrtni ostaci predati porodici',
    en: 'Remains handed over',
  },
};

const WORKFLOW: Texts<WorkflowStatus> = {
  NEW: { sq: 'I ri', 'sr-Latn': 'Nov', en: 'New' },
  VERIFIED: { sq: 'I verifikuar', 'sr-Latn': 'Proveren', en: 'Verified' },
  ACTIVE: { sq: 'Aktiv', 'sr-Latn': 'Aktivan', en: 'Active' },
  CLOSURE_REQUESTED: { sq: 'Kërkohet mbyllja', 'sr-Latn': 'Zatraženo zatvaranje', en: 'Closure requested' },
  CLOSED: { sq: 'I mbyllur', 'sr-Latn': 'Zatvoren', en: 'Closed' },
};

const SEX: Texts<Sex> = {
  MALE: { sq: 'Mashkull', 'sr-Latn': 'Muški', en: 'Male' },
  FEMALE: { sq: 'Femër', 'sr-Latn': 'Ženski', en: 'Female' },
  UNKNOWN: { sq: 'E panjohur', 'sr-Latn': 'Nepoznat', en: 'Unknown' },
};

const AGE: Texts<AgeGroup> = {
  '0-17': { sq: '0–17', 'sr-Latn': '0–17', en: '0–17' },
  '18-29': { sq: '18–29', 'sr-Latn': '18–29', en: '18–29' },
  '30-44': { sq: '30–44', 'sr-Latn': '30–44', en: '30–44' },
  '45-59': { sq: '45–59', 'sr-Latn': '45–59', en: '45–59' },
  '60+': { sq: '60+', 'sr-Latn': '60+', en: '60+' },
  unknown: { sq: 'E panjohur', 'sr-Latn': 'Nepoznato', en: 'Unknown' },
};

const GROUP_TITLES: Texts<ReportGroupBy> = {
  fateStatus: { sq: 'Sipas fatit', 'sr-Latn': 'Prema sudbini', en: 'By fate' },
  workflowStatus: { sq: 'Sipas fazës së rastit', 'sr-Latn': 'Prema fazi slučaja', en: 'By case stage' },
  community: { sq: 'Sipas komunitetit', 'sr-Latn': 'Prema zajednici', en: 'By community' },
  municipality: {
    sq: 'Sipas komunës ku u pa për herë të fundit',
    'sr-Latn': 'Prema opštini gde je osoba poslednji put viđena',
    en: 'By municipality last seen',
  },
  yearMissing: { sq: 'Sipas vitit të zhdukjes', 'sr-Latn': 'Prema godini nestanka', en: 'By year gone missing' },
  sex: { sq: 'Sipas gjinisë', 'sr-Latn': 'Prema polu', en: 'By sex' },
  ageGroup: {
    sq: 'Sipas moshës në kohën e zhdukjes',
    'sr-Latn': 'Prema uzrastu u vreme nestanka',
    en: 'By age when gone missing',
  },
  office: { sq: 'Sipas zyrës', 'sr-Latn': 'Prema kancelariji', en: 'By office' },
};

const COLUMNS: Texts<ExportColumn> = {
  caseNumber: { sq: 'Numri i rastit', 'sr-Latn': 'Broj slučaja', en: 'Case number' },
  firstName: { sq: 'Emri', 'sr-Latn': 'Ime', en: 'First name' },
  lastName: { sq: 'Mbiemri', 'sr-Latn': 'Prezime', en: 'Last name' },
  fatherName: { sq: 'Emri i babait', 'sr-Latn': 'Ime oca', en: "Father's name" },
  otherNames: { sq: 'Emra dhe shkrime të tjera', 'sr-Latn': 'Druga imena i pisanja', en: 'Other names and spellings' },
  sex: { sq: 'Gjinia', 'sr-Latn': 'Pol', en: 'Sex' },
  dateOfBirth: { sq: 'Data e lindjes', 'sr-Latn': 'Datum rođenja', en: 'Date of birth' },
  ageGroup: { sq: 'Mosha në kohën e zhdukjes', 'sr-Latn': 'Uzrast u vreme nestanka', en: 'Age when gone missing' },
  community: { sq: 'Komuniteti', 'sr-Latn': 'Zajednica', en: 'Community' },
  placeOfBirth: { sq: 'Vendlindja', 'sr-Latn': 'Mesto rođenja', en: 'Place of birth' },
  missingSince: { sq: 'I zhdukur që nga', 'sr-Latn': 'Datum nestanka', en: 'Missing since' },
  lastSeenMunicipality: {
    sq: 'Komuna ku u pa për herë të fundit',
    'sr-Latn': 'Opština gde je poslednji put viđen(a)',
    en: 'Municipality last seen',
  },
  lastSeenPlace: {
    sq: 'Vendi ku u pa për herë të fundit',
    'sr-Latn': 'Mesto gde je poslednji put viđen(a)',
    en: 'Place last seen',
  },
  office: { sq: 'Zyra', 'sr-Latn': 'Kancelarija', en: 'Office' },
  fateStatus: { sq: 'Fati', 'sr-Latn': 'Sudbina', en: 'Fate' },
  workflowStatus: { sq: 'Faza e rastit', 'sr-Latn': 'Faza slučaja', en: 'Case stage' },
  assignedOfficer: { sq: 'Zyrtari ndërlidhës', 'sr-Latn': 'Službenik za vezu', en: 'Liaison officer' },
  externalReferences: { sq: 'Referenca të jashtme', 'sr-Latn': 'Spoljne reference', en: 'External references' },
  createdAt: { sq: 'Regjistruar më', 'sr-Latn': 'Datum registracije', en: 'Registered on' },
  updatedAt: { sq: 'Ndryshuar së fundi', 'sr-Latn': 'Poslednja izmena', en: 'Last changed' },
};

const FILTERS: Texts<CaseFilterKey> = {
  q: { sq: 'Kërkimi', 'sr-Latn': 'Pretraga', en: 'Search' },
  fateStatus: COLUMNS.fateStatus,
  workflowStatus: COLUMNS.workflowStatus,
  communityCode: COLUMNS.community,
  municipalityCode: COLUMNS.lastSeenMunicipality,
  officeCode: COLUMNS.office,
  missingFrom: { sq: 'Zhdukur nga', 'sr-Latn': 'Nestanak od', en: 'Missing from' },
  missingTo: { sq: 'Zhdukur deri', 'sr-Latn': 'Nestanak do', en: 'Missing until' },
  assignedOfficerId: COLUMNS.assignedOfficer,
};

const TEXTS = {
  reportTitle: { sq: 'Raport i rasteve', 'sr-Latn': 'Izveštaj o slučajevima', en: 'Case report' },
  organisation: {
    sq: 'Qendra e burimeve për personat e zhdukur',
    'sr-Latn': 'Centar za resurse o nestalim licima',
    en: 'Missing Persons Resource Center',
  },
  generatedAt: { sq: 'Krijuar më', 'sr-Latn': 'Napravljeno', en: 'Generated' },
  generatedBy: { sq: 'Nga', 'sr-Latn': 'Napravio/la', en: 'By' },
  filters: { sq: 'Filtrat', 'sr-Latn': 'Filteri', en: 'Filters' },
  noFilters: {
    sq: 'Të gjitha rastet (pa filtra)',
    'sr-Latn': 'Svi slučajevi (bez filtera)',
    en: 'All cases (no filters)',
  },
  keyFigures: { sq: 'Shifrat kryesore', 'sr-Latn': 'Ključni podaci', en: 'Key figures' },
  totalCases: { sq: 'Raste', 'sr-Latn': 'Slučajeva', en: 'Cases' },
  stillMissing: { sq: 'Ende të zhdukur', 'sr-Latn': 'Još uvek nestalih', en: 'Still missing' },
  openCases: { sq: 'Raste të hapura', 'sr-Latn': 'Otvorenih slučajeva', en: 'Open cases' },
  closedCases: { sq: 'Raste të mbyllura', 'sr-Latn': 'Zatvorenih slučajeva', en: 'Closed cases' },
  overdueFollowUps: { sq: 'Ndjekje të vonuara', 'sr-Latn': 'Zakasnelih praćenja', en: 'Overdue follow-ups' },
  count: { sq: 'Numri', 'sr-Latn': 'Broj', en: 'Count' },
  share: { sq: 'Pjesa', 'sr-Latn': 'Udeo', en: 'Share' },
  notRecorded: { sq: 'Pa të dhëna', 'sr-Latn': 'Nije upisano', en: 'Not recorded' },
  noCases: { sq: 'Asnjë rast', 'sr-Latn': 'Nema slučajeva', en: 'No cases' },
  page: { sq: 'Faqja {page} nga {pages}', 'sr-Latn': 'Strana {page} od {pages}', en: 'Page {page} of {pages}' },
  unassigned: { sq: 'Pa zyrtar', 'sr-Latn': 'Bez službenika', en: 'Nobody' },
  // The export's second sheet.
  casesSheet: { sq: 'Rastet', 'sr-Latn': 'Slučajevi', en: 'Cases' },
  aboutSheet: { sq: 'Për eksportin', 'sr-Latn': 'O izvozu', en: 'About this export' },
  exportTitle: { sq: 'Eksport i rasteve', 'sr-Latn': 'Izvoz slučajeva', en: 'Case export' },
  exportedAt: { sq: 'Eksportuar më', 'sr-Latn': 'Izvezeno', en: 'Exported at' },
  exportedBy: { sq: 'Eksportuar nga', 'sr-Latn': 'Izvezao/la', en: 'Exported by' },
  anonymized: { sq: 'Anonimizuar', 'sr-Latn': 'Anonimizovano', en: 'Anonymized' },
  columns: { sq: 'Kolonat', 'sr-Latn': 'Kolone', en: 'Columns' },
  yes: { sq: 'Po', 'sr-Latn': 'Da', en: 'Yes' },
  no: { sq: 'Jo', 'sr-Latn': 'Ne', en: 'No' },
  field: { sq: 'Fusha', 'sr-Latn': 'Polje', en: 'Field' },
  value: { sq: 'Vlera', 'sr-Latn': 'Vrednost', en: 'Value' },
  timeZone: { sq: 'ora e Kosovës', 'sr-Latn': 'vreme na Kosovu', en: 'Kosovo time' },
} satisfies Texts<string>;
export type ReportText = keyof typeof TEXTS;

const pick = (entry: Record<SourceLanguage, string>, language: UiLanguage): string =>
  language === 'sr-Cyrl' ? latinToCyrillic(entry['sr-Latn']) : entry[language];

export interface ReportLabels {
  language: UiLanguage;
  fate(value: FateStatus): string;
  workflow(value: WorkflowStatus): string;
  sex(value: Sex): string;
  ageGroup(value: AgeGroup): string;
  groupTitle(groupBy: ReportGroupBy): string;
  column(column: ExportColumn): string;
  filter(key: CaseFilterKey): string;
  text(key: ReportText, values?: Record<string, string | number>): string;
}

function table<K extends string>(texts: Texts<K>, language: UiLanguage): Record<K, string> {
  return Object.fromEntries(
    Object.entries<Record<SourceLanguage, string>>(texts).map(([k, v]) => [k, pick(v, language)]),
  ) as Record<K, string>;
}

const cache = new Map<UiLanguage, ReportLabels>();

/** The labels in one language (built once per language). */
export function reportLabels(language: UiLanguage): ReportLabels {
  let labels = cache.get(language);
  if (!labels) {
    const fate = table(FATE, language);
    const workflow = table(WORKFLOW, language);
    const sex = table(SEX, language);
    const age = table(AGE, language);
    const groups = table(GROUP_TITLES, language);
    const columns = table(COLUMNS, language);
    const filters = table(FILTERS, language);
    const texts = table(TEXTS, language);
    labels = {
      language,
      fate: (v) => fate[v] ?? v,
      workflow: (v) => workflow[v] ?? v,
      sex: (v) => sex[v] ?? v,
      ageGroup: (v) => age[v] ?? v,
      groupTitle: (g) => groups[g],
      column: (c) => columns[c],
      filter: (k) => filters[k],
      text: (key, values) => texts[key].replace(/\{(\w+)\}/g, (m, name: string) => String(values?.[name] ?? m)),
    };
    cache.set(language, labels);
  }
  return labels;
}

/** Every label source, for the completeness test. */
export const LABEL_SOURCES = { FATE, WORKFLOW, SEX, AGE, GROUP_TITLES, COLUMNS, FILTERS, TEXTS };
export const LABEL_KEYS = {
  FATE: FATE_STATUSES,
  WORKFLOW: WORKFLOW_STATUSES,
  SEX: SEXES,
  AGE: AGE_GROUPS,
  GROUP_TITLES: REPORT_GROUP_BYS,
  COLUMNS: EXPORT_COLUMNS,
};
