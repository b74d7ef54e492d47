'use strict';

// Resources: every resource the host runs, refreshed every 2 s, with start/stop/restart for projects.
Dashboard.register('resources', async (main) => {
  const { el, getJson } = Dashboard;
  const busy = new Set();
  const status = el('p', { class: 'note', role: 'status' });
  const body = el('tbody');
  main.append(
    el('h1', {}, 'Resources'),
    el('table', { class: 'resources' },
      el('thead', {}, el('tr', {},
        ['Name', 'Kind', 'State', 'PID', 'Endpoints', 'Health', 'Restarts', 'Started', 'Actions'].map((h) => el('th', {}, h)))),
      body),
    status,
    el('p', { class: 'note' },
      'Refreshed every 2 s. Health: each service\'s health check, asked every 3 s; a server is healthy while its process runs. ',
      'Start, stop and restart apply to services only; a restarted service keeps its ports.'));

  async function command(resource, action) {
    busy.add(resource.name);
    status.className = 'note';
    status.textContent = `${action} ${resource.name}…`;
    await refresh();
    try {
      const updated = await getJson(`/api/resources/${encodeURIComponent(resource.name)}/${action}`, { method: 'POST' });
      status.textContent = `${resource.name} is ${updated.state.replaceAll('-', ' ')}.`;
    } catch (failure) {
      status.className = 'error';
      status.textContent = failure.message;
    } finally {
      busy.delete(resource.name);
      await refresh();
    }
  }

  function actions(resource) {
    if (!resource.commands || resource.kind !== 'Project') {
      return el('span', { class: 'note', title: 'Shared by every service that references it' }, 'shared');
    }
    const working = busy.has(resource.name);
    return el('span', { class: 'actions' },
      ['start', 'stop', 'restart'].map((action) => el('button', {
        type: 'button',
        'data-action': action,
        disabled: working || !resource.commands.includes(action),
        onclick: () => command(resource, action),
      }, action[0].toUpperCase() + action.slice(1))));
  }

  function endpoints(resource) {
    return resource.endpoints.map((endpoint) => el('div', {},
      endpoint.url.startsWith('http')
        ? el('a', { href: endpoint.url, target: '_blank', rel: 'noopener' }, endpoint.url)
        : el('span', { class: 'mono' }, endpoint.url)));
  }

  function health(resource) {
    const { status: value, detail } = resource.health;
    return el('span', { class: `health health-${value}`, title: detail }, value);
  }

  function state(resource) {
    const text = resource.state.replaceAll('-', ' ');
    return el('span', { class: `state state-${resource.state}` },
      resource.exitCode !== undefined && resource.state !== 'running' ? `${text} (code ${resource.exitCode})` : text);
  }

  function row(resource) {
    const child = resource.parent ? 'child' : '';
    return el('tr', { 'data-resource': resource.name, class: child },
      el('td', {},
        el('a', { href: `#/console/${encodeURIComponent(resource.name)}`, title: 'Console logs' }, resource.name),
        resource.parent ? el('div', { class: 'note' }, `in ${resource.parent}`) : null),
      el('td', {}, resource.kind),
      el('td', {}, state(resource)),
      el('td', { class: 'mono' }, resource.pid ?? '—'),
      el('td', {}, endpoints(resource)),
      el('td', {}, health(resource)),
      el('td', {}, resource.restarts ?? '—'),
      el('td', { class: 'mono' }, resource.startedAt ? Dashboard.formatTime(resource.startedAt) : '—'),
      el('td', {}, actions(resource)));
  }

  async function refresh() {
    try {
      const resources = await getJson('/api/resources');
      body.replaceChildren(...resources.map(row));
    } catch (failure) {
      status.className = 'error';
      status.textContent = `Could not read the resources: ${failure.message}`;
    }
  }

  await refresh();
  const timer = setInterval(refresh, 2000);
  return () => clearInterval(timer);
});
