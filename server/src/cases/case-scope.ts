import type { Actor } from '../common/auth/actor.js';
import { Prisma } from '../generated/prisma/client.js';

// Which cases a caller may see (STYLE.md rule 4): managers every case, liaison officers the cases
// of their office, everyone else none. Repositories put the scope into their WHERE, so an
// out-of-scope case answers exactly like one that does not exist.
export type CaseScope = { kind: 'all' } | { kind: 'office'; officeId: string } | { kind: 'none' };

export function caseScope(actor: Pick<Actor, 'kind' | 'role' | 'officeId'>): CaseScope {
  if (actor.kind !== 'staff') return { kind: 'none' };
  if (actor.role === 'MANAGER') return { kind: 'all' };
  if (actor.role === 'LIAISON_OFFICER' && actor.officeId) return { kind: 'office', officeId: actor.officeId };
  return { kind: 'none' };
}

/** The scope as a Prisma filter on Case. */
export function scopeWhere(scope: CaseScope): Prisma.CaseWhereInput {
  if (scope.kind === 'all') return {};
  if (scope.kind === 'office') return { officeId: scope.officeId };
  return { id: { in: [] } };
}

/** The scope as a condition on an office id column, for Prisma's tagged SQL. */
export function scopeSql(scope: CaseScope, officeColumn: Prisma.Sql): Prisma.Sql {
  if (scope.kind === 'all') return Prisma.sql`TRUE`;
  if (scope.kind === 'office') return Prisma.sql`${officeColumn} = ${scope.officeId}::uuid`;
  return Prisma.sql`FALSE`;
}

/** Positional parameters for hand-built SQL run on the pg pool. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/** The scope as a condition on an office id column, for SQL run on the pg pool. */
export function scopeCondition(scope: CaseScope, officeColumn: string, params: SqlParams): string {
  if (scope.kind === 'all') return 'TRUE';
  if (scope.kind === 'office') return `${officeColumn} = ${params.add(scope.officeId, '::uuid')}`;
  return 'FALSE';
}
