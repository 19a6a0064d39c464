// The storage.local key of "the health panel is collapsed to its tab" (preferences.ts defines the item), apart so the
// start script can read it without WXT's storage module.
export const PANEL_COLLAPSED_KEY = 'overlay.panelCollapsed';
