import { startSandbox } from '../sandbox/index';
import { launchExtension } from '../tests/e2e/harness';
import { connectBothApps } from '../tests/e2e/connect-apps';
import { trackClosedPanels } from '../tests/e2e/closed-shadow';
const sandbox = await startSandbox({ scenario: 'broken', port: 0 });
const session = await launchExtension({ sandbox });
try {
  await connectBothApps(session);
  for (let i = 0; i < 4; i++) {
    const page = await session.context.newPage();
    trackClosedPanels(page, { pollMs: 10 });
    const cdp = await session.context.newCDPSession(page);
    const events: any[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as any[])));
    await cdp.send('Tracing.start', { categories: 'v8,blink.user_timing,devtools.timeline', transferMode: 'ReportEvents' });
    await page.goto('https://inventory.dearsystems.com/Dashboard', { waitUntil: 'commit' });
    await page.waitForFunction(() => {
      const roots = (globalThis as any)[Symbol.for('mg-e2e-closed-roots')] ?? [];
      const c = roots.map((r: any) => r.querySelector('.mg-counts')?.textContent ?? '').find(Boolean) ?? '';
      return c !== '' && c !== '…';
    }, undefined, { timeout: 30000, polling: 'raf' });
    await page.waitForTimeout(300);
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end'); await done;
    const mark = events.find((e) => e.name === 'mapping-guard:cin7:counts');
    const compiles = events.filter((e) => (e.name === 'v8.compile' || e.name === 'v8.run') && String(e.args?.fileName ?? e.args?.data?.url ?? '').includes('content-scripts/'));
    const t0 = Math.min(...compiles.filter((e) => String(e.args?.fileName ?? e.args?.data?.url).includes('start')).map((e) => e.ts));
    console.log('--- load', i, 'mark', mark ? (mark.ts - t0) / 1000 : 'none');
    for (const e of compiles) console.log(e.name, e.args?.fileName ?? e.args?.data?.url, ((e.ts - t0) / 1000).toFixed(1), ((e.dur ?? 0) / 1000).toFixed(1), ((e.tdur ?? 0) / 1000).toFixed(1));
    const bg = events.filter((e) => JSON.stringify(e.args ?? {}).includes('background.js'));
    const tids = new Set(bg.map((e) => e.tid));
    for (const tid of tids) {
      const list = events.filter((e) => e.tid === tid && e.ts >= t0 && e.ts <= (mark?.ts ?? t0) && e.ph === 'X' && (e.dur ?? 0) > 50);
      console.log('worker', list.map((e) => `${e.name}@${((e.ts - t0) / 1000).toFixed(1)}+${((e.dur ?? 0) / 1000).toFixed(1)}`).join(' '));
    }
    const sends = events.filter((e) => e.tid === mark?.tid && e.ts >= t0 && e.ts <= (mark?.ts ?? t0) && (e.dur ?? 0) > 300 && e.ph === 'X');
    console.log('page', sends.map((e) => `${e.name}@${((e.ts - t0) / 1000).toFixed(1)}+${((e.dur ?? 0) / 1000).toFixed(1)}`).join(' '));
    if (mark) {
      const after = events.filter((e) => e.tid === mark.tid && e.ts >= mark.ts && e.ts < mark.ts + 60000 && e.ph !== 'E').slice(0, 400);
      const names = new Map<string, number>();
      for (const e of after) if (!names.has(e.name)) names.set(e.name, (e.ts - t0) / 1000);
      console.log([...names].map(([n, t]) => `${n}@${t.toFixed(1)}`).join(' '));
    }
    await page.close();
  }
} finally { await session.close(); await sandbox.close(); }
