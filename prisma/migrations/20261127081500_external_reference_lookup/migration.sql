-- Case search matches external references (ICRC, GCMP, ICMP numbers) typed in any letter case:
-- an expression index keeps that lookup an index scan at a million cases. Expression indexes
-- cannot be written in schema.prisma; the schema diff ignores them.
CREATE INDEX "external_reference_upper_reference_idx" ON "external_reference" (upper("reference"));
