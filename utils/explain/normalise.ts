// Error texts arrive as people paste them or as pages show them: copied HTML source (tags, `&#39;`, `&quot;`,
// `&amp;`, sometimes escaped twice), typographic quotes, line breaks, runs of spaces. One plain form for matching.

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: ' ',
  lsquo: "'",
  rsquo: "'",
  ldquo: '"',
  rdquo: '"',
  ndash: '-',
  mdash: '-',
};

const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,6});/gi;

function decodeEntity(whole: string, body: string): string {
  if (body[0] === '#') {
    const point = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
}

/** Decodes HTML entities, up to three rounds (`&amp;#39;` → `&#39;` → `'`). */
export function decodeEntities(text: string): string {
  let current = text;
  for (let round = 0; round < 3; round++) {
    const next = current.replace(ENTITY, decodeEntity);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** The plain form the cause patterns read: no tags or entities, straight quotes, single spaces. */
export function normaliseErrorText(text: string): string {
  return decodeEntities(text.replace(/<\/?[a-z][^<>]{0,200}>/gi, ' '))
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
