/**
 * The demo accounts the e2e server is started with (server.global.ts sets DEMO_PASSWORD): the
 * synthetic dataset's accounts share this password. For an external server (E2E_BASE_URL) set
 * E2E_DEMO_PASSWORD to its DEMO_PASSWORD.
 */
export const DEMO_PASSWORD = process.env.E2E_DEMO_PASSWORD ?? 'demo-password-e2e';

export const DEMO_ACCOUNTS = {
  admin: 'admin',
  planner: 'planner',
  plannerSuzhou: 'planner-suzhou',
  enterprise: 'enterprise-demo',
  institution: 'institution-demo',
} as const;
