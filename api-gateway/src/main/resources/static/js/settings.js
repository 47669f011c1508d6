// The allocation settings page (GET|PUT /api/v1/settings/allocation) with the mapping table,
// the ordered rules and a live preview of where a project key goes (see mapping.js). Projects are
// picked by name from Clockify's list where it can be read (projects.js), else typed as ids. Once
// saved, "Apply to past days…" re-plans days Clockify already holds (replan.js); #/settings/replan
// [/YYYY-MM-DD] opens it directly (the week's outdated days link there).

import { ApiError, get, put } from './api.js';
import { WEEKDAYS, isKnownZone } from './dates.js';
import { field, h, say, uid } from './dom.js';
import { clearErrors, showErrors } from './forms.js';
import { compileRule, mapKey } from './mapping.js';
import { catalogNotice, loadProjects, projectName, projectPicker } from './projects.js';
import { replanForm } from './replan.js';

const MATCHES = ['PREFIX', 'GLOB', 'REGEX'];
const MATCH_HELP = {
  PREFIX: 'the key starts with the pattern',
  GLOB: 'the whole key matches; * any run, ? one character',
  REGEX: 'the whole key matches the regular expression',
};

export function renderSettings(main, { arg, rest } = {}) {
  const status = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite', hidden: true });
  main.replaceChildren(h('h1', {}, 'Settings'), status, h('p', { class: 'muted' }, 'Loading…'));
  let disposed = false;

  Promise.all([get('/settings/allocation'), loadProjects()])
    .then(([settings, catalog]) => {
      if (disposed) {
        return;
      }
      const replan = h('section', { class: 'card', id: 'replan', 'aria-label': 'Apply to past days', hidden: true });
      const openReplan = (zone, since) => {
        replan.replaceChildren(replanForm({ zone, catalog, since }));
        replan.hidden = false;
        replan.scrollIntoView({ block: 'start' });
        replan.querySelector('input').focus({ preventScroll: true });
      };
      main.replaceChildren(h('h1', {}, 'Settings'), status, buildForm(settings, status, catalog, openReplan), replan);
      if (arg === 'replan') {
        openReplan(settings.timeZone || 'UTC', rest && rest[0]);
      }
    })
    .catch((e) => {
      if (!disposed && !(e instanceof ApiError && e.status === 401)) {
        say(status, `Could not load the settings: ${e.message}`, 'error');
      }
    });
  return () => {
    disposed = true;
  };
}

function option(value, label, selected) {
  return h('option', { value, selected: value === selected }, label || value);
}

