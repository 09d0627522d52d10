// UI text, by key. Add a language by adding a table with the same keys; the page's lang picks it.
const tables = {
  en: {
    'login.help': "Enter the control token (the file named in the runtime's log at start).",
    'login.token': 'Token',
    'login.submit': 'Sign in',
    'login.wrong': 'Wrong token.',
    'login.locked': 'Too many wrong tokens: try again in {s} s.',
    'login.failed': 'Could not sign in: {error}',
    'conn.live': 'live',
    'conn.lost': 'no connection',
    'badge.blackout': 'BLACKOUT',
    'badge.asleep': 'ASLEEP',
    'badge.rehearsal': 'REHEARSAL',
    'scene.title': 'Scene',
    'scene.next': 'Next',
    'scene.nextIn': 'next: {scene} in {time}',
    'scene.nextNone': 'no next scene',
    'scene.nextNow': 'next: {scene}',
    'actions.title': 'Show',
    'actions.blackout': 'Blackout',
    'actions.blackoutOff': 'End blackout',
    'actions.sleep': 'Sleep',
    'actions.wake': 'Wake',
    'actions.reload': 'Reload config',
    'actions.snapshot': 'Snapshot',
    'actions.confirm': 'Tap again to confirm',
    'actions.logout': 'Sign out',
    'outputs.title': 'Outputs',
    'outputs.editCorners': 'Adjust corners',
    'outputs.doneCorners': 'Done',
    'outputs.noPreview': 'no preview yet',
    'frames.title': 'Render',
    'frames.fps': 'frames/s',
    'generators.title': 'Generators',
    'generators.none': 'No generator.',
    'generators.restart': 'Restart',
    'generators.fps': 'frames/s',
    'generators.latency': 'latency',
    'generators.skip': 'skipped',
    'signals.title': 'Signals',
    'signals.none': 'No signal.',
    'signals.stale': 'stale',
    'signals.never': 'never',
    'devices.title': 'Devices',
    'devices.cameras': 'Cameras',
    'devices.nodes': 'Sensor nodes',
    'devices.runtimes': 'Runtimes',
    'devices.none': 'none',
    'log.title': 'Log',
    'toast.snapshot': 'Snapshot written: {path}',
    'toast.failed': '{what} failed: {error}',
    'toast.sent': '{what}: sent',
  },
};

const lang = (document.documentElement.lang || 'en').slice(0, 2);
const table = tables[lang] || tables.en;

export function t(key, params = {}) {
  const text = table[key] ?? tables.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}

export function translate(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
  }
}
