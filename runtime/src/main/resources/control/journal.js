// The journal of a day, browsable: a contact sheet of the snapshots (tap to enlarge, with the models the
// scene ran), the scenes shown with their prompts, seed, model and each model's provenance, interactions per hour, configuration changes (tap to read the
// diff) and recordings. Reads GET /api/journal?day= and the files under /api/journal/files/.
import * as api from './api.js';
import { t, tn } from './i18n.js';

const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The URL of a journal file, from the path an entry names (relative to the journal). */
export function fileUrl(relative) {
  return `/api/journal/files/${relative.split('/').map(encodeURIComponent).join('/')}`;
}

/** Today on this device, as YYYY-MM-DD. */
export function today() {
  return isoDay(new Date());
}

function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function shiftDay(day, by) {
  const [y, m, d] = day.split('-').map(Number);
  return isoDay(new Date(y, m - 1, d + by));
}

function timeOf(iso, seconds = true) {
  const date = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return seconds ? `${hm}:${pad(date.getSeconds())}` : hm;
}

/** 75 s as "1 min 15 s", 4000 s as "1 h 6 min". */
export function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`;
}

function timeElement(iso, seconds = true) {
  const node = el('time', 'when mono', timeOf(iso, seconds));
  node.dateTime = iso;
  return node;
}

function empty(text) {
  return el('p', 'muted empty-note', text);
}

/** Each model a scene entry ran, in one line: "org/name@0123abc · cc-by-nc-4.0 · 1.9 GiB" (no repo: its source). */
export function provenance(fields) {
  const models = Array.isArray(fields.models) ? fields.models : [];
  return models.filter((m) => m && m.source !== 'builtin').map((m) => {
    const origin = m.repo ? `${m.repo}@${String(m.commit || '').slice(0, 7)}` : String(m.source || '?');
    const parts = [origin];
    if (m.licence) parts.push(m.licence);
    if (Number.isFinite(m.bytes)) parts.push(bytes(m.bytes));
    if (m.error) parts.push(m.error);
    return parts.join(' · ');
  });
}

function bytes(n) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

export class JournalView {
  constructor(onError) {
    this.onError = onError;
    this.day = null;
    this.snapshots = [];
    this.scenes = [];
    this.shown = -1;
    this.loading = 0;
    this.viewer = $('viewer');
    $('journal-prev').addEventListener('click', () => this.open(shiftDay(this.day || today(), -1)));
    $('journal-next').addEventListener('click', () => this.open(shiftDay(this.day || today(), 1)));
    $('journal-refresh').addEventListener('click', () => this.open(this.day || today(), true));
    $('journal-day').addEventListener('change', (e) => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) this.open(e.target.value);
    });
    $('viewer-close').addEventListener('click', () => this.viewer.close());
    $('viewer-prev').addEventListener('click', () => this.showSnapshot(this.shown - 1));
    $('viewer-next').addEventListener('click', () => this.showSnapshot(this.shown + 1));
    this.viewer.addEventListener('click', (e) => {
      if (e.target === this.viewer) this.viewer.close(); // a tap on the backdrop
    });
    this.viewer.addEventListener('keydown', (e) => {
      if (this.shown < 0) return;
      if (e.key === 'ArrowLeft') this.showSnapshot(this.shown - 1);
      if (e.key === 'ArrowRight') this.showSnapshot(this.shown + 1);
    });
    this.viewer.addEventListener('close', () => {
      this.shown = -1;
      $('viewer-body').replaceChildren();
    });
  }

  /** Shows a day (YYYY-MM-DD); reloads it when asked, or when it is another day. */
  async open(day, reload = false) {
    if (day === this.day && !reload) return;
    this.day = day;
    $('journal-day').value = day;
    if (location.hash !== `#journal/${day}`) history.replaceState(null, '', `#journal/${day}`);
    const ticket = ++this.loading;
    $('journal-summary').textContent = t('journal.loading');
    document.body.dataset.journal = 'loading';
    try {
      const { entries } = await api.get(`/api/journal?day=${encodeURIComponent(day)}`);
      if (ticket !== this.loading) return; // another day was asked for meanwhile
      this.render(entries, day);
      document.body.dataset.journal = day;
    } catch (error) {
      if (ticket !== this.loading) return;
      $('journal-summary').textContent = '';
      document.body.dataset.journal = 'failed';
      this.onError(t('tabs.journal'), error);
    }
  }

  /** The scene entry in force at an instant: the last one shown before it. */
  sceneAt(time) {
    let found = null;
    for (const scene of this.scenes) if (Date.parse(scene.time) <= Date.parse(time)) found = scene;
    return found;
  }

  render(entries, day) {
    const of = (type) => entries.filter((e) => e.type === type);
    this.snapshots = of('snapshot').filter((e) => e.file);
    const scenes = of('scene');
    this.scenes = scenes;
    const changes = of('change');
    const hours = of('interactions');
    const recordings = this.pairRecordings(entries);
    const interactions = hours.reduce((sum, e) => sum + (Number(e.fields.count) || 0), 0);
    $('journal-summary').textContent = entries.length === 0 ? t('journal.empty') : [
      tn('journal.snapshots', this.snapshots.length), tn('journal.scenes', scenes.length), tn('journal.changes', changes.length),
      tn('journal.interactions', interactions), tn('journal.recordings', recordings.length)].join(' · ');
    this.renderSheet();
    this.renderScenes(scenes, day);
    this.renderInteractions(hours);
    this.renderChanges(changes, of('version'));
    this.renderRecordings(recordings);
  }

  renderSheet() {
    const box = $('journal-sheet');
    if (this.snapshots.length === 0) {
      box.replaceChildren(empty(t('journal.noSnapshots')));
      return;
    }
    box.replaceChildren(...this.snapshots.map((entry, index) => {
      const button = el('button', 'thumb');
      button.type = 'button';
      button.dataset.index = String(index);
      button.dataset.file = entry.file;
      const scene = entry.fields.scene || '';
      button.setAttribute('aria-label', `${scene} ${timeOf(entry.time)}`);
      const img = el('img');
      img.loading = 'lazy';
      img.decoding = 'async';
      img.alt = '';
      img.src = fileUrl(entry.file);
      const caption = el('span', 'caption');
      caption.append(el('span', 'mono', timeOf(entry.time, false)), el('span', 'scene', scene));
      button.append(img, caption);
      button.addEventListener('click', () => this.showSnapshot(index));
      return button;
    }));
  }

  showSnapshot(index) {
    if (index < 0 || index >= this.snapshots.length) return;
    this.shown = index;
    const entry = this.snapshots[index];
    const img = el('img', 'full');
    img.alt = entry.fields.scene || entry.file;
    img.src = fileUrl(entry.file);
    const size = entry.fields.width && entry.fields.height ? ` · ${entry.fields.width}×${entry.fields.height}` : '';
    const models = provenance(this.sceneAt(entry.time)?.fields || {});
    this.openViewer(`${timeOf(entry.time)} · ${entry.fields.scene || ''}${size}${models.map((m) => ` · ${m}`).join('')}`, entry.file, img, true);
    $('viewer-prev').disabled = index === 0;
    $('viewer-next').disabled = index === this.snapshots.length - 1;
  }

  /** Reads a text file of the journal (a diff or a version) into the viewer, diff lines coloured. */
  async showText(title, file) {
    this.shown = -1;
    const pre = el('pre', 'text mono', t('journal.loading'));
    this.openViewer(title, file, pre, false);
    try {
      const response = await fetch(fileUrl(file), { cache: 'no-store', credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const text = await response.text();
      const isDiff = file.endsWith('.diff');
      pre.replaceChildren(...text.split('\n').map((line) => {
        let kind = '';
        if (isDiff) {
          if (line.startsWith('+++') || line.startsWith('---')) kind = 'meta';
          else if (line.startsWith('@@')) kind = 'hunk';
          else if (line.startsWith('+')) kind = 'add';
          else if (line.startsWith('-')) kind = 'del';
        }
        return el('span', `line ${kind}`.trim(), line);
      }));
    } catch (error) {
      pre.textContent = error.message;
      this.onError(file, error);
    }
  }

  openViewer(title, file, content, browsable) {
    $('viewer-title').textContent = title;
    $('viewer-open').href = fileUrl(file);
    $('viewer-body').replaceChildren(content);
    $('viewer-nav').hidden = !browsable;
    this.viewer.classList.toggle('image', browsable);
    if (!this.viewer.open) this.viewer.showModal();
  }

  renderScenes(scenes, day) {
    const list = $('journal-scenes');
    if (scenes.length === 0) {
      list.replaceChildren(empty(t('journal.noScenes')));
      return;
    }
    const isToday = day === today();
    list.replaceChildren(...scenes.map((entry, i) => {
      const f = entry.fields;
      const item = el('li', 'scene-entry');
      item.dataset.scene = f.scene || '';
      const body = el('div');
      const head = el('div', 'head');
      head.append(el('b', 'name', f.scene || '–'));
      const next = scenes[i + 1];
      if (next) head.append(el('span', 'muted', t('journal.shownFor', { time: duration((Date.parse(next.time) - Date.parse(entry.time)) / 1000) })));
      else if (isToday) head.append(el('span', 'badge-inline', t('journal.onStage')));
      const facts = el('div', 'facts');
      if (f.model) facts.append(el('span', 'model', f.model));
      for (const model of provenance(f)) facts.append(el('span', 'provenance mono', model));
      if (f.seed !== undefined && f.seed !== null) facts.append(el('span', 'seed', t('journal.seed', { seed: f.seed })));
      const prompts = Array.isArray(f.prompts) ? f.prompts : (f.prompts ? [String(f.prompts)] : []);
      const promptList = el('ul', 'prompts');
      if (prompts.length === 0) promptList.append(el('li', 'muted', t('journal.noPrompt')));
      for (const prompt of prompts) promptList.append(el('li', '', prompt));
      body.append(head, facts, promptList);
      item.append(timeElement(entry.time), body);
      return item;
    }));
  }

  renderInteractions(hours) {
    const box = $('journal-interactions');
    if (hours.length === 0) {
      box.replaceChildren(empty(t('journal.noInteractions')));
      return;
    }
    // fields.hour is the hour counted, local to the showcase ("2027-01-15T17:00"); fill the gaps between.
    const byHour = new Map();
    for (const entry of hours) {
      const hour = Number(String(entry.fields.hour || '').slice(11, 13));
      if (Number.isInteger(hour)) byHour.set(hour, (byHour.get(hour) || 0) + (Number(entry.fields.count) || 0));
    }
    const known = [...byHour.keys()];
    const first = Math.min(...known);
    const last = Math.max(...known);
    const most = Math.max(1, ...byHour.values());
    const chart = el('div', 'hours');
    chart.setAttribute('role', 'img');
    let total = 0;
    const labels = [];
    for (let hour = first; hour <= last; hour += 1) {
      const count = byHour.get(hour);
      const column = el('div', count === undefined ? 'hour none' : 'hour');
      column.dataset.hour = String(hour);
      const value = el('span', 'count mono', count === undefined ? '' : String(count));
      const track = el('div', 'track');
      const bar = el('div', 'bar');
      bar.style.height = `${count === undefined ? 0 : Math.max(2, (count / most) * 100)}%`;
      track.append(bar);
      column.title = count === undefined ? `${hour}h: ${t('journal.noData')}` : `${hour}h: ${count}`;
      column.append(value, track, el('span', 'label mono', `${hour}h`));
      chart.append(column);
      if (count !== undefined) {
        total += count;
        labels.push(`${hour}h ${count}`);
      }
    }
    chart.setAttribute('aria-label', labels.join(', '));
    box.replaceChildren(chart, el('p', 'muted total', t('journal.total', { n: total })));
  }

  renderChanges(changes, versions) {
    const box = $('journal-changes');
    const parts = [];
    if (changes.length === 0) parts.push(empty(t('journal.noChanges')));
    else {
      const list = el('ol', 'timeline');
      for (const entry of changes) {
        const item = el('li');
        const button = el('button', 'change');
        button.type = 'button';
        const target = entry.fields.diff || entry.file;
        button.dataset.diff = target || '';
        button.append(el('span', 'path', entry.fields.path || entry.file || '?'));
        // changedLines counts the diff's changed blocks (one or more lines each): "edits".
        if (entry.fields.changedLines !== undefined) button.append(el('span', 'muted', tn('journal.edits', Number(entry.fields.changedLines))));
        button.disabled = !target;
        button.addEventListener('click', () => this.showText(`${timeOf(entry.time)} · ${entry.fields.path || ''}`, target));
        item.append(timeElement(entry.time), button);
        list.append(item);
      }
      parts.push(list);
    }
    if (versions.length > 0) {
      const details = el('details', 'versions');
      details.append(el('summary', 'muted', tn('journal.versions', versions.length)));
      const list = el('ol', 'timeline');
      for (const entry of versions) {
        const item = el('li');
        const button = el('button', 'version');
        button.type = 'button';
        button.dataset.file = entry.file || '';
        button.append(el('span', 'path', entry.fields.path || entry.file || '?'));
        button.disabled = !entry.file;
        button.addEventListener('click', () => this.showText(`${timeOf(entry.time)} · ${entry.fields.path || ''}`, entry.file));
        item.append(timeElement(entry.time), button);
        list.append(item);
      }
      details.append(list);
      parts.push(details);
    }
    box.replaceChildren(...parts);
  }

  /** Starts and stops matched by file: [{file, started, stopped, scene, frames}], oldest first. */
  pairRecordings(entries) {
    const byFile = new Map();
    for (const entry of entries) {
      if ((entry.type !== 'recording-started' && entry.type !== 'recording') || !entry.file) continue;
      const rec = byFile.get(entry.file) || { file: entry.file, started: null, stopped: null, scene: '', frames: null };
      if (entry.type === 'recording-started') {
        rec.started = entry.time;
        rec.scene = entry.fields.scene || '';
      } else {
        rec.stopped = entry.time;
        rec.frames = entry.fields.frames ?? null;
      }
      byFile.set(entry.file, rec);
    }
    return [...byFile.values()];
  }

  renderRecordings(recordings) {
    const list = $('journal-recordings');
    if (recordings.length === 0) {
      list.replaceChildren(empty(t('journal.noRecordings')));
      return;
    }
    list.replaceChildren(...recordings.map((rec) => {
      const item = el('li', 'recording-entry');
      const link = el('a', 'recording-link');
      link.href = fileUrl(rec.file);
      link.target = '_blank';
      link.rel = 'noopener';
      link.dataset.file = rec.file;
      link.append(el('b', '', rec.scene || rec.file.split('/').pop()));
      const facts = [];
      if (rec.started && rec.stopped) facts.push(duration((Date.parse(rec.stopped) - Date.parse(rec.started)) / 1000));
      if (rec.frames !== null) facts.push(t('journal.frames', { n: rec.frames }));
      if (!rec.stopped) facts.push(t('journal.inProgress'));
      link.append(el('span', 'muted', facts.join(' · ')));
      item.append(timeElement(rec.started || rec.stopped), link);
      return item;
    }));
  }
}
