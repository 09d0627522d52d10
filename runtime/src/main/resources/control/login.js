import { t, translate } from './i18n.js';

translate();
const form = document.getElementById('login-form');
const message = document.getElementById('login-message');
const params = new URLSearchParams(location.search);
if (params.has('wrong')) message.textContent = t('login.wrong');
if (params.has('locked')) message.textContent = t('login.locked', { s: params.get('locked') });

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = document.getElementById('login-submit');
  button.disabled = true;
  message.textContent = '';
  try {
    const response = await fetch('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ token: form.token.value.trim() }),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (response.ok) {
      location.replace('/');
      return;
    }
    if (response.status === 429) {
      message.textContent = t('login.locked', { s: response.headers.get('Retry-After') || '?' });
    } else if (response.status === 401) {
      message.textContent = t('login.wrong');
    } else {
      const body = await response.json().catch(() => ({}));
      message.textContent = t('login.failed', { error: body.error || response.status });
    }
  } catch (error) {
    message.textContent = t('login.failed', { error: error.message });
  } finally {
    button.disabled = false;
  }
});
