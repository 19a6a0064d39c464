// Types of react-dom-lazy.cjs.
export function loadReactDom(): typeof import('react-dom/client');
