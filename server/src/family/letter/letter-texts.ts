// The portal access letter, in the languages we have reviewed texts for. Serbian Cyrillic is
// generated from the Latin text (one-to-one), as the interface strings are.
import { latinToCyrillic, type ContactLanguage } from '@mprc/contracts';

export type LetterLanguage = 'sq' | 'sr-Latn' | 'sr-Cyrl' | 'en';

export interface LetterText {
  lang: string;
  title: string;
  intro: string;
  portalLabel: string;
  caseLabel: string;
  codeLabel: string;
  stepsTitle: string;
  steps: string[];
  safety: string;
  officeLabel: string;
  phoneLabel: string;
  hoursLabel: string;
  closing: string;
}

const EN: LetterText = {
  lang: 'en',
  title: 'Your access to the family portal',
  intro:
    'We know how hard the waiting is. With this letter you can follow our work on your family member’s case from home, at any time, in your own language.',
  portalLabel: 'Portal address',
  caseLabel: 'Case number',
  codeLabel: 'Your access code',
  stepsTitle: 'How to sign in',
  steps: [
    'Open the portal address on a phone or a computer.',
    'Type the case number and the access code exactly as they are printed here.',
    'You will see where the case stands and the news we write for you. You can also send us a message or ask for a meeting.',
  ],
  safety:
    'Keep this letter in a safe place and do not share the code: anyone who has it together with the case number can read the news about the case. If the code is lost, call us and we will give you a new one.',
  officeLabel: 'Office',
  phoneLabel: 'Phone',
  hoursLabel: 'Opening hours',
  closing: 'We are with you. Whenever you have a question, call us or write to us through the portal.',
};

const SQ: LetterText = {
  lang: 'sq',
  title: 'Qasja juaj në portalin për familjet',
  intro:
    'E dimë sa e vështirë është pritja. Me këtë letër mund ta ndiqni punën tonë për rastin e anëtarit të familjes suaj nga shtëpia, në çdo kohë, në gjuhën tuaj.',
  portalLabel: 'Adresa e portalit',
  caseLabel: 'Numri i rastit',
  codeLabel: 'Kodi juaj i qasjes',
  stepsTitle: 'Si të hyni',
  steps: [
    'Hapeni adresën e portalit në telefon ose në kompjuter.',
    'Shkruani numrin e rastit dhe kodin e qasjes saktësisht siç janë shtypur këtu.',
    'Do të shihni se ku është rasti dhe lajmet që i shkruajmë për ju. Mund të na dërgoni edhe mesazh ose të kërkoni një takim.',
  ],
  safety:
    'Ruajeni këtë letër në një vend të sigurt dhe mos ia jepni kodin askujt: kushdo që e ka atë bashkë me numrin e rastit mund t’i lexojë lajmet për rastin. Nëse e humbni kodin, na telefononi dhe do t’ju japim një të ri.',
  officeLabel: 'Zyra',
  phoneLabel: 'Telefoni',
  hoursLabel: 'Orari',
  closing: 'Jemi pranë jush. Sa herë që keni një pyetje, na telefononi ose na shkruani përmes portalit.',
};

const SR_LATN: LetterText = {
  lang: 'sr-Latn',
  title: 'Vaš pristup portalu za porodice',
  intro:
    'Znamo koliko je čekanje teško. Uz ovo pismo možete od kuće, u bilo koje vreme i na svom jeziku, da pratite naš rad na predmetu člana vaše porodice.',
  portalLabel: 'Adresa portala',
  caseLabel: 'Broj predmeta',
  codeLabel: 'Vaš pristupni kod',
  stepsTitle: 'Kako da se prijavite',
  steps: [
    'Otvorite adresu portala na telefonu ili računaru.',
    'Unesite broj predmeta i pristupni kod tačno onako kako su ovde odštampani.',
    'Videćete dokle se stiglo sa predmetom i vesti koje pišemo za vas. Možete nam poslati i poruku ili zatražiti sastanak.',
  ],
  safety:
    'Čuvajte ovo pismo na sigurnom mestu i nikome ne dajte kod: svako ko ga ima zajedno sa brojem predmeta može da čita vesti o predmetu. Ako izgubite kod, pozovite nas i daćemo vam novi.',
  officeLabel: 'Kancelarija',
  phoneLabel: 'Telefon',
  hoursLabel: 'Radno vreme',
  closing: 'Uz vas smo. Kad god imate pitanje, pozovite nas ili nam pišite preko portala.',
};

const cyrillic = (t: LetterText): LetterText => ({
  lang: 'sr-Cyrl',
  title: latinToCyrillic(t.title),
  intro: latinToCyrillic(t.intro),
  portalLabel: latinToCyrillic(t.portalLabel),
  caseLabel: latinToCyrillic(t.caseLabel),
  codeLabel: latinToCyrillic(t.codeLabel),
  stepsTitle: latinToCyrillic(t.stepsTitle),
  steps: t.steps.map(latinToCyrillic),
  safety: latinToCyrillic(t.safety),
  officeLabel: latinToCyrillic(t.officeLabel),
  phoneLabel: latinToCyrillic(t.phoneLabel),
  hoursLabel: latinToCyrillic(t.hoursLabel),
  closing: latinToCyrillic(t.closing),
});

export const LETTER_TEXTS: Record<LetterLanguage, LetterText> = {
  sq: SQ,
  'sr-Latn': SR_LATN,
  'sr-Cyrl': cyrillic(SR_LATN),
  en: EN,
};

/**
 * The languages of a letter or an email for a relative's preferred language. We have no reviewed
 * Turkish, Bosnian or Romani texts yet and will not send machine translations to grieving
 * families, so: Bosnian readers get Serbian in Latin script (mutually intelligible, and Latin is
 * the Bosnian script); Turkish readers in Kosovo mostly read Albanian, so Albanian with English;
 * Roma, Ashkali and Egyptian families use Albanian or Serbian depending on the region, so both.
 */
export function languagesFor(preferred: ContactLanguage | string, script: 'latn' | 'cyrl' = 'latn'): LetterLanguage[] {
  const sr: LetterLanguage = script === 'cyrl' ? 'sr-Cyrl' : 'sr-Latn';
  switch (preferred) {
    case 'sq':
      return ['sq'];
    case 'en':
      return ['en'];
    case 'sr':
    case 'bs':
      return [sr];
    case 'tr':
      return ['sq', 'en'];
    case 'rom':
      return ['sq', sr];
    default:
      return ['sq', 'en'];
  }
}
