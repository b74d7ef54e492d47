'use strict';

// Console logs: one resource's output (#/console/<name>), live through Server-Sent Events.
Dashboard.register('console', async (main, { path }) => {
  const { el, getJson, navigate } = Dashboard;
  const resources = await getJson('/api/resources');
  const name = path[0] || (resources.find((r) => r.kind === 'Project') || resources[0]).name;
  if (!resources.some((r) => r.name === name)) {
    main.append(el('h1', {}, 'Console logs'), el('p', { class: 'error' }, `There is no resource named “${name}”.`));
    return null;
  }
  const { capacity } = await getJson(`/api/resources/${encodeURIComponent(name)}/logs?tail=1`);

  const picker = el('select', { id: 'console-resource', onchange: () => navigate('console', [picker.value]) },
    resources.map((r) => el('option', { value: r.name, selected: r.name === name }, r.name)));
  const filter = el('input', { id: 'console-filter', type: 'search', placeholder: 'text in the line', oninput: applyFilter });
  const follow = el('input', { id: 'console-follow', type: 'checkbox', checked: true, onchange: () => follow.checked && scrollToEnd() });
  const connection = el('span', { class: 'note', id: 'console-connection' }, 'connecting…');
  const log = el('div', { class: 'console-log mono', id: 'console-log', role: 'log' });
  main.append(
    el('h1', {}, `Console logs: ${name}`),
    el('div', { class: 'toolbar' },
      el('label', {}, 'Resource', picker),
      el('label', {}, 'Filter', filter),
      el('label', { class: 'inline' }, follow, 'Follow'),
      connection),
    log,
    el('p', { class: 'note' }, `The host keeps the last ${capacity} lines per resource (Dashboard:Limits:ConsoleLines); this page shows at most as many.`));

  function matches(line) {
    const text = filter.value.trim().toLowerCase();
    return !text || line.dataset.text.includes(text);
  }

  function applyFilter() {
    for (const line of log.children) {
      line.hidden = !matches(line);
    }
    scrollToEnd();
  }

  function scrollToEnd() {
    if (follow.checked) {
      log.scrollTop = log.scrollHeight;
    }
  }

  // Scrolling up to read stops following; scrolling back to the end resumes it.
  log.addEventListener('scroll', () => {
    const atEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 4;
    if (follow.checked !== atEnd) {
      follow.checked = atEnd;
    }
  });

  function append(line) {
    line.hidden = !matches(line);
    log.append(line);
    while (log.childElementCount > capacity) {
      log.firstElementChild.remove();
    }
  }

  function lineOf(entry) {
    return el('div', { class: `line ${entry.stream}`, 'data-text': entry.text.toLowerCase() },
      el('span', { class: 'time' }, Dashboard.formatTime(entry.time)), ' ',
      el('span', { class: 'text' }, entry.text));
  }

  const source = new EventSource(`/api/resources/${encodeURIComponent(name)}/logs/stream`);
  let opened = false;
  source.addEventListener('open', () => {
    // After a reconnect the stream starts again with the recent lines, so the page does too.
    if (opened) {
      log.replaceChildren();
    }
    opened = true;
    connection.textContent = 'live';
    connection.className = 'note status-ok';
  });
  source.addEventListener('error', () => {
    connection.textContent = 'disconnected, retrying…';
    connection.className = 'note error';
  });
  source.addEventListener('message', (event) => {
    append(lineOf(JSON.parse(event.data)));
    scrollToEnd();
  });
  source.addEventListener('dropped', (event) => {
    const { count } = JSON.parse(event.data);
    append(el('div', { class: 'line dropped', 'data-text': '' }, `… ${count} lines skipped: this page could not keep up`));
    scrollToEnd();
  });

  return () => source.close();
});
