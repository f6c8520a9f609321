// Name lists for the synthetic load (seed:scale). Common given names and surnames of Kosovo's
// communities, combined at random: every generated person is fictional. Each list is written in
// its own orthography (`sq` Albanian, `sr` Serbian/Bosnian/Croatian Latin, `tr` Turkish); the
// other spellings are derived in spelling.ts.

export type Orthography = 'sq' | 'sr' | 'tr';

export interface NameSet {
  orthography: Orthography;
  male: string[];
  female: string[];
  surnames: string[];
}

// prettier-ignore
const ALBANIAN: NameSet = {
  orthography: 'sq',
  male: [
    'Agim', 'Arben', 'Arsim', 'Avni', 'Bajram', 'Bashkim', 'Bekim', 'Besim', 'Blerim', 'Burim', 'Driton', 'Fadil',
    'Fatmir', 'Fehmi', 'Fitim', 'Gani', 'Gëzim', 'Hajdar', 'Halil', 'Hamdi', 'Hysen', 'Ilir', 'Isa', 'Jetmir', 'Kadri',
    'Kujtim', 'Lulzim', 'Mehmet', 'Muhamet', 'Nazim', 'Naim', 'Nexhat', 'Qamil', 'Ramadan', 'Rexhep', 'Sabri', 'Sadik',
    'Shaban', 'Shefqet', 'Skender', 'Sylejman', 'Xhevdet', 'Xhemajl', 'Ymer', 'Zenel', 'Afrim', 'Valon', 'Ardian',
    'Përparim', 'Çlirim', 'Ibrahim', 'Hajriz', 'Shyqri', 'Gjon', 'Ndue', 'Zef', 'Agron', 'Florim', 'Mursel', 'Imer',
  ],
  female: [
    'Afërdita', 'Ajshe', 'Besa', 'Bukurije', 'Drita', 'Fatime', 'Feride', 'Hajrije', 'Hava', 'Lumnije', 'Mirvete',
    'Nexhmije', 'Qefsere', 'Remzije', 'Sabire', 'Shqipe', 'Shpresa', 'Teuta', 'Valbona', 'Vjollca', 'Xhevahire', 'Zyra',
    'Zyrafete', 'Mihrije', 'Fetije', 'Gjyle', 'Igballe', 'Hatixhe', 'Lule', 'Mrika', 'Nurije', 'Sevdije', 'Violeta',
    'Ganimete', 'Rukije',
  ],
  surnames: [
    'Krasniqi', 'Gashi', 'Berisha', 'Morina', 'Shala', 'Hoxha', 'Bytyqi', 'Kryeziu', 'Hasani', 'Rexhepi', 'Ahmeti',
    'Hyseni', 'Kastrati', 'Osmani', 'Sylejmani', 'Mustafa', 'Zeka', 'Kelmendi', 'Halili', 'Limani', 'Musliu',
    'Bajrami', 'Çeku', 'Haxhiu', 'Dreshaj', 'Gjonbalaj', 'Lleshi', 'Xhemajli', 'Dervishi', 'Rama', 'Selimi', 'Sadiku',
    'Tahiri', 'Ymeri', 'Haliti', 'Shehu', 'Zeqiri', 'Uka', 'Veseli', 'Sopjani', 'Qorri', 'Gjergji', 'Avdiu', 'Kabashi',
    'Hamiti', 'Balaj', 'Elshani', 'Mazreku', 'Thaqi', 'Bislimi', 'Demaku', 'Gjikolli', 'Hajdari', 'Jakupi', 'Krasniçi',
    'Llapashtica', 'Maloku', 'Nuhiu', 'Pllana', 'Qerkezi', 'Rrahmani', 'Syla', 'Topalli', 'Vitia', 'Xhafa', 'Zhuja',
  ],
};

