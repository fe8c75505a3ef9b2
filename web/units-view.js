'use strict';
// What single units and gates of a model do (Karpathy et al. 2015, on the model in training): a
// sequence (the word panel's held-out text, or its prompt and what the model writes after it; a
// classifier's held-out example) colored by one unit's value at every step; the layer's units listed
// by how much they vary and how often they saturate, to pick from; and per gate a scatter of the
// units, how often each is nearly shut (below 0.1) against how often nearly open (above 0.9). Asks
// the engine for the panel's units verb; refreshed on request and, while training, when due (at most
// an eightieth of the time). Its element ids are the panel's name, a dash, and a part.
const UnitsView = (() => {
  const GATE_COLORS = { i: '#1f6feb', f: '#1a7f37', o: '#bf3989', r: '#1f6feb', z: '#1a7f37' };

  function show(token) {
    return token === '\n' ? '¶' : token;
  }

  // a value's background: h, candidates: blue negative, red positive; gates: white 0 to green 1;
  // c (no bound): scaled by the largest |c| shown
  function color(v, kind, scale) {
    if (kind === 'gate') {
      const x = Math.max(0, Math.min(1, v));
      return 'rgba(26, 127, 55, ' + (0.05 + 0.8 * x).toFixed(3) + ')';
    }
    const x = Math.max(-1, Math.min(1, v / scale));
    return x >= 0 ? 'rgba(207, 34, 46, ' + (0.05 + 0.8 * x).toFixed(3) + ')' : 'rgba(31, 111, 235, ' + (0.05 - 0.8 * x).toFixed(3) + ')';
  }

  function scatter(canvas, gates) {
    const ctx = canvas.getContext('2d');
    const w = canvas.width, h = canvas.height, left = 46, bottom = 40, top = 12, right = 12;
    ctx.clearRect(0, 0, w, h);
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillStyle = '#5b6570';
    if (!gates.length) {
      ctx.fillText('A vanilla RNN has no gates.', left, h / 2);
      return;
    }
    const px = (x) => left + x * (w - left - right);
    const py = (y) => top + (1 - y) * (h - top - bottom);
    ctx.strokeStyle = '#d8dee4';
    ctx.textAlign = 'right';
    for (const v of [0, 0.25, 0.5, 0.75, 1]) {
      ctx.beginPath(); ctx.moveTo(left, py(v)); ctx.lineTo(w - right, py(v)); ctx.stroke();
      ctx.fillText(v.toFixed(2), left - 6, py(v) + 4);
    }
    ctx.textAlign = 'center';
    for (const v of [0, 0.25, 0.5, 0.75, 1]) ctx.fillText(v.toFixed(2), px(v), h - bottom + 16);
    ctx.fillText('share of steps with the gate nearly shut (below 0.1)', left + (w - left - right) / 2, h - 6);
    ctx.save();
    ctx.translate(12, top + (h - top - bottom) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText('nearly open (above 0.9)', 0, 0);
    ctx.restore();
    gates.forEach((g, k) => {
      ctx.fillStyle = GATE_COLORS[g.name] || '#8250df';
      g.low.forEach((lo, j) => {
        ctx.globalAlpha = 0.7;
        ctx.beginPath();
        ctx.arc(px(lo), py(g.high[j]), 3.5, 0, 2 * Math.PI);
        ctx.fill();
      });
      ctx.globalAlpha = 1;
      ctx.textAlign = 'right';
      ctx.fillText('gate ' + g.name, w - right - 4, top + 14 + 16 * k);
    });
  }

  // panel: the panel (call, ready); name: its name; request(form): the units request's own fields,
  // beside the layer, what is shown and the unit
  function create(panel, name, request) {
    const $ = (part) => document.getElementById(name + '-' + part);
    const form = $('units-form');
    const u = { busy: false, cost: 0, at: 0 };

    function setOptions(select, values, labels) {
      const now = select.value;
      if (select.options.length !== values.length || [...select.options].some((o, i) => o.value !== values[i])) {
        select.replaceChildren(...values.map((v, i) => new Option(labels[i], v)));
        select.value = values.includes(now) ? now : values[0];
      }
    }

    function list(title, scores, r) {
      const order = scores.map((s, j) => [s, j]).filter((p) => p[0] > 0).sort((a, b) => b[0] - a[0]).slice(0, 6);
      if (!order.length) return null;
      const p = document.createElement('p');
      p.append(title + ': ');
      for (const [s, j] of order) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'unit' + (j === Number(form.elements.unit.value) ? ' chosen' : '');
        b.textContent = 'unit ' + j + ' (' + (title.startsWith('most often') ? Math.round(100 * s) + '%' : s.toFixed(2)) + ')';
        b.addEventListener('click', () => {
          form.elements.unit.value = String(j);
          refresh();
        });
        p.append(b, ' ');
      }
      return p;
    }

    function render(r) {
      setOptions(form.elements.layer, Array.from({ length: r.layers }, (_, i) => String(i + 1)),
        Array.from({ length: r.layers }, (_, i) => String(i + 1)));
      setOptions(form.elements.show, r.shows, r.shows.map((s) => (s === 'h' ? 'hidden state h' : s === 'c' ? 'cell state c'
        : s === 'g' || s === 'n' ? 'candidate ' + s : 'gate ' + s)));
      form.elements.unit.max = String(r.hidden - 1);
      const kind = form.elements.show.value;
      const what = kind === 'h' || kind === 'c' || kind === 'g' || kind === 'n' ? kind : 'gate';
      const scale = kind === 'c' ? Math.max(1e-9, ...r.values.map(Math.abs)) : 1;
      const text = $('units-text');
      text.replaceChildren(...r.tokens.map((t, i) => {
        const span = document.createElement('span');
        span.className = 'unit-token';
        span.textContent = show(t);
        span.style.background = color(r.values[i], what === 'gate' ? 'gate' : 'signed', scale);
        span.title = show(t) + ': ' + r.values[i].toFixed(3);
        return span;
      }));
      const lists = $('units-lists');
      lists.replaceChildren(...[list('most varied', r.spread, r), list('most often saturated', r.saturation, r)].filter(Boolean));
      scatter($('saturation'), r.gates);
    }

    async function refresh() {
      if (!panel.ready || u.busy) return;
      u.busy = true;
      const t0 = performance.now();
      const e = form.elements;
      const r = await panel.call('units', Object.assign(request(form), { layer: Number(e.layer.value) || 1,
        show: e.show.value || 'h', unit: Number(e.unit.value) || 0 }));
      u.busy = false;
      u.cost = performance.now() - t0;
      u.at = performance.now();
      $('units-message').textContent = r.ok ? '' : Forms.sentence(r.error);
      if (r.ok) render(r);
    }

    form.addEventListener('change', refresh);
    form.addEventListener('submit', (ev) => ev.preventDefault());
    return {
      refresh,
      // while training: again after at least 2 s, and at most an eightieth of the time
      due: () => performance.now() - u.at > Math.max(2000, 80 * u.cost),
    };
  }

  // The view's markup (the panel places it): name, the panel's; what, the sequence shown (the subject
  // of the explanation's first sentence); more, what the panel's units are seen to do; source, the
  // panel's own controls of which sequence (static markup).
  const markup = (name, what, more, source) => `<h2>Units and gates</h2>
  <p class="explain">What single units do. ${what} is colored by one unit's value at every step (hidden and cell states: blue
  negative, red positive; gates: white shut, green open); hover a step for the number. The lists offer the units that vary most
  over it and those most often saturated (near the ends of their range)${more}. For an LSTM or a GRU, the chart puts each unit of each
  gate by how often it is nearly shut and nearly open: dots in the corners are gates that act as switches.</p>
  <form id="${name}-units-form" class="settings" autocomplete="off">
    ${source}
    <label>Layer <select name="layer"><option value="1">1</option></select></label>
    <label>Show <select name="show"><option value="h">hidden state h</option></select></label>
    <label>Unit <input name="unit" type="number" min="0" value="0"></label>
  </form>
  <div id="${name}-units-lists" class="unit-lists"></div>
  <p id="${name}-units-message" class="message" role="alert"></p>
  <p id="${name}-units-text" class="units-text"></p>
  <figure class="saturation"><canvas id="${name}-saturation" width="440" height="260" aria-label="gate saturation chart"></canvas>
  <figcaption>Gate saturation, one dot per unit and gate</figcaption></figure>`;

  return { create, markup };
})();
