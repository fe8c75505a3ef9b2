'use strict';
// Small line charts on canvas, with axes, ticks and labels. No dependencies.
const Charts = (() => {
  function niceStep(range, count) {
    const raw = range / count;
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const norm = raw / mag;
    return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
  }

  function format(v) {
    const a = Math.abs(v);
    if (a === 0) return '0';
    if (a >= 10000) return (v / 1000).toFixed(0) + 'k';
    if (a >= 100) return v.toFixed(0);
    if (a >= 1) return v.toFixed(a >= 10 ? 1 : 2).replace(/\.?0+$/, '');
    return String(Number(v.toPrecision(2)));
  }

  // A tick of a linear axis whose ticks are `step` apart: with as many decimals as tell it from its
  // neighbours (a flat loss's ticks read 0.6931, 0.6932 ..., not 0.69 six times).
  function formatTick(v, step) {
    if (Math.abs(v) >= 10000 || step >= 1) return format(v);
    const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
    return Math.abs(v) < step / 2 ? '0' : v.toFixed(decimals);
  }

  // series: [{points: [[x, y], ...], color, dashed, label}]; opts: {xLabel, yMin, yMax, log (a log10 y axis:
  // points at or below 0 are left out; it spans whole decades, from the one below the lowest point to
  // the one above the highest, so that the distance between two lines means the same on every chart),
  // empty (the text when there is nothing to draw), marks: [{x, label}] (a dashed upright line at x,
  // labelled at its top: where training went back after a blow-up), bands: [{x0, x1, color, label}]
  // (shaded stretches behind the lines, labelled at their top: a series' parts), xFormat (an x tick's
  // label: a step's date), xWhole (x counts things, steps or words: ticks only at whole numbers)}.
  // Returns {xAt(pixel)}: the x a pixel of the canvas stands for (or null if nothing was drawn).
  function draw(canvas, series, opts) {
    if (opts.log) {
      const logged = series.map((s) => Object.assign({}, s, {
        points: s.points.map(([x, y]) => [x, y > 0 ? Math.log10(y) : NaN]),
      }));
      const ys = logged.flatMap((s) => s.points.map((p) => p[1])).filter(Number.isFinite);
      const low = opts.yMin > 0 ? Math.log10(opts.yMin) : ys.length ? Math.floor(Math.min(...ys) + 1e-9) : undefined;
      let high = opts.yMax > 0 ? Math.log10(opts.yMax) : ys.length ? Math.ceil(Math.max(...ys) - 1e-9) : undefined;
      if (low !== undefined && high !== undefined && high <= low) high = low + 1;
      return drawScaled(canvas, logged, Object.assign({}, opts, {
        yMin: low,
        yMax: high,
        yTicks: logTicks,
        yFormat: (v) => {
          // below 0.01 and from 10,000 on, as 2e-3; else as the number
          const x = Math.pow(10, v);
          if (x >= 0.01 && x < 10000) return format(x);
          const e = Math.floor(v + 1e-9);
          return String(Number((x / Math.pow(10, e)).toPrecision(2))) + 'e' + e;
        },
      }));
    }
    return drawScaled(canvas, series, opts);
  }

  // Ticks of a log10 axis from y0 to y1 (in log10): every decade (every few, over many), or 1, 2
  // and 5 times each decade within a short range.
  function logTicks(y0, y1) {
    const out = [];
    if (y1 - y0 >= 2) {
      const step = Math.max(1, Math.round(niceStep(y1 - y0, 5)));
      for (let v = Math.ceil(y0 / step) * step; v <= y1 + 1e-9; v += step) out.push(v);
      return out;
    }
    // 1, 2, 5 times each decade; in a narrow range, every whole multiple; narrower still, even steps
    for (const ms of [[1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]]) {
      out.length = 0;
      for (let d = Math.floor(y0); d <= Math.ceil(y1); d++) {
        for (const m of ms) {
          const v = d + Math.log10(m);
          if (v >= y0 - 1e-9 && v <= y1 + 1e-9) out.push(v);
        }
      }
      if (out.length >= 2) return out;
    }
    const a = Math.pow(10, y0);
    const b = Math.pow(10, y1);
    const step = niceStep(b - a, 4);
    out.length = 0;
    for (let v = Math.ceil(a / step) * step; v <= b * (1 + 1e-9); v += step) out.push(Math.log10(v));
    return out;
  }

  function drawScaled(canvas, series, opts) {
    const ctx = canvas.getContext('2d');
    const w = canvas.width, h = canvas.height;
    const left = 52, right = 12, top = 12, bottom = 40;
    ctx.clearRect(0, 0, w, h);
    ctx.font = '12px system-ui, sans-serif';
    let xs = [], ys = [];
    for (const s of series) for (const p of s.points) { xs.push(p[0]); ys.push(p[1]); }
    ys = ys.filter(Number.isFinite);
    const marks = opts.marks || [];
    canvas.dataset.marks = marks.map((m) => m.label).join('; ');
    if (xs.length === 0 || ys.length === 0) {
      ctx.fillStyle = '#5b6570';
      ctx.textAlign = 'left';
      ctx.fillText(opts.empty || 'No data yet: press Train.', left, h / 2);
      // a blow-up before any point: said in words (there is no axis to mark)
      ctx.fillStyle = '#b42318';
      marks.forEach((m, i) => ctx.fillText('Blew up: ' + m.label + '.', left, h / 2 + 18 * (i + 1)));
      return null;
    }
    for (const m of marks) xs.push(m.x);
    let x0 = Math.min(...xs), x1 = Math.max(...xs);
    if (x1 === x0) {
      // one x value: run the axis from 0 to it (or to 1), never over a sliver of its own width
      x0 = Math.min(0, x0);
      x1 = x1 > x0 ? x1 : x0 + 1;
    }
    let y0 = opts.yMin !== undefined ? opts.yMin : Math.min(...ys);
    let y1 = opts.yMax !== undefined ? opts.yMax : Math.max(...ys);
    if (y1 - y0 < 1e-9) { y1 = y0 + 1; }
    const pad = (y1 - y0) * 0.05;
    if (opts.yMin === undefined) y0 -= pad;
    if (opts.yMax === undefined) y1 += pad;
    const px = x => left + (x - x0) / (x1 - x0) * (w - left - right);
    const py = y => top + (1 - (y - y0) / (y1 - y0)) * (h - top - bottom);
    ctx.textAlign = 'left';
    for (const b of opts.bands || []) {
      ctx.fillStyle = b.color;
      ctx.fillRect(px(b.x0), top, px(b.x1) - px(b.x0), h - top - bottom);
      ctx.fillStyle = '#5b6570';
      if (b.label) ctx.fillText(b.label, px(b.x0) + 3, top + 12);
    }
    ctx.strokeStyle = '#d8dee4';
    ctx.fillStyle = '#5b6570';
    ctx.lineWidth = 1;
    const yTicks = opts.yTicks ? opts.yTicks(y0, y1) : [];
    let yFormat = opts.yFormat || format;
    if (!opts.yTicks) {
      const ys_ = niceStep(y1 - y0, 5);
      for (let v = Math.ceil(y0 / ys_) * ys_; v <= y1 + 1e-12; v += ys_) yTicks.push(v);
      yFormat = (v) => formatTick(v, ys_);
    }
    ctx.textAlign = 'right';
    for (const v of yTicks) {
      ctx.beginPath(); ctx.moveTo(left, py(v)); ctx.lineTo(w - right, py(v)); ctx.stroke();
      ctx.fillText(yFormat(v), left - 6, py(v) + 4);
    }
    // what the y axis shows, for tests and the curious: its labels, bottom to top
    canvas.dataset.yTicks = yTicks.map(yFormat).join(' ');
    const xs_ = opts.xWhole ? Math.max(1, niceStep(x1 - x0, 5)) : niceStep(x1 - x0, 5);
    ctx.textAlign = 'center';
    const xTicks = [];
    for (let v = Math.ceil(x0 / xs_) * xs_; v <= x1 + 1e-12; v += xs_) {
      ctx.beginPath(); ctx.moveTo(px(v), h - bottom); ctx.lineTo(px(v), h - bottom + 4); ctx.stroke();
      xTicks.push(opts.xFormat ? opts.xFormat(v) : format(v));
      ctx.fillText(xTicks[xTicks.length - 1], px(v), h - bottom + 16);
    }
    canvas.dataset.xTicks = xTicks.join(' ');
    ctx.fillText(opts.xLabel || '', left + (w - left - right) / 2, h - 6);
    ctx.strokeStyle = '#8c959f';
    ctx.beginPath(); ctx.moveTo(left, top); ctx.lineTo(left, h - bottom); ctx.lineTo(w - right, h - bottom); ctx.stroke();
    for (const s of series) {
      ctx.strokeStyle = s.color || '#1f6feb';
      ctx.lineWidth = 2;
      ctx.setLineDash(s.dashed ? [6, 4] : []);
      ctx.beginPath();
      let started = false;
      for (const p of s.points) {
        if (!Number.isFinite(p[1])) continue;
        const X = px(p[0]), Y = py(Math.min(Math.max(p[1], y0), y1));
        if (started) ctx.lineTo(X, Y); else { ctx.moveTo(X, Y); started = true; }
      }
      ctx.stroke();
      ctx.setLineDash([]);
      const finite = s.points.filter((p) => Number.isFinite(p[1]));
      if (finite.length === 1) {
        // a single point has no line: draw it as a dot
        ctx.fillStyle = s.color || '#1f6feb';
        ctx.beginPath();
        ctx.arc(px(finite[0][0]), py(Math.min(Math.max(finite[0][1], y0), y1)), 3.5, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    // marks: where training went back to, as upright dashed lines labelled at the top (for tests: data-marks)
    ctx.strokeStyle = '#b42318';
    ctx.fillStyle = '#b42318';
    ctx.lineWidth = 1;
    ctx.setLineDash([3, 3]);
    ctx.textAlign = 'left';
    for (const m of marks) {
      ctx.beginPath(); ctx.moveTo(px(m.x), top); ctx.lineTo(px(m.x), h - bottom); ctx.stroke();
      ctx.fillText(m.label, Math.min(px(m.x) + 3, w - right - ctx.measureText(m.label).width), h - bottom - 6);
    }
    ctx.setLineDash([]);
    // legend, one line per labelled series, in the corner its lines cross least (top right when all
    // are alike): a pale box behind it, so that lines under it do not cross its words
    const scale = { xAt: (X) => x0 + (X - left) / (w - left - right) * (x1 - x0) };
    const labelled = series.filter((s) => s.label);
    if (!labelled.length) return scale;
    const bw = Math.max(...labelled.map((s) => ctx.measureText(s.label).width)) + 30;
    const bh = labelled.length * 16 + 4;
    const corners = [[w - right - bw, top + 2], [w - right - bw, h - bottom - bh - 2], [left + 2, top + 2], [left + 2, h - bottom - bh - 2]];
    const crossings = ([bx, by]) => {
      let n = 0;
      for (const s of series) {
        const pts = s.points.filter((p) => Number.isFinite(p[1])).map((p) => [px(p[0]), py(Math.min(Math.max(p[1], y0), y1))]);
        for (let i = 0; i < pts.length; i++) {
          const [ax, ay] = pts[i];
          const [cx, cy] = pts[Math.min(i + 1, pts.length - 1)];
          for (let k = 0; k <= 8; k++) {
            const x = ax + (cx - ax) * k / 8, y = ay + (cy - ay) * k / 8;
            if (x >= bx && x <= bx + bw && y >= by && y <= by + bh) n++;
          }
        }
      }
      return n;
    };
    const counts = corners.map(crossings);
    const [bx, by] = corners[counts.indexOf(Math.min(...counts))];
    canvas.dataset.legend = ['top-right', 'bottom-right', 'top-left', 'bottom-left'][counts.indexOf(Math.min(...counts))];
    ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
    ctx.fillRect(bx, by, bw, bh);
    ctx.textAlign = 'right';
    let ly = by + 10;
    for (const s of labelled) {
      ctx.fillStyle = s.color || '#1f6feb';
      ctx.fillText(s.label, bx + bw - 26, ly + 4);
      ctx.strokeStyle = s.color || '#1f6feb';
      ctx.setLineDash(s.dashed ? [4, 3] : []);
      ctx.beginPath(); ctx.moveTo(bx + bw - 20, ly); ctx.lineTo(bx + bw - 2, ly); ctx.stroke();
      ctx.setLineDash([]);
      ly += 16;
    }
    return scale;
  }

  // A curve's points with more added, at most `keep` of them: past that, the curve is put into keep/2
  // stretches of equal width in what was seen (x), each the mean of the points in it, weighted by how
  // many steps each stands for (a point's third value; 1 if absent), so that every stretch of
  // training keeps its share of the points however long it runs (halving the whole list instead
  // thinned the oldest part again and again: after a long run, its first minutes were 2 or 3 points).
  function grow(points, more, keep) {
    const out = points.concat(more);
    if (out.length <= keep) return out;
    const x0 = out[0][0];
    const bins = Math.max(1, Math.floor(keep / 2));
    const width = (out[out.length - 1][0] - x0) / bins || 1;
    const sums = [];
    for (const p of out) {
      const k = Math.min(bins - 1, Math.floor((p[0] - x0) / width));
      const n = p[2] || 1;
      const sum = sums[k] || (sums[k] = [0, 0, 0]);
      sum[0] += n * p[0];
      sum[1] += n * p[1];
      sum[2] += n;
    }
    return sums.filter(Boolean).map(([x, y, n]) => [x / n, y / n, n]);
  }

  // A noisy curve (a loss at every step) as two series: its points in a light tint, and their
  // moving mean (over about a fiftieth of them, centered) in the full color on top.
  function noisy(points, color, light) {
    const n = points.length;
    const h = Math.floor(n / 100);
    if (h < 1) return [{ points, color }];
    const sums = [0];
    for (const p of points) sums.push(sums[sums.length - 1] + p[1]);
    const mean = points.map((p, i) => {
      const from = Math.max(0, i - h);
      const to = Math.min(n, i + h + 1);
      return [p[0], (sums[to] - sums[from]) / (to - from)];
    });
    return [{ points, color: light }, { points: mean, color }];
  }

  return { draw, grow, noisy };
})();
