import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wiring only; logic lives in utils/background.
});
