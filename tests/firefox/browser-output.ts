// Firefox's stdout and stderr, kept line by line. WebDriver BiDi's log.entryAdded reports web pages only in
// Firefox 140 (nothing from moz-extension pages or the background page), so extension problems are read here:
// an uncaught error or rejection of any extension page (background included) prints
// "JavaScript error: moz-extension://<uuid>/<file>, line N: …" on stderr, and with the pref
// devtools.console.stdout.content every console call of a web or extension page prints "console.error: …" on stdout
// (without its source: the smoke test opens only the sandbox's pages, which log nothing of their own).
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export class BrowserOutput {
  readonly #lines: string[] = [];

  constructor(process: ChildProcess | null) {
    if (!process) throw new Error('puppeteer launched Firefox without a process to read');
    for (const stream of [process.stdout, process.stderr]) {
      let rest = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        const parts = (rest + chunk).split('\n');
        rest = parts.pop() ?? '';
        this.#lines.push(...parts);
      });
    }
  }

  /** Every line so far. */
  lines(): readonly string[] {
    return this.#lines;
  }

  /** Waits until a line matches `pattern` (e.g. a probe's marker, which also flushes what was printed before it). */
  async waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    for (const deadline = Date.now() + timeoutMs; ; await sleep(100)) {
      const line = this.#lines.find((candidate) => pattern.test(candidate));
      if (line) return line;
      if (Date.now() > deadline) throw new Error(`Firefox never printed a line matching ${pattern}`);
    }
  }

  /**
   * Errors and warnings of the extension `uuid`: its pages' uncaught errors, and every console.error/warn call
   * (a web page's included: see above). Lines containing `ignore` (the test's own probes) are left out.
   */
  extensionProblems(uuid: string, ignore: string): string[] {
    const uncaught = new RegExp(`^JavaScript error: moz-extension://${uuid}/`);
    return this.#lines.filter((line) => (uncaught.test(line) || /^console\.(error|warn): /.test(line)) && !line.includes(ignore));
  }
}
