// seqlab explorer: the page over the JSON API (no libraries, nothing loaded from elsewhere).
'use strict';
const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const state = {};

function api(name, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const x of Array.isArray(v) ? v : [v]) q.append(k, x);
  }
  return fetch('api/' + name + '?' + q.toString()).then((r) => r.json().then((body) => {
    if (!r.ok) {
      const hint = body.suggestions ? ' (did you mean ' + body.suggestions.join(', ') + '?)' : '';
      throw new Error(body.error + hint);
    }
    return body;
  }));
}

function showError(e) { $('error').textContent = e ? String(e.message || e) : ''; }
function words(s) { return s.split(/\s+/).filter((w) => w.length > 0); }
function fmt(x) { return x.toFixed(4); }

// ---- shareable state: the hash holds the tab and its inputs
function saveState(tab, values) {
  const q = new URLSearchParams({ tab, ...values });
  history.replaceState(null, '', '#' + q.toString());
  $('share').href = location.href;
}

function showTab(tab) {
  document.querySelectorAll('.view').forEach((v) => { v.hidden = v.id !== 'view-' + tab; });
  document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === tab));
  state.tab = tab;
}

function fillRanked(tableId, rows, scoreKey) {
  const body = document.querySelector('#' + tableId + ' tbody');
  body.replaceChildren();
  rows.forEach((r, i) => {
    const tr = document.createElement('tr');
    tr.className = 'result';
    const score = r[scoreKey];
    const bar = document.createElement('span');
    bar.style.width = Math.max(0, score) * 200 + 'px';
    for (const cell of [String(i + 1), r.word, fmt(score), bar]) {
      const td = document.createElement('td');
      if (cell instanceof Node) { td.className = 'bar'; td.appendChild(cell); } else { td.textContent = cell; }
      tr.appendChild(td);
    }
    tr.children[1].className = 'word';
    tr.addEventListener('click', () => { $('word').value = r.word; neighbours(); });
    body.appendChild(tr);
  });
}

// ---- neighbours with prefix completion
function neighbours() {
  const word = $('word').value.trim();
  const top = $('top').value;
  showTab('neighbours');
  saveState('neighbours', { word, top });
  return api('similar', { word, top }).then((d) => { showError(); fillRanked('neighbours-table', d.neighbors, 'similarity'); })
    .catch(showError);
}
let completing = 0;
$('word').addEventListener('input', () => {
  const prefix = $('word').value;
  const ticket = ++completing;
  if (!prefix) return;
  api('complete', { prefix, top: 10 }).then((d) => {
    if (ticket !== completing) return;
    $('completions').replaceChildren(...d.words.map((w) => { const o = document.createElement('option'); o.value = w; return o; }));
  }).catch(() => {});
});

// ---- analogy and doesn't-match
function analogy() {
  const p = { a: $('a').value.trim(), b: $('b').value.trim(), c: $('c').value.trim(), method: $('method').value };
  showTab('analogy');
  saveState('analogy', p);
  return api('analogy', { ...p, top: 10 }).then((d) => { showError(); fillRanked('analogy-table', d.answers, 'score'); })
    .catch(showError);
}
function doesntMatch() {
  const w = $('doesnt-words').value;
  showTab('doesnt');
  saveState('doesnt', { words: w });
  return api('doesnt-match', { word: words(w) }).then((d) => { showError(); $('doesnt-answer').textContent = d.doesnt_match; })
    .catch(showError);
}

