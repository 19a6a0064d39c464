// @vitest-environment node
// Every rule file is registered, every finding code has a rule that declares it, and a snapshot that breaks
// everything really produces every code, each from a rule that declares it.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../utils/audit/rules';
import { FINDING_CODES, type FindingCode } from '../../../utils/audit/types';
import { buildContext } from '../../../utils/audit/context';
import { brokenEverything, noLockDates } from './kitchen-sink';
import { TODAY } from './fixtures';

const rulesDir = fileURLToPath(new URL('../../../utils/audit/rules/', import.meta.url));

describe('rule registry', () => {
  it('registers every rule file exactly once, under ids that match the file names', async () => {
    const files = readdirSync(rulesDir).filter((file) => file.endsWith('.ts') && file !== 'index.ts');
    expect(RULES.map((rule) => `${rule.id}.ts`).sort()).toEqual(files.sort());
    for (const file of files) {
      const module = (await import(`../../../utils/audit/rules/${file.slice(0, -3)}.ts`)) as Record<string, unknown>;
      const exported = Object.values(module).filter((value) => typeof value === 'object' && value !== null && 'run' in value);
      expect(exported, file).toHaveLength(1);
      expect(RULES, file).toContain(exported[0]);
    }
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
  });

  it('declares every finding code in some rule, and nothing else', () => {
    const declared = new Set(RULES.flatMap((rule) => rule.codes));
    expect([...declared].sort()).toEqual([...FINDING_CODES].sort());
  });

  it('produces every finding code, each from a rule that declares it', () => {
    const produced = new Set<FindingCode>();
    for (const snapshot of [brokenEverything(), noLockDates()]) {
      const ctx = buildContext(snapshot, TODAY);
      for (const rule of RULES) {
        for (const finding of rule.run(ctx)) {
          expect(rule.codes, `${rule.id} produced ${finding.code}`).toContain(finding.code);
          produced.add(finding.code);
        }
      }
    }
    expect([...produced].sort()).toEqual([...FINDING_CODES].sort());
  });
});
