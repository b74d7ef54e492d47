'use strict';

// The shell every view plugs into. A view registers under the first segment of the URL fragment (#/traces/<id>?q=…)
// and renders into <main>; whatever its render returns (a function) is called when the user leaves the view, so a
// view that polls or follows a stream stops doing so.
const Dashboard = (() => {
  const views = new Map();
  let leave = null;

  function register(name, render) {
    views.set(name, render);
  }

  function parseFragment() {
    const fragment = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
    const [path, query = ''] = fragment.split('?');
    const [name, ...rest] = path.split('/').filter(Boolean);
    return { name: name || 'resources', path: rest, params: new URLSearchParams(query) };
  }

  function navigate(name, path = [], params = undefined) {
    const query = params && [...params].length ? '?' + params.toString() : '';
    location.hash = '#/' + [name, ...path.map(encodeURIComponent)].join('/') + query;
  }

  async function route() {
    if (typeof leave === 'function') {
      leave();
    }
    leave = null;
    const { name, path, params } = parseFragment();
    for (const link of document.querySelectorAll('#nav a')) {
      link.classList.toggle('active', link.dataset.view === name);
    }
    const main = document.getElementById('view');
    main.replaceChildren();
    const render = views.get(name);
    if (!render) {
      main.append(el('p', { class: 'error' }, `There is no view named “${name}”.`));
      return;
    }
    try {
      leave = await render(main, { path, params });
    } catch (failure) {
      main.append(el('p', { class: 'error' }, `This view failed: ${failure.message}`));
    }
  }

  async function getJson(url, options = {}) {
    const response = await fetch(url, { ...options, headers: { accept: 'application/json', ...(options.headers || {}) } });
    if (!response.ok) {
      let detail = `${response.status} ${response.statusText}`;
      try {
        const problem = await response.json();
        detail = problem.detail || problem.title || detail;
      } catch {
        // Not a problem document; the status line says enough.
      }
      throw new Error(detail);
    }
    return response.status === 204 ? null : response.json();
  }

  // Builds an element; attributes named on* become listeners, everything else an attribute. Children may be strings.
  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) {
        continue;
      }
      if (key.startsWith('on') && typeof value === 'function') {
        element.addEventListener(key.slice(2), value);
      } else {
        element.setAttribute(key, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child !== undefined && child !== null && child !== false) {
        element.append(child instanceof Node ? child : String(child));
      }
    }
    return element;
  }

  function formatDuration(milliseconds) {
    if (milliseconds < 1) {
      return `${(milliseconds * 1000).toFixed(0)} µs`;
    }
    if (milliseconds < 1000) {
      return `${milliseconds.toFixed(milliseconds < 10 ? 2 : 0)} ms`;
    }
    return `${(milliseconds / 1000).toFixed(2)} s`;
  }

  function formatTime(iso) {
    const time = new Date(iso);
    return Number.isNaN(time.getTime()) ? String(iso) : time.toLocaleTimeString(undefined, { hour12: false }) +
      '.' + String(time.getMilliseconds()).padStart(3, '0');
  }

  function start() {
    window.addEventListener('hashchange', route);
    route();
  }

  return { register, navigate, getJson, el, formatDuration, formatTime, start };
})();
