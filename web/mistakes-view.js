'use strict';
// The held-out examples a classifier gets wrong, the most confident mistakes first: each a card with
// the example (a handwritten digit drawn as its 8 x 8 pixels; a text as written; other data as its values by step), its
// true class and the model's three likeliest answers; with attention pooling, the weight of each step
// beside it (a bar per row of a digit read row by row, a shade per pixel of one read pixel by pixel).
const MistakesView = (() => {
  const pct = (p) => (100 * p).toFixed(p < 0.1 ? 1 : 0) + '%';

  // an 8 x 8 grid of values in [0, max], darker for more
  function grid(values, max, color) {
    const c = document.createElement('canvas');
    c.width = c.height = 64;
    const ctx = c.getContext('2d');
    values.forEach((v, i) => {
      ctx.fillStyle = 'rgba(' + color + ', ' + Math.min(1, v / max).toFixed(3) + ')';
      ctx.fillRect((i % 8) * 8, Math.floor(i / 8) * 8, 8, 8);
    });
    return c;
  }

  // a bar per step of length its weight (the largest the full width)
  function bars(weights) {
    const c = document.createElement('canvas');
    c.width = 40;
    c.height = 64;
    const ctx = c.getContext('2d');
    const max = Math.max(...weights, 1e-9);
    const h = 64 / weights.length;
    ctx.fillStyle = '#1f6feb';
    weights.forEach((w, t) => ctx.fillRect(0, t * h + 1, 40 * w / max, Math.max(1, h - 2)));
    return c;
  }

  function card(m, inputs) {
    const el = document.createElement('figure');
    el.className = 'mistake';
    el.dataset.example = String(m.example);
    const picture = document.createElement('div');
    if (m.text !== undefined) {
      const q = document.createElement('blockquote');
      q.textContent = m.text;
      picture.append(q);
    } else if (m.values.length === 64 && (inputs === 8 || inputs === 1)) {
      picture.append(grid(m.values, 16, '36, 41, 47'));
      if (m.attention) picture.append(inputs === 8 ? bars(m.attention) : grid(m.attention, Math.max(...m.attention), '31, 111, 235'));
    } else {
      const steps = m.values.length / inputs;
      const lines = [];
      for (let t = 0; t < steps; t++) {
        lines.push('step ' + (t + 1) + ': ' + m.values.slice(t * inputs, (t + 1) * inputs).map((v) => +v.toFixed(2)).join(', ')
          + (m.attention ? '  (weight ' + m.attention[t].toFixed(2) + ')' : ''));
      }
      const pre = document.createElement('pre');
      pre.textContent = lines.join('\n');
      picture.append(pre);
    }
    const caption = document.createElement('figcaption');
    caption.textContent = 'is ' + m.label + '; said ' + m.top.map((t) => t.class + ' (' + pct(t.p) + ')').join(', ');
    el.append(picture, caption);
    return el;
  }

  // r: the reply of classify.mistakes or classify.cell (null: none yet); title: what they are (a cell's)
  function draw(el, r, title) {
    if (!r) {
      el.textContent = 'No check yet.';
      return;
    }
    const head = document.createElement('p');
    head.className = 'status';
    head.textContent = title ? title + ': ' + r.count + (r.count > r.mistakes.length ? ', the ' + r.mistakes.length
      + ' the model was surest of:' : ':') : r.count === 0 ? 'None: every held-out example is right.'
      : r.count + ' of ' + r.of + ' held-out examples wrong' + (r.count > r.mistakes.length ? '; the ' + r.mistakes.length
        + ' the model was surest of:' : ':');
    const cards = document.createElement('div');
    cards.className = 'mistakes';
    for (const m of r.mistakes) cards.append(card(m, r.inputs));
    el.replaceChildren(head, cards);
    el.dataset.count = String(r.count);
    el.dataset.shown = String(r.mistakes.length);
  }
  return { draw };
})();
