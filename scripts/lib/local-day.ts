// Today's calendar day on this machine (YYYY-MM-DD), for the CLIs' default --today.
export function localDay(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
