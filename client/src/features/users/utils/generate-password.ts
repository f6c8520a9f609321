// No look-alike characters (0/O, 1/l/I): the password is read out or copied by hand once.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random initial password: 4 groups of 4 (about 93 bits), easy to pass on and to type. */
export function generatePassword(): string {
  const limit = 256 - (256 % ALPHABET.length);
  const chars: string[] = [];
  while (chars.length < 16) {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    for (const byte of bytes) if (byte < limit && chars.length < 16) chars.push(ALPHABET[byte % ALPHABET.length]);
  }
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join('')).join('-');
}
