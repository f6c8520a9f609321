import { describe, expect, it } from 'vitest';
import { fieldForHeader, proposeMapping } from './header-mapping.js';

describe('fieldForHeader', () => {
  it.each([
    ['Emri', 'firstName'],
    ['EMRI', 'firstName'],
    ['Ime', 'firstName'],
    ['Име', 'firstName'],
    ['First name', 'firstName'],
    ['Mbiemri', 'lastName'],
    ['Prezime', 'lastName'],
    ['Презиме', 'lastName'],
    ['Surname', 'lastName'],
    ['Emri i babait', 'fatherName'],
    ['Atësia', 'fatherName'],
    ['Ime oca', 'fatherName'],
    ["Father's name", 'fatherName'],
    ['Datëlindja', 'dateOfBirth'],
    ['Data e lindjes', 'dateOfBirth'],
    ['Datum rođenja', 'dateOfBirth'],
    ['Датум рођења', 'dateOfBirth'],
    ['Year of birth', 'dateOfBirth'],
    ['Gjinia', 'sex'],
    ['Pol', 'sex'],
    ['Komuna', 'lastSeenMunicipalityCode'],
    ['Opština', 'lastSeenMunicipalityCode'],
    ['Општина', 'lastSeenMunicipalityCode'],
    ['Komuna e lindjes', 'placeOfBirth'],
    ['Komuniteti', 'communityCode'],
    ['Zajednica', 'communityCode'],
    ['Data e zhdukjes', 'missingSince'],
    ['Datum nestanka', 'missingSince'],
    ['Vendi', 'lastSeenPlace'],
    ['Mesto', 'lastSeenPlace'],
    ['Vendi i lindjes', 'placeOfBirth'],
    ['ICRC', 'icrcReference'],
    ['ICRC ref. no.', 'icrcReference'],
    ['Nr. ICMP', 'icmpReference'],
    ['KQPZ', 'gcmpReference'],
    ['Zyra', 'officeCode'],
    ['Kancelarija', 'officeCode'],
    ['Rrethanat', 'circumstances'],
  ])('%s -> %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it.each(['Emri i nënës', 'Ime majke', 'Full name', 'Telefoni', 'ID', ''])('%s is none of ours', (header) => {
    expect(fieldForHeader(header)).toBeNull();
  });
});

it('proposes each field once, from the first column naming it', () => {
  expect(proposeMapping(['Nr', 'Emri', 'Mbiemri', 'Emri i babait', 'Ime', 'Nofka', 'Druga imena'])).toEqual({
    Emri: 'firstName',
    Mbiemri: 'lastName',
    'Emri i babait': 'fatherName',
    Nofka: 'otherNames',
    'Druga imena': 'otherNames',
  });
});
