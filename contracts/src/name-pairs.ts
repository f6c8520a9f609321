// Real name spellings that refer to the same name, as families, officials and forms write them:
// Albanian orthography, Serbian Latin, Serbian Cyrillic and plain ASCII. Used by the fold's unit
// test, by the test that compares it with PostgreSQL's mprc_fold(), and by the search tests.

/** Each group folds to one key. */
export const SAME_NAME_GROUPS: readonly (readonly string[])[] = [
  ['Đorđević', 'Djordjevic', 'Ђорђевић', 'Gjorgjeviq', 'DJORDJEVIĆ', 'Djordjević'],
  ['Krasniqi', 'Krasnići', 'Краснићи', 'Krasnici', 'KRASNIQI'],
  ['Hoxha', 'Hodža', 'Хоџа', 'Hodza'],
  ['Çeku', 'Čeku', 'Ceku', 'Ћеку', 'Qeku'],
  ['Gashi', 'Gaši', 'Гаши', 'Gasi'],
  ['Xhafer', 'Džafer', 'Џафер', 'Dzafer'],
  ['Shala', 'Šala', 'Шала', 'Sala'],
  ['Zhuri', 'Žuri', 'Жури', 'Zuri'],
  ['Jashari', 'Jašari', 'Јашари', 'Jasari'],
  ['Berisha', 'Beriša', 'Бериша', 'Berisa'],
  ['Mehmeti', 'Мехмети', 'MEHMETI'],
  ['Đurić', 'Gjuriq', 'Ђурић', 'Djuric'],
  ['Rexhepi', 'Redžepi', 'Реџепи', 'Redzepi'],
  ['Xhemajli', 'Džemajli', 'Џемајли'],
  ['Haxhiu', 'Hadžiu', 'Хаџиу'],
  ['Gjoka', 'Đoka', 'Ђока', 'Djoka'],
  ['Qerimi', 'Ćerimi', 'Ћерими', 'Čerimi'],
  ['Bytyqi', 'Bytyći'],
  ['Kelmendi', 'Келменди'],
  ['Shehu', 'Šehu', 'Шеху'],
  ['Zeqiri', 'Zećiri', 'Зећири'],
  ['Ljubiša', 'Љубиша', 'Ljubisa'],
  ['Njegoš', 'Његош', 'Njegos'],
  ['Stanković', 'Станковић', 'Stankoviq', 'Stankovic'],
  ['Miloš Jovanović', 'Милош Јовановић', 'Milos Jovanovic'],
  ['Dragoljub Petrović', 'Драгољуб Петровић', 'Dragoljub Petroviq'],
];

/** Spellings that do not fold to one key but that search must still connect (trigram similarity). */
export const SIMILAR_NAME_PAIRS: readonly (readonly [string, string])[] = [
  ['Qorri', 'Ćori'], // Albanian rr is a letter of its own; Serbian writes one r
  ['Lleshi', 'Lješi'],
  ['Thaçi', 'Tači'],
  ['Hyseni', 'Huseni'],
  ['Bytyqi', 'Bitići'],
  ['Krasniqi', 'Krasniki'], // one wrong letter
  ['Gashi', 'Gazhi'],
];
