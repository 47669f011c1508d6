// Sign-in with a personal access token. The token is checked with a harmless GET before it is
// kept (sessionStorage only).

import { ApiError, get, setToken } from './api.js';
import { field, h, say } from './dom.js';

export function renderSignIn(main, { message, onSignedIn }) {
  const input = h('input', {
    type: 'password',
    name: 'token',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
  });
  const status = h('p', { class: 'notice', role: 'status', id: 'sign-in-status', hidden: true });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h(
    'form',
    { class: 'card narrow', id: 'sign-in-form', novalidate: true },
    h('h1', {}, 'Sign in'),
    h(
      'p',
      { class: 'muted' },
      'Use a personal access token from your administrator. It is kept in this browser tab only ' +
        'and forgotten when you sign out or close the tab.',
    ),
    field('Personal access token', input, { field: 'token' }),
    status,
    h('div', { class: 'actions' }, button),
  );
  if (message) {
    say(status, message, 'warn');
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) {
      say(status, 'Enter your token.', 'error');
      input.focus();
      return;
    }
    button.disabled = true;
    say(status, 'Checking the token…');
    try {
      try {
        await get('/settings/allocation', { tokenOverride: value });
      } catch (e) {
        // The gateway checks the token before routing: only 401/403 (or no answer) reject it; a
        // service that is down (404/5xx) must not keep a valid user out of the dashboard.
        if (!(e instanceof ApiError) || [0, 401, 403].includes(e.status)) {
          throw e;
        }
      }
      setToken(value);
      input.value = '';
      onSignedIn();
    } catch (e) {
      const text =
        e instanceof ApiError && e.status === 401
          ? 'This token was not accepted: it is unknown or has been revoked.'
          : `Could not sign in: ${e.message}`;
      say(status, text, 'error');
      input.focus();
    } finally {
      button.disabled = false;
    }
  });
  main.replaceChildren(form);
  input.focus();
  return null;
}
