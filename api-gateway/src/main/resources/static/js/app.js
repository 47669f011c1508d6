// The dashboard's shell: a hash router (#/week[/YYYY-MM-DD], #/settings[/replan[/YYYY-MM-DD]],
// #/connections, #/history, #/sign-in), the sign-in state, the answer to a 401 from anywhere, and
// a banner when the Clockify connection needs its user.

import { clearToken, get, token, whenUnauthorized } from './api.js';
import { renderSignIn } from './signin.js';
import { renderWeek } from './week.js';
import { renderSettings } from './settings.js';
import { renderConnections } from './connections.js';
import { renderHistory } from './history.js';
import { connectionAttention } from './sync.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const banner = document.getElementById('banner');

let cleanup = null;
let signInMessage = null;

const pages = {
  week: { title: 'Week', render: renderWeek },
  settings: { title: 'Settings', render: renderSettings },
  connections: { title: 'Connections', render: renderConnections },
  history: { title: 'Sync history', render: renderHistory },
};

function parseRoute() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  return { page: parts[0] || 'week', arg: parts[1] || null, rest: parts.slice(2) };
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
  const { page, arg, rest } = parseRoute();
  banner.replaceChildren();
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
  cleanup = target.render(main, { arg, rest, go });
  if (page !== 'connections') {
    showAttention(page);
  }
}

/** A Clockify connection that needs its user (a refused key) is said on every other page. */
function showAttention(page) {
  get('/connections/clockify')
    .then((view) => {
      if (parseRoute().page === page && token()) {
        banner.replaceChildren(...[connectionAttention(view)].filter(Boolean));
      }
    })
    .catch(() => {}); // no connection (404) or no answer: nothing to say here
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
