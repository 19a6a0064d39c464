// @vitest-environment node
// Every finding cites its source (issue #14): every code has one, the engine attaches it to every finding (the whole
// audit and one document), and every URL is one our research cites (never invented).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audit, auditDocument } from '../../../utils/audit';
import { SOURCES } from '../../../utils/audit/sources';
import { FINDING_CODES } from '../../../utils/audit/types';
import { SCENARIO_TODAY, loadScenario } from '../../../utils/scenarios';
import { brokenEverything } from './kitchen-sink';
import { TODAY } from './fixtures';

const RESEARCH = fileURLToPath(new URL('../../../../shared/research/', import.meta.url));

describe('finding sources', () => {
  it('has a source with a label for every code', () => {
    expect(Object.keys(SOURCES).sort()).toEqual([...FINDING_CODES].sort());
    for (const code of FINDING_CODES) expect(SOURCES[code].label.trim().length, code).toBeGreaterThan(10);
  });

  it('attaches its code’s source to every finding of an audit', () => {
    const { findings } = audit(brokenEverything(), { today: TODAY });
    expect(findings.length).toBeGreaterThan(FINDING_CODES.length);
    for (const finding of findings) expect(finding.source, finding.code).toEqual(SOURCES[finding.code]);
  });

  it('attaches sources to one document’s findings too', () => {
    const snapshot = loadScenario('broken');
    const sale = snapshot.cin7?.sales?.[0];
    expect(sale).toBeDefined();
    const { findings } = auditDocument({ kind: 'sale', sale: sale! }, snapshot, { today: SCENARIO_TODAY });
    expect(findings.map((finding) => finding.code)).toContain('DOCUMENT_IN_LOCKED_PERIOD');
    for (const finding of findings) expect(finding.source).toEqual(SOURCES[finding.code]);
  });

  it('uses only URLs our research cites (../shared/research; a fresh clone without it says so)', () => {
    if (!existsSync(RESEARCH)) {
      console.warn(`skipped: ../shared/research not found (looked in ${RESEARCH})`);
      return;
    }
    const research = readdirSync(RESEARCH)
      .filter((file) => file.endsWith('.md'))
      .map((file) => readFileSync(`${RESEARCH}${file}`, 'utf8'))
      .join('\n');
    const urls = Object.values(SOURCES).flatMap((source) => (source.url ? [source.url] : []));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(research, url).toContain(url);
  });
});
