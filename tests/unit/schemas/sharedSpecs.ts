// Loads the official specs from ../shared/specs (read-only reference, absent on some machines). Each spec is parsed
// once per test file (the Cin7 one is ~2 MB) and only when a test asks for it.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// MG_SPECS_DIR lets a run point elsewhere (e.g. a missing folder, to see the "not found" report).
export const SPECS_DIR = process.env.MG_SPECS_DIR
  ? `${process.env.MG_SPECS_DIR.replace(/\/+$/, '')}/`
  : fileURLToPath(new NodeURL('../../../../shared/specs/', import.meta.url));
const SPEC_FILES = ['xero_accounting.yaml', 'cin7-core-openapi.yaml', 'xero-identity.yaml'] as const;
const allSpecsPresent = () => SPEC_FILES.every((file) => existsSync(`${SPECS_DIR}${file}`));
export const specsAvailable = allSpecsPresent();
export const SKIP_NOTE = `skipped: ../shared/specs not found (looked in ${SPECS_DIR})`;

/** A loosely typed OpenAPI document: only the parts the tests read. */
export interface OpenApiSpec {
  paths: Record<string, Record<string, OpenApiOperation | unknown>>;
  components: { schemas: Record<string, OpenApiSchema> };
}
export interface OpenApiOperation {
  responses?: Record<string, { content?: Record<string, { example?: unknown; examples?: Record<string, { value?: unknown }> }> }>;
}
export interface OpenApiSchema {
  type?: string;
  enum?: string[];
  properties?: Record<string, OpenApiSchema & { $ref?: string }>;
}

/**
 * When the specs are missing, registers one test that says so in the log and proves the absence, so a machine
 * without ../shared reports "skipped: ../shared/specs not found" instead of passing silently. Registers nothing otherwise.
 */
export function reportMissingSpecs(subject: string): void {
  if (specsAvailable) return;
  describe(subject, () => {
    it('is skipped: ../shared/specs not found', () => {
      console.warn(`${subject}: ${SKIP_NOTE}`);
      expect(allSpecsPresent()).toBe(false);
    });
  });
}

const cache = new Map<string, OpenApiSpec>();
export function loadSpec(file: (typeof SPEC_FILES)[number]): OpenApiSpec {
  let spec = cache.get(file);
  if (!spec) {
    spec = parse(readFileSync(`${SPECS_DIR}${file}`, 'utf8'), { maxAliasCount: -1 }) as OpenApiSpec;
    cache.set(file, spec);
  }
  return spec;
}

export interface ResponseExample {
  method: string;
  path: string;
  status: string;
  value: unknown;
}

/** Every JSON response example of the operations whose path matches, in spec order. Xero stores some as JSON text. */
export function responseExamples(spec: OpenApiSpec, pathMatches: (path: string) => boolean): ResponseExample[] {
  const found: ResponseExample[] = [];
  for (const [path, operations] of Object.entries(spec.paths)) {
    if (!pathMatches(path)) continue;
    for (const [method, operation] of Object.entries(operations)) {
      const responses = (operation as OpenApiOperation)?.responses;
      if (!responses || typeof responses !== 'object') continue;
      for (const [status, response] of Object.entries(responses)) {
        const media = response.content?.['application/json'];
        const values = [media?.example, ...Object.values(media?.examples ?? {}).map((example) => example.value)];
        for (const value of values) {
          if (value === undefined) continue;
          found.push({ method, path, status, value: typeof value === 'string' ? JSON.parse(value) : value });
        }
      }
    }
  }
  return found;
}
