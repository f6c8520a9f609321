// What a family types, read kindly. The server already ignores case, spaces and dashes and reads
// "mp 12" as MP-000012; here we also undo a Serbian Cyrillic keyboard: letters that look like the
// Latin ones printed on the letter (А for A, Р for P...), and МП typed for MP.

const LOOKALIKES: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  Ј: 'J',
  П: 'P',
};

function latinLetters(input: string): string {
  return [...input.toUpperCase()].map((ch) => LOOKALIKES[ch] ?? ch).join('');
}

/** "мп 12" -> "MP 12"; the server reads the rest. */
export function normalizeCaseNumberInput(input: string): string {
  return latinLetters(input.trim()).replace(/\s+/g, ' ');
}

/** "7kx4 m9pq-r2tw" -> "7KX4M9PQR2TW" (as the server compares it). */
export function normalizeAccessCodeInput(input: string): string {
  return latinLetters(input).replace(/[\s\-_.\u2010-\u2015]/g, '');
}
