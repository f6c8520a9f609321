import { describe, expect, it } from 'vitest';
import { ReferenceResolver, splitList, toPartialDate, toSex } from './import-values.js';

describe('toPartialDate', () => {
  it.each([
    ['1999', '1999'],
    ['1999-04', '1999-04'],
    ['1999-4', '1999-04'],
    ['1999/04/12', '1999-04-12'],
    ['1999-04-12 00:00:00', '1999-04-12'],
    ['1999-04-12T00:00:00Z', '1999-04-12'],
    ['12.04.1999', '1999-04-12'],
    ['12.04.1999.', '1999-04-12'],
    ['2.4.1999', '1999-04-02'],
    ['5/4/1968', '1968-04-05'],
    ['05-04-1968', '1968-04-05'],
    ['04.1999', '1999-04'],
    ['4/1999', '1999-04'],
    ['maj 1999', '1999-05'],
    ['qershor 1998', '1998-06'],
    ['Јун 1999', '1999-06'],
    ['12 prill 1999', '1999-04-12'],
    ['April 1999', '1999-04'],
    ['36281', '1999-05-01'],
    ['25569', '1970-01-01'],
    ['', null],
    ['  ', null],
  ])('%s -> %s', (input, expected) => {
    expect(toPartialDate(input)).toBe(expected);
  });

  it('hands back what it does not recognise, for the form rules to refuse', () => {
    expect(toPartialDate('12.04.99')).toBe('12.04.99');
    expect(toPartialDate('sometime in 1999')).toBe('sometime in 1999');
    expect(toPartialDate('31.02.1999')).toBe('1999-02-31'); // not a real date: the schema says so
  });
});

describe('toSex', () => {
  it.each([
    ['M', 'MALE'],
    ['m', 'MALE'],
    ['Mashkull', 'MALE'],
    ['MUŠKI', 'MALE'],
    ['Muski', 'MALE'],
    ['мушки', 'MALE'],
    ['Male', 'MALE'],
    ['F', 'FEMALE'],
    ['Femër', 'FEMALE'],
    ['femer', 'FEMALE'],
    ['Ž', 'FEMALE'],
    ['Ženski', 'FEMALE'],
    ['Женски', 'FEMALE'],
    ['Female', 'FEMALE'],
    ['', 'UNKNOWN'],
    ['E panjohur', 'UNKNOWN'],
    ['Nepoznato', 'UNKNOWN'],
    ['N/A', 'UNKNOWN'],
    ['Q', null],
    ['Mixed', null],
  ])('%s -> %s', (input, expected) => {
    expect(toSex(input)).toBe(expected);
  });
});

it('splits several names in one cell', () => {
  expect(splitList('Gjergj; Gjergji / Đerđ,  ')).toEqual(['Gjergj', 'Gjergji', 'Đerđ']);
});

describe('ReferenceResolver', () => {
  const municipalities = new ReferenceResolver([
    { id: '1', code: 'PEJE', names: ['Pejë', 'Peć', 'Пећ', 'Peja'] },
    {
      id: '2',
      code: 'MITROVICE_JUG',
      names: ['Mitrovicë e Jugut', 'Južna Mitrovica', 'Јужна Митровица', 'South Mitrovica'],
    },
    {
      id: '3',
      code: 'MITROVICE_VERI',
      names: ['Mitrovicë e Veriut', 'Severna Mitrovica', 'Северна Митровица', 'North Mitrovica'],
    },
    { id: '4', code: 'SHTERPCE', names: ['Shtërpcë', 'Štrpce', 'Штрпце', 'Štrpce'] },
  ]);

  it('finds a code, or a name in any language and script, with or without diacritics', () => {
    for (const v of ['PEJE', 'peje', 'Pejë', 'Peć', 'PEC', 'Пећ', 'Peja', 'Pejes'])
      expect(municipalities.resolve(v), v).toEqual({ ok: true, id: '1', code: 'PEJE' });
    expect(municipalities.resolve('Strpce')).toMatchObject({ ok: true, code: 'SHTERPCE' });
    expect(municipalities.resolve('mitrovice-jug')).toMatchObject({ ok: true, code: 'MITROVICE_JUG' });
    expect(municipalities.resolve('Северна Митровица')).toMatchObject({ ok: true, code: 'MITROVICE_VERI' });
  });

  it('says when a name fits several, or none', () => {
    expect(municipalities.resolve('Mitrovicë')).toEqual({
      ok: false,
      reason: 'ambiguous',
      codes: ['MITROVICE_JUG', 'MITROVICE_VERI'],
    });
    expect(municipalities.resolve('Beograd')).toEqual({ ok: false, reason: 'unknown' });
    expect(municipalities.resolve('Pe')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('knows other ways of naming a community', () => {
    const communities = new ReferenceResolver(
      [
        { id: 'a', code: 'ALBANIAN', names: ['Shqiptarë', 'Albanci', 'Албанци', 'Albanian'] },
        { id: 's', code: 'SERB', names: ['Serbë', 'Srbi', 'Срби', 'Serb'] },
      ],
      { ALBANIAN: ['albanac'], SERB: ['srpkinja'] },
    );
    expect(communities.resolve('Shqiptar')).toMatchObject({ code: 'ALBANIAN' });
    expect(communities.resolve('Albanac')).toMatchObject({ code: 'ALBANIAN' });
    expect(communities.resolve('Srbin')).toMatchObject({ code: 'SERB' });
    expect(communities.resolve('Српкиња')).toMatchObject({ code: 'SERB' });
  });
});
