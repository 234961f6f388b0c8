// Frontline analyst page: events from /api/events on an offline Leaflet map, a list, and an event panel with
// the report text and the evidence highlighted. Every text that comes from a report or an event is inserted as
// text (textContent / text nodes), never as HTML.
(function () {
  'use strict';

  var SIDES = {
    government: ['#d62728', 'Government'],
    islamic_state: ['#111111', 'Islamic State'],
    sdf: ['#f2c500', 'SDF'],
    opposition: ['#2ca02c', 'Opposition'],
    hts: ['#6b8e23', 'HTS'],
    turkey: ['#9467bd', 'Turkey'],
    us_coalition: ['#1f77b4', 'US coalition'],
    russia: ['#8c564b', 'Russia'],
    iran: ['#17becf', 'Iran'],
    israel: ['#0b3d91', 'Israel'],
    civilians: ['#e377c2', 'Civilians'],
    unknown: ['#999999', 'Unknown / other']
  };
  function sideColour(side) { return (SIDES[side] || SIDES.unknown)[0]; }

  // symbol shape by ACLED event type; fill: side 1, ring: side 2
  var SHAPES = {
    'Battles': ['circle', 'Battles'],
    'Explosions/Remote violence': ['triangle', 'Explosions/Remote violence'],
    'Violence against civilians': ['square', 'Violence against civilians'],
    'Strategic developments': ['diamond', 'Strategic developments'],
    'Protests': ['pentagon', 'Protests'],
    'Riots': ['cross', 'Riots']
  };
  var SVG = 'http://www.w3.org/2000/svg';
  function symbol(type, side1, side2) {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', '18'); svg.setAttribute('height', '18'); svg.setAttribute('viewBox', '0 0 18 18');
    var shape = (SHAPES[type] || ['other'])[0];
    var points = {
      triangle: '9,1.5 16.5,16 1.5,16', square: '2.5,2.5 15.5,2.5 15.5,15.5 2.5,15.5', diamond: '9,1 17,9 9,17 1,9',
      pentagon: '9,1.5 16.5,7 13.5,16 4.5,16 1.5,7', cross: '6,1.5 12,1.5 12,6 16.5,6 16.5,12 12,12 12,16.5 6,16.5 6,12 1.5,12 1.5,6 6,6'
    }[shape];
    var s = document.createElementNS(SVG, points ? 'polygon' : 'circle');
    if (points) { s.setAttribute('points', points); } else { s.setAttribute('cx', '9'); s.setAttribute('cy', '9'); s.setAttribute('r', shape === 'circle' ? '7' : '5'); }
    s.setAttribute('fill', sideColour(side1)); s.setAttribute('fill-opacity', '0.9');
    s.setAttribute('stroke', sideColour(side2)); s.setAttribute('stroke-width', '3');
    svg.appendChild(s);
    return svg;
  }

  var state = { events: [], byId: {}, markers: {}, selected: null };

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) {
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function show(v) { return v === null || v === undefined || v === '' ? '–' : String(v); }
  function status(msg) { document.getElementById('status').textContent = msg; }

  // ------------------------------------------------------------------ access token (issue 9)
  // Writes (and reads on a server with --private-reads) need "Authorization: Bearer TOKEN"; the token is kept in
  // sessionStorage only (gone when the tab closes).
  var tokenInput = document.getElementById('token');
  try { tokenInput.value = sessionStorage.getItem('frontline.token') || ''; } catch (ignored) { /* storage unavailable */ }
  tokenInput.addEventListener('input', function () {
    try { sessionStorage.setItem('frontline.token', tokenInput.value.trim()); } catch (ignored) { /* storage unavailable */ }
  });
  function withToken(headers) {
    var t = tokenInput.value.trim();
    if (t) { headers.Authorization = 'Bearer ' + t; }
    return headers;
  }
  /** The message for a refused request: what to do about 401 (no token), 403 (bad token), 409 and 429. */
  function refusal(r, body) {
    var detail = (body && (body.detail || body.error)) || '';
    if (r.status === 401) { return 'a token is needed: enter yours in the Token field at the top (ask for one: frontline token create NAME)'; }
    if (r.status === 403) { return 'the token was refused (' + detail + '); check the Token field'; }
    if (r.status === 409) { return 'someone else changed this event first: ' + detail; }
    if (r.status === 429) { return 'too many requests; retry in ' + (r.headers.get('Retry-After') || '1') + ' s'; }
    return r.status + ' ' + detail;
  }

  function getJson(url) {
    return fetch(url, { headers: withToken({ Accept: 'application/json' }) }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(url + ': ' + refusal(r, body)); }
        return body;
      });
    });
  }

  // ------------------------------------------------------------------ map and offline base layer
  var map = L.map('map', { zoomControl: true, attributionControl: true, minZoom: 3, maxZoom: 14 })
    .setView([35.0, 38.5], 6);
  map.attributionControl.setPrefix(false);
  var baseRenderer = L.canvas({ padding: 0.2 });
  // control areas, front lines and held places: their own pane above the base layer and below the event markers
  map.createPane('control');
  map.getPane('control').style.zIndex = 410;
  var controlRenderer = L.svg({ pane: 'control', padding: 0.2 });
  var controlLayer = L.layerGroup().addTo(map);
  var eventLayer = L.layerGroup().addTo(map);

  function graticule() {
    var g = L.layerGroup();
    for (var lon = 20; lon <= 60; lon++) {
      L.polyline([[20, lon], [50, lon]], { color: '#b8c4ca', weight: lon % 5 === 0 ? 1 : 0.5, interactive: false, renderer: baseRenderer }).addTo(g);
    }
    for (var lat = 20; lat <= 50; lat++) {
      L.polyline([[lat, 20], [lat, 60]], { color: '#b8c4ca', weight: lat % 5 === 0 ? 1 : 0.5, interactive: false, renderer: baseRenderer }).addTo(g);
    }
    return g;
  }

  function loadBasemap() {
    graticule().addTo(map);
    return getJson('/api/basemap').then(function (b) {
      var hull = b.hull.map(function (p) { return [p[1], p[0]]; });
      var outline = L.polygon(hull, { color: '#7a8a93', weight: 1, dashArray: '4 4', fillColor: '#ffffff', fillOpacity: 0.6,
        interactive: false, renderer: baseRenderer }).addTo(map);
      b.places.forEach(function (p) {
        L.circleMarker([p[1], p[0]], { radius: 1, stroke: false, fillColor: '#7a8a93', fillOpacity: 0.5,
          interactive: false, renderer: baseRenderer }).addTo(map);
      });
      outline.bringToBack();
      map.fitBounds(outline.getBounds());
      map.attributionControl.addAttribution('Base layer: gazetteer places and their outline (convex hull), not borders; ' +
        'Wikipedia contributors CC BY-SA 4.0, GeoNames CC BY 4.0');
    });
  }

  function legend() {
    var c = L.control({ position: 'topright' });
    c.onAdd = function () {
      var d = el('div', { class: 'legend', id: 'legend' });
      d.appendChild(el('div', { text: 'fill: side 1, ring: side 2' }));
      Object.keys(SIDES).forEach(function (k) {
        var i = el('i'); i.style.background = SIDES[k][0];
        d.appendChild(el('div', { 'data-side': k }, [i, SIDES[k][1]]));
      });
      d.appendChild(el('div', { class: 'legend-head', text: 'shape: event type' }));
      Object.keys(SHAPES).forEach(function (k) {
        var row = el('div', { 'data-type': k });
        row.appendChild(symbol(k, 'unknown', 'unknown'));
        row.appendChild(document.createTextNode(' ' + SHAPES[k][1]));
        d.appendChild(row);
      });
      return d;
    };
    c.addTo(map);
  }

  // ------------------------------------------------------------------ events
  // the filter form's non-empty fields, as /api/events query parameters (the API checks them)
  function filterQuery() {
    var q = '';
    Array.from(document.getElementById('filters').elements).forEach(function (f) {
      if (f.name && f.value.trim() !== '') { q += '&' + encodeURIComponent(f.name) + '=' + encodeURIComponent(f.value.trim()); }
    });
    return q;
  }

  function loadEvents() {
    var all = [];
    var q = filterQuery();
    // keyset pages (next_cursor): each costs the same however far into the events it starts
    function page(cursor) {
      return getJson('/api/events?limit=1000' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '') + q).then(function (p) {
        all = all.concat(p.events);
        if (p.next_cursor && all.length < 20000) { return page(p.next_cursor); }
        return p.next_cursor ? 'more than ' + all.length : String(all.length);
      });
    }
    return page(null).then(function (total) {
      state.events = all;
      state.byId = {};
      all.forEach(function (e) { state.byId[e.event_id] = e; });
      var mapped = all.filter(function (e) { return e.latitude !== null && e.longitude !== null; }).length;
      state.summary = total + ' events' + (q ? ' matching the filters' : '') + ', ' + mapped + ' on the map' +
        (total !== String(all.length) ? ' (first ' + all.length + ' loaded)' : '');
      controlCache = {};
      timelineRange();
      drawEvents();
      document.body.setAttribute('data-query', q);
    });
  }

  // ------------------------------------------------------------------ timeline
  // The slider runs over every calendar day from the first to the last event date; its last position is "all dates"
  // (undated events included). Elsewhere the map and list show the dated events up to that day, or a window before it.
  var DAY_MS = 86400000;
  var daySlider = document.getElementById('day');
  var windowSelect = document.getElementById('window');
  var timeline = { first: null, days: 0 };
  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function dayMs(iso) { return Date.parse(iso + 'T00:00:00Z'); }
  function timelineRange() {
    var dates = state.events.map(function (e) { return e.event_date; }).filter(Boolean).sort();
    var wasAll = Number(daySlider.value) >= Number(daySlider.max);
    var before = wasAll || timeline.first === null ? null : dayMs(timeline.first) + Number(daySlider.value) * DAY_MS;
    timeline.first = dates.length ? dates[0] : null;
    timeline.days = dates.length ? Math.round((dayMs(dates[dates.length - 1]) - dayMs(dates[0])) / DAY_MS) + 1 : 0;
    daySlider.max = String(timeline.days);
    if (before === null) {
      daySlider.value = daySlider.max;
    } else {
      daySlider.value = String(Math.max(0, Math.min(timeline.days, Math.round((before - dayMs(timeline.first)) / DAY_MS))));
    }
    dayLabel();
  }
  function selectedDay() {
    return Number(daySlider.value) >= timeline.days || timeline.first === null ? null
      : isoDay(dayMs(timeline.first) + Number(daySlider.value) * DAY_MS);
  }
  function dayLabel() { document.getElementById('day-label').textContent = selectedDay() || 'all dates'; drawControl(); }
  // the date whose control is drawn: the selected day, or at "all dates" the last event date
  function controlDay() {
    if (timeline.first === null) { return null; }
    return selectedDay() || isoDay(dayMs(timeline.first) + (timeline.days - 1) * DAY_MS);
  }
  function visible(e) {
    var d = selectedDay();
    if (d === null) { return true; }
    if (!e.event_date || e.event_date > d) { return false; }
    var w = Number(windowSelect.value);
    return w === 0 || e.event_date > isoDay(dayMs(d) - w * DAY_MS);
  }
  // ▶ replays day by day at the chosen speed (events up to the day and the control of that day); ❚❚ pauses
  var playing = null;
  var speedSelect = document.getElementById('speed');
  function stop() {
    clearTimeout(playing); playing = null;
    document.getElementById('play').textContent = '▶'; document.getElementById('play').title = 'replay day by day';
  }
  function tick() {
    daySlider.value = String(Number(daySlider.value) + 1);
    dayLabel(); drawEvents();
    if (Number(daySlider.value) >= timeline.days) { stop(); return; }
    playing = setTimeout(tick, Number(speedSelect.value));
  }
  document.getElementById('play').addEventListener('click', function () {
    if (playing) { stop(); return; }
    if (Number(daySlider.value) >= timeline.days) { daySlider.value = '0'; }
    document.getElementById('play').textContent = '❚❚'; document.getElementById('play').title = 'pause';
    dayLabel(); drawEvents();
    playing = setTimeout(tick, Number(speedSelect.value));
  });
  daySlider.addEventListener('input', function () { dayLabel(); drawEvents(); });
  windowSelect.addEventListener('change', drawEvents);

  // ------------------------------------------------------------------ control: areas, front lines, places held on the day
  // GET /api/control?date=D folds the stored events (corrections applied, rejected ones left out) up to D. Answers are
  // kept per date until the events or reviews change; a late answer for another date is dropped.
  var controlCache = {};
  var controlWanted = null;
  var controlToggle = document.getElementById('control-on');
  function resetControl() { controlCache = {}; drawControl(); }
  function drawControl() {
    var d = controlToggle.checked ? controlDay() : null;
    controlWanted = d;
    if (d === null) { controlLayer.clearLayers(); document.body.removeAttribute('data-control-date'); return; }
    var got = controlCache[d] ? Promise.resolve(controlCache[d]) : getJson('/api/control?date=' + d).then(function (fc) {
      controlCache[d] = fc; return fc;
    });
    got.then(function (fc) {
      if (controlWanted !== d) { return; }
      renderControl(fc);
      document.body.setAttribute('data-control-date', d);
      document.body.setAttribute('data-control-features', String(fc.features.length));
    }).catch(function (err) { status('control: ' + (err.message || err)); });
  }
  function renderControl(fc) {
    controlLayer.clearLayers();
    var kinds = { area: [], pocket: [], front: [], place: [] };
    fc.features.forEach(function (f) { (kinds[f.properties.kind] || []).push(f); });
    // areas first, then pockets over them, fronts over both, places on top
    kinds.area.concat(kinds.pocket).forEach(function (f) {
      L.geoJSON(f, { renderer: controlRenderer, pane: 'control', interactive: false, style: {
        color: sideColour(f.properties.controller), weight: 0.5, opacity: 0.6,
        fillColor: sideColour(f.properties.controller), fillOpacity: f.properties.kind === 'pocket' ? 0.3 : 0.18,
        className: 'control-' + f.properties.kind } }).addTo(controlLayer);
    });
    kinds.front.forEach(function (f) {
      L.geoJSON(f, { renderer: controlRenderer, pane: 'control', interactive: false, style: {
        color: '#000', weight: 2.5, opacity: 0.8, dashArray: '6 3', className: 'control-front' } }).addTo(controlLayer);
    });
    kinds.place.forEach(function (f) {
      var p = f.properties;
      var c = f.geometry.coordinates;
      var m = L.circleMarker([c[1], c[0]], { renderer: controlRenderer, pane: 'control', radius: 5,
        color: p.status === 'held' ? '#222' : '#555', weight: 1.5, dashArray: p.status === 'held' ? null : '2 2',
        fillColor: p.controller ? sideColour(p.controller) : '#ffffff', fillOpacity: p.status === 'uncertain' ? 0.2 : 0.9,
        className: 'control-place' });
      var ids = (p.evidence || []).map(function (e) { return e.event_id; });
      m.bindTooltip(el('span', { text: show(p.name) + ': ' + (p.controller ? (SIDES[p.controller] || [0, p.controller])[1] : 'holder unknown') +
        ', ' + p.status + (p.since ? ' since ' + p.since : '') + (p.others && p.others.length ? '; also ' + p.others.join(', ') : '') +
        ' · evidence ' + ids.join(', ') }));
      m.on('click', function () { var id = ids.filter(function (i) { return state.byId[i]; }).pop(); if (id) { select(id); } });
      m.addTo(controlLayer);
    });
  }
  controlToggle.addEventListener('change', drawControl);

  // ------------------------------------------------------------------ chart: events per week (Monday to Sunday)
  var TYPE_COLOURS = { 'Battles': '#d62728', 'Explosions/Remote violence': '#ff7f0e', 'Violence against civilians': '#9467bd',
    'Strategic developments': '#1f77b4', 'Protests': '#2ca02c', 'Riots': '#8c564b' };
  function weekOf(iso) {
    var ms = dayMs(iso);
    var dow = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0
    return isoDay(ms - dow * DAY_MS);
  }
  function drawChart(events) {
    var box = document.getElementById('chart');
    clear(box);
    var by = document.getElementById('chart-by').value;
    var keyOf = by === 'type' ? function (e) { return e.event_type || 'unknown'; } : function (e) { return e.side1 || 'unknown'; };
    var colourOf = by === 'type' ? function (k) { return TYPE_COLOURS[k] || '#999999'; } : sideColour;
    var weeks = {};
    var keys = {};
    events.forEach(function (e) {
      if (!e.event_date) { return; }
      var w = weekOf(e.event_date);
      var k = keyOf(e);
      weeks[w] = weeks[w] || {};
      weeks[w][k] = (weeks[w][k] || 0) + 1;
      keys[k] = true;
    });
    var names = Object.keys(weeks).sort();
    if (names.length === 0) { box.appendChild(el('p', { text: 'no dated events' })); return; }
    // every week from the first to the last, empty ones included
    var all = [];
    for (var t = dayMs(names[0]); t <= dayMs(names[names.length - 1]); t += 7 * DAY_MS) { all.push(isoDay(t)); }
    var max = 1;
    all.forEach(function (w) {
      var n = 0; Object.keys(weeks[w] || {}).forEach(function (k) { n += weeks[w][k]; }); max = Math.max(max, n);
    });
    var W = 600, H = 120, bw = W / all.length;
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    svg.setAttribute('preserveAspectRatio', 'none');
    all.forEach(function (w, i) {
      var y = H;
      Object.keys(keys).sort().forEach(function (k) {
        var n = (weeks[w] || {})[k] || 0;
        if (!n) { return; }
        var h = n / max * (H - 4);
        y -= h;
        var r = document.createElementNS(SVG, 'rect');
        r.setAttribute('x', String(i * bw + bw * 0.1)); r.setAttribute('width', String(bw * 0.8));
        r.setAttribute('y', String(y)); r.setAttribute('height', String(h));
        r.setAttribute('fill', colourOf(k)); r.setAttribute('data-count', String(n)); r.setAttribute('data-week', w);
        var title = document.createElementNS(SVG, 'title');
        title.textContent = 'week of ' + w + ': ' + n + ' ' + k;
        r.appendChild(title);
        svg.appendChild(r);
      });
    });
    box.appendChild(svg);
    var legendRow = el('div', { class: 'keys' });
    Object.keys(keys).sort().forEach(function (k) {
      var i = el('i', { class: 'sw' }); i.style.background = colourOf(k);
      legendRow.appendChild(el('span', {}, [i, by === 'side' && SIDES[k] ? SIDES[k][1] : k]));
    });
    box.appendChild(el('div', { text: 'weeks ' + all[0] + ' to ' + all[all.length - 1] + ', at most ' + max + ' events a week' }));
    box.appendChild(legendRow);
  }
  document.getElementById('chart-by').addEventListener('change', function () { drawChart(state.events.filter(visible)); });

  function drawEvents() {
    eventLayer.clearLayers();
    state.markers = {};
    var tbody = document.querySelector('#events tbody');
    clear(tbody);
    var shown = state.events.filter(visible);
    var day = selectedDay();
    status((state.summary || '') + (day === null ? '' : '; ' + shown.length + ' shown for ' + day));
    drawChart(shown);
    state.shown = shown;
    shown.forEach(function (e) {
      var s1 = el('span', { class: 'sw' }); s1.style.background = sideColour(e.side1);
      var s2 = el('span', { class: 'sw' }); s2.style.background = sideColour(e.side2);
      var tr = el('tr', { 'data-event-id': e.event_id }, [
        el('td', { text: show(e.event_date) }),
        el('td', { text: show(e.sub_event_type) }),
        el('td', {}, [s1, show(e.side1), ' v ', s2, show(e.side2)]),
        el('td', { text: show(e.location) }),
        el('td', { text: show(e.fatalities) }),
        el('td', { class: 'review-status', text: show(e.review_status) })
      ]);
      if (e.event_id === state.selected) { tr.classList.add('selected'); }
      tr.addEventListener('click', function () { select(e.event_id); });
      tbody.appendChild(tr);
    });
    drawMarkers();
  }

  // Below CLUSTER_BELOW_ZOOM the mapped events are grouped on a grid of CELL pixels: a cell with one event shows it,
  // a cell with more shows a cluster marker with their count, coloured by the most frequent side 1; a click zooms in.
  var CLUSTER_BELOW_ZOOM = 6;
  var CELL = 60;
  function drawMarkers() {
    eventLayer.clearLayers();
    state.markers = {};
    var z = map.getZoom();
    document.body.setAttribute('data-zoom', String(z));
    var mapped = (state.shown || []).filter(function (e) {
      return e.latitude !== null && e.longitude !== null && e.latitude !== undefined && e.longitude !== undefined;
    });
    if (z >= CLUSTER_BELOW_ZOOM) { mapped.forEach(eventMarker); return; }
    var cells = {};
    var order = [];
    mapped.forEach(function (e) {
      var p = map.project([e.latitude, e.longitude], z);
      var k = Math.floor(p.x / CELL) + ':' + Math.floor(p.y / CELL);
      if (!cells[k]) { cells[k] = []; order.push(k); }
      cells[k].push(e);
    });
    order.forEach(function (k) {
      if (cells[k].length === 1) { eventMarker(cells[k][0]); } else { clusterMarker(cells[k]); }
    });
  }
  function eventMarker(e) {
    var m = L.marker([e.latitude, e.longitude], {
      icon: L.divIcon({ className: 'event-marker', html: symbol(e.event_type, e.side1, e.side2), iconSize: [18, 18] }),
      title: '', alt: show(e.sub_event_type) + ', ' + show(e.location)
    });
    // a DOM node, not a string: Leaflet puts string tooltips in as HTML
    m.bindTooltip(el('span', { text: show(e.event_date) + ' · ' + show(e.sub_event_type) + ' · ' + show(e.location) }));
    m.on('click', function () { select(e.event_id); });
    m.addTo(eventLayer);
    m.getElement().setAttribute('data-event-id', e.event_id);
    state.markers[e.event_id] = m;
  }
  function clusterMarker(events) {
    var bySide = {};
    var lat = 0, lon = 0;
    events.forEach(function (e) {
      bySide[e.side1 || 'unknown'] = (bySide[e.side1 || 'unknown'] || 0) + 1;
      lat += e.latitude; lon += e.longitude;
    });
    var sides = Object.keys(bySide).sort(function (a, b) { return bySide[b] - bySide[a] || (a < b ? -1 : 1); });
    var size = Math.min(44, 22 + Math.round(Math.log(events.length) * 5));
    var box = el('div', { text: String(events.length) });
    box.style.background = sideColour(sides[0]);
    box.style.width = box.style.height = box.style.lineHeight = size + 'px';
    var m = L.marker([lat / events.length, lon / events.length], {
      icon: L.divIcon({ className: 'cluster-marker', html: box, iconSize: [size, size] }), title: '',
      alt: events.length + ' events', zIndexOffset: 1000
    });
    m.bindTooltip(el('span', { text: events.length + ' events: ' + sides.map(function (k) {
      return (SIDES[k] || [0, k])[1] + ' ' + bySide[k];
    }).join(', ') + ' (click to zoom in)' }));
    m.on('click', function () {
      var b = L.latLngBounds(events.map(function (e) { return [e.latitude, e.longitude]; }));
      var z = Math.min(map.getMaxZoom(), Math.max(CLUSTER_BELOW_ZOOM, map.getBoundsZoom(b.pad(0.3))));
      map.setView(b.getCenter(), z);
    });
    m.addTo(eventLayer);
    var node = m.getElement();
    node.setAttribute('data-count', String(events.length));
    node.setAttribute('data-side', sides[0]);
  }
  map.on('zoomend', drawMarkers);

  // ------------------------------------------------------------------ event panel
  var FIELDS = [
    ['event_date', 'date'], ['time_precision', 'time precision'], ['event_type', 'type'], ['sub_event_type', 'sub-event type'],
    ['side1', 'side 1'], ['actor1', 'actor 1'], ['assoc_actor_1', 'associated 1'],
    ['side2', 'side 2'], ['actor2', 'actor 2'], ['assoc_actor_2', 'associated 2'],
    ['location', 'place'], ['admin1', 'governorate'], ['latitude', 'latitude'], ['longitude', 'longitude'],
    ['geo_precision', 'geo precision'], ['location_status', 'location status'],
    ['fatalities', 'fatalities'], ['attribution', 'attribution'], ['modality', 'modality'], ['status', 'status'],
    ['confidence', 'confidence'], ['notes', 'notes'], ['source', 'source'], ['file', 'file'],
    ['review_status', 'review status'], ['event_id', 'event id']
  ];

  function select(id) {
    if (state.selected !== id) { closeCorrection(); }
    state.selected = id;
    if (history.replaceState) { history.replaceState(null, '', '#event=' + encodeURIComponent(id)); }
    document.querySelectorAll('#events tbody tr.selected').forEach(function (r) { r.classList.remove('selected'); });
    var row = document.querySelector('#events tbody tr[data-event-id="' + CSS.escape(id) + '"]');
    if (row) { row.classList.add('selected'); }
    var panel = document.getElementById('panel');
    panel.hidden = false;
    panel.setAttribute('data-event-id', id);
    document.getElementById('panel-title').textContent = 'loading…';
    var ev = state.byId[id];
    clear(document.getElementById('story'));
    return Promise.all([getJson('/api/events/' + encodeURIComponent(id)), getJson('/api/reports/' + encodeURIComponent(ev.report_id)),
      // a rejected event is in no story (the API answers 404, which the console would log as an error)
      ev.review_status === 'rejected' ? Promise.resolve(null)
        : getJson('/api/events/' + encodeURIComponent(id) + '/story').catch(function () { return null; })])
      .then(function (r) {
        if (state.selected !== id) { return; }
        renderEvent(r[0]);
        renderStory(r[2], r[1]);
        renderReport(r[1], r[0]);
        map.invalidateSize();
        var m = state.markers[id];
        if (m) { map.panTo(m.getLatLng()); }
      }).catch(function (err) { status(String(err.message || err)); });
  }

  function renderEvent(e) {
    current = e;
    document.getElementById('panel-title').textContent = show(e.event_date) + ' · ' + show(e.sub_event_type) + ' · ' + show(e.location);
    var dl = document.getElementById('fields');
    clear(dl);
    FIELDS.forEach(function (f) {
      dl.appendChild(el('dt', { text: f[1] }));
      dl.appendChild(el('dd', { 'data-field': f[0], text: show(e[f[0]]) }));
    });
    var ev = e.evidence || {};
    dl.appendChild(el('dt', { text: 'evidence' }));
    dl.appendChild(el('dd', { 'data-field': 'evidence', text: 'code points ' + show(ev.start) + '–' + show(ev.end) + ' in the ' +
      (ev['in'] === 'body' ? 'article body' : 'report text') + ', rule ' + show(ev.rule) }));
    var ul = document.getElementById('reviews');
    clear(ul);
    (e.reviews || []).forEach(function (r) {
      ul.appendChild(el('li', { text: r.created_at + ' ' + r.reviewer + ': ' + r.action }));
    });
    document.getElementById('review-msg').textContent = '';
  }

  // The story of the event across the stored reports (GET /api/events/{id}/story), the corroborating stories with
  // their matching events, the assessed confidence with its reasons, and the report's claims with their status.
  function reportLabel(r) {
    return show(r.title || r.file) + ' (' + show(r.publisher || r.source) + (r.published ? ', ' + r.published : '') + ')';
  }
  function renderStory(st, report) {
    var box = document.getElementById('story');
    clear(box);
    if (st) {
      box.appendChild(el('h3', { text: 'Story and corroboration' }));
      var dl = el('dl', { class: 'kv' });
      function row(k, v, field) { dl.appendChild(el('dt', { text: k })); dl.appendChild(el('dd', { 'data-field': field, text: v })); }
      row('source reliability', st.source_reliability, 'source_reliability');
      row('assessed confidence', String(st.assessed_confidence) + ' — ' + st.confidence_reasons.join('; '), 'assessed_confidence');
      row('corroboration', st.corroboration === 1 ? 'only its own story' : st.corroboration + ' independent stories', 'corroboration');
      row('duplicate of', show(st.duplicate_of), 'duplicate_of');
      box.appendChild(dl);
      var others = st.story.reports.filter(function (r) { return r.id !== st.report_id; });
      box.appendChild(el('div', { class: 'sub', text: 'Other reports of this story (' + st.story.id + '): ' + (others.length ? '' : 'none') }));
      var ul = el('ul', { id: 'story-reports' });
      others.forEach(function (r) {
        var li = el('li', { 'data-report-id': r.id, class: 'link', text: reportLabel(r) });
        li.addEventListener('click', function () { openReport(r.id); });
        ul.appendChild(li);
      });
      box.appendChild(ul);
      box.appendChild(el('div', { class: 'sub', text: 'Corroborated by: ' + (st.corroborated_by.length ? '' : 'no other story') }));
      var cl = el('ul', { id: 'corroborating' });
      st.corroborated_by.forEach(function (s) {
        var li = el('li', { 'data-story': s.id }, [show(s.origin_source) + ': ' + s.reports.map(reportLabel).join('; ')]);
        var evs = el('ul');
        s.events.forEach(function (o) {
          var ei = el('li', { 'data-event-id': o.event_id, class: state.byId[o.event_id] ? 'link' : '',
            text: show(o.event_date) + ' · ' + show(o.sub_event_type) + ' · ' + show(o.location) + (o.attribution ? ' (per ' + o.attribution + ')' : '') });
          ei.addEventListener('click', function () { if (state.byId[o.event_id]) { select(o.event_id); } });
          evs.appendChild(ei);
        });
        li.appendChild(evs);
        cl.appendChild(li);
      });
      box.appendChild(cl);
    }
    if (!st && state.byId[state.selected] && state.byId[state.selected].review_status === 'rejected') {
      box.appendChild(el('div', { class: 'sub', text: 'Rejected: not counted in stories, corroboration or control.' }));
    }
    var claims = (report && report.claims) || [];
    if (claims.length) {
      box.appendChild(el('div', { class: 'sub', text: 'Claims and predictions in this report:' }));
      var ol = el('ul', { id: 'claims' });
      claims.forEach(function (c) {
        ol.appendChild(el('li', { text: c.status + (c.attribution ? ', per ' + c.attribution : '') + ': ' + show(c.text) }));
      });
      box.appendChild(ol);
    }
  }
  function openReport(reportId) {
    var first = state.events.filter(function (e) { return e.report_id === reportId; })[0];
    if (first) { select(first.event_id); } else { status('no event of that report is shown (none, rejected, or filtered out)'); }
  }

  // The evidence span [start, end) counts Unicode code points, so the text is split with Array.from.
  function renderReport(report, e) {
    document.getElementById('report-name').textContent = show(report.title || report.file);
    var box = document.getElementById('report-text');
    clear(box);
    var ev = e.evidence || {};
    // "in": "body" offsets count in the article body (pages, feed items, JSON lines), "file" ones in the text as read
    var text = (ev['in'] === 'body' ? report.body : report.text) || report.body || '';
    var cps = Array.from(text);
    var s = ev.start, t = ev.end;
    if (typeof s !== 'number' || typeof t !== 'number' || s < 0 || t > cps.length || s > t) {
      box.appendChild(document.createTextNode(text));
      return;
    }
    var mark = el('mark', { id: 'evidence', text: cps.slice(s, t).join('') });
    box.appendChild(document.createTextNode(cps.slice(0, s).join('')));
    box.appendChild(mark);
    box.appendChild(document.createTextNode(cps.slice(t).join('')));
    mark.scrollIntoView({ block: 'center' });
  }

  // ------------------------------------------------------------------ review
  var reviewer = document.getElementById('reviewer');
  try { reviewer.value = localStorage.getItem('frontline.reviewer') || ''; } catch (ignored) { /* storage unavailable */ }
  reviewer.addEventListener('input', function () {
    try { localStorage.setItem('frontline.reviewer', reviewer.value); } catch (ignored) { /* storage unavailable */ }
  });

  function review(action, fields) {
    var id = state.selected;
    var msg = document.getElementById('review-msg');
    if (!id) { return; }
    if (!reviewer.value.trim() && !tokenInput.value.trim()) { msg.textContent = 'enter your name as reviewer first'; reviewer.focus(); return; }
    msg.textContent = 'saving…';
    var req = { action: action, reviewer: reviewer.value.trim() || 'token' };
    if (fields) { req.fields = fields; }
    // the version this page showed: a review made meanwhile by someone else gets 409 instead of being overwritten
    if (current && current.event_id === id && typeof current.version === 'number') { req.version = current.version; }
    fetch('/api/events/' + encodeURIComponent(id) + '/review', {
      method: 'POST', headers: withToken({ 'Content-Type': 'application/json' }),
      body: JSON.stringify(req)
    }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(refusal(r, body)); }
        state.byId[id].review_status = body.event.review_status;
        var cell = document.querySelector('#events tbody tr[data-event-id="' + CSS.escape(id) + '"] .review-status');
        if (cell) { cell.textContent = body.event.review_status; }
        return getJson('/api/events/' + encodeURIComponent(id));
      });
    }).then(function (e) {
      if (action === 'correct') { closeCorrection(); }
      resetControl();
      return (action === 'correct' ? loadEvents() : Promise.resolve()).then(function () {
        if (state.selected === id) { renderEvent(e); msg.textContent = 'saved: ' + e.review_status; }
      });
    }).catch(function (err) { msg.textContent = 'not saved: ' + (err.message || err); });
  }
  // ------------------------------------------------------------------ correction
  var correctForm = document.getElementById('correct');
  var CORRECT_FIELDS = ['event_date', 'event_type', 'sub_event_type', 'side1', 'actor1', 'side2', 'actor2', 'location',
    'latitude', 'longitude', 'fatalities', 'notes'];
  ['side1', 'side2'].forEach(function (n) {
    Object.keys(SIDES).forEach(function (k) { correctForm.elements[n].appendChild(el('option', { value: k, text: SIDES[k][1] })); });
  });
  var current = null;
  var picking = false;
  var pickMarker = null;

  function openCorrection() {
    if (!current) { return; }
    CORRECT_FIELDS.forEach(function (n) {
      var v = current[n] === null || current[n] === undefined ? '' : String(current[n]);
      var f = correctForm.elements[n];
      if (f.tagName === 'SELECT' && !Array.from(f.options).some(function (o) { return o.value === v; })) {
        f.appendChild(el('option', { value: v, text: v || '–' }));
      }
      f.value = v;
    });
    correctForm.hidden = false;
  }
  function closeCorrection() {
    correctForm.hidden = true;
    picking = false;
    document.getElementById('map').classList.remove('picking');
    if (pickMarker) { map.removeLayer(pickMarker); pickMarker = null; }
  }
  // only the fields that differ from the event, typed as the API wants them
  function changedFields() {
    var out = {};
    CORRECT_FIELDS.forEach(function (n) {
      var raw = correctForm.elements[n].value.trim();
      var old = current[n] === null || current[n] === undefined ? '' : String(current[n]);
      if (raw === old) { return; }
      if (n === 'latitude' || n === 'longitude') { out[n] = raw === '' ? null : parseFloat(raw); } else if (n === 'fatalities') { out[n] = parseInt(raw, 10); } else { out[n] = raw === '' ? null : raw; }
    });
    return out;
  }
  map.on('click', function (ev) {
    if (!picking) { return; }
    picking = false;
    document.getElementById('map').classList.remove('picking');
    correctForm.elements.latitude.value = ev.latlng.lat.toFixed(5);
    correctForm.elements.longitude.value = ev.latlng.lng.toFixed(5);
    document.getElementById('review-msg').textContent = 'place picked; save the correction to keep it';
    if (pickMarker) { map.removeLayer(pickMarker); }
    pickMarker = L.circleMarker(ev.latlng, { radius: 9, color: '#000', weight: 2, dashArray: '3 3', fill: false, className: 'pick-marker' }).addTo(map);
  });
  document.getElementById('pick').addEventListener('click', function () {
    picking = true;
    document.getElementById('map').classList.add('picking');
    document.getElementById('review-msg').textContent = 'click the map where the event happened';
  });
  document.getElementById('correct-open').addEventListener('click', openCorrection);
  document.getElementById('correct-cancel').addEventListener('click', closeCorrection);
  correctForm.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var fields = changedFields();
    if (Object.keys(fields).length === 0) { document.getElementById('review-msg').textContent = 'nothing changed'; return; }
    review('correct', fields);
  });

  document.getElementById('confirm').addEventListener('click', function () { review('confirm'); });
  document.getElementById('reject').addEventListener('click', function () { review('reject'); });
  document.getElementById('close').addEventListener('click', function () {
    document.getElementById('panel').hidden = true; state.selected = null; map.invalidateSize();
    if (history.replaceState) { history.replaceState(null, '', location.pathname); }
  });

  // ------------------------------------------------------------------ ingest from the page
  // Files and pasted text go one by one to POST /api/reports (text/plain, named by ?file=); the list reloads after.
  function postReport(name, text) {
    return fetch('/api/reports?file=' + encodeURIComponent(name), {
      method: 'POST', headers: withToken({ 'Content-Type': 'text/plain; charset=utf-8' }), body: text
    }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(name + ': ' + refusal(r, body)); }
        return body;
      });
    });
  }

  function ingest() {
    var files = Array.from(document.getElementById('files').files);
    var paste = document.getElementById('paste');
    var jobs = files.map(function (f) { return { name: f.name, text: function () { return f.text(); } }; });
    if (paste.value.trim()) {
      var n = document.getElementById('paste-name').value.trim() || 'pasted.txt';
      var t = paste.value;
      jobs.push({ name: n, text: function () { return Promise.resolve(t); } });
    }
    var msg = document.getElementById('ingest-msg');
    var bar = document.getElementById('ingest-progress');
    if (jobs.length === 0) { msg.textContent = 'choose files or paste a report first'; return; }
    var add = document.getElementById('add');
    add.disabled = true;
    bar.hidden = false; bar.max = jobs.length; bar.value = 0;
    var stored = 0, present = 0, events = 0, refused = [];
    var chain = Promise.resolve();
    jobs.forEach(function (job, i) {
      chain = chain.then(function () {
        msg.textContent = 'reading ' + (i + 1) + ' of ' + jobs.length + ': ' + job.name;
        return job.text().then(function (text) { return postReport(job.name, text); }).then(function (body) {
          if (body.stored) { stored++; events += (body.events || []).length; } else { present++; }
        }).catch(function (err) { refused.push(String(err.message || err)); })
          .then(function () { bar.value = i + 1; });
      });
    });
    chain.then(function () {
      document.getElementById('files').value = '';
      paste.value = '';
      return loadEvents();
    }).then(loadReports).then(function () {
      msg.textContent = 'stored ' + stored + ' (' + events + ' events), already present ' + present +
        ', refused ' + refused.length + (refused.length ? ': ' + refused.join('; ') : '');
      add.disabled = false;
    }).catch(function (err) { status(String(err.message || err)); add.disabled = false; });
  }
  document.getElementById('add').addEventListener('click', ingest);

  // ------------------------------------------------------------------ reports
  // the stored reports, newest first; a click opens the report's first event
  function loadReports() {
    return getJson('/api/reports?limit=1000').then(function (p) {
      document.getElementById('reports-count').textContent = '(' + p.total + ')';
      var tbody = document.querySelector('#reports tbody');
      clear(tbody);
      p.reports.forEach(function (r) {
        var tr = el('tr', { 'data-report-id': r.id }, [
          el('td', { text: show(r.title || r.file) }),
          el('td', { text: show(r.source) }),
          el('td', { text: show(r.published) }),
          el('td', { text: show(r.event_count) }),
          el('td', { text: show(r.ingested_at).slice(0, 16).replace('T', ' ') })
        ]);
        tr.title = r.file;
        tr.addEventListener('click', function () { openReport(r.id); });
        tbody.appendChild(tr);
      });
    });
  }

  // ------------------------------------------------------------------ search: a place (gazetteer) or an actor (loaded events)
  var search = document.getElementById('search');
  var results = document.getElementById('search-results');
  var searchMarker = null;
  var searching = 0;
  function findActors(q) {
    var n = {};
    var lq = q.toLowerCase();
    state.events.forEach(function (e) {
      [e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2].forEach(function (a) {
        if (a && a.toLowerCase().indexOf(lq) >= 0) { n[a] = (n[a] || 0) + 1; }
      });
    });
    return Object.keys(n).sort(function (a, b) { return n[b] - n[a]; }).slice(0, 5).map(function (a) { return { actor: a, count: n[a] }; });
  }
  function runSearch() {
    var q = search.value.trim();
    var mine = ++searching;
    if (q.length < 2) { results.hidden = true; clear(results); return Promise.resolve([]); }
    return getJson('/api/places?limit=5&q=' + encodeURIComponent(q)).catch(function () { return { places: [] }; }).then(function (p) {
      if (mine !== searching) { return []; }
      var items = findActors(q).map(function (a) {
        return { kind: 'actor', label: 'actor: ' + a.actor + ' (' + a.count + ' events)', go: function () { goActor(a.actor); } };
      }).concat(p.places.map(function (pl) {
        return { kind: 'place', label: 'place: ' + pl.name + (pl.admin1 ? ', ' + pl.admin1 : '') + ' (' + pl.id + ')', go: function () { goPlace(pl); } };
      }));
      clear(results);
      items.forEach(function (it, i) {
        var li = el('li', { 'data-kind': it.kind, text: it.label });
        if (i === 0) { li.classList.add('first'); }
        li.addEventListener('mousedown', function (ev) { ev.preventDefault(); pick(it); });
        results.appendChild(li);
      });
      if (!items.length) { results.appendChild(el('li', { class: 'none', text: 'no place or actor matches' })); }
      results.hidden = false;
      return items;
    });
  }
  function pick(it) { results.hidden = true; it.go(); }
  function goPlace(pl) {
    if (searchMarker) { map.removeLayer(searchMarker); }
    searchMarker = L.circleMarker([pl.latitude, pl.longitude], { radius: 14, color: '#000', weight: 2, fill: false, className: 'search-marker', interactive: false }).addTo(map);
    map.setView([pl.latitude, pl.longitude], 11, { animate: false });
    status('place ' + pl.name + (pl.admin1 ? ', ' + pl.admin1 : '') + ' (' + pl.latitude.toFixed(4) + ', ' + pl.longitude.toFixed(4) + ')');
    document.body.setAttribute('data-search', 'place:' + pl.id);
  }
  function goActor(actor) {
    filters.elements.actor.value = actor;
    loadEvents().then(function () {
      var pts = state.events.filter(function (e) { return e.latitude !== null && e.longitude !== null; })
        .map(function (e) { return [e.latitude, e.longitude]; });
      if (pts.length) { map.fitBounds(L.latLngBounds(pts).pad(0.3), { maxZoom: 11, animate: false }); }
      document.body.setAttribute('data-search', 'actor:' + actor);
    }).catch(function (err) { status(String(err.message || err)); });
  }
  var searchTimer = null;
  search.addEventListener('input', function () { clearTimeout(searchTimer); searchTimer = setTimeout(runSearch, 200); });
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      clearTimeout(searchTimer);
      runSearch().then(function (items) { if (items.length) { pick(items[0]); } });
    } else if (ev.key === 'Escape') { results.hidden = true; }
  });
  search.addEventListener('blur', function () { setTimeout(function () { results.hidden = true; }, 150); });

  // ------------------------------------------------------------------ sources view
  function showView(name) {
    document.getElementById('sources-view').hidden = name !== 'sources';
    document.getElementById('left').hidden = name === 'sources';
    document.getElementById('panel').hidden = name === 'sources' || state.selected === null;
    document.getElementById('view-map').classList.toggle('active', name !== 'sources');
    document.getElementById('view-sources').classList.toggle('active', name === 'sources');
    if (name === 'sources') { loadSources(); } else { map.invalidateSize(); }
  }
  function loadSources() {
    return Promise.all([getJson('/api/sources'), getJson('/api/stories?limit=1000')]).then(function (r) {
      var tbody = document.querySelector('#sources tbody');
      clear(tbody);
      r[0].sources.forEach(function (s) {
        tbody.appendChild(el('tr', { 'data-source': s.name, class: s.profiled ? 'profiled' : '' }, [
          el('td', { text: s.name + (s.aliases.length ? ' (' + s.aliases.join(', ') + ')' : '') }),
          el('td', { class: 'rel-' + s.reliability, text: s.reliability }),
          el('td', { text: show(s.basis) }),
          el('td', { text: show(s.alignment) }),
          el('td', { text: String(s.reports) }),
          el('td', { text: String(s.events) }),
          el('td', { text: s.corroboration_rate === null ? '–' : s.corroborated_events + ' (' + Math.round(s.corroboration_rate * 100) + '%)' })
        ]));
      });
      document.getElementById('stories-count').textContent = '(' + r[1].total + ')';
      var sb = document.querySelector('#stories tbody');
      clear(sb);
      r[1].stories.forEach(function (s) {
        var reports = el('td');
        s.reports.forEach(function (rep) {
          var a = el('div', { class: 'link', 'data-report-id': rep.id, text: reportLabel(rep) });
          a.addEventListener('click', function () { showView('map'); openReport(rep.id); });
          reports.appendChild(a);
        });
        sb.appendChild(el('tr', { 'data-story': s.id }, [el('td', { text: s.id }), el('td', { text: show(s.origin_source) }), reports,
          el('td', { text: String(s.events) }), el('td', { text: String(s.corroborated_events) })]));
      });
      document.body.setAttribute('data-sources', String(r[0].sources.length));
    }).catch(function (err) { status('sources: ' + (err.message || err)); });
  }
  document.getElementById('view-map').addEventListener('click', function () { showView('map'); });
  document.getElementById('view-sources').addEventListener('click', function () { showView('sources'); });

  var filters = document.getElementById('filters');
  var sideSelect = filters.elements.side;
  Object.keys(SIDES).forEach(function (k) { sideSelect.appendChild(el('option', { value: k, text: SIDES[k][1] })); });
  var reloading = null;
  function reload() {
    clearTimeout(reloading);
    reloading = setTimeout(function () {
      loadEvents().catch(function (err) { status(String(err.message || err)); });
    }, 250);
  }
  filters.addEventListener('change', reload);
  filters.addEventListener('submit', function (ev) { ev.preventDefault(); reload(); });
  filters.addEventListener('reset', function () { setTimeout(reload, 0); });

  legend();
  loadBasemap().catch(function (err) { status('base layer: ' + (err.message || err)); })
    .then(loadEvents)
    .then(loadReports)
    .then(function () {
      // a link to one event: /#event=ID opens its panel
      var m = /^#event=(.+)$/.exec(location.hash);
      var id = m ? decodeURIComponent(m[1]) : null;
      return id && state.byId[id] ? select(id) : null;
    })
    .then(function () { document.body.setAttribute('data-ready', 'true'); })
    .catch(function (err) { status(String(err.message || err)); });
})();
