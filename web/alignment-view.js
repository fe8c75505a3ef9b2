'use strict';
// A translator's attention as a matrix: a column per source character, a row per character the model
// wrote (and one for the end, ⏎), each cell shaded by the weight the attention gave that source
// character while writing that output one (white 0, dark blue 1). A model that learned the alignment
// shows it as a path: down the diagonal for a reversal (the other way), in blocks for a date. The
// canvas says what it drew in data attributes for tests and scripts: rows, cols, and argmax (each
// row's heaviest column, comma-separated).
const AlignmentView = (() => {
  const CELL = 22;
  const LEFT = 24;
  const TOP = 22;

  function draw(box, reply) {
    box.textContent = '';
    if (!reply.attention) {
      const p = document.createElement('p');
      p.className = 'hint';
      p.textContent = 'This model has no attention: its decoder sees the source only through the encoder\'s last state.';
      box.append(p);
      return;
    }
    const source = Array.from(reply.source);
    const rows = reply.attention;
    const canvas = document.createElement('canvas');
    const width = LEFT + CELL * source.length + 4;
    const height = TOP + CELL * rows.length + 4;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = width + 'px';
    canvas.style.height = height + 'px';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'attention of ' + reply.output + ' over ' + reply.source);
    const g = canvas.getContext('2d');
    g.scale(ratio, ratio);
    g.font = '12px ui-monospace, monospace';
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillStyle = '#24292f';
    source.forEach((c, j) => g.fillText(c === ' ' ? '·' : c, LEFT + CELL * j + CELL / 2, TOP / 2));
    const output = Array.from(reply.output);
    const argmax = [];
    rows.forEach((row, i) => {
      g.fillStyle = '#24292f';
      g.fillText(i < output.length ? output[i] : '⏎', LEFT / 2, TOP + CELL * i + CELL / 2);
      let best = 0;
      row.forEach((w, j) => {
        if (w > row[best]) best = j;
        // white to dark blue by the weight
        const shade = Math.round(255 * (1 - Math.min(1, Math.max(0, w))));
        g.fillStyle = 'rgb(' + shade + ',' + Math.round(shade * 0.9 + 25 * (1 - w)) + ',255)';
        g.fillRect(LEFT + CELL * j + 1, TOP + CELL * i + 1, CELL - 2, CELL - 2);
      });
      argmax.push(best);
    });
    canvas.dataset.rows = String(rows.length);
    canvas.dataset.cols = String(source.length);
    canvas.dataset.argmax = argmax.join(',');
    box.append(canvas);
  }

  return { draw };
})();
