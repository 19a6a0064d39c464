// The "what's new" note an update leaves for the options page (an update opens no page of its own; issue #20).
// Written by the background on `runtime.onInstalled` reason `update`, cleared when the user dismisses it.
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

export const whatsNewSchema = z.object({ version: z.string().max(40), previousVersion: z.string().max(40).optional() }).strict();
export type WhatsNew = z.infer<typeof whatsNewSchema>;

const whatsNewItem = storage.defineItem<unknown>('local:whatsNew', { fallback: null, version: 1 });

/** The pending note, or null (also when what is stored is not a note). */
export async function readWhatsNew(): Promise<WhatsNew | null> {
  const parsed = whatsNewSchema.safeParse(await whatsNewItem.getValue());
  return parsed.success ? parsed.data : null;
}

export function writeWhatsNew(note: WhatsNew): Promise<void> {
  return whatsNewItem.setValue(note);
}

export function dismissWhatsNew(): Promise<void> {
  return whatsNewItem.removeValue();
}
