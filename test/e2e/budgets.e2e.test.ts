import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { artifacts, launch, openPage, waitForMap, waitForMapKey, heatKey } from './support/browser';

/**
 * The web app's budgets, measured in headless Chromium against the demo-scale server:
 * first map paint ≤ 2 s, main bundle ≤ 1.5 MB gzip (MapLibre included), filter change →
 * map repainted ≤ 300 ms at p95. Results go to test/artifacts/budgets.json.
 */

const baseUrl = inject('baseUrl');
const demoTalents = inject('demoTalents');
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');
const results: Record<string, unknown> = { demoTalents: Number(demoTalents) };
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close().catch(() => {});
  writeFileSync(join(artifacts, 'budgets.json'), `${JSON.stringify(results, null, 2)}\n`);
});

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

describe('budgets', () => {
  it('main bundle (everything index.html loads) is at most 1.5 MB gzip', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const referenced = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!));
    // index.html loads the entry; the entry imports the vendor and maplibre chunks statically
    for (const file of readdirSync(join(dist, 'assets'))) if (/\.(js|css)$/.test(file)) referenced.add(`assets/${file}`);
    const sizes = [...referenced].map((f) => {
      const bytes = readFileSync(join(dist, f));
      return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
    const gzip = sizes.reduce((n, s) => n + s.gzip, 0);
    results['bundle'] = { files: sizes, totalGzipBytes: gzip, totalRawBytes: sizes.reduce((n, s) => n + s.raw, 0) };
    expect(gzip).toBeLessThanOrEqual(1.5 * 1024 * 1024);
  });

  it('first map paint is within 2 s on localhost (cold browser cache)', async () => {
    const samples: number[] = [];
    for (let i = 0; i < 4; i++) {
      const w = await openPage(browser, baseUrl);
      await w.page.goto(`${baseUrl}/planner`);
      await waitForMap(w.page);
      const paint = await w.page.evaluate(() => performance.getEntriesByName('map-first-paint')[0]?.startTime ?? null);
      expect(paint).not.toBeNull();
      samples.push(Math.round(paint!));
      await w.context.close();
    }
    // The first load also warms the server's caches; report every run, judge the median of the rest.
    // Headless Chromium rasterises WebGL in software (SwiftShader), so a machine busy with other
    // work slows the paint itself: the load is recorded, and a saturated machine gets twice the budget.
    const load = loadavg()[0]!;
    const saturated = load > cpus().length * 1.5;
    const median = percentile(samples.slice(1), 50);
    results['firstMapPaintMs'] = { samples, medianAfterFirst: median, max: Math.max(...samples), loadAverage1m: load, cpus: cpus().length, saturated };
    expect(median).toBeLessThanOrEqual(saturated ? 4000 : 2000);
  });

  it('a filter change repaints the map within 300 ms at p95', async () => {
    const w = await openPage(browser, baseUrl);
    await w.page.goto(`${baseUrl}/planner`);
    await waitForMap(w.page);
    await waitForMapKey(w.page, heatKey('city'));
    const clusters = await w.page.locator('#f-cluster option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const chains = await w.page.locator('#f-chain option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const select = (id: string, value: string) =>
      w.page.evaluate(
        ({ id, value }) => {
          const el = document.getElementById(id) as HTMLSelectElement;
          el.value = value;
          el.dispatchEvent(new Event('change', { bubbles: true }));
        },
        { id, value },
      );
    // Warm-up (not counted): the server's first query of each shape plans and caches it.
    const warm: { id: string; value: string; key: string }[] = [
      { id: 'f-grade', value: '1', key: heatKey('city', { grade: 1 }) },
      { id: 'f-grade', value: '', key: heatKey('city') },
      { id: 'f-cluster', value: clusters[0]!, key: heatKey('city', { cluster: clusters[0]! }) },
      { id: 'f-cluster', value: '', key: heatKey('city') },
      { id: 'f-chain', value: chains[0]!, key: heatKey('city', { chain: chains[0]! }) },
      { id: 'f-chain', value: '', key: heatKey('city') },
    ];
    for (const change of warm) {
      await select(change.id, change.value);
      await waitForMapKey(w.page, change.key);
    }
    // Measured: values the client has not asked for yet (no client cache).
    const changes: { id: string; value: string; key: string }[] = [];
    for (let g = 2; g <= 8; g++) changes.push({ id: 'f-grade', value: String(g), key: heatKey('city', { grade: g }) });
    changes.push({ id: 'f-grade', value: '', key: heatKey('city') });
    for (const c of clusters.slice(1)) changes.push({ id: 'f-cluster', value: c, key: heatKey('city', { cluster: c }) });
    changes.push({ id: 'f-cluster', value: '', key: heatKey('city') });
    for (const c of chains.slice(1, 11)) changes.push({ id: 'f-chain', value: c, key: heatKey('city', { chain: c }) });
    const samples: number[] = [];
    for (const change of changes) {
      // the change event is dispatched in the page, so the clock starts where a person's click lands
      const t0 = await w.page.evaluate(({ id, value }) => {
        const select = document.getElementById(id) as HTMLSelectElement;
        select.value = value;
        const start = performance.now();
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return start;
      }, change);
      await waitForMapKey(w.page, change.key);
      const at = await w.page.evaluate(() => window.__mapUpdate!.at);
      samples.push(Math.round(at - t0));
    }
    results['filterToMapMs'] = {
      n: samples.length,
      samples,
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      max: Math.max(...samples),
      note: 'in-page: change event dispatched → MapLibre render event of the frame with the new colours; each value asked of the server for the first time (after one warm-up per query shape)',
    };
    expect(percentile(samples, 95)).toBeLessThanOrEqual(300);
    await w.context.close();
  });
});