// ---- the map: PCA at once, t-SNE as a job polled for progress
let view = { x: -1.1, y: -1.1, w: 2.2, h: 2.2 };
function setView(v) {
  view = v;
  $('map').setAttribute('viewBox', [v.x, v.y, v.w, v.h].join(' '));
  const size = v.w * 0.018;
  document.querySelectorAll('#map text').forEach((t) => { t.style.fontSize = size + 'px'; });
  document.querySelectorAll('#map circle').forEach((c) => { c.setAttribute('r', v.w * 0.007); });
}
function drawMap(d, center) {
  const g = $('points');
  g.replaceChildren();
  let lo = [Infinity, Infinity], hi = [-Infinity, -Infinity];
  for (const p of d.points) { for (const k of [0, 1]) { lo[k] = Math.min(lo[k], p[k]); hi[k] = Math.max(hi[k], p[k]); } }
  const scale = 2 / Math.max(hi[0] - lo[0], hi[1] - lo[1], 1e-9);
  const labelAll = d.words.length <= 150;
  d.points.forEach((p, i) => {
    const x = (p[0] - (lo[0] + hi[0]) / 2) * scale;
    const y = -(p[1] - (lo[1] + hi[1]) / 2) * scale;
    const c = document.createElementNS(SVG, 'circle');
    c.setAttribute('cx', x); c.setAttribute('cy', y);
    c.setAttribute('class', d.words[i] === center ? 'point center' : 'point');
    c.dataset.word = d.words[i];
    const t = document.createElementNS(SVG, 'text');
    t.setAttribute('x', x + 0.012); t.setAttribute('y', y + 0.005);
    t.textContent = d.words[i];
    t.style.display = labelAll || d.words[i] === center ? '' : 'none';
    c.addEventListener('mouseenter', () => { t.style.display = ''; t.classList.add('hover'); });
    c.addEventListener('mouseleave', () => { t.classList.remove('hover'); if (!labelAll && d.words[i] !== center) t.style.display = 'none'; });
    c.addEventListener('click', (e) => { e.stopPropagation(); $('center').value = d.words[i]; $('map-words').value = ''; drawMapNow(); });
    g.appendChild(c); g.appendChild(t);
  });
  setView({ x: -1.1, y: -1.1, w: 2.2, h: 2.2 });
  const what = d.method === 'pca' && d.explained
    ? 'PCA, ' + (100 * (d.explained[0] + d.explained[1])).toFixed(1) + '% of the variance'
    : d.method;
  $('map-status').textContent = d.words.length + ' points, ' + what;
}
function pollJob(id, center) {
  return api('job', { id }).then((d) => {
    $('map-progress').value = d.progress;
    if (d.state === 'running') {
      $('map-status').textContent = d.phase + ' ' + Math.round(100 * d.progress) + '%';
      return new Promise((r) => setTimeout(r, 250)).then(() => pollJob(id, center));
    }
    $('map-progress').hidden = true;
    if (d.state === 'failed') throw new Error(d.error);
    drawMap(d, center);
  });
}
function drawMapNow() {
  const center = $('center').value.trim();
  const list = words($('map-words').value);
  const method = $('map-method').value;
  const p = list.length > 0 ? { word: list, method } : { center, top: Math.max(1, $('map-top').value - 1), method };
  showTab('map');
  saveState('map', list.length > 0 ? { words: list.join(' '), method } : { center, n: $('map-top').value, method });
  $('map-progress').hidden = method !== 'tsne';
  $('map-progress').value = 0;
  return api('map', p).then((d) => {
    showError();
    return d.job ? pollJob(d.job, center) : drawMap(d, center);
  }).catch((e) => { $('map-progress').hidden = true; showError(e); });
}
(function panAndZoom() {
  const svg = $('map');
  let drag = null;
  const toUser = (e) => {
    const r = svg.getBoundingClientRect();
    const s = Math.max(view.w / r.width, view.h / r.height);
    return { s, x: view.x + (e.clientX - r.left) * s - (r.width * s - view.w) / 2, y: view.y + (e.clientY - r.top) * s - (r.height * s - view.h) / 2 };
  };
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const f = e.deltaY < 0 ? 0.8 : 1.25;
    const p = toUser(e);
    setView({ x: p.x - (p.x - view.x) * f, y: p.y - (p.y - view.y) * f, w: view.w * f, h: view.h * f });
  }, { passive: false });
  svg.addEventListener('mousedown', (e) => { drag = { cx: e.clientX, cy: e.clientY, v: { ...view }, s: toUser(e).s }; });
  window.addEventListener('mousemove', (e) => {
    if (!drag) return;
    setView({ ...drag.v, x: drag.v.x - (e.clientX - drag.cx) * drag.s, y: drag.v.y - (e.clientY - drag.cy) * drag.s });
  });
  window.addEventListener('mouseup', () => { drag = null; });
})();

