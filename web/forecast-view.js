'use strict';
// The forecast panel's pictures: the whole series with its training, held-out and test parts
// shaded, the model's one-step fit, its forecasts chained over the held-out and test parts beside
// the seasonal naive's, and a "forecast from here" point a person drags along the series (or moves
// with the slider under it); and the test part's metrics, the model against each baseline.
const ForecastView = (() => {
  const COLORS = { values: '#24292f', fit: '#8c959f', forecast: '#1f6feb', seasonal: '#bf8700', here: '#cf222e' };

  // Draws the series chart. view: the engine's forecast.view reply; from: a forecast.from reply (or null).
  // Returns the chart's scale (x: the step), for dragging.
  function draw(canvas, view, from) {
    if (!view) {
      return Charts.draw(canvas, [], { xLabel: 'step', empty: 'The series comes with the model: press Train.' });
    }
    const n = view.values.length;
    // for tests and the curious: how long the series is, where the dragged forecast starts
    canvas.dataset.steps = String(n);
    canvas.dataset.from = from ? String(from.origin) : '';
    const line = (arr, lo, hi) => {
      const pts = [];
      for (let t = lo; t < hi; t++) pts.push([t, arr[t] === null ? NaN : arr[t]]);
      return pts;
    };
    const series = [
      { points: line(view.values, 0, n), color: COLORS.values, label: 'the series' },
      { points: line(view.fit, 0, view.trainEnd), color: COLORS.fit, label: 'one-step fit (training part)' },
      { points: line(view.forecast, view.trainEnd, n), color: COLORS.forecast, label: 'model, ' + view.horizon + ' steps at a time' },
      { points: line(view.seasonal, view.trainEnd, n), color: COLORS.seasonal, dashed: true, label: 'seasonal naive (' + view.season + ')' },
    ];
    if (from) {
      // from the last value before the origin, on through the forecast
      const pts = [[from.origin - 1, from.last]].concat(from.forecast.map((v, k) => [from.origin + k, v === null ? NaN : v]));
      series.push({ points: pts, color: COLORS.here, label: 'forecast from ' + (from.origin < n ? view.times[from.origin] : 'the end') });
    }
    const label = (x) => {
      const t = Math.round(x);
      return t >= 0 && t < n ? view.times[t] : '';
    };
    return Charts.draw(canvas, series, {
      xLabel: 'time',
      xFormat: label,
      bands: [
        { x0: 0, x1: view.trainEnd, color: 'rgba(31, 111, 235, 0.05)', label: 'training' },
        { x0: view.trainEnd, x1: view.heldOutEnd, color: 'rgba(191, 135, 0, 0.10)', label: 'held out' },
        { x0: view.heldOutEnd, x1: n - 1 + (from && from.origin >= n ? from.forecast.length : 0), color: 'rgba(26, 127, 55, 0.10)', label: 'test' },
      ],
    });
  }

  // The test part's metrics: a row per method, MAE, RMSE and MASE (the seasonal naive's MAE = 1).
  function table(container, rows, scored) {
    if (!rows) {
      container.textContent = '';
      return;
    }
    const t = document.createElement('table');
    t.className = 'metrics';
    const head = t.createTHead().insertRow();
    for (const h of ['forecast', 'MAE', 'RMSE', 'MASE']) {
      const th = document.createElement('th');
      th.textContent = h;
      head.appendChild(th);
    }
    const body = t.createTBody();
    for (const r of rows) {
      const tr = body.insertRow();
      tr.dataset.method = r.method;
      const best = r.method === 'model' && r.mase !== null && rows.every((o) => o.mase >= r.mase);
      tr.className = best ? 'best' : '';
      // no MASE where the seasonal naive is exact (a series that repeats itself to the digit)
      for (const v of [r.method, r.mae.toPrecision(4), r.rmse.toPrecision(4), r.mase === null ? '-' : r.mase.toFixed(3)]) tr.insertCell().textContent = v;
    }
    const cap = t.createCaption();
    cap.textContent = 'Test part, ' + scored.toLocaleString('en') + ' steps forecast, in the series\' own units';
    container.replaceChildren(t);
  }

  // Lets a person drag the "forecast from here" point along the chart: on(step) is called with the
  // step under the pointer while the button is held (and on a click).
  function draggable(canvas, scaleOf, on) {
    let down = false;
    const at = (e) => {
      const scale = scaleOf();
      if (!scale) return;
      const r = canvas.getBoundingClientRect();
      on(Math.round(scale.xAt((e.clientX - r.left) * canvas.width / r.width)));
    };
    canvas.addEventListener('pointerdown', (e) => { down = true; canvas.setPointerCapture(e.pointerId); at(e); });
    canvas.addEventListener('pointermove', (e) => { if (down) at(e); });
    canvas.addEventListener('pointerup', () => { down = false; });
  }

  return { draw, table, draggable };
})();
