// How many requests a tab's content script may make that call the Cin7 API: a page (or script on it) asking for
// document after document must not burn the account's 60 calls a minute that refreshes and other tabs share.

/** Requests that reach the Cin7 API, per tab, in any rolling minute. Browsing documents by hand stays well under. */
export interface BudgetLimit {
  perWindow: number;
  windowMs: number;
}

export const TAB_BUDGET: BudgetLimit = { perWindow: 20, windowMs: 60_000 };

export class TabBudget {
  private readonly spent = new Map<number, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly limit: BudgetLimit = TAB_BUDGET,
  ) {}

  /** Charges one request to the tab, or says in words why not (nothing is charged then). */
  take(tabId: number): { ok: true } | { ok: false; reason: string } {
    const now = this.now();
    if (this.spent.size > 50) this.sweep(now);
    const recent = (this.spent.get(tabId) ?? []).filter((at) => now - at < this.limit.windowMs);
    if (recent.length >= this.limit.perWindow) {
      this.spent.set(tabId, recent);
      const waitS = Math.ceil((this.limit.windowMs - (now - (recent[0] ?? now))) / 1000);
      return { ok: false, reason: budgetRefusal(this.limit.perWindow, waitS) };
    }
    recent.push(now);
    this.spent.set(tabId, recent);
    return { ok: true };
  }

  /** Closed tabs' entries, once their minute has passed. */
  private sweep(now: number): void {
    for (const [tabId, times] of this.spent) {
      if (times.every((at) => now - at >= this.limit.windowMs)) this.spent.delete(tabId);
    }
  }
}

export const budgetRefusal = (perWindow: number, waitS: number): string =>
  `This tab asked Mapping Guard for more than ${perWindow} Cin7 Core look-ups in a minute; it pauses so that refreshes keep Cin7 Core’s rate limit. Try again in ${waitS} s.`;
