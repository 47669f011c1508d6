// The Clockify and Notion connection forms. Secrets are write-only: the inputs always start
// empty and the masked value from GET is only shown as "…last4 saved". A live Clockify connection
// offers to push the days a dry run previewed (go-live).

import { ApiError, del, get, post, put } from './api.js';
import { addDays, isDate, longDate, todayIn } from './dates.js';
import { field, h, replaceChildren, say } from './dom.js';

/** Runs the action on a second click within 5 s; the first click asks for confirmation. */
function confirmTwice(button, question, action) {
  const label = button.textContent;
  let armed = null;
  button.addEventListener('click', () => {
    if (!armed) {
      button.textContent = question;
      armed = setTimeout(() => {
        armed = null;
        button.textContent = label;
      }, 5000);
      return;
    }
    clearTimeout(armed);
    armed = null;
    button.textContent = label;
    action();
  });
}
import { clearErrors, showErrors } from './forms.js';

const NOTION_PROPERTIES = [
  ['title', 'Title property', 'the title property'],
  ['date', 'Date property', 'Date'],
  ['project', 'Project property', 'Project'],
  ['flowScore', 'Flow score property', 'Flow score'],
  ['synced', 'Synced checkbox property', 'Synced'],
  ['entryUrl', 'Clockify entry link property', 'Clockify entry'],
  ['syncedAt', 'Synced-at property', 'Synced at'],
];

export function renderConnections(main) {
  const status = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite', hidden: true });
  const clockify = h('section', { class: 'card', id: 'clockify', 'aria-labelledby': 'clockify-title' });
  const notion = h('section', { class: 'card', id: 'notion', 'aria-labelledby': 'notion-title' });
  main.replaceChildren(h('h1', {}, 'Connections'), status, h('div', { class: 'two-columns' }, clockify, notion));
  let disposed = false;

  const load = (path) =>
    get(path).catch((e) => {
      if (e instanceof ApiError && e.status === 404) {
        return null;
      }
      throw e;
    });

  Promise.all([
    load('/connections/clockify'),
    load('/connections/notion'),
    get('/settings/allocation').catch(() => null),
  ])
    .then(([c, n, settings]) => {
      if (!disposed) {
        const zone = (settings && settings.timeZone) || 'UTC';
        drawClockify(clockify, c, status, { zone });
        drawNotion(notion, n, status);
      }
    })
    .catch((e) => {
      if (!disposed && !(e instanceof ApiError && e.status === 401)) {
        say(status, `Could not load the connections: ${e.message}`, 'error');
      }
    });
  return () => {
    disposed = true;
  };
}

function savedSecret(masked) {
  return masked ? `${masked} saved` : null;
}

