// The AMO lint allowlist accepts React DOM's own innerHTML and nothing else: same code in another file, or our own
// innerHTML in a file that bundles React, must still fail `npm run lint:amo`.
import { describe, expect, it } from 'vitest';
import { amoLintPasses, classifyAmoLint, formatAmoLintSummary } from '../../../scripts/amo-lint';

// Minified React DOM as the build has it, then a line of our own that sets innerHTML.
const reactLine = 'case"dangerouslySetInnerHTML":if(n=l.__html,n!=null){r?.__html!==n&&(e.innerHTML=n)}break;';
const ownLine = 'function show(t){panel.innerHTML=t.label}';
const files: Record<string, string> = {
  'content-scripts/cin7.js': `"use strict";\n${reactLine}\n${ownLine}\n`,
  'chunks/mount-page-AbC_12-x.js': reactLine,
  'chunks/popup-Ba8Dn-zB.js': reactLine,
};
const readSource = (file: string): string | undefined => files[file];

function innerHtmlWarning(file: string, line: number, column: number) {
  return {
    _type: 'warning',
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe assignment to innerHTML',
    description: 'Due to both security and performance concerns, this may not be set using dynamic values.',
    file,
    line,
    column,
  };
}

const reactColumn = reactLine.indexOf('e.innerHTML');
const missingConsent = {
  _type: 'warning',
  code: 'MISSING_DATA_COLLECTION_PERMISSIONS',
  message: 'The "data_collection_permissions" property is missing.',
  description: 'The property is required for all new Firefox extensions.',
  file: 'manifest.json',
};

function report(warnings: object[], errors: object[] = [], notices: object[] = []) {
  return { count: warnings.length + errors.length, summary: {}, metadata: {}, errors, warnings, notices };
}

describe('classifyAmoLint', () => {
  it("accepts React DOM's innerHTML in a content script and in the pages' shared chunk", () => {
    const result = classifyAmoLint(
      report([innerHtmlWarning('content-scripts/cin7.js', 2, reactColumn), innerHtmlWarning('chunks/mount-page-AbC_12-x.js', 1, reactColumn)]),
      readSource,
    );
    expect(result.allowedWarnings.map((message) => message.file)).toEqual(['content-scripts/cin7.js', 'chunks/mount-page-AbC_12-x.js']);
    expect(result.warnings).toEqual([]);
    expect(amoLintPasses(result)).toBe(true);
  });

  it('refuses our own innerHTML in a file that also bundles React', () => {
    const result = classifyAmoLint(report([innerHtmlWarning('content-scripts/cin7.js', 3, ownLine.indexOf('panel'))]), readSource);
    expect(result.allowedWarnings).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(amoLintPasses(result)).toBe(false);
  });

  it("refuses React's code in a file the allowlist does not name", () => {
    const result = classifyAmoLint(report([innerHtmlWarning('chunks/popup-Ba8Dn-zB.js', 1, reactColumn)]), readSource);
    expect(result.warnings.map((message) => message.file)).toEqual(['chunks/popup-Ba8Dn-zB.js']);
  });

  it('refuses an allowed code without a position, or when the file cannot be read', () => {
    const { line: _line, column: _column, ...noPosition } = innerHtmlWarning('content-scripts/cin7.js', 2, reactColumn);
    const unreadable = innerHtmlWarning('content-scripts/xero.js', 2, reactColumn);
    const result = classifyAmoLint(report([noPosition, unreadable]), readSource);
    expect(result.warnings).toHaveLength(2);
    expect(result.allowedWarnings).toEqual([]);
  });

  it('keeps every other warning, and every error, whatever the file', () => {
    const error = { _type: 'error', code: 'MANIFEST_FIELD_INVALID', message: 'bad', description: ['x'], file: 'manifest.json' };
    const result = classifyAmoLint(report([missingConsent, innerHtmlWarning('content-scripts/cin7.js', 2, reactColumn)], [error]), readSource);
    expect(result.errors.map((message) => message.code)).toEqual(['MANIFEST_FIELD_INVALID']);
    expect(result.warnings.map((message) => message.code)).toEqual(['MISSING_DATA_COLLECTION_PERMISSIONS']);
    expect(result.allowedWarnings).toHaveLength(1);
    expect(amoLintPasses(result)).toBe(false);
  });

  it('throws on a report that is not the linter shape', () => {
    expect(() => classifyAmoLint({ errors: [], warnings: 'none' }, readSource)).toThrow();
  });
});

describe('formatAmoLintSummary', () => {
  it('prints the counts, then each message with its file and line', () => {
    const result = classifyAmoLint(report([missingConsent, innerHtmlWarning('content-scripts/cin7.js', 2, reactColumn)]), readSource);
    expect(formatAmoLintSummary(result)).toEqual([
      'AMO lint: 0 errors, 1 warnings, 1 allowed warnings, 0 notices',
      '  allowed UNSAFE_VAR_ASSIGNMENT (content-scripts/cin7.js:2): Unsafe assignment to innerHTML',
      '  warning MISSING_DATA_COLLECTION_PERMISSIONS (manifest.json): The "data_collection_permissions" property is missing.',
    ]);
  });
});
