// Overlay preferences kept in storage.local (non-secret, per browser profile).
import { storage } from 'wxt/utils/storage';
import { PANEL_COLLAPSED_KEY } from './panel-preference';

/**
 * Whether the health panel is collapsed to its tab; shared by every Cin7 / Xero tab. Collapsed until the user opens
 * it: the tab (with the error and warning counts) is the only thing that sits over the app uninvited.
 */
export const panelCollapsedItem = storage.defineItem<boolean>(`local:${PANEL_COLLAPSED_KEY}`, { fallback: true });
