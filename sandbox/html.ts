// HTML building for the sandbox's web pages. Every value goes through `escapeHtml`: scenario names may hold markup
// (`<img onerror>`-style) to prove the extension renders text, so the pages themselves must never execute it.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** A tagged template that escapes every interpolated value unless it is already `SafeHtml`. */
export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += renderValue(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

function renderValue(value: unknown): string {
  if (value instanceof SafeHtml) return value.html;
  if (Array.isArray(value)) return value.map(renderValue).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

export const raw = (text: string) => new SafeHtml(text);

/** JSON for an inline `<script type="application/json">`: `<` is escaped so data cannot close the tag. */
export function jsonForScript(value: unknown): SafeHtml {
  return new SafeHtml(JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028|\u2029/g, ''));
}

export interface PageOptions {
  title: string;
  bodyClass?: string;
  head?: SafeHtml;
  body: SafeHtml;
  script?: string;
}

export function page({ title, bodyClass, head, body, script }: PageOptions): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
</head>
<body class="${bodyClass ?? ''}">
${body}
${script ? raw(`<script>${script}</script>`) : ''}
</body>
</html>`.html;
}
