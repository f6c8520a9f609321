import { foldName, IMPORT_MULTI_FIELDS, type ImportField, type ImportMapping } from '@mprc/contracts';

// Which of our fields a column holds, guessed from its header in Albanian, Serbian (Latin or
// Cyrillic: headers are compared folded, so "Име" = "Ime", "Datëlindja" = "DATELINDJA") or
// English. A header equal to a synonym wins; else the longest synonym found as whole words in the
// header ("Emri i babait" is the father's name, not "Emri"; "ICRC ref. no." is an ICRC
// reference). Each field is proposed once (other names may come from several columns).

const SYNONYMS: Record<ImportField, string[]> = {
  firstName: [
    'emri',
    'emer',
    'ime',
    'ime lica',
    'first name',
    'firstname',
    'first',
    'given name',
    'given names',
    'forename',
    'name',
  ],
  lastName: ['mbiemri', 'mbiemer', 'prezime', 'last name', 'lastname', 'surname', 'family name'],
  fatherName: [
    'emri i babait',
    'emri i atit',
    'emri babait',
    'atesia',
    'babai',
    'ime oca',
    'ime oceva',
    'ocevo ime',
    'otac',
    "father's name",
    'fathers name',
    'father name',
    'father',
  ],
  otherNames: [
    'emra te tjere',
    'emrat e tjere',
    'nofka',
    'pseudonimi',
    'druga imena',
    'drugo ime',
    'nadimak',
    'other names',
    'other name',
    'alias',
    'aliases',
    'also known as',
    'aka',
  ],
  sex: ['gjinia', 'gjini', 'seksi', 'pol', 'spol', 'sex', 'gender'],
  dateOfBirth: [
    'datelindja',
    'data e lindjes',
    'data lindjes',
    'viti i lindjes',
    'viti lindjes',
    'datum rodjenja',
    'godina rodjenja',
    'godiste',
    'date of birth',
    'birth date',
    'birthdate',
    'year of birth',
    'birth year',
    'dob',
    'born',
  ],
  placeOfBirth: [
    'vendlindja',
    'vendi i lindjes',
    'komuna e lindjes',
    'mesto rodjenja',
    'mjesto rodjenja',
    'opstina rodjenja',
    'place of birth',
    'birthplace',
    'birth place',
  ],
  communityCode: [
    'komuniteti',
    'perkatesia etnike',
    'etnia',
    'etnicitet',
    'etnicitet',
    'kombesia',
    'zajednica',
    'nacionalnost',
    'narodnost',
    'etnicka pripadnost',
    'community',
    'ethnicity',
    'ethnic group',
    'nationality',
  ],
  missingSince: [
    'data e zhdukjes',
    'data zhdukjes',
    'zhdukur me',
    'zhdukur',
    'i zhdukur me',
    'datum nestanka',
    'nestao',
    'nestala',
    'nestao dana',
    'missing since',
    'date missing',
    'date of disappearance',
    'disappeared',
    'missing date',
    'date of disappearence',
  ],
  lastSeenMunicipalityCode: [
    'komuna',
    'komuna e zhdukjes',
    'opstina',
    'opstina nestanka',
    'municipality',
    'last seen municipality',
    'municipality last seen',
  ],
  lastSeenPlace: [
    'vendi',
    'vendi i zhdukjes',
    'vendi ku u pa',
    'fshati',
    'lokacioni',
    'mesto',
    'mjesto',
    'mesto nestanka',
    'selo',
    'lokacija',
    'place',
    'last seen',
    'last seen place',
    'place last seen',
    'location',
    'village',
  ],
  circumstances: [
    'rrethanat',
    'rrethanat e zhdukjes',
    'shenime',
    'verejtje',
    'okolnosti',
    'okolnosti nestanka',
    'napomena',
    'beleske',
    'circumstances',
    'notes',
    'remarks',
    'comments',
  ],
  officeCode: ['zyra', 'kancelarija', 'office', 'kancelarija'],
  icrcReference: ['icrc', 'knkk', 'mkck', 'icrc ref', 'icrc reference', 'icrc number', 'tracing request'],
  gcmpReference: ['gcmp', 'kqpz', 'vknl', 'gcmp ref', 'gcmp reference', 'government commission'],
  icmpReference: ['icmp', 'mknl', 'icmp ref', 'icmp reference'],
  otherReference: [
    'reference',
    'referenca',
    'ref',
    'ref no',
    'other reference',
    'numri i references',
    'broj reference',
  ],
};

// Headers that contain a synonym but hold something else (a mother's name, a full name to split).
const NOT_OURS = [
  'emri i nenes',
  'emri nenes',
  'ime majke',
  "mother's name",
  'mothers name',
  'mother name',
  'emri i plote',
  'emri dhe mbiemri',
  'ime i prezime',
  'puno ime',
  'full name',
  'id',
];

interface Synonym {
  field: ImportField | null;
  folded: string;
}

const ALL_SYNONYMS: Synonym[] = [
  ...Object.entries(SYNONYMS).flatMap(([field, words]) =>
    words.map((w) => ({ field: field as ImportField, folded: foldName(w) })),
  ),
  ...NOT_OURS.map((w) => ({ field: null, folded: foldName(w) })),
].sort((a, b) => b.folded.length - a.folded.length);
const EXACT = new Map(ALL_SYNONYMS.map((s) => [s.folded, s.field]));

/** Our field for one header, or null. */
export function fieldForHeader(header: string): ImportField | null {
  const folded = foldName(header);
  if (!folded) return null;
  const exact = EXACT.get(folded);
  if (exact !== undefined) return exact;
  const padded = ` ${folded} `;
  // Short synonyms (ref, dob, aka) only as the whole header: too easily part of other words' phrases.
  for (const s of ALL_SYNONYMS) if (s.folded.length >= 4 && padded.includes(` ${s.folded} `)) return s.field;
  return null;
}

/** The proposed mapping for a file's columns: each field from the first column that names it. */
export function proposeMapping(columns: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<ImportField>();
  for (const column of columns) {
    const field = fieldForHeader(column);
    if (!field || (taken.has(field) && !IMPORT_MULTI_FIELDS.includes(field))) continue;
    mapping[column] = field;
    taken.add(field);
  }
  return mapping;
}
