import type { Session } from 'fastify';
import type { AccountRepository } from '@talentmap/db';
import { sha256 } from './account.service.js';

type Done = (err?: unknown) => void;

/**
 * @fastify/session's store over the sessions table. Rows are keyed by the SHA-256 of the
 * session id, so the table alone cannot be replayed as cookies; a session is stored only once
 * it belongs to an account (nobody signed in needs one), and goes when the account does.
 */
export class DatabaseSessionStore {
  constructor(private readonly repo: AccountRepository) {}

  set(sessionId: string, session: Session, callback: Done): void {
    const key = sha256(sessionId);
    const { accountId } = session;
    const expires = session.cookie.expires ?? null;
    const work = accountId === undefined || expires === null ? this.repo.deleteSession(key) : this.repo.saveSession(key, accountId, session, new Date(expires));
    work.then(() => callback(), callback);
  }

  get(sessionId: string, callback: (err: unknown, session?: Session | null) => void): void {
    this.repo.session(sha256(sessionId)).then(
      // The row holds what set() stored: a session serialised to JSON.
      (data) => callback(null, data as Session | null),
      (err: unknown) => callback(err),
    );
  }

  destroy(sessionId: string, callback: Done): void {
    this.repo.deleteSession(sha256(sessionId)).then(() => callback(), callback);
  }
}
