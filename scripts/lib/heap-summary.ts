// A V8 heap snapshot (HeapProfiler.takeHeapSnapshot) in a few lines: self size by kind and constructor, and the
// retainer chains (strong edges, towards a root) of the largest objects, to see what keeps memory alive.

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export function summariseHeapSnapshot(heap: HeapSnapshot, options: { top?: number; chains?: number } = {}): string {
  const { meta } = heap.snapshot;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const [nType, nName, nSize, nEdges] = ['type', 'name', 'self_size', 'edge_count'].map((f) => meta.node_fields.indexOf(f)) as [number, number, number, number];
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f)) as [number, number, number];
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const count = heap.nodes.length / nf;
  const firstEdge = new Uint32Array(count + 1);
  for (let n = 0, e = 0; n < count; n++) {
    firstEdge[n] = e;
    e += (heap.nodes[n * nf + nEdges] as number) * ef;
    firstEdge[n + 1] = e;
  }
  // One strong retainer per node (the first found), enough for a chain.
  const retainer = new Int32Array(count).fill(-1);
  const retainerEdge = new Int32Array(count).fill(-1);
  for (let n = 0; n < count; n++) {
    for (let e = firstEdge[n] as number; e < (firstEdge[n + 1] as number); e += ef) {
      const kind = edgeTypes[heap.edges[e + eType] as number];
      if (kind === 'weak' || kind === 'shortcut') continue;
      const to = (heap.edges[e + eTo] as number) / nf;
      if (retainer[to] === -1) {
        retainer[to] = n;
        retainerEdge[to] = e;
      }
    }
  }
  const name = (n: number) => `${nodeTypes[heap.nodes[n * nf + nType] as number]}:${(heap.strings[heap.nodes[n * nf + nName] as number] ?? '').slice(0, 60)}`;
  const edgeName = (e: number) => {
    const kind = edgeTypes[heap.edges[e + eType] as number];
    const value = heap.edges[e + eName] as number;
    return kind === 'element' || kind === 'hidden' ? `[${value}]` : `.${heap.strings[value]}`;
  };
  const byKind = new Map<string, { size: number; count: number }>();
  let total = 0;
  for (let n = 0; n < count; n++) {
    const size = heap.nodes[n * nf + nSize] as number;
    total += size;
    const key = name(n);
    const entry = byKind.get(key) ?? { size: 0, count: 0 };
    entry.size += size;
    entry.count++;
    byKind.set(key, entry);
  }
  const lines = [`total self size ${(total / 1e6).toFixed(1)} MB in ${count} nodes`];
  for (const [key, { size, count: c }] of [...byKind].sort((a, b) => b[1].size - a[1].size).slice(0, options.top ?? 30)) {
    lines.push(`  ${(size / 1e6).toFixed(1).padStart(8)} MB ${String(c).padStart(9)}  ${key}`);
  }
  const largest = [...Array(count).keys()].sort((a, b) => (heap.nodes[b * nf + nSize] as number) - (heap.nodes[a * nf + nSize] as number));
  lines.push('largest objects and what holds them:');
  for (const n of largest.slice(0, options.chains ?? 12)) {
    const chain: string[] = [];
    for (let at = n, depth = 0; at >= 0 && depth < 14; depth++) {
      const e = retainerEdge[at] as number;
      chain.push(e >= 0 ? `${name(at)}${edgeName(e)}` : name(at));
      at = retainer[at] as number;
    }
    lines.push(`  ${((heap.nodes[n * nf + nSize] as number) / 1e6).toFixed(1)} MB ${chain.join(' <- ')}`);
  }
  return lines.join('\n');
}

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** A CPU profile (Profiler.stop) as self time by function, the garbage collector and idle time included. */
export function summariseCpuProfile(profile: CpuProfile, top = 25): string {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    const key = frame ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}` : '?';
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  const lines = [`profile ${Math.round(total)} ms`];
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${String(Math.round(ms)).padStart(7)} ms  ${key}`);
  return lines.join('\n');
}