// prettier-ignore
const SERBIAN: NameSet = {
  orthography: 'sr',
  male: [
    'Dragan', 'Zoran', 'Milan', 'Nenad', 'Dejan', 'Goran', 'Slobodan', 'Miroslav', 'Srđan', 'Dušan', 'Nikola',
    'Stefan', 'Miloš', 'Vladimir', 'Živojin', 'Radomir', 'Ljubiša', 'Života', 'Božidar', 'Đorđe', 'Časlav', 'Predrag',
    'Momčilo', 'Veljko', 'Nebojša', 'Branislav', 'Saša', 'Žarko', 'Ljubomir', 'Dragoljub', 'Novica', 'Stojan',
    'Milorad', 'Vukašin', 'Đura', 'Jovan', 'Petar', 'Miodrag', 'Bratislav', 'Radoš',
  ],
  female: [
    'Jelena', 'Milica', 'Dragana', 'Snežana', 'Ljiljana', 'Gordana', 'Vesna', 'Mirjana', 'Slavica', 'Biljana',
    'Danica', 'Zorica', 'Nada', 'Radmila', 'Stanija', 'Desanka', 'Živka', 'Dušanka', 'Ljubica', 'Nevenka', 'Vidosava',
    'Jovanka', 'Đurđa', 'Stana', 'Milena',
  ],
  surnames: [
    'Đorđević', 'Jovanović', 'Petrović', 'Nikolić', 'Marković', 'Stojanović', 'Ilić', 'Stanković', 'Pavlović', 'Mitić',
    'Kostić', 'Živković', 'Đurić', 'Ristić', 'Todorović', 'Lazić', 'Simić', 'Trajković', 'Savić', 'Vuković', 'Janković',
    'Milić', 'Radić', 'Nešić', 'Denić', 'Spasić', 'Vasić', 'Krstić', 'Perić', 'Božović', 'Čolić', 'Ćirić', 'Dželetović',
    'Jokić', 'Stevanović', 'Arsić', 'Lukić', 'Vučković', 'Zdravković', 'Ćosić', 'Šarić', 'Jevtić', 'Gajić', 'Dimić',
    'Šćekić', 'Antić', 'Ljubić', 'Njegovanović',
  ],
};

// prettier-ignore
const MONTENEGRIN: NameSet = {
  orthography: 'sr',
  male: ['Vuko', 'Radoje', 'Blagota', 'Milutin', 'Vojislav', 'Mirko', 'Dragiša', 'Budimir', 'Rade', 'Savo'],
  female: ['Milka', 'Stoja', 'Jela', 'Ruža', 'Dara', 'Zagorka', 'Vukosava'],
  surnames: ['Vujošević', 'Radulović', 'Bulatović', 'Šćepanović', 'Popović', 'Raičević', 'Bošković', 'Vujović', 'Đurović'],
};

// prettier-ignore
const CROAT: NameSet = {
  orthography: 'sr',
  male: ['Marko', 'Ivan', 'Josip', 'Ante', 'Tomislav', 'Stjepan', 'Anto', 'Pero', 'Franjo'],
  female: ['Ana', 'Marija', 'Kata', 'Janja', 'Lucija', 'Ivka'],
  surnames: ['Palić', 'Brajković', 'Kovačević', 'Babić', 'Marić', 'Jurić', 'Glasnović', 'Matić', 'Đurkić'],
};

// prettier-ignore
const BOSNIAK: NameSet = {
  orthography: 'sr',
  male: [
    'Alija', 'Šaćir', 'Mehmed', 'Safet', 'Fikret', 'Hajrudin', 'Muharem', 'Ramiz', 'Sead', 'Senad', 'Suad', 'Edin',
    'Nermin', 'Enver', 'Džemal', 'Husein', 'Ćamil', 'Zećir', 'Hasan', 'Emin', 'Šefćet', 'Redžep',
  ],
  female: ['Emina', 'Fatima', 'Hajra', 'Senada', 'Amra', 'Sabina', 'Mejra', 'Šefika', 'Zlata', 'Ćamila', 'Džemila', 'Selvija'],
  surnames: [
    'Hodžić', 'Kurtović', 'Bajramović', 'Delić', 'Hadžić', 'Mehmedović', 'Ahmetović', 'Salihović', 'Omerović',
    'Halilović', 'Ćorović', 'Muratović', 'Šehović', 'Kardović', 'Bektešević', 'Dacić', 'Škrijelj',
  ],
};

