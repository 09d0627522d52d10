// MIDI learn: arm it for a mapping target, move a control on a MIDI controller, and the binding shows here with the
// mapping line that keeps it in a scene. The card stays hidden when the showcase has no MIDI controllers.
import * as api from './api.js';
import { t } from './i18n.js';

const POLL_MS = 1000;

export class MidiLearnView {
  constructor(failed) {
    this.failed = failed;
    this.card = document.getElementById('midi-card');
    this.form = document.getElementById('midi-learn');
    this.target = document.getElementById('midi-target');
    this.targets = document.getElementById('midi-targets');
    this.state = document.getElementById('midi-state');
    this.bindings = document.getElementById('midi-bindings');
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.arm();
    });
    document.getElementById('midi-cancel').addEventListener('click', () => this.change(() => api.send('DELETE', '/api/midi/learn')));
  }

  async start() {
    try {
      this.render(await api.get('/api/midi/learn'));
    } catch (error) {
      if (error.status === 409) return; // no MIDI controllers: nothing to learn with
      this.failed(t('midi.title'), error);
    }
    this.card.hidden = false;
    setInterval(() => this.poll(), POLL_MS);
  }

  /** The mapping targets the status names, offered as the input's suggestions. */
  offer(targets) {
    const known = [...new Set(targets.filter((name) => name))].sort();
    if (known.join('\n') === this.offered) return;
    this.offered = known.join('\n');
    this.targets.replaceChildren(...known.map((name) => Object.assign(document.createElement('option'), { value: name })));
  }

  async poll() {
    if (document.hidden) return;
    try {
      this.render(await api.get('/api/midi/learn'));
    } catch (error) {
      this.state.textContent = error.message;
    }
  }

  arm() {
    const target = this.target.value.trim();
    if (target) this.change(() => api.post('/api/midi/learn', { target }));
  }

  async change(call) {
    try {
      this.render(await call());
    } catch (error) {
      this.failed(t('midi.title'), error);
    }
  }

  render(learn) {
    this.state.textContent = learn.state === 'armed' ? t('midi.armed', { target: learn.target })
      : learn.state === 'learned' ? t('midi.learned', { signal: learn.signal, target: learn.target })
        : t('midi.idle');
    this.card.dataset.state = learn.state;
    this.bindings.replaceChildren(...learn.bindings.map((binding) => {
      const item = document.createElement('li');
      item.textContent = binding.mapping;
      return item;
    }));
  }
}