function drawClockify(section, current, status, ctx) {
  const apiKey = h('input', { type: 'password', name: 'apiKey', autocomplete: 'off', spellcheck: 'false', value: '' });
  const workspaceId = h('input', { type: 'text', name: 'workspaceId', autocomplete: 'off', spellcheck: 'false', value: current ? current.workspaceId || '' : '' });
  const baseUrl = h('input', { type: 'url', name: 'baseUrl', autocomplete: 'off', spellcheck: 'false', value: current ? current.baseUrl || '' : '', placeholder: 'https://api.clockify.me/api' });
  const dryRun = h('input', { type: 'checkbox', name: 'dryRun', checked: current ? current.dryRun : false });
  const saved = savedSecret(current && current.apiKey);
  const summary = h('p', { class: 'muted', id: 'clockify-state' }, connectedText(current));
  const save = h('button', { type: 'submit', class: 'primary' }, current ? 'Update connection' : 'Connect Clockify');
  const remove = h('button', { type: 'button', class: 'danger', hidden: !current }, 'Disconnect');
  const form = h(
    'form',
    { id: 'clockify-form', novalidate: true },
    field('API key', apiKey, {
      field: 'apiKey',
      hint: saved ? `${saved}. Enter the key again to change the connection.` : 'From Clockify: Profile settings → API.',
    }),
    field('Workspace id', workspaceId, { field: 'workspaceId' }),
    field('Base URL (optional)', baseUrl, { field: 'baseUrl', hint: 'Leave empty for Clockify’s global API; regional hosts must be on the server’s allow-list.' }),
    h('div', { class: 'field' }, h('label', { class: 'check' }, dryRun, ' Dry run: plan the Clockify calls without making them'), h('p', { class: 'field-error', id: 'clockify-dryrun-error', dataset: { errorFor: 'dryRun' }, hidden: true })),
    h('div', { class: 'actions' }, save, remove),
  );
  dryRun.setAttribute('aria-describedby', 'clockify-dryrun-error');
  dryRun.dataset.field = 'dryRun';

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = { apiKey: apiKey.value, workspaceId: workspaceId.value.trim(), dryRun: dryRun.checked };
    if (baseUrl.value.trim()) {
      body.baseUrl = baseUrl.value.trim();
    }
    save.disabled = true;
    try {
      const view = await put('/connections/clockify', body);
      apiKey.value = '';
      const wentLive = Boolean(current && current.dryRun && !view.dryRun);
      say(
        status,
        wentLive
          ? 'Clockify is connected live. Push the days the dry run previewed with “Push previewed days” below.'
          : 'Clockify is connected.',
        'ok',
      );
      drawClockify(section, view, status, ctx);
      if (wentLive) {
        section.querySelector('#go-live-form button[type=submit]').focus();
      }
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        showErrors(form, e instanceof ApiError ? e.errors : [], e.message);
      }
    } finally {
      save.disabled = false;
    }
  });
  confirmTwice(remove, 'Click again to disconnect Clockify', async () => {
    try {
      await del('/connections/clockify');
      say(status, 'Clockify was disconnected.', 'ok');
      drawClockify(section, null, status, ctx);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        say(status, `Could not disconnect Clockify: ${e.message}`, 'error');
      }
    }
  });
  replaceChildren(
    section,
    h('h2', { id: 'clockify-title' }, 'Clockify'),
    summary,
    ...attentionOf(current),
    dryRunNote(current),
    form,
    goLiveForm(current, ctx),
  );
}

/** A dry run: what going live means for the days it previewed. */
function dryRunNote(view) {
  if (!view || !view.dryRun) {
    return null;
  }
  return h(
    'p',
    { class: 'notice', id: 'clockify-dry-run-note' },
    'Dry run: each day’s Clockify calls are planned and shown (Week, Sync history) but not made. ' +
      'To switch to live, untick “Dry run”, enter your API key and save: the days previewed so far ' +
      'can then be pushed to Clockify with “Push previewed days”.',
  );
}

/** A live connection: push the days whose newest plan was only previewed in a dry run. */
function goLiveForm(view, ctx) {
  if (!view || view.dryRun) {
    return null;
  }
  const today = todayIn(ctx.zone);
  const from = h('input', { type: 'text', name: 'from', value: addDays(today, -29), inputmode: 'numeric', placeholder: 'YYYY-MM-DD', autocomplete: 'off' });
  const to = h('input', { type: 'text', name: 'to', value: today, inputmode: 'numeric', placeholder: 'YYYY-MM-DD', autocomplete: 'off' });
  const push = h('button', { type: 'submit', class: 'primary' }, 'Push previewed days');
  const result = h('div', { id: 'go-live-result', 'aria-live': 'polite' });
  const form = h(
    'form',
    { id: 'go-live-form', novalidate: true },
    h(
      'fieldset',
      { class: 'group' },
      h('legend', {}, 'Push previewed days'),
      h(
        'p',
        { class: 'hint' },
        `Days from the range whose newest plan was only previewed in a dry run go to Clockify now (dates in ${ctx.zone}). ` +
          'Days planned since the switch go live by themselves; asking again pushes nothing twice.',
      ),
      h('div', { class: 'grid-fields' }, field('From', from, { field: 'from' }), field('To', to, { field: 'to' })),
      h('div', { class: 'actions' }, push),
      result,
    ),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    result.replaceChildren();
    const body = { from: from.value.trim(), to: to.value.trim() };
    const local = ['from', 'to'].filter((n) => !isDate(body[n])).map((n) => ({ field: n, message: 'must be a date YYYY-MM-DD' }));
    if (local.length) {
      showErrors(form, local, 'Please fix the dates.');
      return;
    }
    push.disabled = true;
    try {
      const answer = await post('/connections/clockify/go-live', body);
      const days = (answer && answer.days) || [];
      result.replaceChildren(
        days.length
          ? h(
              'div',
              { class: 'notice notice-ok', role: 'status' },
              h('p', {}, `${days.length === 1 ? '1 day goes' : `${days.length} days go`} to Clockify now:`),
              h('ul', { class: 'pushed-days' }, days.map((d) => h('li', { dataset: { date: d } }, h('a', { href: `#/week/${d}` }, longDate(d))))),
            )
          : h('p', { class: 'notice', role: 'status' }, 'No previewed day in this range: nothing to push.'),
      );
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        if (e instanceof ApiError && e.errors.length) {
          showErrors(form, e.errors, e.message);
        } else {
          result.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, `Nothing was pushed: ${e.message}`));
        }
      }
    } finally {
      push.disabled = false;
    }
  });
  return form;
}

