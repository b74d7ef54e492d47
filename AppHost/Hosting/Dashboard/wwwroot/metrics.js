'use strict';

// Metrics: the platform's business instruments (petition.*) drawn as charts, refreshed every few seconds; every other
// instrument (HTTP, runtime, database) listed below and drawn when opened.
// Shares the Telemetry helpers (service colours, limits note) that traces.js defines; index.html loads traces.js first.
Dashboard.register('metrics', async main => {
  const { el } = Dashboard;
  const svgNs = 'http://www.w3.org/2000/svg';
  const refreshMs = 5000;

  const business = el('div', { class: 'metric-grid' });
  const others = el('div', { class: 'metric-others' });
  const status = el('span', { class: 'note' });
  const opened = new Set();
  main.append(
    el('h1', {}, 'Metrics'),
    el('p', { class: 'toolbar' }, status),
    el('h2', {}, 'Business instruments'),
    business,
    el('h2', {}, 'Other instruments'),
    others);
  Telemetry.limitsNote(l => `Keeps the last ${l.metricPointsPerSeries} points of each series and at most ${l.metricSeries} series.`)
    .then(note => main.insertBefore(note, main.children[2]));

  function svg(tag, attributes = {}, ...children) {
    const node = document.createElementNS(svgNs, tag);
    for (const [key, value] of Object.entries(attributes)) {
      node.setAttribute(key, String(value));
    }
    node.append(...children.flat(Infinity).filter(c => c !== null && c !== undefined));
    return node;
  }

  function seriesLabel(series) {
    const attributes = Object.entries(series.attributes).map(([k, v]) => `${k}=${v}`).join(', ');
    return attributes ? `${series.service} · ${attributes}` : series.service;
  }

  function formatValue(value, unit) {
    const text = Math.abs(value) >= 1000 || Number.isInteger(value) ? Math.round(value).toLocaleString() : value.toPrecision(3);
    const shown = unit && !unit.startsWith('{') ? ` ${unit}` : '';
    return text + shown;
  }

  // One line per series over the time of the points held; the y axis starts at zero so counts compare honestly.
  function lineChart(instrument) {
    const width = 560;
    const height = 180;
    const pad = { left: 48, right: 12, top: 10, bottom: 22 };
    const series = instrument.series.filter(s => s.points.length);
    const times = series.flatMap(s => s.points.map(p => Date.parse(p.time)));
    const values = series.flatMap(s => s.points.map(p => p.value));
    if (!times.length) {
      return el('p', { class: 'note' }, 'No points yet.');
    }
    const t0 = Math.min(...times);
    const t1 = Math.max(...times, t0 + 1);
    const top = Math.max(...values, 0) || 1;
    const x = t => pad.left + ((t - t0) / (t1 - t0)) * (width - pad.left - pad.right);
    const y = v => height - pad.bottom - (v / top) * (height - pad.top - pad.bottom);
    const colours = series.map((s, i) => Telemetry.serviceColour(s.service + (i ? `#${i}` : '')));
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': `${instrument.name} over time` },
      [0, 0.5, 1].map(f => [
        svg('line', { x1: pad.left, x2: width - pad.right, y1: y(top * f), y2: y(top * f), class: 'grid' }),
        svg('text', { x: pad.left - 6, y: y(top * f) + 4, class: 'axis-label', 'text-anchor': 'end' }, formatValue(top * f, '')),
      ]),
      svg('text', { x: pad.left, y: height - 6, class: 'axis-label' }, Dashboard.formatTime(new Date(t0).toISOString())),
      svg('text', { x: width - pad.right, y: height - 6, class: 'axis-label', 'text-anchor': 'end' }, Dashboard.formatTime(new Date(t1).toISOString())),
      series.map((s, i) => {
        const points = s.points.map(p => `${x(Date.parse(p.time)).toFixed(1)},${y(p.value).toFixed(1)}`);
        const last = s.points[s.points.length - 1];
        return [
          svg('polyline', { points: points.join(' '), fill: 'none', stroke: colours[i], 'stroke-width': 2 }),
          svg('circle', { cx: x(Date.parse(last.time)), cy: y(last.value), r: 3, fill: colours[i] }),
        ];
      }));
    const legend = el('ul', { class: 'chart-legend' }, series.map((s, i) => el('li', {},
      el('span', { class: 'swatch', style: `background:${colours[i]}` }),
      seriesLabel(s), ': ', el('strong', {}, formatValue(s.points[s.points.length - 1].value, instrument.unit)))));
    return el('div', {}, chart, legend);
  }

  // A histogram's latest distribution, all series added up: one bar per bucket, labelled by its upper bound.
  function histogramChart(instrument) {
    const latest = instrument.series.map(s => s.points[s.points.length - 1]).filter(p => p && p.bucketCounts);
    if (!latest.length) {
      return el('p', { class: 'note' }, 'No points yet.');
    }
    const bounds = latest[0].bounds;
    const counts = bounds.map((_, i) => latest.reduce((sum, p) => sum + (p.bucketCounts[i] || 0), 0));
    counts.push(latest.reduce((sum, p) => sum + (p.bucketCounts[bounds.length] || 0), 0));
    const total = latest.reduce((sum, p) => sum + p.count, 0);
    const totalSum = latest.reduce((sum, p) => sum + (p.sum || 0), 0);
    const width = 560;
    const height = 180;
    const pad = { left: 40, right: 8, top: 10, bottom: 30 };
    const highest = Math.max(...counts, 1);
    const slot = (width - pad.left - pad.right) / counts.length;
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': `${instrument.name} distribution` },
      svg('text', { x: pad.left - 6, y: pad.top + 8, class: 'axis-label', 'text-anchor': 'end' }, String(highest)),
      counts.map((count, i) => {
        const barHeight = (count / highest) * (height - pad.top - pad.bottom);
        const label = i < bounds.length ? `≤${bounds[i]}` : `>${bounds[bounds.length - 1] ?? 0}`;
        return [
          svg('rect', { x: pad.left + i * slot + 1, y: height - pad.bottom - barHeight, width: Math.max(slot - 2, 1), height: barHeight, class: 'bar' },
            svg('title', {}, `${label}: ${count}`)),
          i % Math.ceil(counts.length / 8) === 0
            ? svg('text', { x: pad.left + i * slot + slot / 2, y: height - 12, class: 'axis-label', 'text-anchor': 'middle' }, label)
            : null,
        ];
      }));
    return el('div', {}, chart, el('p', { class: 'note' },
      `${total} measurements, mean ${total ? formatValue(totalSum / total, instrument.unit) : '—'} (latest export of ${latest.length} series)`));
  }

  function card(instrument) {
    return el('section', { class: 'metric-card', 'data-instrument': instrument.name },
      el('h3', {}, instrument.name, ' ', el('span', { class: 'note' }, `${instrument.type}${instrument.unit ? ' · ' + instrument.unit : ''}`)),
      instrument.description ? el('p', { class: 'note' }, instrument.description) : null,
      instrument.type === 'histogram' ? histogramChart(instrument) : lineChart(instrument));
  }

  let stopped = false;
  let timer;
  async function refresh() {
    try {
      const instruments = await Dashboard.getJson('/api/metrics');
      const mine = instruments.filter(i => i.name.startsWith('petition.'));
      const rest = instruments.filter(i => !i.name.startsWith('petition.'));
      const detailed = await Promise.all([...mine, ...rest.filter(i => opened.has(i.name))]
        .map(i => Dashboard.getJson(`/api/metrics/${encodeURIComponent(i.name)}`)));
      const byName = new Map(detailed.map(d => [d.name, d]));
      business.replaceChildren(...(mine.length
        ? mine.map(i => card(byName.get(i.name)))
        : [el('p', { class: 'note' }, 'No petition.* instrument has been exported yet; services export every few seconds.')]));
      others.replaceChildren(...rest.map(i => el('details', { open: opened.has(i.name), 'data-instrument': i.name,
        ontoggle: event => {
          if (event.target.open && !opened.has(i.name)) {
            opened.add(i.name);
            clearTimeout(timer);
            refresh();
          } else if (!event.target.open) {
            opened.delete(i.name);
          }
        } },
      el('summary', {}, el('span', { class: 'mono' }, i.name), ' ',
        el('span', { class: 'note' }, `${i.type} · ${i.services.join(', ')} · ${i.seriesCount} series`)),
      byName.has(i.name) ? card(byName.get(i.name)) : null)));
      status.textContent = `${instruments.length} instruments · refreshed ${new Date().toLocaleTimeString(undefined, { hour12: false })} · every ${refreshMs / 1000} s`;
    } catch (failure) {
      status.textContent = failure.message;
    }
    if (!stopped) {
      timer = setTimeout(refresh, refreshMs);
    }
  }

  refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
});