// ---- bias view: projections on the pairs' direction before and after debiasing
function bias() {
  const pairs = $('bias-pairs').value, ws = $('bias-words').value;
  showTab('bias');
  saveState('bias', { pairs, words: ws });
  return api('bias', { pair: words(pairs), word: words(ws) }).then((d) => {
    showError();
    const svg = $('bias');
    svg.replaceChildren();
    const rows = d.projections, h = 22, x0 = 160, half = 250;
    svg.setAttribute('viewBox', '0 0 700 ' + (rows.length * h + 30));
    const line = (x1, y1, x2, y2, color) => { const l = document.createElementNS(SVG, 'line'); Object.entries({ x1, y1, x2, y2, stroke: color }).forEach(([k, v]) => l.setAttribute(k, v)); svg.appendChild(l); };
    const text = (x, y, s, anchor) => { const t = document.createElementNS(SVG, 'text'); t.setAttribute('x', x); t.setAttribute('y', y); t.setAttribute('text-anchor', anchor || 'start'); t.textContent = s; svg.appendChild(t); };
    line(x0 + half, 5, x0 + half, rows.length * h + 10, '#a0aec0');
    text(x0, rows.length * h + 25, '-1 (' + (d.direction_pairs[0] || '').split('/')[1] + ')');
    text(x0 + 2 * half, rows.length * h + 25, '+1 (' + (d.direction_pairs[0] || '').split('/')[0] + ')', 'end');
    rows.forEach((r, i) => {
      const y = 15 + i * h;
      text(x0 - 10, y + 4, r.word + (r.change === 'equalized' ? ' (pair)' : ''), 'end');
      line(x0 + half, y, x0 + half + r.before * half, y, '#a0aec0');
      for (const [v, color] of [[r.before, '#718096'], [r.after, '#2b6cb0']]) {
        const c = document.createElementNS(SVG, 'circle');
        c.setAttribute('cx', x0 + half + v * half); c.setAttribute('cy', y); c.setAttribute('r', 5); c.setAttribute('fill', color);
        c.setAttribute('class', 'bias-point');
        svg.appendChild(c);
      }
    });
    if (d.missing.length) showError('not in the vocabulary: ' + d.missing.join(', '));
  }).catch(showError);
}

// ---- sentences (with --sentences)
function sentences() {
  const query = $('query').value, list = $('sentence-list').value.split('\n').filter((s) => s.trim());
  showTab('sentences');
  saveState('sentences', { query, sentences: list.join('\n') });
  return api('sentences', { query, sentence: list }).then((d) => {
    showError();
    const body = document.querySelector('#sentences-table tbody');
    body.replaceChildren();
    d.results.forEach((r, i) => {
      const tr = document.createElement('tr');
      for (const s of [String(i + 1), r.sentence, fmt(r.similarity)]) { const td = document.createElement('td'); td.textContent = s; tr.appendChild(td); }
      body.appendChild(tr);
    });
  }).catch(showError);
}

// ---- wiring
const actions = { neighbours, analogy, doesnt: doesntMatch, map: drawMapNow, bias, sentences };
for (const [tab, f] of Object.entries(actions)) {
  $('form-' + tab).addEventListener('submit', (e) => { e.preventDefault(); f(); });
}
document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));

function restore() {
  const q = new URLSearchParams(location.hash.slice(1));
  const tab = q.get('tab');
  if (!tab || !actions[tab]) { showTab('neighbours'); return; }
  const set = (id, key) => { if (q.has(key)) $(id).value = q.get(key); };
  if (tab === 'neighbours') { set('word', 'word'); set('top', 'top'); }
  if (tab === 'analogy') { set('a', 'a'); set('b', 'b'); set('c', 'c'); set('method', 'method'); }
  if (tab === 'doesnt') set('doesnt-words', 'words');
  if (tab === 'map') { set('center', 'center'); set('map-top', 'n'); set('map-words', 'words'); set('map-method', 'method'); if (!q.has('words')) $('map-words').value = ''; }
  if (tab === 'bias') { set('bias-pairs', 'pairs'); set('bias-words', 'words'); }
  if (tab === 'sentences') { set('query', 'query'); set('sentence-list', 'sentences'); }
  actions[tab]();
}
window.addEventListener('hashchange', restore);
api('info', {}).then((d) => {
  $('info').textContent = d.words.toLocaleString('en') + ' words × ' + d.dimension;
  $('tab-sentences').hidden = !d.sentences;
}).catch(showError);
restore();