/** Why the connection needs its user (Clockify refused the key) and what to do, if it does. */
function attentionOf(view) {
  if (!view || view.status !== 'NEEDS_ATTENTION') {
    return [];
  }
  return [
    h(
      'p',
      { class: 'notice notice-error', role: 'alert', id: 'clockify-attention' },
      `Needs attention: ${view.attention}. Nothing is sent to Clockify until you save a valid API key.`,
    ),
  ];
}

function connectedText(view) {
  if (!view) {
    return 'Not connected.';
  }
  const parts = [`Connected to workspace ${view.workspaceId}`];
  if (view.userId) {
    parts.push(`as user ${view.userId}`);
  }
  if (view.dryRun) {
    parts.push('(dry run: no calls are made)');
  }
  return `${parts.join(' ')}.`;
}

function drawNotion(section, current, status) {
  const token = h('input', { type: 'password', name: 'token', autocomplete: 'off', spellcheck: 'false', value: '' });
  const databaseId = h('input', { type: 'text', name: 'databaseId', autocomplete: 'off', spellcheck: 'false', value: current ? current.databaseId || '' : '' });
  const dataSourceId = h('input', { type: 'text', name: 'dataSourceId', autocomplete: 'off', spellcheck: 'false', value: current ? current.dataSourceId || '' : '' });
  const baseUrl = h('input', { type: 'url', name: 'baseUrl', autocomplete: 'off', spellcheck: 'false', value: current ? current.baseUrl || '' : '', placeholder: 'https://api.notion.com' });
  const loadedProps = (current && current.properties) || {};
  const propInputs = {};
  const propFields = NOTION_PROPERTIES.map(([name, label, fallback]) => {
    const input = h('input', {
      type: 'text',
      name: `properties.${name}`,
      autocomplete: 'off',
      spellcheck: 'false',
      value: loadedProps[name] || '',
      placeholder: fallback,
    });
    propInputs[name] = input;
    return field(label, input, { field: `properties.${name}` });
  });
  const checklist = h('input', {
    type: 'text',
    name: 'properties.checklist',
    autocomplete: 'off',
    value: (loadedProps.checklist || []).join(', '),
    placeholder: 'every other checkbox',
  });
  const saved = savedSecret(current && current.token);
  const summary = h('p', { class: 'muted', id: 'notion-state' }, current ? `Connected to database ${current.databaseId}.` : 'Not connected.');
  const save = h('button', { type: 'submit', class: 'primary' }, current ? 'Update connection' : 'Connect Notion');
  const remove = h('button', { type: 'button', class: 'danger', hidden: !current }, 'Disconnect');
  const form = h(
    'form',
    { id: 'notion-form', novalidate: true },
    field('Integration token', token, {
      field: 'token',
      hint: saved ? `${saved}. Enter the token again to change the connection.` : 'An internal integration token shared with the database.',
    }),
    field('Database id', databaseId, { field: 'databaseId', hint: '32 hex digits, from the database’s URL.' }),
    field('Data source id (optional)', dataSourceId, { field: 'dataSourceId', hint: 'Only when the database has more than one data source.' }),
    field('Base URL (optional)', baseUrl, { field: 'baseUrl' }),
    h(
      'fieldset',
      { class: 'group' },
      h('legend', {}, 'Property names'),
      h('p', { class: 'hint' }, 'Leave a name empty to use the default shown; clear a saved optional one to stop using it.'),
      h('div', { class: 'grid-fields' }, propFields, field('Checklist checkboxes', checklist, { field: 'properties.checklist', hint: 'Comma-separated.' })),
    ),
    h('div', { class: 'actions' }, save, remove),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const properties = {};
    for (const [name] of NOTION_PROPERTIES) {
      const value = propInputs[name].value.trim();
      if (value) {
        properties[name] = value;
      } else if (loadedProps[name]) {
        properties[name] = ''; // an empty name unmaps a saved optional property
      }
    }
    const list = checklist.value.split(',').map((x) => x.trim()).filter(Boolean);
    if (list.length || (loadedProps.checklist || []).length) {
      properties.checklist = list;
    }
    const body = { token: token.value, databaseId: databaseId.value.trim(), properties };
    if (dataSourceId.value.trim()) {
      body.dataSourceId = dataSourceId.value.trim();
    }
    if (baseUrl.value.trim()) {
      body.baseUrl = baseUrl.value.trim();
    }
    save.disabled = true;
    try {
      const view = await put('/connections/notion', body);
      token.value = '';
      say(status, 'Notion is connected.', 'ok');
      drawNotion(section, view, status);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        showErrors(form, e instanceof ApiError ? e.errors : [], e.message);
      }
    } finally {
      save.disabled = false;
    }
  });
  confirmTwice(remove, 'Click again to disconnect Notion', async () => {
    try {
      await del('/connections/notion');
      say(status, 'Notion was disconnected.', 'ok');
      drawNotion(section, null, status);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        say(status, `Could not disconnect Notion: ${e.message}`, 'error');
      }
    }
  });
  const check = async () => {
    try {
      drawNotion(section, await get('/connections/notion'), status);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        say(status, `Could not load the Notion connection: ${e.message}`, 'error');
      }
    }
  };
  section.replaceChildren(h('h2', { id: 'notion-title' }, 'Notion'), summary, ...webhookOf(current, check), form);
}

