'use strict';

// Traces: #/traces lists the traces received (filters live in the fragment's query, so a filtered list is a link);
// #/traces/<trace id> draws one trace as a waterfall with the chosen span's details and the trace's log records.
const Telemetry = (() => {
  const { el } = Dashboard;

  // The platform's services get fixed colours so a waterfall reads the same every time; anything else is hashed.
  const knownServices = ['gateway', 'intake', 'routing', 'handling', 'supervision', 'notification'];
  const palette = ['#1f5fa8', '#2a9d8f', '#8e5cc4', '#d17a22', '#5c8a1f', '#c2407a', '#4a6b8a', '#a08a1c'];

  function serviceColour(service) {
    const known = knownServices.indexOf(service);
    if (known >= 0) {
      return palette[known];
    }
    let hash = 0;
    for (const character of service) {
      hash = (hash * 31 + character.codePointAt(0)) >>> 0;
    }
    return palette[hash % palette.length];
  }

  function serviceChip(service) {
    return el('span', { class: 'service-chip', style: `--service:${serviceColour(service)}` }, service);
  }

  async function limitsNote(what) {
    try {
      const limits = await Dashboard.getJson('/api/telemetry/limits');
      return el('p', { class: 'note limits' }, what(limits), ' Older data is forgotten first; the limits are ',
        el('code', {}, 'Dashboard:Limits:*'), ' in the AppHost\'s configuration.');
    } catch {
      return el('p', { class: 'note' });
    }
  }

  // A span's attributes or an event's: a two-column table, values as JSON when they are not plain text.
  function attributeTable(attributes) {
    const entries = Object.entries(attributes || {}).sort(([a], [b]) => a.localeCompare(b));
    if (!entries.length) {
      return el('p', { class: 'note' }, 'No attributes.');
    }
    return el('table', { class: 'attributes' },
      el('tbody', {}, entries.map(([key, value]) =>
        el('tr', {}, el('th', { class: 'mono' }, key),
          el('td', { class: 'mono' }, typeof value === 'string' ? value : JSON.stringify(value))))));
  }

  return { serviceColour, serviceChip, limitsNote, attributeTable };
})();

