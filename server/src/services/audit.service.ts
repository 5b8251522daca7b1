import type { AuditAction, AuditLog, AuditLogQuery, ViewerContext } from '@talentmap/core';
import type { AuditRepository } from '@talentmap/db';

/** What the default purpose of each action says when the caller gives none. */
const DEFAULT_PURPOSE: Record<AuditAction, string> = {
  'candidate-search': '岗位匹配',
  'talent-pathways': '职业发展路径',
  'talent-gap': '技能差距与培训',
  'contact-request': '联系请求',
  'contact-request-update': '处理联系请求',
};

export interface AuditEvent {
  action: AuditAction;
  purpose?: string | undefined;
  /** The pseudonyms as the viewer was shown them. */
  pseudonyms: string[];
  details?: Record<string, unknown>;
}

/**
 * Who looked at which talents, when and why. Routes record after the service has answered and
 * before the answer leaves: a failed write fails the request, so no access goes unlogged.
 */
export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    /** The row id behind a pseudonym the viewer was given (MatchService.talentIdOf). */
    private readonly talentIdOf: (pseudonym: string, viewer: ViewerContext) => number | null,
  ) {}

  async record(viewer: ViewerContext, event: AuditEvent): Promise<void> {
    const talentIds = event.pseudonyms.map((p) => this.talentIdOf(p, viewer)).filter((id): id is number => id !== null);
    await this.repo.record({
      accountId: viewer.accountId ?? null,
      username: viewer.username ?? null,
      role: viewer.role,
      action: event.action,
      purpose: event.purpose ?? DEFAULT_PURPOSE[event.action],
      pseudonyms: event.pseudonyms,
      talentIds,
      details: event.details ?? {},
    });
  }

  async list(q: AuditLogQuery): Promise<AuditLog> {
    const items = await this.repo.list({ username: q.account, before: q.before, limit: q.limit });
    return { items, next: items.length === q.limit ? (items.at(-1)?.id ?? null) : null };
  }
}
