// One output's live preview (JPEG polling at ~6 frames/s with If-None-Match) and its corner-pin handles.
import * as api from './api.js';
import { t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const FRAME_GAP_MS = 120;
const SEND_EVERY_MS = 80;

export class OutputView {
  constructor(output, onError) {
    this.name = output.name;
    this.onError = onError;
    this.etag = null;
    this.url = null;
    this.loads = 0;
    this.corners = output.corners.map((c) => [...c]);
    this.dragging = -1;
    this.stopped = false;

    this.root = document.createElement('article');
    this.root.className = 'output';
    this.root.dataset.output = output.name;
    const header = document.createElement('header');
    this.title = document.createElement('span');
    this.title.className = 'name';
    this.editButton = document.createElement('button');
    this.editButton.type = 'button';
    this.editButton.className = 'small edit-corners';
    this.editButton.textContent = t('outputs.editCorners');
    this.editButton.addEventListener('click', () => this.toggleEditing());
    header.append(this.title, this.editButton);

    this.frame = document.createElement('div');
    this.frame.className = 'preview';
    this.img = document.createElement('img');
    this.img.alt = output.name;
    this.img.hidden = true;
    this.empty = document.createElement('div');
    this.empty.className = 'empty';
    this.empty.textContent = t('outputs.noPreview');
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('viewBox', '0 0 1 1');
    this.svg.setAttribute('preserveAspectRatio', 'none');
    this.polygon = document.createElementNS(SVG, 'polygon');
    this.svg.append(this.polygon);
    this.asleep = document.createElement('div');
    this.asleep.className = 'asleep';
    this.asleep.hidden = true;
    this.frame.append(this.img, this.empty, this.asleep, this.svg);
    this.handles = [0, 1, 2, 3].map((i) => this.makeHandle(i));
    this.root.append(header, this.frame);
    this.update(output);
    this.loop();
  }

  makeHandle(index) {
    const handle = document.createElement('div');
    handle.className = 'handle';
    handle.dataset.corner = String(index);
    handle.setAttribute('role', 'slider');
    handle.setAttribute('aria-label', `corner ${index}`);
    handle.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      handle.setPointerCapture(event.pointerId);
      this.dragging = index;
      this.lastSent = 0;
    });
    handle.addEventListener('pointermove', (event) => {
      if (this.dragging !== index) return;
      this.moveTo(index, event);
      const now = performance.now();
      if (now - this.lastSent >= SEND_EVERY_MS) {
        this.lastSent = now;
        this.sendCorner(index);
      }
    });
    const end = (event) => {
      if (this.dragging !== index) return;
      this.moveTo(index, event);
      this.dragging = -1;
      this.sendCorner(index);
    };
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
    this.frame.append(handle);
    return handle;
  }

  moveTo(index, event) {
    const box = this.frame.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    const y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
    this.corners[index] = [x, y];
    this.drawCorners();
  }

  sendCorner(index) {
    const [x, y] = this.corners[index];
    api.put(`/api/displays/${encodeURIComponent(this.name)}/corners/${index}`, { x, y })
      .catch((error) => this.onError(`corner ${index}`, error));
  }

  toggleEditing() {
    const editing = this.frame.classList.toggle('editing');
    this.editButton.textContent = t(editing ? 'outputs.doneCorners' : 'outputs.editCorners');
    this.editButton.setAttribute('aria-pressed', String(editing));
  }

  drawCorners() {
    this.corners.forEach(([x, y], i) => {
      if (x === null || y === null) return;
      this.handles[i].style.left = `${x * 100}%`;
      this.handles[i].style.top = `${y * 100}%`;
    });
    this.polygon.setAttribute('points', this.corners.map(([x, y]) => `${x ?? 0},${y ?? 0}`).join(' '));
  }

  update(output) {
    this.title.textContent = `${output.name} · ${output.kind} ${output.width}×${output.height}`;
    this.frame.style.aspectRatio = `${output.width || 16} / ${output.height || 9}`;
    if (this.dragging < 0 && output.corners.length === 4) {
      this.corners = output.corners.map((c) => [...c]);
    }
    this.drawCorners();
  }

  /** While the show sleeps its preview is black: say so, and until when, instead. */
  setAsleep(asleep, until) {
    this.asleep.hidden = !asleep;
    this.asleep.textContent = !asleep ? '' : until ? t('outputs.asleepUntil', { until }) : t('outputs.asleep');
    this.frame.classList.toggle('sleeping', asleep);
  }

  async loop() {
    while (!this.stopped) {
      if (document.hidden || this.root.offsetParent === null) { // page or view not shown
        await sleep(500);
        continue;
      }
      try {
        const { blob, etag, missing } = await api.preview(this.name, this.etag);
        if (blob) await this.show(blob);
        this.etag = etag;
        await sleep(missing ? 1000 : FRAME_GAP_MS);
      } catch (error) {
        await sleep(1000);
      }
    }
  }

  /**
   * Decodes the frame in an image of its own, then puts it in place of the shown one: setting a new src on
   * the shown image would blank it until the new JPEG is decoded, a flicker at every frame.
   */
  async show(blob) {
    const url = URL.createObjectURL(blob);
    const next = document.createElement('img');
    next.alt = this.name;
    next.src = url;
    try {
      await next.decode();
    } catch (error) {
      URL.revokeObjectURL(url);
      throw error;
    }
    if (this.stopped) {
      URL.revokeObjectURL(url);
      return;
    }
    this.loads += 1;
    next.dataset.loads = String(this.loads);
    this.img.replaceWith(next);
    this.img = next;
    this.empty.hidden = true;
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = url;
  }

  stop() {
    this.stopped = true;
    this.root.remove();
    if (this.url) URL.revokeObjectURL(this.url);
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
