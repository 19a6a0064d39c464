// Draws the toolbar/store icons (a shield with a tick) into public/icon/<size>.png. Run once after a design change:
// `npx tsx scripts/make-icons.ts`. Plain zlib + CRC, so no image library is needed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const SHIELD: [number, number, number] = [15, 98, 116];
const TICK: [number, number, number] = [255, 255, 255];

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Coverage of pixel (x, y) by the shield (0..1), supersampled 4×4. */
function shieldCoverage(x: number, y: number, size: number): { shield: number; tick: number } {
  let shield = 0;
  let tick = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const u = (x + (sx + 0.5) / 4) / size; // 0..1
      const v = (y + (sy + 0.5) / 4) / size;
      const halfWidth = v < 0.55 ? 0.4 : 0.4 * Math.max(0, 1 - ((v - 0.55) / 0.4) ** 1.6);
      const inShield = v > 0.06 && v < 0.95 && Math.abs(u - 0.5) < halfWidth;
      if (!inShield) continue;
      shield++;
      // Tick: two strokes (0.3,0.5)→(0.45,0.65)→(0.7,0.36), width ~0.08.
      const d1 = distanceToSegment(u, v, 0.3, 0.5, 0.45, 0.65);
      const d2 = distanceToSegment(u, v, 0.45, 0.65, 0.71, 0.35);
      if (Math.min(d1, d2) < 0.055) tick++;
    }
  }
  return { shield: shield / 16, tick: tick / 16 };
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function png(size: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const { shield, tick } = shieldCoverage(x, y, size);
      const mix = shield > 0 ? tick / shield : 0;
      const offset = 1 + x * 4;
      for (let c = 0; c < 3; c++) row[offset + c] = Math.round(SHIELD[c]! * (1 - mix) + TICK[c]! * mix);
      row[offset + 3] = Math.round(shield * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), png(size));
console.log(`icons written: ${SIZES.map((s) => `public/icon/${s}.png`).join(', ')}`);
