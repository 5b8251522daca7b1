import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');
const tsx = join(repoRoot, 'node_modules/.bin/tsx');

/** A real server (tsx server/src/server.ts) running as a child process. */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  /** Its exit code, once it and its node child are gone. */
  exited: Promise<number | null>;
}

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

/** A signal to the server's whole process group: tsx runs the server in a node child of its own. */
export const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-(child.pid as number), signal);
  } catch {
    /* already gone */
  }
};

/** tsx's exit comes before its node child's: the data folder's lock is free once the whole group is gone. */
async function groupGone(child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(-(child.pid as number), 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the server's output matches `pattern`; fails when it exits first or `ms` pass. */
export async function waitFor(server: ServerProcess, pattern: RegExp, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pattern.test(server.output())) {
    if (server.child.exitCode !== null) throw new Error(`server exited (${server.child.exitCode}) before ${pattern}:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${ms} ms:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts `tsx server/src/server.ts` on a free port, warnings only in its log, `env` on top; `stop` kills what still runs. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess & { stop: () => Promise<void> }> {
  const port = await freePort();
  // Its own process group, so a kill reaches tsx's node child as well.
  const child = spawn(tsx, ['server/src/server.ts'], {
    cwd: repoRoot,
    detached: true,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code))).then(async (code) => {
    await groupGone(child);
    return code;
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) killGroup(child, 'SIGKILL');
    await exited;
  };
  return { child, port, output: () => text, exited, stop };
}
