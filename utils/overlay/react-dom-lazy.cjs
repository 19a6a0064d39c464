// React DOM, evaluated when first asked for rather than with the bundle (mount-panel.tsx). CommonJS on purpose:
// the bundler (rolldown) keeps a `require` inside a function lazy, while an ES import, even a dynamic one, is
// evaluated with the bundle.
/* global exports, require */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazy load is this file's reason to exist
exports.loadReactDom = () => require('react-dom/client');
