import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choosePlacement, intersects, type Rect } from '../../../utils/overlay/placement';

const viewport = { width: 1280, height: 860 };
const panel = { width: 340, height: 440, minHeight: 160 };
const rect = (left: number, top: number, width: number, height: number): Rect => ({ left, top, right: left + width, bottom: top + height });
const asRect = (placement: { left: number; top: number; width: number; height: number }) =>
  rect(placement.left, placement.top, placement.width, placement.height);

describe('choosePlacement', () => {
  it('sits in its home corner (bottom-left) when nothing is there', () => {
    expect(choosePlacement({ viewport, size: panel, obstacles: [] })).toEqual({ left: 12, top: 860 - 12 - 440, width: 340, height: 440, free: true });
  });

  it('ignores obstacles away from the home corner', () => {
    const placement = choosePlacement({ viewport, size: panel, obstacles: [rect(900, 20, 120, 30), rect(600, 700, 80, 30)] });
    expect(placement).toMatchObject({ left: 12, top: 408, free: true });
  });

  it('moves off a button in the home corner, keeping the full height', () => {
    const save = rect(20, 800, 90, 32);
    const placement = choosePlacement({ viewport, size: panel, obstacles: [save] });
    expect(placement.free).toBe(true);
    expect(placement.height).toBe(440);
    expect(intersects(asRect(placement), save)).toBe(false);
  });

  it('keeps clear of a centred dialog in a narrow window (Xero’s Edit Account at 1100 px)', () => {
    const narrow = { width: 1100, height: 860 };
    const dialog = rect(250, 120, 600, 560);
    const placement = choosePlacement({ viewport: narrow, size: panel, obstacles: [dialog] });
    expect(placement.free).toBe(true);
    expect(intersects(asRect(placement), dialog)).toBe(false);
    expect(placement.height).toBeGreaterThanOrEqual(160);
  });

  it('shortens the panel to fit a gap rather than cover a control', () => {
    // Controls across the whole width except a 200 px band near the bottom.
    const obstacles = [rect(0, 0, 1280, 600), rect(0, 810, 1280, 50)];
    const placement = choosePlacement({ viewport, size: panel, obstacles });
    expect(placement.free).toBe(true);
    expect(placement.height).toBeLessThan(440);
    expect(placement.height).toBeGreaterThanOrEqual(160);
    for (const obstacle of obstacles) expect(intersects(asRect(placement), obstacle)).toBe(false);
  });

  it('says so when there is no free spot at all', () => {
    const placement = choosePlacement({ viewport, size: panel, obstacles: [rect(0, 0, 1280, 860)] });
    expect(placement.free).toBe(false);
  });

  it('fits a narrow viewport by narrowing the panel', () => {
    const placement = choosePlacement({ viewport: { width: 300, height: 600 }, size: panel, obstacles: [] });
    expect(placement).toMatchObject({ left: 12, width: 276, free: true });
  });

  it('never returns a free spot that touches an obstacle or leaves the viewport (property)', () => {
    const obstacle = fc
      .record({ left: fc.integer({ min: -50, max: 1300 }), top: fc.integer({ min: -50, max: 900 }), width: fc.integer({ min: 1, max: 700 }), height: fc.integer({ min: 1, max: 500 }) })
      .map(({ left, top, width, height }) => rect(left, top, width, height));
    fc.assert(
      fc.property(
        fc.array(obstacle, { maxLength: 25 }),
        fc.integer({ min: 40, max: 440 }),
        fc.integer({ min: 200, max: 1600 }),
        fc.integer({ min: 200, max: 1200 }),
        (obstacles, height, width, viewportHeight) => {
          const view = { width, height: viewportHeight };
          const size = { width: 340, height, minHeight: Math.min(height, 32) };
          const placement = choosePlacement({ viewport: view, size, obstacles });
          if (!placement.free) return;
          const placed = asRect(placement);
          expect(placement.height).toBeGreaterThanOrEqual(size.minHeight);
          expect(placed.left).toBeGreaterThanOrEqual(0);
          expect(placed.top).toBeGreaterThanOrEqual(0);
          expect(placed.right).toBeLessThanOrEqual(view.width);
          expect(placed.bottom).toBeLessThanOrEqual(view.height);
          for (const each of obstacles) expect(intersects(placed, each)).toBe(false);
        },
      ),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it('finds a spot whenever one of the corners is free (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ left: fc.integer({ min: 400, max: 800 }), top: fc.integer({ min: 0, max: 800 }) }), { maxLength: 20 }), (points) => {
        // Obstacles confined to the middle band: both side columns stay free.
        const obstacles = points.map(({ left, top }) => rect(left, top, 60, 30));
        expect(choosePlacement({ viewport, size: panel, obstacles }).free).toBe(true);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
