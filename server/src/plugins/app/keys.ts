import fp from 'fastify-plugin';
import { loadPiiKeys, type PiiKeys } from '@talentmap/core/pii';
import type { AppOptions } from '../../app.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Seals identities, keys the blind index and the per-viewer pseudonyms (never logged, never sent). */
    piiKeys: PiiKeys;
  }
}

/**
 * The personal-information keys: given by the caller, or from PII_KEY; the synthetic demo alone
 * may fall back to a key generated into PII_KEY_FILE, so real records never sit beside their key.
 */
export default fp(
  async (app, opts: AppOptions) => {
    if (opts.piiKeys) return void app.decorate('piiKeys', opts.piiKeys);
    const synthetic = await app.datasetService.isSynthetic();
    const keys = loadPiiKeys({ configured: opts.config.PII_KEY, file: opts.config.PII_KEY_FILE ?? './data/pii.key', synthetic });
    if (keys.generated) app.log.warn(`PII_KEY is unset: generated a key for the synthetic demo into ${opts.config.PII_KEY_FILE ?? './data/pii.key'}`);
    app.decorate('piiKeys', keys);
  },
  { name: 'keys', dependencies: ['dataset'] },
);
