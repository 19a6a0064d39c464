// @vitest-environment node
// The house's conventions as tests (refined-github's build/features.test.ts style): what the README's Architecture
// section promises is checked here, so the layout stays true without anyone remembering it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actions } from '@/utils/protocol/actions';

const root = join(dirname(new URL(import.meta.url).pathname), '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function filesUnder(folder: string, pattern = /\.(ts|tsx)$/): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir))) {
      const path = `${dir}/${name}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (pattern.test(name)) out.push(path);
    }
  };
  walk(folder);
  return out;
}

/** Relative and `@/` import specifiers of a source file (static, dynamic and re-exports). */
function importsOf(path: string): string[] {
  const source = read(path);
  const specs = [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((match) => match[1] as string);
  return specs.filter((spec) => spec.startsWith('.') || spec.startsWith('@/'));
}

/** The file an import specifier names (with its extension), relative to the repository. */
function resolveImport(from: string, spec: string): string {
  const base = spec.startsWith('@/') ? normalize(spec.slice(2)) : relative(root, join(root, dirname(from), spec));
  const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((path) => existsSync(join(root, path)) && statSync(join(root, path)).isFile());
  return found ?? base;
}

/** Every specifier a file's code loads when it runs (type-only imports left out), following relative imports. */
function runtimeImportsOf(path: string, seen = new Set<string>()): string[] {
  if (seen.has(path)) return [];
  seen.add(path);
  const specs = [...read(path).matchAll(/^(?:import|export)\s+(?!type\s)(?:[^;]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((match) => match[1] as string);
  // Stylesheets (`./panel.css?inline`) are text, not code to follow.
  const followed = (spec: string) => (spec.startsWith('.') || spec.startsWith('@/')) && !/\.css(\?|$)/.test(spec);
  return specs.flatMap((spec) => (followed(spec) ? [spec, ...runtimeImportsOf(resolveImport(path, spec), seen)] : [spec]));
}

describe('entrypoints', () => {
  const entrypoints = [
    'entrypoints/background.ts',
    ...readdirSync(join(root, 'entrypoints'))
      .filter((name) => name.endsWith('.content'))
      .map((name) => `entrypoints/${name}/index.tsx`),
    ...['popup', 'options', 'report', 'welcome', 'practice'].map((page) => `entrypoints/${page}/main.tsx`),
  ];

  it.each(entrypoints)('%s imports zod-jitless before anything else (the extension CSP forbids zod’s eval probe)', (path) => {
    const imports = [...read(path).matchAll(/^import\s[^;]*?['"]([^'"]+)['"]/gm)].map((match) => match[1]);
    expect(imports[0]).toMatch(/utils\/zod-jitless$/);
  });

  const startScripts = readdirSync(join(root, 'entrypoints'))
    .filter((name) => name.endsWith('-start.content.ts'))
    .map((name) => `entrypoints/${name}`);

  it.each(startScripts)('%s stays small: nothing it runs imports zod or React (its evaluation delays the counts)', (path) => {
    const heavy = runtimeImportsOf(path).filter((spec) => /^(zod|react|react-dom)(\/|$)/.test(spec));
    expect(heavy).toEqual([]);
  });

  it('there is a start script per overlay', () => {
    expect(startScripts).toEqual(['entrypoints/cin7-start.content.ts', 'entrypoints/xero-start.content.ts']);
  });

  it('are thin: nothing but entry files, features and their styles live under entrypoints/', () => {
    // `<app>-start.content.ts`: each app's small start script (utils/overlay/start-script.ts).
    const allowed = /^entrypoints\/(background\.ts|[a-z0-9]+-start\.content\.ts|[a-z0-9]+\.content\/(index\.tsx|environment\.ts|style\.css|features\/[a-z-]+\.tsx?|sections\/\w+\.tsx|[a-z-]+\.ts)|(popup|options|report|welcome|practice)\/(main\.tsx|index\.html))$/;
    const files = filesUnder('entrypoints', /./);
    expect(files.filter((path) => !allowed.test(path))).toEqual([]);
  });
});

describe('overlay features', () => {
  const testSources = filesUnder('tests/unit').map((path) => read(path));
  const features = readdirSync(join(root, 'entrypoints'))
    .filter((name) => name.endsWith('.content'))
    .flatMap((app) => filesUnder(`entrypoints/${app}/features`).filter((path) => !/\/index\.tsx?$/.test(path)));

  it('exist in both apps', () => {
    expect(features.some((path) => path.includes('cin7.content'))).toBe(true);
    expect(features.some((path) => path.includes('xero.content'))).toBe(true);
  });

  it.each(features)('%s has a unit test that imports it', (path) => {
    const [, app, name] = path.match(/entrypoints\/([a-z0-9]+\.content)\/features\/([a-z-]+)\.tsx?$/) ?? [];
    const imported = new RegExp(`${app!.replace('.', '\\.')}/features/${name}['"]`);
    expect(testSources.some((source) => imported.test(source))).toBe(true);
  });

  it.each(features)('%s is registered in its app’s feature list', (path) => {
    const name = path.match(/features\/([a-z-]+)\.tsx?$/)?.[1];
    expect(read(path.replace(/[a-z-]+\.tsx?$/, 'index.ts'))).toContain(`./${name}'`);
  });
});