Dashboard.register('traces', async (main, { path, params }) => {
  const { el } = Dashboard;
  return path.length ? showTrace(main, path[0]) : showList(main, params);

  function showList(main, params) {
    const service = el('input', { name: 'service', list: 'trace-services', value: params.get('service') || '', placeholder: 'any', size: 12 });
    const serviceList = el('datalist', { id: 'trace-services' });
    const status = el('select', { name: 'status' },
      [['', 'any'], ['error', 'with errors'], ['ok', 'without errors']].map(([value, label]) =>
        el('option', { value, selected: (params.get('status') || '') === value }, label)));
    const minDuration = el('input', { name: 'minDurationMs', type: 'number', min: 0, step: 1, size: 7, value: params.get('minDurationMs') || '', placeholder: '0' });
    const petition = el('input', { name: 'petitionId', value: params.get('petitionId') || '', placeholder: 'petition.id', size: 20 });
    const open = el('input', { name: 'traceId', placeholder: 'paste X-Trace-Id or traceparent', size: 36, class: 'mono' });
    const openError = el('span', { class: 'error' });
    const body = el('tbody');
    const count = el('span', { class: 'note' });

    function apply(event) {
      event?.preventDefault();
      const query = new URLSearchParams();
      for (const input of [service, status, minDuration, petition]) {
        if (input.value.trim()) {
          query.set(input.name, input.value.trim());
        }
      }
      Dashboard.navigate('traces', [], query);
    }

    function openTrace(event) {
      event.preventDefault();
      // The gateway's X-Trace-Id is the bare 32-digit id; a traceparent header carries it between dashes.
      const match = open.value.trim().match(/(?:^|-)([0-9a-fA-F]{32})(?:-|$)/);
      if (!match) {
        openError.textContent = 'A trace id is 32 hexadecimal digits.';
        return;
      }
      Dashboard.navigate('traces', [match[1].toLowerCase()]);
    }

    main.append(
      el('h1', {}, 'Traces'),
      el('form', { class: 'toolbar', onsubmit: openTrace },
        el('label', {}, 'Open a trace', open), el('button', { type: 'submit' }, 'Open'), openError),
      el('form', { class: 'toolbar', onsubmit: apply, onchange: apply },
        el('label', {}, 'Service', service, serviceList),
        el('label', {}, 'Status', status),
        el('label', {}, 'Min duration (ms)', minDuration),
        el('label', {}, 'Petition id', petition),
        el('button', { type: 'submit' }, 'Filter'),
        count),
      el('table', { class: 'traces' },
        el('thead', {}, el('tr', {}, ['Started', 'Root', 'Services', 'Spans', 'Errors', 'Duration', 'Petition'].map(h => el('th', {}, h)))),
        body));
    Telemetry.limitsNote(l => `Keeps the last ${l.traces} traces and ${l.spans} spans (${l.spansHeld} held now).`)
      .then(note => main.append(note));

    let stopped = false;
    let timer;
    async function refresh() {
      const query = new URLSearchParams(params);
      query.set('limit', '200');
      try {
        const traces = await Dashboard.getJson('/api/traces?' + query);
        render(traces);
      } catch (failure) {
        body.replaceChildren(el('tr', {}, el('td', { colspan: 7, class: 'error' }, failure.message)));
      }
      if (!stopped) {
        timer = setTimeout(refresh, 5000);
      }
    }

    function render(traces) {
      const longest = Math.max(1, ...traces.map(t => t.durationMs));
      const services = new Set(traces.flatMap(t => t.services));
      serviceList.replaceChildren(...[...services].sort().map(s => el('option', { value: s })));
      count.textContent = `${traces.length} trace${traces.length === 1 ? '' : 's'}`;
      if (!traces.length) {
        body.replaceChildren(el('tr', {}, el('td', { colspan: 7, class: 'note' },
          'No trace matches. Services export every few seconds; send a request through the gateway and wait a moment.')));
        return;
      }
      body.replaceChildren(...traces.map(trace => el('tr', {
        class: 'clickable' + (trace.errorCount ? ' has-error' : ''),
        'data-trace-id': trace.traceId,
        onclick: () => Dashboard.navigate('traces', [trace.traceId]),
      },
      el('td', { class: 'mono' }, Dashboard.formatTime(trace.start)),
      el('td', {}, el('div', {}, trace.rootName), el('div', { class: 'note mono' }, trace.traceId)),
      el('td', {}, trace.services.map(Telemetry.serviceChip)),
      el('td', {}, String(trace.spanCount)),
      el('td', { class: trace.errorCount ? 'status-error' : '' }, trace.errorCount ? `⚠ ${trace.errorCount}` : '0'),
      el('td', {}, el('div', { class: 'duration-cell' },
        el('span', { class: 'duration-bar', style: `width:${Math.max(2, 100 * trace.durationMs / longest)}%` }),
        el('span', {}, Dashboard.formatDuration(trace.durationMs)))),
      el('td', { class: 'mono' }, trace.petitionIds.join(', ')))));
    }

    refresh();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  function showTrace(main, traceId) {
    const header = el('div', { class: 'trace-header' });
    const waterfall = el('div', { class: 'waterfall', role: 'list' });
    const details = el('aside', { class: 'span-details' }, el('p', { class: 'note' }, 'Click a span to see its attributes and events.'));
    const logs = el('div', { class: 'trace-logs' });
    main.append(
      el('p', {}, el('a', { href: '#/traces' }, '← All traces')),
      header,
      el('div', { class: 'trace-body' }, waterfall, details),
      el('h2', {}, 'Log records of this trace'),
      logs);
    Telemetry.limitsNote(l => `Keeps the last ${l.traces} traces, ${l.spans} spans and ${l.logs} log records.`)
      .then(note => main.append(note));

    let stopped = false;
    let timer;
    let shown = '';
    let selected = null;

    async function refresh() {
      try {
        const trace = await Dashboard.getJson(`/api/traces/${encodeURIComponent(traceId)}`);
        // Spans of later hops keep arriving for a few seconds; redraw only when something changed.
        const fingerprint = `${trace.spans.length}/${trace.logs.length}/${trace.trace.durationMs}`;
        if (fingerprint !== shown) {
          shown = fingerprint;
          render(trace);
        }
      } catch (failure) {
        if (!shown) {
          header.replaceChildren(el('h1', {}, 'Trace ', el('span', { class: 'mono' }, traceId)),
            el('p', { class: 'note' }, `${failure.message} Services export in batches every few seconds; this page keeps looking.`));
        }
      }
      if (!stopped) {
        timer = setTimeout(refresh, 3000);
      }
    }

    function render({ trace, spans, logs: records }) {
      const total = Math.max(trace.durationMs, 0.001);
      header.replaceChildren(
        el('h1', {}, trace.rootName, ' ', el('span', { class: 'note mono' }, trace.traceId)),
        el('p', { class: 'trace-facts' },
          el('span', {}, `Started ${Dashboard.formatTime(trace.start)}`),
          el('span', {}, `Duration ${Dashboard.formatDuration(trace.durationMs)}`),
          el('span', {}, `${trace.spanCount} spans`),
          el('span', { class: trace.errorCount ? 'status-error' : '' }, `${trace.errorCount} error${trace.errorCount === 1 ? '' : 's'}`),
          trace.petitionIds.length ? el('span', { class: 'mono' }, `petition.id ${trace.petitionIds.join(', ')}`) : null),
        el('p', { class: 'legend' }, trace.services.map(Telemetry.serviceChip)));

      const ticks = [0, 0.25, 0.5, 0.75, 1].map(fraction =>
        el('span', { class: 'tick', style: `left:${fraction * 100}%` }, Dashboard.formatDuration(total * fraction)));
      waterfall.replaceChildren(
        el('div', { class: 'waterfall-row axis' }, el('div', { class: 'span-label' }, 'Span'), el('div', { class: 'span-track' }, ticks)),
        ...spans.map(span => spanRow(span, total)));
      if (selected) {
        const again = spans.find(s => s.spanId === selected);
        if (again) {
          select(again);
        }
      }

      logs.replaceChildren(records.length
        ? el('table', { class: 'log-table' },
          el('thead', {}, el('tr', {}, ['Time', 'Service', 'Severity', 'Message', 'Span'].map(h => el('th', {}, h)))),
          el('tbody', {}, records.map(log => el('tr', { class: `severity-${log.severity}` },
            el('td', { class: 'mono' }, Dashboard.formatTime(log.time)),
            el('td', {}, Telemetry.serviceChip(log.service)),
            el('td', {}, log.severityText || log.severity),
            logMessage(log),
            el('td', { class: 'mono' }, log.spanId || '')))))
        : el('p', { class: 'note' }, 'No log record of this trace was received (services export Information and above).'));
    }

    // .NET exports the message template (as {OriginalFormat}, or as the body when the formatted message is off) and
    // its values as attributes: show the message with the values in it, and list only the attributes it did not use.
    function logMessage(log) {
      const placeholder = /\{([^{}:,]+)(?:[:,][^{}]*)?\}/g;
      const template = typeof log.attributes['{OriginalFormat}'] === 'string' ? log.attributes['{OriginalFormat}'] : log.body || '';
      const used = new Set(['{OriginalFormat}', ...[...template.matchAll(placeholder)].map(match => match[1])]);
      const text = (log.body || template).replace(placeholder, (whole, name) => {
        if (!(name in log.attributes)) {
          return whole;
        }
        const value = log.attributes[name];
        return typeof value === 'string' ? value : JSON.stringify(value);
      });
      const rest = Object.entries(log.attributes).filter(([key]) => !used.has(key));
      return el('td', {}, text, rest.length
        ? el('div', { class: 'note mono' }, rest.map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join('  '))
        : null);
    }

    function spanRow(span, total) {
      const left = (100 * span.startOffsetMs) / total;
      const width = Math.max((100 * span.durationMs) / total, 0.3);
      const error = span.status === 'error';
      const label = `${span.name} (${span.service}, ${Dashboard.formatDuration(span.durationMs)})`;
      return el('div', {
        class: 'waterfall-row' + (error ? ' error-row' : ''),
        role: 'listitem',
        tabindex: 0,
        'data-span-id': span.spanId,
        'data-service': span.service,
        title: label,
        onclick: () => select(span),
        onkeydown: event => (event.key === 'Enter' || event.key === ' ') && select(span),
      },
      el('div', { class: 'span-label', style: `padding-left:${0.4 + span.depth * 1.1}rem` },
        el('span', { class: 'service-dot', style: `background:${Telemetry.serviceColour(span.service)}` }),
        error ? el('span', { class: 'error-marker', title: span.statusMessage || 'error' }, '⚠') : null,
        el('span', { class: 'span-service' }, span.service),
        el('span', { class: 'span-name' }, span.name)),
      el('div', { class: 'span-track' },
        el('div', {
          class: 'span-bar' + (error ? ' error' : ''),
          style: `left:${Math.min(left, 99.7)}%;width:${Math.min(width, 100 - Math.min(left, 99.7))}%;--service:${Telemetry.serviceColour(span.service)}`,
        }),
        span.events.map(event => el('span', {
          class: 'event-mark',
          title: event.name,
          style: `left:${(100 * event.offsetMs) / total}%`,
        })),
        el('span', { class: 'span-duration', style: `left:${Math.min(left + width, 92)}%` }, Dashboard.formatDuration(span.durationMs))));
    }

    function select(span) {
      selected = span.spanId;
      for (const row of waterfall.querySelectorAll('.waterfall-row.selected')) {
        row.classList.remove('selected');
      }
      waterfall.querySelector(`[data-span-id="${span.spanId}"]`)?.classList.add('selected');
      // replaceChildren would print a null as text; el() skips it.
      details.replaceChildren(...[
        el('h2', {}, span.name),
        el('dl', { class: 'facts' },
          el('dt', {}, 'Service'), el('dd', {}, Telemetry.serviceChip(span.service)),
          el('dt', {}, 'Kind'), el('dd', {}, span.kind),
          el('dt', {}, 'Status'), el('dd', { class: `status-${span.status}` }, span.status + (span.statusMessage ? `: ${span.statusMessage}` : '')),
          el('dt', {}, 'Starts at'), el('dd', {}, `+${Dashboard.formatDuration(span.startOffsetMs)}`),
          el('dt', {}, 'Duration'), el('dd', {}, Dashboard.formatDuration(span.durationMs)),
          el('dt', {}, 'Span id'), el('dd', { class: 'mono' }, span.spanId),
          el('dt', {}, 'Parent'), el('dd', { class: 'mono' }, span.parentSpanId || '—'),
          el('dt', {}, 'Scope'), el('dd', { class: 'mono' }, span.scope || '—')),
        el('h3', {}, 'Attributes'),
        Telemetry.attributeTable(span.attributes),
        el('h3', {}, `Events (${span.events.length})`),
        span.events.length
          ? span.events.map(event => el('div', { class: 'span-event' },
            el('div', {}, el('strong', {}, event.name), ' ', el('span', { class: 'note' }, `+${Dashboard.formatDuration(event.offsetMs)}`)),
            Telemetry.attributeTable(event.attributes)))
          : el('p', { class: 'note' }, 'No events.'),
        span.links.length
          ? [el('h3', {}, 'Links'), span.links.map(link => el('div', {},
            el('a', { class: 'mono', href: `#/traces/${link.traceId}` }, `${link.traceId} / ${link.spanId}`)))]
          : null,
      ].flat(Infinity).filter(Boolean));
    }

    refresh();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }
});
