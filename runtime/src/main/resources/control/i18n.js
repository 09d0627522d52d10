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
    'badge.recording': 'REC',
    'tabs.live': 'Live',
    'tabs.journal': 'Journal',
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
    'actions.record': 'Record',
    'actions.recordStop': 'Stop recording',
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
    'toast.recording': 'Recording to {path}',
    'toast.recorded': 'Recording saved: {path}',
    'journal.refresh': 'Refresh',
    'journal.snapshots': 'Snapshots',
    'journal.scenes': 'Scenes shown',
    'journal.interactions': 'Interactions per hour',
    'journal.changes': 'Configuration changes',
    'journal.recordings': 'Recordings',
    'journal.original': 'Original',
    'journal.close': 'Close',
    'journal.loading': 'Loading…',
    'journal.empty': 'Nothing in the journal for this day.',
    'journal.snapshots.one': '{n} snapshot',
    'journal.snapshots.other': '{n} snapshots',
    'journal.scenes.one': '{n} scene',
    'journal.scenes.other': '{n} scenes',
    'journal.changes.one': '{n} change',
    'journal.changes.other': '{n} changes',
    'journal.interactions.one': '{n} interaction',
    'journal.interactions.other': '{n} interactions',
    'journal.recordings.one': '{n} recording',
    'journal.recordings.other': '{n} recordings',
    'journal.noSnapshots': 'No snapshot this day.',
    'journal.noScenes': 'No scene shown this day.',
    'journal.noInteractions': 'No interaction counted this day.',
    'journal.noChanges': 'No configuration change this day.',
    'journal.noRecordings': 'No recording this day.',
    'journal.shownFor': 'for {time}',
    'journal.onStage': 'on stage',
    'journal.seed': 'seed {seed}',
    'journal.noPrompt': 'no prompt',
    'journal.edits.one': '{n} edit',
    'journal.edits.other': '{n} edits',
    'journal.versions.one': '{n} file recorded as it was (first version)',
    'journal.versions.other': '{n} files recorded as they were (first versions)',
    'journal.inProgress': 'recording…',
    'journal.frames': '{n} frames',
    'journal.total': '{n} in all',
    'journal.noData': 'no count',
    'journal.open': 'Open',
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

/** A count in words: the key's ".one" text for 1, its ".other" text otherwise, with {n}. */
export function tn(key, n) {
  return t(`${key}.${n === 1 ? 'one' : 'other'}`, { n });
}

export function translate(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
  }
}
