/**
 * The external id (外部编号) of a synthetic record: what an office's own system would have given it,
 * so that import files can refer to demo enterprises and institutions. Migration 0005 writes the
 * same for rows loaded before it.
 */
const PREFIX = { enterprise: ['SYN-E', 6], institution: ['SYN-I', 6], program: ['SYN-P', 6], vacancy: ['SYN-V', 7], talent: ['SYN-T', 7] } as const;

export const syntheticExternalId = (kind: keyof typeof PREFIX, id: number): string => `${PREFIX[kind][0]}${String(id).padStart(PREFIX[kind][1], '0')}`;
