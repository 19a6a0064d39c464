// The panel acts only on what the user does. A host page cannot reach a closed shadow root, but anything it does
// get hold of (a leaked node, a future bug) must still not press our buttons: events the page synthesises
// (`element.click()`, `dispatchEvent`) are not `isTrusted`, and are stopped here before React or a link sees them.
const USER_EVENT_TYPES = [
  'click',
  'auxclick',
  'dblclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
  'reset',
] as const;

export function dropUntrustedEvents(target: EventTarget, signal?: AbortSignal): void {
  const drop = (event: Event) => {
    if (event.isTrusted) return;
    event.preventDefault(); // a synthetic click on a link or submit button must not navigate or submit
    event.stopImmediatePropagation();
  };
  // Capture on the root: runs before any listener inside it, React's root listeners included.
  for (const type of USER_EVENT_TYPES) target.addEventListener(type, drop, { capture: true, signal });
}
