// The update email: that there is news and how to see it or whom to call, never what the news
// is. No names, no case number, no stage: an email can be read by anyone with the phone.
import { latinToCyrillic, officeHoursFor, type OfficeHours } from '@mprc/contracts';
import { languagesFor, type LetterLanguage } from '../family/letter/letter-texts.js';

interface EmailText {
  subject: string;
  body: (v: { portalUrl: string; phone: string | null; hours: string | null }) => string;
}

const callLine = (phone: string | null, hours: string | null, withPhone: (p: string) => string, without: string) =>
  phone ? withPhone(hours ? `${phone} (${hours})` : phone) : without;

const EN: EmailText = {
  subject: 'New information on the family portal',
  body: ({ portalUrl, phone, hours }) =>
    [
      'Hello,',
      '',
      'There is new information for you on the family portal of the Missing Persons Resource Center.',
      '',
      `To read it, open ${portalUrl} and sign in with the case number and the access code from our letter.`,
      callLine(
        phone,
        hours,
        (p) => `If you would rather talk to us, call ${p}.`,
        'If you would rather talk to us, call or visit your office.',
      ),
      '',
      'This message was sent automatically; please do not reply to it. You can write to us through the portal.',
    ].join('\n'),
};

const SQ: EmailText = {
  subject: 'Informacion i ri në portalin për familjet',
  body: ({ portalUrl, phone, hours }) =>
    [
      'Përshëndetje,',
      '',
      'Keni informacion të ri në portalin për familjet të Qendrës së Burimeve për Personat e Zhdukur.',
      '',
      `Për ta lexuar, hapni ${portalUrl} dhe hyni me numrin e rastit dhe kodin e qasjes nga letra jonë.`,
      callLine(
        phone,
        hours,
        (p) => `Nëse preferoni të flisni me ne, na telefononi në ${p}.`,
        'Nëse preferoni të flisni me ne, na telefononi ose ejani në zyrën tuaj.',
      ),
      '',
      'Ky mesazh është dërguar automatikisht; ju lutemi mos iu përgjigjni. Mund të na shkruani përmes portalit.',
    ].join('\n'),
};

const SR_LATN: EmailText = {
  subject: 'Nove informacije na portalu za porodice',
  body: ({ portalUrl, phone, hours }) =>
    [
      'Poštovani,',
      '',
      'Na portalu za porodice Centra za resurse o nestalim licima imate nove informacije.',
      '',
      `Da biste ih pročitali, otvorite ${portalUrl} i prijavite se brojem predmeta i pristupnim kodom iz našeg pisma.`,
      callLine(
        phone,
        hours,
        (p) => `Ako više volite da razgovarate sa nama, pozovite ${p}.`,
        'Ako više volite da razgovarate sa nama, pozovite ili posetite svoju kancelariju.',
      ),
      '',
      'Ova poruka je poslata automatski; molimo vas da na nju ne odgovarate. Možete nam pisati preko portala.',
    ].join('\n'),
};

// Only the words are transliterated; the address and the phone number stay as they are.
const SR_CYRL: EmailText = {
  subject: latinToCyrillic(SR_LATN.subject),
  body: (v) => {
    const marker = { portalUrl: '{{url}}', phone: v.phone ? '{{phone}}' : null, hours: v.hours ? '{{hours}}' : null };
    return latinToCyrillic(SR_LATN.body(marker))
      .replace('{{url}}', v.portalUrl)
      .replace('{{phone}}', v.phone ?? '')
      .replace('{{hours}}', v.hours ?? '');
  },
};

const TEXTS: Record<LetterLanguage, EmailText> = { en: EN, sq: SQ, 'sr-Latn': SR_LATN, 'sr-Cyrl': SR_CYRL };

/**
 * The email for a relative's preferred language: the same language choices as the letter;
 * Serbian is written in Cyrillic and then in Latin, since we do not know which script a family reads.
 */
export function updateEmail(
  preferredLanguage: string,
  v: { portalUrl: string; phone: string | null; hours: OfficeHours | null },
): { subject: string; text: string; language: string } {
  const langs: LetterLanguage[] = preferredLanguage === 'sr' ? ['sr-Cyrl', 'sr-Latn'] : languagesFor(preferredLanguage);
  const texts = langs.map((l) => TEXTS[l]);
  const subject = [...new Set(texts.map((t) => t.subject))].join(' / ');
  return {
    subject,
    text: texts.map((t, i) => t.body({ ...v, hours: officeHoursFor(v.hours, langs[i]!) })).join('\n\n———\n\n') + '\n',
    language: langs.join(', '),
  };
}
