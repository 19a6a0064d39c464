// web-ext ships no types; only the programmatic lint call scripts/amo-lint.ts makes (web-ext lib/cmd/lint.js).
declare module 'web-ext' {
  interface LintParams {
    sourceDir: string;
    output?: 'json' | 'text' | 'none';
    selfHosted?: boolean;
    warningsAsErrors?: boolean;
  }
  const webExt: {
    cmd: { lint(params: LintParams, options?: { shouldExitProgram?: boolean }): Promise<unknown> };
  };
  export default webExt;
}