// prettier-ignore
const ROMA: NameSet = {
  orthography: 'sr',
  male: ['Bajram', 'Sabit', 'Zoran', 'Skender', 'Selim', 'Ljatif', 'Demir', 'Muharem', 'Rasim', 'Šaban', 'Nedžmedin', 'Ramadan'],
  female: ['Sevdija', 'Fatima', 'Ljuljeta', 'Zumreta', 'Šefkija', 'Ferida', 'Hanifa', 'Elmaza', 'Nadža'],
  surnames: ['Mustafa', 'Osmani', 'Ramadani', 'Beriša', 'Gaši', 'Avdiju', 'Ibrahimi', 'Dželadini', 'Memeti', 'Bajrami', 'Saiti', 'Ajeti', 'Ademi', 'Salihu'],
};

// prettier-ignore
const ASHKALI_EGYPTIAN: NameSet = {
  orthography: 'sq',
  male: ['Bajram', 'Sabit', 'Xhevdet', 'Skender', 'Qazim', 'Ramadan', 'Avdyl', 'Shefki', 'Isuf', 'Nexhmedin', 'Fehmi'],
  female: ['Sevdije', 'Fatime', 'Lumnije', 'Shpresa', 'Hanife', 'Elmaze', 'Feride', 'Mahije'],
  surnames: ['Avdiu', 'Berisha', 'Gashi', 'Kabashi', 'Bajrami', 'Krasniqi', 'Hamiti', 'Balaj', 'Elshani', 'Lala', 'Kryeziu', 'Mehmeti'],
};

// prettier-ignore
const TURKISH: NameSet = {
  orthography: 'tr',
  male: ['Mehmet', 'Ahmet', 'Mustafa', 'Hüseyin', 'Şükrü', 'Cengiz', 'Orhan', 'Tahsin', 'Sefer', 'Yusuf', 'Nazmi', 'Rıza', 'Kenan', 'Faik'],
  female: ['Ayşe', 'Fatma', 'Emine', 'Hatice', 'Zeynep', 'Şükriye', 'Gülsen', 'Nurten', 'Sevim', 'Müzeyyen'],
  surnames: ['Çelik', 'Kılıç', 'Demir', 'Yıldız', 'Doğan', 'Aslan', 'Kaya', 'Özkan', 'Tekin', 'Bakır', 'Şahin', 'Yılmaz', 'Baki', 'Güler'],
};

// prettier-ignore
const GORANI: NameSet = {
  orthography: 'sr',
  male: ['Ramadan', 'Dževdet', 'Fadilj', 'Sabrija', 'Zećir', 'Ismet', 'Nazif', 'Redžep', 'Jusuf', 'Rifat', 'Šerif'],
  female: ['Zumreta', 'Ramiza', 'Mejrema', 'Sevdija', 'Ferida', 'Remzija', 'Nurija'],
  surnames: ['Ramadani', 'Džemaili', 'Ajdini', 'Bećiri', 'Redžepi', 'Šerifi', 'Halili', 'Idrizi', 'Ismaili', 'Aljiti', 'Bajrami'],
};

/** The names a person of each community is drawn from (OTHER and UNKNOWN borrow from all). */
// prettier-ignore
export const NAMES_BY_COMMUNITY: Record<string, NameSet[]> = {
  ALBANIAN: [ALBANIAN],
  SERB: [SERBIAN],
  BOSNIAK: [BOSNIAK],
  TURKISH: [TURKISH],
  ROMA: [ROMA],
  ASHKALI: [ASHKALI_EGYPTIAN],
  EGYPTIAN: [ASHKALI_EGYPTIAN],
  GORANI: [GORANI],
  MONTENEGRIN: [MONTENEGRIN],
  CROAT: [CROAT],
  OTHER: [ALBANIAN, SERBIAN, BOSNIAK, TURKISH, CROAT],
  UNKNOWN: [ALBANIAN, SERBIAN, ROMA, BOSNIAK],
};

export const ALL_NAME_SETS: NameSet[] = [
  ALBANIAN,
  SERBIAN,
  MONTENEGRIN,
  CROAT,
  BOSNIAK,
  ROMA,
  ASHKALI_EGYPTIAN,
  TURKISH,
  GORANI,
];

/** Relative share of each community among the generated cases (all present at any size). */
// prettier-ignore
export const COMMUNITY_WEIGHTS: Record<string, number> = {
  ALBANIAN: 68,
  SERB: 18,
  ROMA: 3,
  ASHKALI: 1.5,
  EGYPTIAN: 1,
  BOSNIAK: 2.5,
  TURKISH: 1,
  GORANI: 1,
  MONTENEGRIN: 0.8,
  CROAT: 0.4,
  OTHER: 1,
  UNKNOWN: 1.8,
};

