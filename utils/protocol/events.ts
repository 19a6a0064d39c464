// What the background tells pages without being asked: a pair's status changed, or the panel shortcut was pressed.
// Events carry no data beyond ids and progress; pages ask for the rest through actions.
import { z } from 'zod';
import { progressSchema } from './shapes';

/** Event the background broadcasts when a pair's status changed (refresh progress, new findings, connection). */
export const statusChangedSchema = z.object({
  mgEvent: z.literal('statusChanged'),
  pairId: z.string().max(200).optional(),
  refreshing: progressSchema.optional(),
});
export type StatusChanged = z.infer<typeof statusChangedSchema>;

/** Event the background sends to the active app tab when the user presses the panel shortcut (manifest commands). */
export const togglePanelSchema = z.object({ mgEvent: z.literal('togglePanel') });
export const TOGGLE_PANEL_COMMAND = 'toggle-panel';