function buildForm(s, status, catalog, openReplan) {
  const projectLabel = catalog.error ? 'Clockify project id' : 'Clockify project';
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zoneList = h('datalist', { id: uid('zones') }, ['UTC', ...zones].map((z) => h('option', { value: z })));
  const timeZone = h('input', { type: 'text', name: 'timeZone', value: s.timeZone || 'UTC', list: zoneList.id, autocomplete: 'off', spellcheck: 'false' });
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const useBrowserZone = h(
    'button',
    { type: 'button', class: 'small-button', onclick: () => { timeZone.value = browserZone; } },
    `Use this browser's zone (${browserZone})`,
  );

  const workdayBoxes = WEEKDAYS.map((day) =>
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: 'workdays', value: day, checked: (s.workdays || []).includes(day) }),
      ` ${day.charAt(0)}${day.slice(1, 3).toLowerCase()}`,
    ),
  );
  const workdaysError = h('p', { class: 'field-error', id: uid('workdays-error'), dataset: { errorFor: 'workdays' }, hidden: true });
  const workdays = h(
    'fieldset',
    { class: 'field', dataset: { field: 'workdays' }, 'aria-describedby': workdaysError.id },
    h('legend', {}, 'Work days'),
    h('div', { class: 'checks' }, workdayBoxes),
    workdaysError,
  );
  workdayBoxes.forEach((l) => l.querySelector('input').setAttribute('aria-describedby', workdaysError.id));

  const start = h('input', { type: 'text', name: 'workdayStart', value: s.workdayStart || '', placeholder: '09:00', inputmode: 'numeric', autocomplete: 'off' });
  const end = h('input', { type: 'text', name: 'workdayEnd', value: s.workdayEnd || '', placeholder: '17:00', inputmode: 'numeric', autocomplete: 'off' });
  const mode = h('select', { name: 'mode' }, option('NORMALIZED', 'Normalized', s.mode), option('ACTUAL', 'Actual', s.mode));
  const granularity = h('input', { type: 'number', name: 'granularityMinutes', min: '1', step: '1', value: s.granularityMinutes ?? 1 });
  const description = h('input', { type: 'text', name: 'description', value: s.description || '', autocomplete: 'off' });
  const pushPolicy = h(
    'select',
    { name: 'pushPolicy' },
    option('LIVE', 'Live', s.pushPolicy),
    option('DAY_END', 'Day end', s.pushPolicy),
    option('APPROVAL', 'Approval', s.pushPolicy),
  );
  const otherProjectId = projectPicker(catalog, s.otherProjectId, { name: 'otherProjectId' }, 'No Other project');
  const holidays = h('textarea', { name: 'holidays', rows: '2', spellcheck: 'false' });
  holidays.value = (s.holidays || []).join('\n');
  const closedBefore = h('input', { type: 'text', name: 'closedBefore', value: s.closedBefore || '', placeholder: 'YYYY-MM-DD', autocomplete: 'off' });

  // The preview's input and output (the preview runs whenever the mapping or rules change).
  const previewKey = h('input', { type: 'text', id: 'preview-key', autocomplete: 'off', spellcheck: 'false' });
  const previewOut = h('p', { class: 'preview-result', id: 'preview-result', 'aria-live': 'polite' });

  // Mapping table: exact project keys.
  const mappingRows = h('div', { class: 'rows', id: 'mapping-rows' });
  const addMapping = (key = '', projectId = '') => {
    const keyInput = h('input', { type: 'text', value: key, autocomplete: 'off', spellcheck: 'false', dataset: { role: 'mapping-key' } });
    const idInput = projectPicker(catalog, projectId, { dataset: { role: 'mapping-project' } });
    const row = h('div', { class: 'row mapping-row' });
    const errName = () => `projectMapping["${keyInput.value.length <= 40 ? keyInput.value : `${keyInput.value.slice(0, 40)}…`}"]`;
    const keyField = field('Project key', keyInput);
    const idField = field(projectLabel, idInput);
    row.append(
      keyField,
      idField,
      h('button', { type: 'button', class: 'small-button', 'aria-label': 'Remove this mapping', onclick: () => { row.remove(); preview(); } }, 'Remove'),
    );
    // The error slot follows the key as typed, so that errors for projectMapping["key"] land here.
    const slot = idField.querySelector('.field-error');
    const sync = () => { slot.dataset.errorFor = errName(); };
    keyInput.addEventListener('input', sync);
    sync();
    mappingRows.append(row);
    return keyInput;
  };
  Object.entries(s.projectMapping || {}).forEach(([k, v]) => addMapping(k, v));

  // Ordered rules.
  const ruleRows = h('ol', { class: 'rows', id: 'rule-rows' });
  const renumber = () => {
    [...ruleRows.children].forEach((row, i) => {
      row.dataset.index = String(i);
      for (const slot of row.querySelectorAll('.field-error')) {
        slot.dataset.errorFor = `rules[${i}]${slot.dataset.suffix || ''}`;
      }
      row.querySelector('.rule-number').textContent = `Rule ${i + 1}`;
    });
    preview();
  };
  const addRule = (rule = { match: 'PREFIX', pattern: '', projectId: '' }) => {
    const match = h('select', { dataset: { role: 'rule-match' } }, MATCHES.map((m) => option(m, `${m}`, rule.match)));
    const pattern = h('input', { type: 'text', value: rule.pattern || '', autocomplete: 'off', spellcheck: 'false', dataset: { role: 'rule-pattern' } });
    const projectId = projectPicker(catalog, rule.projectId, { dataset: { role: 'rule-project' } });
    const help = h('p', { class: 'hint rule-help' });
    const matchField = field('Match', match);
    const patternField = field('Pattern', pattern);
    const projectField = field(projectLabel, projectId);
    matchField.querySelector('.field-error').dataset.suffix = '.match';
    patternField.querySelector('.field-error').dataset.suffix = '.pattern';
    projectField.querySelector('.field-error').dataset.suffix = '.projectId';
    const row = h('li', { class: 'row rule-row' });
    const rowError = h('p', { class: 'field-error', id: uid('rule-error'), dataset: { suffix: '' }, hidden: true });
    const move = (delta) => {
      const rows = [...ruleRows.children];
      const i = rows.indexOf(row);
      const j = i + delta;
      if (j < 0 || j >= rows.length) {
        return;
      }
      if (delta < 0) {
        ruleRows.insertBefore(row, rows[j]);
      } else {
        ruleRows.insertBefore(rows[j], row);
      }
      renumber();
    };
    const updateHelp = () => {
      const compiled = compileRule({ match: match.value, pattern: pattern.value });
      help.textContent = compiled.error ? compiled.error : MATCH_HELP[match.value];
      help.classList.toggle('warn', Boolean(compiled.error));
    };
    match.addEventListener('change', updateHelp);
    pattern.addEventListener('input', updateHelp);
    updateHelp();
    row.append(
      h('span', { class: 'rule-number' }),
      matchField,
      patternField,
      projectField,
      h(
        'div',
        { class: 'row-buttons' },
        h('button', { type: 'button', class: 'small-button', 'aria-label': 'Move this rule up', onclick: () => move(-1) }, '↑'),
        h('button', { type: 'button', class: 'small-button', 'aria-label': 'Move this rule down', onclick: () => move(1) }, '↓'),
        h('button', { type: 'button', class: 'small-button', 'aria-label': 'Remove this rule', onclick: () => { row.remove(); renumber(); } }, 'Remove'),
      ),
      help,
      rowError,
    );
    ruleRows.append(row);
    renumber();
    return pattern;
  };
  (s.rules || []).forEach((r) => addRule(r));

  // Live preview.
  function currentMapping() {
    const mapping = {};
    for (const row of mappingRows.children) {
      const key = row.querySelector('[data-role="mapping-key"]').value;
      const project = row.querySelector('[data-role="mapping-project"]').value.trim();
      if (key !== '' && !Object.prototype.hasOwnProperty.call(mapping, key)) {
        mapping[key] = project;
      }
    }
    return mapping;
  }
  function currentRules() {
    return [...ruleRows.children].map((row) => ({
      match: row.querySelector('[data-role="rule-match"]').value,
      pattern: row.querySelector('[data-role="rule-pattern"]').value,
      projectId: row.querySelector('[data-role="rule-project"]').value.trim(),
    }));
  }
  function preview() {
    const key = previewKey.value;
    if (!key) {
      previewOut.textContent = 'Type a project key to see where its time goes.';
      return;
    }
    const result = mapKey(key, currentMapping(), currentRules());
    const other = otherProjectId.value.trim();
    const target = result.projectId
      ? `project ${projectName(catalog, result.projectId)}`
      : `Other${other ? ` (project ${projectName(catalog, other)})` : ''}`;
    const because = result.projectId ? `because of ${result.rule}` : `because ${result.rule.replace(/: Other$/, '')}`;
    previewOut.textContent = `“${key}” maps to ${target} ${because}.`;
    if (result.problems.length) {
      previewOut.textContent += ` (Skipped: ${result.problems.join('; ')}.)`;
    }
  }
  previewKey.addEventListener('input', preview);

  const saveButton = h('button', { type: 'submit', class: 'primary' }, 'Save settings');
  const saveStatus = h('p', { class: 'notice', id: 'settings-saved', role: 'status', hidden: true });
  let savedZone = s.timeZone || 'UTC';
  const replanOffer = h(
    'div',
    { class: 'actions', id: 'replan-offer', hidden: true },
    h('button', { type: 'button', id: 'apply-past-days', onclick: () => openReplan(savedZone) }, 'Apply to past days…'),
    h('p', { class: 'hint' }, 'Days already synced keep what Clockify holds unless you apply the new settings to them.'),
  );
  const form = h(
    'form',
    { class: 'card', id: 'settings-form', novalidate: true },
    catalogNotice(catalog),
    h(
      'fieldset',
      { class: 'group' },
      h('legend', {}, 'Work day'),
      h(
        'div',
        { class: 'grid-fields' },
        h('div', {}, field('Time zone', timeZone, { field: 'timeZone', hint: 'An IANA zone such as Europe/Madrid.' }), useBrowserZone, zoneList),
        field('Work day starts', start, { field: 'workdayStart', hint: 'HH:mm' }),
        field('Work day ends', end, { field: 'workdayEnd', hint: 'HH:mm' }),
        field('Holidays', holidays, { field: 'holidays', hint: 'One date YYYY-MM-DD per line.' }),
        field('Closed before', closedBefore, { field: 'closedBefore', hint: 'Days before this date are locked (optional).' }),
      ),
      workdays,
    ),
    h(
      'fieldset',
      { class: 'group' },
      h('legend', {}, 'Entries'),
      h(
        'div',
        { class: 'grid-fields' },
        field('Mode', mode, { field: 'mode', hint: 'Normalized: the work day split by shares. Actual: each session at its real time.' }),
        field('Granularity (minutes)', granularity, { field: 'granularityMinutes', hint: 'Must divide the work day.' }),
        field('Description', description, { field: 'description' }),
        field('Push policy', pushPolicy, { field: 'pushPolicy', hint: 'Live: today follows the sessions. Day end: once the day is over. Approval: after you approve a day.' }),
        field(catalog.error ? 'Other project id' : 'Other project', otherProjectId, { field: 'otherProjectId', hint: 'Clockify project for unmapped keys (optional).' }),
      ),
    ),
    h(
      'fieldset',
      { class: 'group', dataset: { field: 'projectMapping' } },
      h('legend', {}, 'Project mapping (exact keys win)'),
      mappingRows,
      h('p', { class: 'field-error', id: uid('mapping-error'), dataset: { errorFor: 'projectMapping' }, hidden: true }),
      h('button', { type: 'button', id: 'add-mapping', onclick: () => { addMapping().focus(); } }, 'Add mapping'),
    ),
    h(
      'fieldset',
      { class: 'group' },
      h('legend', {}, 'Rules (in order; the first match wins)'),
      ruleRows,
      h('p', { class: 'field-error', id: uid('rules-error'), dataset: { errorFor: 'rules' }, hidden: true }),
      h('button', { type: 'button', id: 'add-rule', onclick: () => { addRule().focus(); } }, 'Add rule'),
    ),
    h(
      'fieldset',
      { class: 'group preview' },
      h('legend', {}, 'Preview'),
      field('Project key', previewKey, { hint: 'Computed in your browser from the mapping and rules above, saved or not.' }),
      previewOut,
    ),
    h('div', { class: 'actions' }, saveButton),
    saveStatus,
    replanOffer,
  );
  // Any edit of the mapping or rules updates the preview.
  form.addEventListener('input', preview);
  form.addEventListener('change', preview);
  preview();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    say(saveStatus, '');
    replanOffer.hidden = true;
    const local = [];
    const zone = timeZone.value.trim();
    if (zone && zone !== 'UTC' && !isKnownZone(zone)) {
      local.push({ field: 'timeZone', message: 'is not a time zone this browser knows; check the spelling' });
    }
    const mapping = {};
    for (const row of mappingRows.children) {
      const key = row.querySelector('[data-role="mapping-key"]').value;
      const project = row.querySelector('[data-role="mapping-project"]').value.trim();
      if (key === '' && project === '') {
        continue;
      }
      if (Object.prototype.hasOwnProperty.call(mapping, key)) {
        local.push({ field: `projectMapping["${key}"]`, message: 'is listed twice' });
      }
      mapping[key] = project;
    }
    if (local.length) {
      showErrors(form, local, 'Please fix the following:');
      return;
    }
    const granularityValue = granularity.value.trim();
    const body = {
      timeZone: zone,
      workdays: workdayBoxes.map((l) => l.querySelector('input')).filter((i) => i.checked).map((i) => i.value),
      workdayStart: start.value.trim(),
      workdayEnd: end.value.trim(),
      mode: mode.value,
      granularityMinutes: /^\d+$/.test(granularityValue) ? Number(granularityValue) : granularityValue === '' ? null : -1,
      description: description.value,
      otherProjectId: otherProjectId.value.trim() || null,
      projectMapping: mapping,
      rules: currentRules(),
      pushPolicy: pushPolicy.value,
      holidays: holidays.value.split(/[\s,]+/).filter(Boolean),
      closedBefore: closedBefore.value.trim() || null,
    };
    saveButton.disabled = true;
    try {
      const saved = await put('/settings/allocation', body);
      savedZone = (saved && saved.timeZone) || zone || savedZone;
      say(saveStatus, 'Settings saved. Today, later days and days not yet in Clockify are re-planned with them.', 'ok');
      replanOffer.hidden = false;
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        showErrors(form, e instanceof ApiError ? e.errors : [], e.message);
        say(saveStatus, 'The settings were not saved: see the messages above.', 'error');
      }
    } finally {
      saveButton.disabled = false;
    }
  });
  return form;
}
