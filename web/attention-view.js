'use strict';
// Where a classifier's attention looks: a grid of the true classes (rows) by the steps of a sequence
// (columns), each cell as dark as the mean weight the model gave that step in the held-out examples of
// that class (each example's weights sum to 1), its value written in when the cells are wide enough.
const AttentionView = (() => {
  function draw(canvas, classes, rows) {
    const ctx = canvas.getContext('2d');
    const w = canvas.width, h = canvas.height;
    ctx.clearRect(0, 0, w, h);
    if (!rows) return;
    const steps = rows[0].length;
    const left = 70, top = 8, bottom = 26;
    const cw = (w - left - 8) / steps;
    const ch = Math.min(26, (h - top - bottom) / rows.length);
    const max = Math.max(1e-9, ...rows.map((r) => Math.max(...r)));
    ctx.font = '12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    rows.forEach((row, c) => {
      const y = top + c * ch;
      ctx.fillStyle = '#57606a';
      ctx.textAlign = 'right';
      ctx.fillText(String(classes[c]).slice(0, 9), left - 6, y + ch / 2);
      row.forEach((v, t) => {
        const x = left + t * cw;
        ctx.fillStyle = 'rgba(31, 111, 235, ' + (v / max).toFixed(3) + ')';
        ctx.fillRect(x, y, cw - 1, ch - 1);
        if (cw >= 34) {
          ctx.fillStyle = v / max > 0.55 ? '#fff' : '#24292f';
          ctx.textAlign = 'center';
          ctx.fillText(v.toFixed(2), x + cw / 2, y + ch / 2);
        }
      });
    });
    // the steps, numbered from 1, below (every few when they are many)
    const every = Math.ceil(24 / cw);
    ctx.fillStyle = '#57606a';
    ctx.textAlign = 'center';
    for (let t = 0; t < steps; t += every) ctx.fillText(String(t + 1), left + (t + 0.5) * cw, top + rows.length * ch + 12);
    canvas.dataset.steps = String(steps);
  }
  return { draw };
})();
