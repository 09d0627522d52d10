// The control panel: polls the JSON API (status at 4 Hz, log at 1 Hz, recording every 2 s, previews in
// preview.js) and renders it. Two views: the live show (#live) and the journal (#journal/<day>).
import * as api from './api.js';
import { t, translate } from './i18n.js';
import { JournalView, today } from './journal.js';
import { frameTimes, sparkline } from './plots.js';
import { OutputView } from './preview.js';
import { MidiLearnView } from './midi.js';

const STATUS_EVERY_MS = 250;
const LOG_EVERY_MS = 1000;
const SCENES_EVERY_MS = 5000;
const HISTORY = 120; // sparkline samples: 30 s at 4 Hz
const CONFIRM_MS = 3000;
const SLIDER_EVERY_MS = 80;
const RECORDING_EVERY_MS = 2000;

const $ = (id) => document.getElementById(id);
const outputs = new Map();
const generatorRows = new Map();
const signalRows = new Map();
let current = null;
let scenes = [];

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function fmt(value, digits = 1) {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

function clock(seconds) {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Elapsed time: 0:07, 12:34, 1:02:03. */
function elapsed(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n) => String(n).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}` : `${Math.floor(s / 60)}:${pad(s % 60)}`;
}

function toast(text, error = false) {
  const node = el('div', error ? 'toast error' : 'toast', text);
  $('toasts').append(node);
  setTimeout(() => node.remove(), error ? 6000 : 3500);
}

function failed(what, error) {
  toast(t('toast.failed', { what, error: error.message }), true);
}

/** Runs a command from a button; buttons marked data-confirm need a second tap within 3 s. */
async function act(button, what, call) {
  if (button.dataset.confirm === 'true' && !button.classList.contains('confirming')) {
    button.classList.add('confirming');
    button.dataset.label = button.textContent;
    button.textContent = t('actions.confirm');
    button.confirmTimer = setTimeout(() => resetConfirm(button), CONFIRM_MS);
    return null;
  }
  resetConfirm(button);
  button.classList.add('pending');
  try {
    return await call();
  } catch (error) {
    failed(what, error);
    return null;
  } finally {
    button.classList.remove('pending');
  }
}

function resetConfirm(button) {
  clearTimeout(button.confirmTimer);
  if (button.classList.contains('confirming')) {
    button.classList.remove('confirming');
    button.textContent = button.dataset.label;
  }
}

// ---- scene -------------------------------------------------------------------------------------

function renderScenes() {
  const box = $('scenes');
  const names = [...box.querySelectorAll('button')].map((b) => b.dataset.scene);
  if (names.join('\n') !== scenes.join('\n')) {
    box.replaceChildren(...scenes.map((name) => {
      const button = el('button', 'scene', name);
      button.type = 'button';
      button.dataset.scene = name;
      button.addEventListener('click', () => act(button, name, () => api.post('/api/scene', { name })));
      return button;
    }));
  }
  for (const button of box.querySelectorAll('button')) {
    button.setAttribute('aria-pressed', String(current !== null && button.dataset.scene === current.scene));
  }
}

async function refreshScenes() {
  try {
    scenes = (await api.get('/api/scenes')).scenes;
    renderScenes();
  } catch (error) {
    // the status poll shows the connection state
  }
}

function renderScene(s) {
  $('scene-current').textContent = s.scene || '–';
  $('scene-description').textContent = s.sceneDescription || '';
  let next;
  if (!s.nextScene) next = t('scene.nextNone');
  else if (s.nextInSeconds === null || s.nextInSeconds < 0) next = t('scene.nextNow', { scene: s.nextScene });
  else next = t('scene.nextIn', { scene: s.nextScene, time: clock(s.nextInSeconds) });
  $('scene-next').textContent = next;
  const problem = $('scene-problem');
  problem.hidden = !s.problem;
  problem.textContent = s.problem || '';
  if (s.scene && scenes.length > 0 && !scenes.includes(s.scene)) refreshScenes();
  renderScenes();
}

// ---- header and show actions -------------------------------------------------------------------

function renderHeader(s) {
  $('showcase').textContent = s.showcase || 'Liquide';
  $('machine').textContent = s.machine || '';
  document.title = `${s.scene || ''} · ${s.showcase || 'Liquide'}`;
  $('badge-blackout').hidden = !s.blackout;
  $('badge-asleep').hidden = !s.asleep;
  $('badge-rehearsal').hidden = !s.rehearsal;
  const blackout = $('blackout');
  blackout.classList.toggle('on', s.blackout);
  blackout.setAttribute('aria-pressed', String(s.blackout));
  if (!blackout.classList.contains('pending')) blackout.textContent = t(s.blackout ? 'actions.blackoutOff' : 'actions.blackout');
  const sleep = $('sleep');
  sleep.dataset.asleep = String(s.asleep);
  if (!sleep.classList.contains('confirming')) sleep.textContent = t(s.asleep ? 'actions.wake' : 'actions.sleep');
  sleep.dataset.confirm = String(!s.asleep); // waking needs no second tap
}

function wireActions() {
  $('next').addEventListener('click', (e) => act(e.currentTarget, t('scene.next'), () => api.post('/api/next')));
  $('blackout').addEventListener('click', (e) => {
    const on = !(current && current.blackout);
    act(e.currentTarget, t('actions.blackout'), () => api.post('/api/blackout', { on }));
  });
  $('sleep').addEventListener('click', (e) => {
    const asleep = current && current.asleep;
    act(e.currentTarget, t(asleep ? 'actions.wake' : 'actions.sleep'), () => api.post(asleep ? '/api/wake' : '/api/sleep'));
  });
  $('reload').addEventListener('click', async (e) => {
    const done = await act(e.currentTarget, t('actions.reload'), () => api.post('/api/reload'));
    if (done) toast(t('toast.sent', { what: t('actions.reload') }));
  });
  $('snapshot').addEventListener('click', async (e) => {
    const done = await act(e.currentTarget, t('actions.snapshot'), () => api.post('/api/snapshot'));
    if (done) toast(t('toast.snapshot', { path: done.path }));
  });
  $('record').addEventListener('click', async (e) => {
    const stop = recording.recording;
    const done = await act(e.currentTarget, t(stop ? 'actions.recordStop' : 'actions.record'),
      () => api.post(stop ? '/api/recording/stop' : '/api/recording/start'));
    if (done) toast(t(stop ? 'toast.recorded' : 'toast.recording', { path: done.path }));
    await pollRecording(); // after a refusal too: another console may have started or stopped it
  });
  $('logout').addEventListener('click', async () => {
    try {
      await api.post('/logout');
    } finally {
      location.replace('/login');
    }
  });
}

// ---- recording -------------------------------------------------------------------------------

let recording = { recording: false, seconds: null, file: null, at: 0 };

async function pollRecording() {
  try {
    const state = await api.get('/api/recording');
    recording = { ...state, at: performance.now() };
    renderRecording();
  } catch (error) {
    // shown by the connection state
  }
}

/** The toggle and the header's badge, with the elapsed time counted on from the last answer. */
function renderRecording() {
  const on = recording.recording;
  const seconds = on ? (recording.seconds || 0) + (performance.now() - recording.at) / 1000 : 0;
  const button = $('record');
  button.classList.toggle('on', on);
  button.setAttribute('aria-pressed', String(on));
  if (!button.classList.contains('pending')) button.querySelector('.label').textContent = t(on ? 'actions.recordStop' : 'actions.record');
  button.querySelector('.elapsed').textContent = on ? elapsed(seconds) : '';
  button.title = on && recording.file ? recording.file : '';
  const badge = $('badge-recording');
  badge.hidden = !on;
  badge.querySelector('.elapsed').textContent = on ? elapsed(seconds) : '';
}

// ---- views --------------------------------------------------------------------------------------

let journal = null;
let midiLearn = null;

/** #live (or nothing) shows the live show; #journal or #journal/YYYY-MM-DD a day of the journal. */
function route() {
  const match = /^#journal(?:\/(\d{4}-\d{2}-\d{2}))?$/.exec(location.hash);
  const inJournal = match !== null;
  $('view-live').hidden = inJournal;
  $('view-journal').hidden = !inJournal;
  if (inJournal) {
    $('tab-live').removeAttribute('aria-current');
    $('tab-journal').setAttribute('aria-current', 'page');
    journal.open(match[1] || journal.day || today(), true);
  } else {
    $('tab-journal').removeAttribute('aria-current');
    $('tab-live').setAttribute('aria-current', 'page');
  }
}

// ---- outputs, frames, generators ---------------------------------------------------------------

function renderOutputs(s) {
  const seen = new Set();
  for (const output of s.outputs) {
    seen.add(output.name);
    let view = outputs.get(output.name);
    if (!view) {
      view = new OutputView(output, failed);
      outputs.set(output.name, view);
      $('outputs').append(view.root);
    } else {
      view.update(output);
    }
    view.setAsleep(s.asleep, s.asleepUntil);
  }
  for (const [name, view] of outputs) {
    if (!seen.has(name)) {
      view.stop();
      outputs.delete(name);
    }
  }
}

function renderFrames(f) {
  if (!f) return;
  $('frames-fps').textContent = fmt(f.framesPerSecond, 1);
  $('frames-percentiles').textContent =
    `p50 ${fmt(f.p50Millis)} · p95 ${fmt(f.p95Millis)} · p99 ${fmt(f.p99Millis)} · max ${fmt(f.maxMillis)} ms · ${f.framesRendered} frames`;
  frameTimes($('frames-plot'), f.recentIntervalsMillis);
}

function renderGenerators(list) {
  const box = $('generators');
  if (list.length === 0) {
    box.replaceChildren(el('p', 'muted', t('generators.none')));
    generatorRows.clear();
    return;
  }
  box.querySelector(':scope > p')?.remove();
  const seen = new Set();
  for (const g of list) {
    seen.add(g.layer);
    let row = generatorRows.get(g.layer);
    if (!row) {
      row = { root: el('div', 'row generator') };
      row.root.dataset.layer = g.layer;
      const head = el('div', 'head');
      row.name = el('span', 'name', g.layer);
      row.state = el('span', 'state');
      const restart = el('button', 'small restart', t('generators.restart'));
      restart.type = 'button';
      restart.dataset.confirm = 'true';
      restart.addEventListener('click', async () => {
        const done = await act(restart, `${t('generators.restart')} ${g.layer}`,
          () => api.post(`/api/generators/${encodeURIComponent(g.layer)}/restart`));
        if (done) toast(t('toast.sent', { what: `${t('generators.restart')} ${g.layer}` }));
      });
      head.append(row.name, row.state, restart);
      row.facts = el('div', 'facts');
      row.error = el('div', 'error');
      row.warning = el('div', 'warning');
      row.root.append(head, row.facts, row.warning, row.error);
      generatorRows.set(g.layer, row);
      box.append(row.root);
    }
    row.state.textContent = g.state;
    row.state.dataset.state = g.state;
    row.facts.replaceChildren(
      fact(`${g.model} · ${g.device}`),
      fact(fmt(g.framesPerSecond, 1), t('generators.fps')),
      fact(`${fmt(g.latencyMillis, 0)} ms`, t('generators.latency')),
      fact(`${fmt(g.skipRatio === null ? null : g.skipRatio * 100, 0)} %`, t('generators.skip')),
    );
    row.error.textContent = g.lastError || '';
    row.error.hidden = !g.lastError;
    // A model asked for a GPU that runs slower (no CUDA, no TensorRT) says so: never silently.
    row.warning.textContent = g.deviceWarning ? `${t('generators.deviceWarning')} ${g.deviceWarning}` : '';
    row.warning.hidden = !g.deviceWarning;
  }
  for (const [layer, row] of generatorRows) {
    if (!seen.has(layer)) {
      row.root.remove();
      generatorRows.delete(layer);
    }
  }
}

function fact(value, label) {
  const span = el('span');
  const b = el('b', '', value);
  span.append(b);
  if (label) span.append(` ${label}`);
  return span;
}

// ---- signals -----------------------------------------------------------------------------------

function renderSignals(list, rehearsal) {
  const box = $('signals');
  if (list.length === 0) {
    box.replaceChildren(el('p', 'muted', t('signals.none')));
    signalRows.clear();
    return;
  }
  box.querySelector(':scope > p')?.remove();
  const seen = new Set();
  for (const s of list) {
    seen.add(s.name);
    let row = signalRows.get(s.name);
    if (!row) {
      row = makeSignalRow(s);
      signalRows.set(s.name, row);
      box.append(row.root);
    }
    row.history.push(s.raw);
    if (row.history.length > HISTORY) row.history.shift();
    row.root.classList.toggle('stale', s.stale);
    row.raw.textContent = fmt(s.raw, 3);
    row.target.textContent = s.target ? `→ ${s.target} ${fmt(s.mapped, 3)}` : '';
    row.age.textContent = s.ageSeconds === null || s.ageSeconds < 0 ? t('signals.never')
      : `${fmt(s.ageSeconds, 1)} s${s.stale ? ` · ${t('signals.stale')}` : ''}`;
    row.source.textContent = s.source;
    sparkline(row.spark, row.history, s.stale);
    row.slider.hidden = !rehearsal;
    if (rehearsal && !row.touched && !row.root.open) row.root.open = true;
    if (rehearsal && !row.sliding && s.raw !== null) row.slider.value = String(s.raw);
  }
  for (const [name, row] of signalRows) {
    if (!seen.has(name)) {
      row.root.remove();
      signalRows.delete(name);
    }
  }
}

/**
 * One line per signal (name, value, sparkline), which a tap opens to its source, mapping, age and, in
 * rehearsal, its slider: a show has a dozen signals, and the operator's phone shows scene, buttons and
 * preview first. In rehearsal the rows open by themselves, the sliders being the point.
 */
function makeSignalRow(s) {
  const row = { root: el('details', 'row signal'), history: [], sliding: false, lastSent: 0, touched: false };
  row.root.dataset.signal = s.name;
  const head = el('summary', 'head');
  row.name = el('span', 'name', s.name);
  row.spark = el('canvas', 'spark');
  row.raw = el('span', 'raw mono');
  head.append(row.name, row.spark, row.raw);
  const facts = el('div', 'facts');
  row.source = el('span', 'source');
  row.target = el('span', 'target');
  row.age = el('span', 'age');
  facts.append(row.source, row.target, row.age);
  row.slider = document.createElement('input');
  row.slider.type = 'range';
  row.slider.className = 'simulate';
  row.slider.min = '0';
  row.slider.max = '1';
  row.slider.step = '0.01';
  row.slider.value = String(s.raw ?? 0);
  row.slider.setAttribute('aria-label', `simulate ${s.name}`);
  const sendValue = (force) => {
    const now = performance.now();
    if (!force && now - row.lastSent < SLIDER_EVERY_MS) return;
    row.lastSent = now;
    api.post(`/api/signals/${s.name.split('/').map(encodeURIComponent).join('/')}`, { value: Number(row.slider.value) })
      .catch((error) => failed(s.name, error));
  };
  row.slider.addEventListener('pointerdown', () => { row.sliding = true; });
  row.slider.addEventListener('input', () => { row.sliding = true; sendValue(false); });
  row.slider.addEventListener('change', () => { sendValue(true); row.sliding = false; });
  head.addEventListener('click', () => { row.touched = true; });
  row.root.append(head, facts, row.slider);
  return row;
}

// ---- devices and log ---------------------------------------------------------------------------

function renderDevices(s) {
  const groups = [['devices.cameras', s.cameras], ['devices.nodes', s.nodes], ['devices.runtimes', s.runtimes]];
  const box = el('div', 'devices');
  for (const [key, list] of groups) {
    box.append(el('h3', '', t(key)));
    if (list.length === 0) box.append(el('div', 'muted', t('devices.none')));
    for (const d of list) {
      const row = el('div', 'device');
      row.dataset.device = d.name;
      const left = el('div');
      left.append(el('div', 'name', d.name), el('div', 'detail', d.detail || ''));
      const state = el('span', 'state', d.state);
      state.dataset.state = d.state;
      row.append(left, state);
      box.append(row);
    }
  }
  box.append(...soundRows(s.sound));
  $('devices').replaceChildren(box);
}

// Each audio input (device, level meter, outages) and the output (device, gain, underruns, mute).
function soundRows(sound) {
  if (!sound || (sound.inputs.length === 0 && !sound.output)) return [];
  const rows = [el('h3', '', t('devices.sound'))];
  const stateOf = (d) => {
    const state = el('span', 'state', d.state);
    state.dataset.state = d.state;
    return state;
  };
  for (const input of sound.inputs) {
    const row = el('div', 'device sound-input');
    row.dataset.audioInput = input.name;
    const left = el('div');
    const facts = [input.device];
    if (input.outages > 0) facts.push(t('sound.outages', { n: input.outages }));
    if (input.problem) facts.push(input.problem);
    const meter = el('div', 'meter');
    const bar = el('div', 'bar');
    const level = input.levelDb == null ? -Infinity : input.levelDb;
    bar.style.width = `${Math.round(100 * Math.min(1, Math.max(0, (level + 60) / 60)))}%`;
    meter.append(bar);
    meter.title = input.levelDb == null ? '' : `${input.levelDb.toFixed(0)} dBFS`;
    const reading = el('span', 'level', input.levelDb == null ? '–' : t('sound.level', { db: input.levelDb.toFixed(0) }));
    const line = el('div', 'meter-line');
    line.append(meter, reading);
    left.append(el('div', 'name', input.name), el('div', 'detail', facts.join(' · ')), line);
    row.append(left, stateOf(input));
    rows.push(row);
  }
  if (sound.output) {
    const out = sound.output;
    const row = el('div', 'device sound-output');
    row.dataset.audioOutput = out.device;
    const facts = [out.device, t('sound.gain', { db: out.gainDb }), t('sound.underruns', { n: out.underruns })];
    if (out.outages > 0) facts.push(t('sound.outages', { n: out.outages }));
    if (out.mutedBy) facts.push(t(`sound.muted.${out.mutedBy}`));
    if (out.problem) facts.push(out.problem);
    const left = el('div');
    left.append(el('div', 'name', t('sound.output')), el('div', 'detail', facts.join(' · ')));
    row.append(left, stateOf(out));
    rows.push(row);
  }
  return rows;
}

let lastLogSeq = -1;

async function pollLog() {
  try {
    const { lines } = await api.get('/api/log?lines=100');
    const last = lines.length ? lines[lines.length - 1].seq : -1;
    if (last !== lastLogSeq) {
      lastLogSeq = last;
      const list = $('log');
      const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
      list.replaceChildren(...lines.map((line) => {
        const item = el('li', line.level);
        item.textContent = `${line.time.slice(11, 19)} ${line.level.padEnd(5)} ${line.logger}: ${line.message}`;
        return item;
      }));
      if (atBottom) list.scrollTop = list.scrollHeight;
    }
  } catch (error) {
    // shown by the connection state
  }
}

// ---- loops -------------------------------------------------------------------------------------

function render(s) {
  current = s;
  renderHeader(s);
  renderScene(s);
  renderOutputs(s);
  renderFrames(s.frames);
  renderGenerators(s.generators);
  renderSignals(s.signals, s.rehearsal);
  renderDevices(s);
  midiLearn?.offer(s.signals.map((signal) => signal.target));
}

async function pollStatus() {
  try {
    render(await api.get('/api/status'));
    $('connection').dataset.state = 'live';
    $('connection').textContent = t('conn.live');
  } catch (error) {
    $('connection').dataset.state = 'lost';
    $('connection').textContent = t('conn.lost');
  }
}

function every(ms, task) {
  const run = async () => {
    if (!document.hidden) await task();
    setTimeout(run, ms);
  };
  run();
}

async function main() {
  translate();
  wireActions();
  await api.startSession();
  await refreshScenes();
  every(STATUS_EVERY_MS, pollStatus);
  every(LOG_EVERY_MS, pollLog);
  every(SCENES_EVERY_MS, refreshScenes);
  every(RECORDING_EVERY_MS, pollRecording);
  every(1000, renderRecording);
  journal = new JournalView(failed);
  midiLearn = new MidiLearnView(failed);
  midiLearn.start();
  window.addEventListener('hashchange', route);
  route();
  document.body.dataset.ready = 'true';
}

main().catch((error) => toast(error.message, true));
