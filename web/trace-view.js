'use strict';
// The adder's trace: one addition worked bit by bit (the sum, the probability of each bit, the right
// bits) over a heatmap of the hidden state at every step, one row per unit (blue negative, red
// positive), and under it each gate's activation at every step, one row per unit (white 0, green 1;
// the tanh candidates g and n as the hidden state).
const TraceView = (() => {
  function heat(v) {
    const x = Math.max(-1, Math.min(1, v));
    const c = Math.round(255 * (1 - Math.abs(x)));
    return x >= 0 ? 'rgb(255,' + c + ',' + c + ')' : 'rgb(' + c + ',' + c + ',255)';
  }

  function gateColor(v) {
    const x = Math.max(0, Math.min(1, v));
    return 'rgb(' + Math.round(255 - 229 * x) + ',' + Math.round(255 - 128 * x) + ',' + Math.round(255 - 200 * x) + ')';
  }

  function drawTrace(canvas, r, want) {
    const T = r.probabilities.length, H = r.hidden[0].length;
    const gates = r.gates || [];
    canvas.width = Math.max(320, Math.min(900, canvas.parentElement.clientWidth - 2 || 900));
    const ctx = canvas.getContext('2d');
    const left = canvas.width < 500 ? 84 : 120, cell = Math.max(14, Math.min(60, Math.floor((canvas.width - left - 10) / T)));
    const rowH = Math.max(6, Math.min(16, Math.floor(160 / H)));
    const gateRowH = Math.max(2, Math.min(8, Math.floor(64 / H)));
    const gateTop = 126 + H * rowH + 14;
    const gateBlock = H * gateRowH + 14;
    canvas.height = gateTop + gates.length * gateBlock + 4;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.font = '13px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.fillStyle = '#1d232b';
    const labels = ['step (bit)', 'a', 'b', 'sum bit', 'P(bit = 1)', 'right bit'];
    labels.forEach((l, i) => ctx.fillText(l, left - 8, 18 + i * 20));
    ctx.fillText('hidden units', left - 8, 134);
    gates.forEach((g, k) => ctx.fillText('gate ' + g.name, left - 8, gateTop + k * gateBlock + 10));
    ctx.textAlign = 'center';
    for (let t = 0; t < T; t++) {
      const x = left + t * cell + cell / 2;
      const bit = (r.sum >> t) & 1, right = (want >> t) & 1;
      ctx.fillStyle = '#5b6570';
      ctx.fillText(String(t), x, 18);
      ctx.fillStyle = '#1d232b';
      ctx.fillText(String((r.a >> t) & 1), x, 38);
      ctx.fillText(String((r.b >> t) & 1), x, 58);
      ctx.fillStyle = bit === right ? '#1a7f37' : '#b42318';
      ctx.fillText(String(bit), x, 78);
      const p = r.probabilities[t];
      ctx.fillStyle = '#dbe7fb';
      ctx.fillRect(x - cell / 2 + 2, 88, cell - 4, 14);
      ctx.fillStyle = '#1f6feb';
      ctx.fillRect(x - cell / 2 + 2, 88, (cell - 4) * p, 14);
      ctx.fillStyle = '#5b6570';
      ctx.fillText(String(right), x, 118);
      for (let j = 0; j < H; j++) {
        ctx.fillStyle = heat(r.hidden[t][j]);
        ctx.fillRect(left + t * cell + 1, 126 + j * rowH, cell - 2, rowH - 1);
      }
      gates.forEach((g, k) => {
        // the candidates (an LSTM's g, a GRU's n) are tanh, -1 to 1: colored as the hidden state
        const color = g.name === 'g' || g.name === 'n' ? heat : gateColor;
        for (let j = 0; j < H; j++) {
          ctx.fillStyle = color(g.values[t][j]);
          ctx.fillRect(left + t * cell + 1, gateTop + k * gateBlock + j * gateRowH, cell - 2, Math.max(1, gateRowH - (gateRowH > 3 ? 1 : 0)));
        }
      });
    }
  }

  return { draw: drawTrace };
})();
