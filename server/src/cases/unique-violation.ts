/** A unique constraint refused the write (Prisma P2002, or PostgreSQL 23505 underneath). */
export function isUniqueViolation(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { code?: unknown; originalCode?: unknown; cause?: unknown };
  if (e.code === 'P2002' || e.code === '23505' || e.originalCode === '23505') return true;
  return isUniqueViolation(e.cause, depth + 1);
}