/** Preferred languages of a community's relatives (`sq`, `sr`, `en`, `tr`, `bs`, `rom`). */
// prettier-ignore
export const LANGUAGES_BY_COMMUNITY: Record<string, [string, number][]> = {
  ALBANIAN: [['sq', 97], ['en', 3]],
  SERB: [['sr', 97], ['en', 3]],
  BOSNIAK: [['bs', 70], ['sr', 20], ['sq', 10]],
  TURKISH: [['tr', 80], ['sq', 15], ['bs', 5]],
  ROMA: [['rom', 50], ['sr', 30], ['sq', 20]],
  ASHKALI: [['sq', 95], ['rom', 5]],
  EGYPTIAN: [['sq', 95], ['en', 5]],
  GORANI: [['bs', 60], ['sr', 30], ['sq', 10]],
  MONTENEGRIN: [['sr', 100]],
  CROAT: [['sr', 80], ['en', 20]],
  OTHER: [['en', 50], ['sq', 25], ['sr', 25]],
  UNKNOWN: [['sq', 50], ['sr', 40], ['en', 10]],
};

/** Where cases were last seen: weights per municipality code (unlisted ones weigh 1). */
// prettier-ignore
export const MUNICIPALITY_WEIGHTS: Record<string, number> = {
  PRISHTINE: 6, PRIZREN: 6, GJAKOVE: 7, PEJE: 6, SKENDERAJ: 6, DRENAS: 5, MITROVICE_JUG: 5, MITROVICE_VERI: 3,
  RAHOVEC: 4, SUHAREKE: 4, MALISHEVE: 4, KLINE: 4, ISTOG: 3, DECAN: 4, PODUJEVE: 3, VUSHTRRI: 3, LIPJAN: 3,
  FERIZAJ: 3, GJILAN: 3, KACANIK: 2, OBILIQ: 2, FUSHE_KOSOVE: 2, GRACANICE: 2, SHTIME: 2, DRAGASH: 2, ZVECAN: 1.5,
  LEPOSAVIQ: 1.5, ZUBIN_POTOK: 1.5, VITI: 2, KAMENICE: 1.5,
};

/** Communities more likely in some municipalities (multiplier on the global weight). */
// prettier-ignore
export const COMMUNITY_BOOST: Record<string, Record<string, number>> = {
  MITROVICE_VERI: { SERB: 8 }, ZVECAN: { SERB: 12 }, LEPOSAVIQ: { SERB: 12 }, ZUBIN_POTOK: { SERB: 12 },
  GRACANICE: { SERB: 6, ROMA: 3 }, SHTERPCE: { SERB: 5 }, KLLOKOT: { SERB: 4 }, PARTESH: { SERB: 10 },
  RANILLUG: { SERB: 10 }, NOVOBERDE: { SERB: 3 }, OBILIQ: { SERB: 2, ROMA: 3, ASHKALI: 3 },
  FUSHE_KOSOVE: { ASHKALI: 5, ROMA: 2 }, DRAGASH: { GORANI: 40, BOSNIAK: 5 }, MAMUSHE: { TURKISH: 80 },
  PRIZREN: { TURKISH: 6, BOSNIAK: 5, ROMA: 2 }, PEJE: { BOSNIAK: 4, ROMA: 2, EGYPTIAN: 3 },
  GJAKOVE: { EGYPTIAN: 5, ROMA: 2 }, ISTOG: { BOSNIAK: 3, MONTENEGRIN: 3 }, KLINE: { CROAT: 2 },
  LIPJAN: { CROAT: 4, ASHKALI: 2 }, FERIZAJ: { ASHKALI: 4 }, MITROVICE_JUG: { ROMA: 3 },
};

/** Municipalities served by the Mitrovica regional office; the rest go to Pristina. */
export const MITROVICA_REGION = new Set([
  'MITROVICE_JUG',
  'MITROVICE_VERI',
  'ZVECAN',
  'LEPOSAVIQ',
  'ZUBIN_POTOK',
  'VUSHTRRI',
  'SKENDERAJ',
]);
