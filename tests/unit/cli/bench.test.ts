// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkResult, sectionFromModule, type BenchSection } from '../../../scripts/lib/bench/section';
import { discoverSections, formatReport, runSections, selectSections, type BenchReport } from '../../../scripts/lib/bench/runner';
import { median, timeRuns } from '../../../scripts/lib/bench/stats';
import { auditTargets, type ScalingMeasurement, type SizeMeasurement } from '../../bench/audit.bench';

const root = resolve(import.meta.dirname, '../../..');

describe('stats', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('warms up untimed, times at least the asked runs, and reports the first run as cold', () => {
    let calls = 0;
    const cleanups: number[] = [];
    const timing = timeRuns(() => calls++, { warmup: 2, iterations: 3, between: () => cleanups.push(calls) });
    expect(calls).toBe(5);
    expect(timing.warmupRuns).toBe(2);
    expect(timing.runsMs).toHaveLength(3);
    expect(cleanups).toEqual([1, 2, 3, 4, 5]);
    expect(timing.firstMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps sampling cheap tasks until the measuring time is spent (capped at 50 runs)', () => {
    const timing = timeRuns(() => undefined, { warmup: 0, iterations: 3, measureMs: 60_000 });
    expect(timing.runsMs).toHaveLength(50);
  });
});

describe('sections', () => {
  const fake = (name: string, result: Record<string, unknown>): BenchSection => ({ name, run: async () => result });

  it('accepts a module exporting `section` or a default, and names the file when the shape is wrong', () => {
    const section = fake('api-calls', {});
    expect(sectionFromModule('a.bench.ts', { section }).name).toBe('api-calls');
    expect(sectionFromModule('b.bench.ts', { default: section }).name).toBe('api-calls');
    expect(() => sectionFromModule('c.bench.ts', { section: { name: 'x' } })).toThrow(/^c\.bench\.ts: .*run/);
    expect(() => sectionFromModule('d.bench.ts', { section: { name: 'Bad Name', run: () => null } })).toThrow(/d\.bench\.ts/);
  });

  it('rejects results whose targets are malformed rather than printing them as passed', () => {
    expect(() => checkResult('x', { targets: [{ name: 't', pass: 'yes', detail: '' }] })).toThrow(/targets/);
    expect(() => checkResult('x', [])).toThrow(/object/);
  });

  it('selects sections by name and refuses unknown names', () => {
    const sections = [fake('audit', {}), fake('api-calls', {})];
    expect(selectSections(sections, []).map((s) => s.name)).toEqual(['audit', 'api-calls']);
    expect(selectSections(sections, ['api-calls']).map((s) => s.name)).toEqual(['api-calls']);
    expect(() => selectSections(sections, ['overlay'])).toThrow(/no bench section named overlay \(have: audit, api-calls\)/);
  });

  it('passes only when every target of every section passes, and prints PASS/FAIL lines and rows', async () => {
    const context = { iterations: 1, quick: false, log: () => undefined };
    const environment = { node: 'v22', platform: 'linux-x64', cpus: 2, loadAverage: 0.5 };
    const good = fake('one', { rows: [{ size: '1×', ms: 10 }], targets: [{ name: 'fast', pass: true, detail: '0.1' }], note: 'hello' });
    const bad = fake('two', { targets: [{ name: 'linear', pass: false, detail: '9' }] });
    const passing = await runSections([good], context, environment);
    expect(passing.passed).toBe(true);
    const failing: BenchReport = await runSections([good, bad], context, environment);
    expect(failing.passed).toBe(false);
    const text = formatReport(failing);
    expect(text).toContain('PASS  fast  (0.1)');
    expect(text).toContain('FAIL  linear  (9)');
    expect(text).toMatch(/size\s+ms\n/);
    expect(text).toContain('note: hello');
  });

  it('discovers *.bench.ts files in a directory, in name order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapping-guard-sections-'));
    try {
      writeFileSync(join(dir, 'b.bench.ts'), "export const section = { name: 'b', run: async () => ({}) };\n");
      writeFileSync(join(dir, 'a.bench.ts'), "export default { name: 'a', run: async () => ({}) };\n");
      writeFileSync(join(dir, 'helper.ts'), 'export const notASection = 1;\n');
      expect((await discoverSections(dir)).map((section) => section.name)).toEqual(['a', 'b']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the audit section among the real bench files', async () => {
    const names = (await discoverSections(join(root, 'tests/bench'))).map((section) => section.name);
    expect(names).toContain('audit');
  });
});

describe('audit targets', () => {
  const size = (scale: number, parseMs: number, auditMs: number) => ({ scale, parseMs, auditMs }) as SizeMeasurement;

  const scaling = (scales: number[], pairedRatio: number) => ({ scales, pairedRatio, rounds: 5, medianMs: [], ratioOfMedians: 0 }) as ScalingMeasurement;

  it('checks audit ≤ 0.5 × parse per size and the round-robin time(4×)/time(1×) ≤ 4.5', () => {
    const targets = auditTargets([size(1, 100, 40), size(2, 200, 101), size(4, 400, 180)], scaling([1, 2, 4], 4.4));
    expect(targets.map((target) => target.pass)).toEqual([true, false, true, true]);
    expect(targets[3]?.name).toBe('audit time(4×) / time(1×) ≤ 4.5');
    expect(auditTargets([size(1, 100, 10)], scaling([1, 4], 4.6)).at(-1)?.pass).toBe(false);
  });

  it('scales the growth limit with the size ratio (quick sizes 0.05 → 0.2 are 4× too)', () => {
    expect(auditTargets([], scaling([0.05, 0.2], 4.4))[0]?.name).toBe('audit time(0.2×) / time(0.05×) ≤ 4.5');
    expect(auditTargets([], scaling([1, 2], 2.3))[0]).toMatchObject({ name: 'audit time(2×) / time(1×) ≤ 2.25', pass: false });
  });
});

describe('audit size worker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mapping-guard-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('measures one small size in its own process and prints one JSON object', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(root, 'tests/bench/audit-size.worker.ts'), '--scale', '0.01', '--iterations', '1', '--budget-ms', '0'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const measurement = JSON.parse(run.stdout) as SizeMeasurement;
    expect(measurement.scale).toBe(0.01);
    expect(measurement.records).toBeGreaterThan(900);
    expect(measurement.parseMs).toBeGreaterThan(0);
    expect(measurement.auditMs).toBeGreaterThan(0);
    expect(measurement.peakRssMB).toBeGreaterThan(measurement.snapshotHeapMB);
  }, 120_000);

  it('times sizes round-robin in one process and reports the paired growth ratio', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'tests/bench/audit-scaling.worker.ts'), '--scales', '0.01,0.02', '--rounds', '3', '--budget-ms', '0'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const scalingResult = JSON.parse(run.stdout) as ScalingMeasurement;
    expect(scalingResult).toMatchObject({ scales: [0.01, 0.02], rounds: 3 });
    expect(scalingResult.medianMs).toHaveLength(2);
    expect(scalingResult.pairedRatio).toBeGreaterThan(0);
  }, 120_000);
});
