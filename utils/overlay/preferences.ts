// Overlay preferences kept in storage.local (non-secret, per browser profile).
import { storage } from 'wxt/utils/storage';

/** Whether the health panel is collapsed to its tab; shared by every Cin7 / Xero tab. */
export const panelCollapsedItem = storage.defineItem<boolean>('local:overlay.panelCollapsed', { fallback: false });
