// Value lists the protocol's schemas share with the start script's small reader (panel-counts.ts), kept free of
// zod so that script stays small: the one home of each list.

export const CONNECTION_STATES = ['connected', 'not-connected', 'reconnect-needed'] as const;
/** How a tab's page relates to the pairs (shapes.ts tabStateSchema). */
export const TAB_BINDINGS = ['bound', 'other-organisation', 'unknown-organisation'] as const;

export type ConnectionStateName = (typeof CONNECTION_STATES)[number];
