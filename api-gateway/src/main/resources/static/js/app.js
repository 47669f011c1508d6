// The dashboard's shell: a hash router (#/week[/YYYY-MM-DD], #/settings, #/connections,
// #/sign-in), the sign-in state and the answer to a 401 from anywhere.

import { clearToken, token, whenUnauthorized } from './api.js';
import { renderSignIn } from './signin.js';
import { renderWeek } from './week.js';
import { renderSettings } from './settings.js';
import { renderConnections } from './connections.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');

let cleanup = null;
let signInMessage = null;

const pages = {
  week: { title: 'Week', render: renderWeek },
  settings: { title: 'Settings', render: renderSettings },
  connections: { title: 'Connections', render: renderConnections },
};

function parseRoute() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  return { page: parts[0] || 'week', arg: parts[1] || null };
}

function go(hash) {
  if (location.hash === hash) {
    route();
  } else {
    location.hash = hash;
  }
}

function route() {
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  const { page, arg } = parseRoute();
  if (!token()) {
    showNav(false);
    document.title = 'Sign in · Focus Sync';
    const message = signInMessage;
    signInMessage = null;
    cleanup = renderSignIn(main, {
      message,
      onSignedIn: () => go(page === 'sign-in' ? '#/week' : location.hash || '#/week'),
    });
    return;
  }
  const target = pages[page];
  if (!target) {
    go('#/week');
    return;
  }
  showNav(true, page);
  document.title = `${target.title} · Focus Sync`;
  cleanup = target.render(main, { arg, go });
}

function showNav(visible, current) {
  nav.hidden = !visible;
  for (const link of nav.querySelectorAll('a[data-nav]')) {
    if (link.dataset.nav === current) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}

function signOut(message) {
  clearToken();
  signInMessage = message || null;
  go('#/sign-in');
}

whenUnauthorized((error) => {
  if (!token()) {
    return;
  }
  signOut(
    `You were signed out: the server did not accept your token (${error.message}). ` +
      'Sign in again with a valid personal access token.',
  );
});

document.getElementById('sign-out').addEventListener('click', () => signOut('You signed out.'));
window.addEventListener('hashchange', route);
route();