describe('the protocol', () => {
  it.each(Object.entries(actions))('action %s declares a sender rule and zod schemas for its arguments and result', (_name, spec) => {
    expect(['app', 'extension']).toContain(spec.sender);
    expect(spec.args).toBeInstanceOf(z.ZodType);
    expect(spec.result).toBeInstanceOf(z.ZodType);
  });

  it('actions that manage connections, secrets or settings are for the extension’s own pages only', () => {
    const extensionOnly = ['connectXero', 'disconnectXero', 'setXeroClientId', 'testCin7', 'saveCin7Credentials', 'removeCin7Credentials', 'savePair', 'removePair', 'selectPair', 'setSettings', 'setFeatures'];
    for (const name of extensionOnly) expect(actions[name as keyof typeof actions].sender, name).toBe('extension');
  });

  it('no action takes a URL argument (the background never fetches what a caller names)', () => {
    for (const [name, spec] of Object.entries(actions)) {
      const shape = JSON.stringify(z.toJSONSchema(spec.args, { unrepresentable: 'any', io: 'input' }));
      expect(shape, name).not.toMatch(/"(url|href|endpoint)"/i);
    }
  });
});

// The layers, lowest first. A file may import its own layer and the ones listed as below it.
const LAYERS: { layer: string; paths: RegExp; below: string[] }[] = [
  { layer: 'apps', paths: /^utils\/apps\.ts$/, below: [] },
  { layer: 'schemas', paths: /^utils\/schemas\//, below: ['apps'] },
  { layer: 'net', paths: /^utils\/net\//, below: ['apps'] },
  { layer: 'audit', paths: /^utils\/audit\//, below: ['apps', 'schemas'] },
  { layer: 'explain', paths: /^utils\/explain\//, below: ['apps', 'schemas', 'audit'] },
  { layer: 'scenarios', paths: /^utils\/scenarios\//, below: ['apps', 'schemas', 'audit'] },
  { layer: 'checklist', paths: /^utils\/checklist\//, below: ['apps', 'schemas', 'audit'] },
  { layer: 'practice', paths: /^utils\/practice\//, below: ['apps', 'schemas', 'checklist'] }, // the practice file carries checklist decisions
  { layer: 'protocol', paths: /^utils\/protocol\//, below: ['apps', 'schemas', 'net', 'audit', 'practice'] },
  { layer: 'api', paths: /^utils\/(cin7|xero)\/api\//, below: ['apps', 'schemas', 'net', 'audit'] },
  { layer: 'page', paths: /^utils\/(cin7|xero)\/page\//, below: ['apps', 'schemas', 'net', 'audit', 'protocol'] },
  { layer: 'store', paths: /^utils\/store\//, below: ['apps', 'schemas', 'net', 'audit', 'checklist', 'protocol'] },
  { layer: 'overlay', paths: /^utils\/overlay\//, below: ['apps', 'schemas', 'net', 'audit', 'protocol', 'page', 'store'] },
  { layer: 'background', paths: /^utils\/background\//, below: ['apps', 'schemas', 'net', 'audit', 'explain', 'checklist', 'protocol', 'api', 'store', 'practice'] },
  { layer: 'jitless', paths: /^utils\/zod-jitless\.ts$/, below: [] },
];

const layerOf = (path: string) => LAYERS.find((layer) => layer.paths.test(path))?.layer;

describe('layers', () => {
  it('every file under utils/ belongs to a layer', () => {
    expect(filesUnder('utils').filter((path) => !layerOf(path))).toEqual([]);
  });

  it('no import runs from a lower layer to a higher one, and utils/ never imports components/ or entrypoints/', () => {
    const wrong: string[] = [];
    for (const file of filesUnder('utils')) {
      const layer = LAYERS.find((entry) => entry.layer === layerOf(file))!;
      for (const spec of importsOf(file)) {
        const target = resolveImport(file, spec);
        const targetLayer = layerOf(target) ?? target.split('/')[0];
        if (targetLayer !== layer.layer && !layer.below.includes(targetLayer!)) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('components/ never import the background or an API client', () => {
    const wrong = filesUnder('components').flatMap((file) =>
      importsOf(file)
        .map((spec) => resolveImport(file, spec))
        .filter((target) => ['background', 'api'].includes(layerOf(target) ?? ''))
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  // Lint is what stops a bad import while someone types it; prove its zones refuse what the layers forbid.
  const eslint = new ESLint({ cwd: root });
  const refusals: [string, string][] = [
    ['utils/overlay/new-feature.ts', '../../components/panel/HealthPanel'],
    ['utils/cin7/api/new.ts', '../../background/state'],
    ['utils/xero/api/new.ts', '../../overlay/badges'],
    ['utils/xero/page/new.ts', '../api/client'],
    ['utils/overlay/new.ts', '../cin7/api/client'],
    ['utils/protocol/new.ts', '../background/state'],
    ['utils/audit/new.ts', '../protocol/shapes'],
    ['utils/explain/new.ts', '../store/pairs'],
    ['utils/net/new.ts', '../background/secrets'],
    ['components/panel/New.tsx', '../../utils/background/state'],
    ['utils/background/new.ts', '../../entrypoints/cin7.content/environment'],
  ];
  it.each(refusals)('lint refuses %s importing %s', async (filePath, spec) => {
    const [result] = await eslint.lintText(`import { x } from '${spec}';\nexport const y = x;\n`, { filePath: join(root, filePath) });
    expect(result!.messages.map((message) => message.ruleId)).toContain('no-restricted-imports');
  }, 30_000);

  it('lint lets a layer import the ones below it', async () => {
    const [result] = await eslint.lintText(`import { x } from '../../net/limits';\nexport const y = x;\n`, {
      filePath: join(root, 'utils/cin7/api/new.ts'),
    });
    expect(result!.messages.filter((message) => message.ruleId === 'no-restricted-imports')).toEqual([]);
  }, 30_000);
});

describe('sizes and dependencies', () => {
  it('no source file is over 300 lines (split by meaning)', () => {
    const sources = ['utils', 'components', 'entrypoints', 'sandbox', 'scripts'].flatMap((folder) => filesUnder(folder));
    const long = sources.filter((path) => read(path).split('\n').length > 300);
    expect(long).toEqual([]);
  });

  it('every declared dependency is imported somewhere', () => {
    const manifest = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    const sources = ['utils', 'components', 'entrypoints', 'sandbox', 'scripts', 'tests']
      .flatMap((folder) => filesUnder(folder))
      .concat('wxt.config.ts')
      .map((path) => read(path))
      .join('\n');
    const unused = Object.keys(manifest.dependencies).filter(
      (name) => !sources.includes(`'${name}'`) && !sources.includes(`'${name}/`) && !read('wxt.config.ts').includes(name),
    );
    expect(unused).toEqual([]);
  });
});