const WEBHOOK_STATES = {
  AWAITING_HANDSHAKE: 'Waiting for Notion’s handshake: in your Notion integration’s settings, open Webhooks, create a subscription with this URL, then check here.',
  VERIFICATION_TOKEN_READY: 'Notion’s handshake arrived.',
  ACTIVE: 'Active: Notion’s events reach this connection.',
};

/**
 * The connection's own webhook URL and state, and Notion's verification token in the one view
 * that carries it (the server shows it once; a reload does not bring it back).
 */
function webhookOf(view, check) {
  if (!view || !view.webhook) {
    return [];
  }
  const { url, status, verificationToken } = view.webhook;
  const address = url.startsWith('/') ? `${location.origin}${url}` : url;
  const token = verificationToken
    ? h(
        'p',
        { class: 'notice notice-warn', role: 'alert', id: 'notion-verification-token' },
        'Verification token for Notion: ',
        h('span', { class: 'webhook-value' }, verificationToken),
        ' Paste it into Notion’s Verify dialog now: it is shown only once. If it is lost, disconnect and connect Notion again for a new webhook URL.',
      )
    : null;
  const waiting = !verificationToken && status !== 'ACTIVE';
  return [
    h(
      'fieldset',
      { class: 'group', id: 'notion-webhook', dataset: { status } },
      h('legend', {}, 'Webhook'),
      h('p', { class: 'hint' }, 'Notion sends changes to this URL within seconds; without it they arrive with the next poll.'),
      h('p', { class: 'webhook-value', id: 'notion-webhook-url' }, address),
      h('p', { class: 'muted', id: 'notion-webhook-status' }, WEBHOOK_STATES[status] || status),
      token,
      waiting
        ? h(
            'div',
            { class: 'actions' },
            h('button', { type: 'button', class: 'small-button', onclick: check }, status === 'AWAITING_HANDSHAKE' ? 'Check for Notion’s handshake' : 'Show the verification token'),
          )
        : null,
    ),
  ];
}
