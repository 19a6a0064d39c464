// Where the floating panel may sit so that it never covers the host app's own controls: a pure function of the
// viewport, the panel's wanted size and the rectangles of the host's controls and dialogs ("obstacles").
//
// The panel is a column of the wanted width. Every horizontal position that can matter is tried: the two edges
// and each side of every obstacle. For each, the obstacles in that column leave free vertical gaps; a gap at least
// `minHeight` tall holds the panel, shortened to the gap if needed (its body scrolls). Among the free spots the
// full-height ones win, then the one nearest its home corner (bottom-left), so the panel goes home as soon as the
// way is clear again. When no spot is free the caller is told (`free: false`) and must not show the panel there.

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlacementRequest {
  viewport: { width: number; height: number };
  /** The panel's natural size; `minHeight` is the least height it may be shortened to. */
  size: { width: number; height: number; minHeight?: number };
  obstacles: readonly Rect[];
  /** Space kept from the viewport edges. */
  margin?: number;
  /** Space kept from obstacles. */
  gap?: number;
}

export interface Placement {
  left: number;
  top: number;
  width: number;
  height: number;
  /** False when no spot clear of every obstacle exists: the caller hides or collapses the panel. */
  free: boolean;
}

const DEFAULT_MARGIN = 12;
const DEFAULT_GAP = 4;

export function choosePlacement(request: PlacementRequest): Placement {
  const margin = request.margin ?? DEFAULT_MARGIN;
  const gap = request.gap ?? DEFAULT_GAP;
  const { viewport } = request;
  const width = Math.max(0, Math.min(request.size.width, viewport.width - 2 * margin));
  const wantedHeight = Math.max(0, Math.min(request.size.height, viewport.height - 2 * margin));
  const minHeight = Math.min(wantedHeight, request.size.minHeight ?? wantedHeight);
  const home = { left: margin, top: viewport.height - margin - wantedHeight };
  const minX = margin;
  const maxX = viewport.width - margin - width;
  const minY = margin;
  const maxY = viewport.height - margin;

  // Obstacles grown by the gap and clipped to the viewport; those wholly outside it can't be covered.
  const blocks = request.obstacles
    .map((rect) => ({ left: rect.left - gap, top: rect.top - gap, right: rect.right + gap, bottom: rect.bottom + gap }))
    .filter((rect) => rect.right > 0 && rect.bottom > 0 && rect.left < viewport.width && rect.top < viewport.height && rect.right > rect.left && rect.bottom > rect.top);

  if (maxX < minX || wantedHeight <= 0) return { ...home, width, height: wantedHeight, free: false };

  const xs = new Set<number>([minX, maxX]);
  for (const block of blocks) {
    xs.add(clamp(block.right, minX, maxX));
    xs.add(clamp(block.left - width, minX, maxX));
  }

  let best: { placement: Placement; score: number[] } | undefined;
  for (const x of xs) {
    const inColumn = blocks.filter((block) => block.left < x + width && block.right > x);
    for (const [gapTop, gapBottom] of freeIntervals(inColumn, minY, maxY)) {
      const room = gapBottom - gapTop;
      if (room < minHeight) continue;
      const height = Math.min(wantedHeight, room);
      // Inside a gap, the spot nearest home is at one of its ends or level with home.
      const tops = new Set([gapBottom - height, gapTop, clamp(home.top, gapTop, gapBottom - height)]);
      for (const top of tops) {
        const placement = { left: x, top, width, height, free: true };
        const score = [height < wantedHeight ? 1 : 0, distance(placement, home)];
        if (!best || compareScores(score, best.score) < 0) best = { placement, score };
      }
    }
  }
  return best?.placement ?? { ...home, width, height: wantedHeight, free: false };
}

/** The vertical stretches of [from, to] that none of `blocks` touches, top to bottom. */
function freeIntervals(blocks: readonly Rect[], from: number, to: number): Array<[number, number]> {
  const sorted = [...blocks].sort((a, b) => a.top - b.top);
  const free: Array<[number, number]> = [];
  let cursor = from;
  for (const block of sorted) {
    if (block.top > cursor) free.push([cursor, Math.min(block.top, to)]);
    cursor = Math.max(cursor, block.bottom);
    if (cursor >= to) break;
  }
  if (cursor < to) free.push([cursor, to]);
  return free.filter(([top, bottom]) => bottom > top);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
}

function distance(a: { left: number; top: number }, b: { left: number; top: number }): number {
  return Math.abs(a.left - b.left) + Math.abs(a.top - b.top);
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (Math.abs(difference) > 0.5) return difference;
  }
  return 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
