// The shape of a check. Each rule lives in rules/<id>.ts and is registered in rules/index.ts.
import type { AuditContext, DataKey } from './context';
import type { Finding, FindingCode } from './types';

export interface Rule {
  /** Stable id, also the coverage entry's `check`. */
  readonly id: string;
  /** What it checks, for the coverage list ("Mapped accounts exist in Xero"). */
  readonly title: string;
  /** Codes this rule may produce. */
  readonly codes: readonly FindingCode[];
  /** Data it cannot run without (all of them). */
  readonly needs: readonly DataKey[];
  /** Data of which it needs at least one (e.g. customers or suppliers). */
  readonly needsAnyOf?: readonly DataKey[];
  run(ctx: AuditContext): Finding[];
}
