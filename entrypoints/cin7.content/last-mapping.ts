// The last mapping this browser read from the Account Mapping page, kept in storage.local so the Chart of
// Accounts page can say which accounts carry which role (the protocol has no "get mapping" action yet).
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { mappingSchema, type Mapping } from '../../utils/schemas/snapshot';

const item = storage.defineItem<unknown>('local:overlay.cin7.lastMapping', { fallback: null });

export async function loadLastMapping(): Promise<Mapping | null> {
  const parsed = mappingSchema.nullable().safeParse(await item.getValue());
  return parsed.success ? parsed.data : null;
}

export async function storeLastMapping(mapping: Mapping): Promise<void> {
  await item.setValue(mappingSchema.parse(mapping) satisfies z.infer<typeof mappingSchema>);
}
