import '../utils/zod-jitless';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../utils/background/wiring';

export default defineBackground(() => {
  // Wiring only; logic lives in utils/background.
  startBackground();
});
