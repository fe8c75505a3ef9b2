'use strict';
// Gradient flow through time, for any training panel: how much gradient reaches each step of the
// training window from the losses at and after it (the mean over the batch of ||dL/dh_t||, one line
// per layer, by steps back from the window's end, on a log scale), smoothed over the last steps and
// beside the first one seen; and the history of the whole gradient's norm before clipping, with the
// clip threshold. The engine sends both with every training reply that finished steps (reply.flow:
// {layers: [[a mean per step] per layer], gradNorm, clip}; the norm of each step, or of each run of
// steps, in reply.stepLog: [[step, loss, gradNorm], ...]).
const FlowView = (() => {
  const COLORS = ['#1f6feb', '#bf3989', '#1a7f37', '#9a6700', '#8250df', '#cf222e', '#0a3069', '#57606a'];
  const KEEP = 400; // points of the norm history kept (older ones thinned)

  // The section's heading, two charts and what they mean, built into `box` (the canvases' ids are
  // name-flow and name-norm).
  function build(box, name) {
    const figure = (id, label, caption) => {
      const f = document.createElement('figure');
      const c = document.createElement('canvas');
      Object.assign(c, { id, width: 440, height: 220 });
      c.setAttribute('aria-label', label);
      const cap = document.createElement('figcaption');
      cap.textContent = caption;
      f.append(c, cap);
      return f;
    };
    const h = document.createElement('h2');
    h.textContent = 'Gradient flow through time';
    const charts = document.createElement('div');
    charts.className = 'charts';
    charts.append(figure(name + '-flow', 'gradient reaching each step chart',
      'Gradient reaching each step of the window (log scale; dashed: early in training)'),
    figure(name + '-norm', 'gradient norm chart', 'Size of the whole gradient at each step, before clipping (log scale)'));
    const p = document.createElement('p');
    p.className = 'explain';
    const sub = document.createElement('sub');
    sub.textContent = 't';
    p.append('Left: the size of dL/dh', sub, ' at each step of the window, counted back from its last step (the batch\'s mean,'
      + ' one line per layer): all that the losses send back to that step, its own loss\'s and, through time, the later'
      + ' ones\'. Going back, the line climbs for as many steps as the gradient carries through time, then levels off where'
      + ' the later losses\' share has vanished: a plain RNN levels off within a few steps; the gates of an LSTM or a GRU'
      + ' carry it further. A line that shoots up is a gradient exploding. Right: the whole gradient\'s size; above the'
      + ' dashed line, clipping scales it down.');
    box.replaceChildren(h, charts, p);
    return [charts.querySelector('#' + name + '-flow'), charts.querySelector('#' + name + '-norm')];
  }

  // box: the panel's element for the view; name: the panel's name (its elements' prefix)
  function create(box, name) {
    const [flowCanvas, normCanvas] = build(box, name);
    const v = { now: null, first: null, firstStep: 0, norms: [], clip: 0 };

    // one training reply's flow, after step `step` of training, and its step log (if any)
    function add(flow, step, stepLog) {
      if (!flow || !flow.layers || !flow.layers.length) return;
      const fresh = flow.layers.map((l) => l.slice());
      const same = v.now && v.now.length === fresh.length && v.now[0].length === fresh[0].length;
      // smoothed over about the last 5 replies: one step's flow is noisy
      v.now = same ? v.now.map((l, i) => l.map((x, t) => 0.8 * x + 0.2 * fresh[i][t])) : fresh;
      if (!v.first || !same) {
        v.first = fresh;
        v.firstStep = step;
      }
      const norms = stepLog ? stepLog.map((row) => [row[0], row[2]]) : [[step, flow.gradNorm]];
      v.norms = Charts.grow(v.norms, norms.filter((p) => Number.isFinite(p[1])), KEEP);
      v.clip = flow.clip || 0;
    }

    function draw() {
      const series = [];
      if (v.now) {
        const T = v.now[0].length;
        const back = (l) => l.map((x, t) => [T - 1 - t, x]);
        v.now.forEach((l, i) => series.push({ points: back(l), color: COLORS[i % COLORS.length],
          label: (v.now.length > 1 ? 'layer ' + (i + 1) + ', ' : '') + 'now' }));
        if (v.first) {
          v.first.forEach((l, i) => series.push({ points: back(l), color: COLORS[i % COLORS.length], dashed: true,
            label: v.now.length > 1 ? '' : 'step ' + v.firstStep }));
        }
      }
      Charts.draw(flowCanvas, series, { xLabel: 'steps back from the end of the window', log: true,
        empty: 'No data yet: press Train.' });
      const norms = [{ points: v.norms, color: '#1f6feb', label: v.norms.length ? 'gradient norm' : '' }];
      if (v.clip > 0 && v.norms.length) {
        norms.push({ points: [[v.norms[0][0], v.clip], [v.norms[v.norms.length - 1][0], v.clip]], color: '#cf222e', dashed: true,
          label: 'clipped above ' + v.clip });
      }
      Charts.draw(normCanvas, norms, { xLabel: 'training step', log: true, empty: 'No data yet: press Train.' });
      // what is drawn, for tests and the curious: steps of the window, and steps in the history
      flowCanvas.dataset.steps = v.now ? String(v.now[0].length) : '0';
      normCanvas.dataset.points = String(v.norms.length);
    }

    draw();
    return {
      add,
      draw,
      // a new model
      reset() {
        Object.assign(v, { now: null, first: null, firstStep: 0, norms: [], clip: 0 });
        draw();
      },
      // what is kept with the model, and brought back
      record: () => ({ now: v.now, first: v.first, firstStep: v.firstStep, norms: v.norms, clip: v.clip }),
      restore(r) {
        Object.assign(v, { now: null, first: null, firstStep: 0, norms: [], clip: 0 }, r || {});
        draw();
      },
      // training went back to step `step` (a blow-up): the history after it goes
      cut(step) {
        v.norms = v.norms.filter((p) => p[0] <= step);
      },
    };
  }

  return { create };
})();
