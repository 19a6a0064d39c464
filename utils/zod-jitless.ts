// Imported first by every extension entrypoint. Extension pages and content scripts forbid eval (MV3 CSP), so zod's
// compiled fast path can never run there, and its probe for it (`new Function`) would log a CSP violation on every
// start. The CLI, bench and tests run in Node and keep the compiled path.
import { z } from 'zod';

z.config({ jitless: true });
