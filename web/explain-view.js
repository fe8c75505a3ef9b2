'use strict';
// Why and when a classifier names one held-out example as it does. Why: how much each step's input
// moves the log-probability of the class it names (connectivity: the gradient's norm at that step),
// beside the example (a digit: a bar per row read row by row, a shade per pixel read pixel by pixel;
// a text: each word or character shaded);
// with attention pooling, the weight the attention gave each step beside it. When: the probability
// of the class named and of the true class had the sequence ended after each step, so a person sees
// where in the sequence the decision was made.
const ExplainView = (() => {
  // an 8 x 8 grid of values in [0, max], darker for more, 12 px a pixel
  function grid(values, max, color) {
    const c = document.createElement('canvas');
    c.width = c.height = 96;
    const ctx = c.getContext('2d');
    values.forEach((v, i) => {
      ctx.fillStyle = 'rgba(' + color + ', ' + Math.min(1, Math.max(0, v / max)).toFixed(3) + ')';
      ctx.fillRect((i % 8) * 12, Math.floor(i / 8) * 12, 12, 12);
    });
    return c;
  }

  // a bar per step, the largest the full width
  function bars(values, color) {
    const c = document.createElement('canvas');
    c.width = 60;
    c.height = 96;
    const ctx = c.getContext('2d');
    const max = Math.max(...values, 1e-12);
    const h = 96 / values.length;
    ctx.fillStyle = color;
    values.forEach((w, t) => ctx.fillRect(0, t * h + 1, 60 * w / max, Math.max(1, h - 2)));
    return c;
  }

  function figure(canvas, caption) {
    const f = document.createElement('figure');
    const c = document.createElement('figcaption');
    c.textContent = caption;
    f.append(canvas, c);
    return f;
  }

  // a text's tokens, each shaded by its pull (and underlined by its attention weight); a token's own
  // text only (textContent), characters as they are, words with a space between
  function tokens(r) {
    const p = document.createElement('p');
    p.className = 'explain-tokens' + (r.characters ? ' characters' : '');
    const pull = Math.max(...r.connectivity, 1e-12);
    const weight = r.attention ? Math.max(...r.attention, 1e-12) : 1;
    r.tokens.forEach((token, t) => {
      const span = document.createElement('span');
      span.textContent = token;
      span.style.background = 'rgba(207, 34, 46, ' + (0.85 * r.connectivity[t] / pull).toFixed(3) + ')';
      if (r.attention) span.style.borderBottom = '3px solid rgba(31, 111, 235, ' + (r.attention[t] / weight).toFixed(3) + ')';
      span.title = 'pull ' + r.connectivity[t].toPrecision(2) + (r.attention ? ', weight ' + r.attention[t].toFixed(3) : '')
        + ', p(' + r.said + ') after it ' + (100 * r.saidAfter[t]).toFixed(1) + '%';
      p.append(span);
      if (!r.characters) p.append(' ');
    });
    return p;
  }

  // r: the reply of classify.explain
  function draw(el, r) {
    el.replaceChildren();
    const steps = r.connectivity.length;
    const head = document.createElement('p');
    head.className = 'status';
    const own = r.label === undefined;
    head.textContent = (own ? 'Yours: the model says ' + r.said + ', ' : 'Row ' + (r.example + 1) + ' of the data: a ' + r.label
      + '; the model says ' + r.said + (r.said === r.label ? ' (right), ' : ' (wrong), '))
      + (100 * r.saidAfter[steps - 1]).toFixed(1) + '% sure.';
    const row = document.createElement('div');
    row.className = 'explain-row';
    const digit = !r.tokens && r.values.length === 64 && (r.inputs === 8 || r.inputs === 1);
    const byRow = r.inputs === 8;
    if (digit) {
      row.append(figure(grid(r.values, 16, '36, 41, 47'), 'the example'));
      row.append(figure(byRow ? bars(r.connectivity, '#cf222e') : grid(r.connectivity, Math.max(...r.connectivity), '207, 34, 46'),
        'why: each ' + (byRow ? 'row' : 'pixel') + '\'s pull on "' + r.said + '"'));
      if (r.attention) {
        row.append(figure(byRow ? bars(r.attention, '#1f6feb') : grid(r.attention, Math.max(...r.attention), '31, 111, 235'),
          'attention: each ' + (byRow ? 'row' : 'pixel') + '\'s weight'));
      }
    } else if (r.tokens) {
      row.append(figure(tokens(r), 'why: each ' + (r.characters ? 'character' : 'word') + '\'s pull on "' + r.said + '" (red: more)'
        + (r.attention ? '; underlined in blue: its attention weight' : '')));
    } else {
      const pre = document.createElement('pre');
      const lines = [];
      for (let t = 0; t < steps; t++) {
        lines.push('step ' + (t + 1) + ': ' + r.values.slice(t * r.inputs, (t + 1) * r.inputs).map((v) => +v.toFixed(2)).join(', ')
          + '  pull ' + r.connectivity[t].toPrecision(2) + (r.attention ? '  weight ' + r.attention[t].toFixed(2) : ''));
      }
      pre.textContent = lines.join('\n');
      row.append(figure(pre, 'each step, its pull on "' + r.said + '"' + (r.attention ? ' and its attention weight' : '')));
    }
    const when = document.createElement('canvas');
    when.width = 360;
    when.height = 160;
    when.setAttribute('aria-label', 'probability after each step');
    const series = [{ points: r.saidAfter.map((p, t) => [t + 1, 100 * p]), color: '#cf222e', label: 'p(' + r.said + ')' }];
    if (!own && r.said !== r.label) series.push({ points: r.labelAfter.map((p, t) => [t + 1, 100 * p]), color: '#1a7f37', label: 'p(' + r.label + ')' });
    row.append(figure(when, 'when: the probability, had the sequence ended after each step'));
    // every class's probability after the last step, the likeliest first
    const classes = document.createElement('p');
    classes.className = 'hint';
    classes.textContent = 'All classes: ' + r.probabilities.slice().sort((a, b) => b.p - a.p)
      .map((c) => c.class + ' ' + (100 * c.p).toFixed(c.p < 0.1 ? 1 : 0) + '%').join(', ');
    el.append(head, row, classes);
    Charts.draw(when, series, { xLabel: r.tokens ? (r.characters ? 'character' : 'word') : 'step', yMin: 0, yMax: 100, xWhole: true });
    // the step from which on p(the class named) stays above one half (steps + 1: it never does)
    let knew = steps;
    while (knew > 0 && r.saidAfter[knew - 1] > 0.5) knew--;
    const unit = r.tokens ? (r.characters ? 'character' : 'word') : 'step';
    if (knew < steps) head.textContent += ' It knew from ' + unit + ' ' + (knew + 1) + ' of ' + steps + ' on (above one half).';
    el.dataset.said = r.said;
    el.dataset.label = own ? '' : r.label;
    el.dataset.steps = String(steps);
    el.dataset.knew = String(knew + 1);
  }
  return { draw };
})();
