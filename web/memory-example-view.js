'use strict';
// One held-out sequence of a memory task with what the model makes of it. The adding problem: the
// values along the sequence as a strip, the two marked ones picked out, their sum and the model's
// answer. Copy memory: the input, the target and the model's output, symbol by symbol (a long run of
// blanks told as its length), its wrong symbols marked. Temporal order: the sequence with its two
// marks picked out, the order asked for and the model's answer.
const MemoryExampleView = (() => {
  const NAMES = { adding: 'the adding problem', copy: 'copy memory', order: 'temporal order' };
  const taskName = (id) => NAMES[id] || id;

  function span(text, cls) {
    const e = document.createElement('span');
    e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function line(label, parts) {
    const p = document.createElement('p');
    p.className = 'symbols';
    p.append(span(label, 'what'), ...parts);
    return p;
  }

  // symbols as spans, a run of more than 4 blanks told as one ("_ x 47"); wrong[i]: marked as wrong
  function symbols(list, wrong) {
    const out = [];
    for (let i = 0; i < list.length;) {
      let j = i;
      while (j < list.length && list[j] === '_' && !(wrong && wrong[j])) j++;
      if (j - i > 4) {
        out.push(span('_ ×' + (j - i) + ' ', 'blank-run'));
        i = j;
        continue;
      }
      out.push(span(list[i] + ' ', wrong && wrong[i] ? 'wrong' : /[XY]/.test(list[i]) ? 'mark' : ''));
      i++;
    }
    return out;
  }

  function adding(box, r) {
    const canvas = document.createElement('canvas');
    canvas.width = 880;
    canvas.height = 70;
    canvas.setAttribute('aria-label', 'the sequence\'s values, the two marked ones in red');
    const ctx = canvas.getContext('2d');
    const n = r.inputs.length;
    const w = (canvas.width - 20) / n;
    const marked = [];
    r.inputs.forEach(([v, m], t) => {
      ctx.fillStyle = m ? '#b42318' : '#c9d1d9';
      const h = Math.max(1, v * 56);
      ctx.fillRect(10 + t * w, 62 - h, Math.max(1, w - 1), h);
      if (m) marked.push([t, v]);
    });
    box.append(canvas);
    const sum = r.target[0];
    const out = r.output[0];
    box.append(line('', [span('Marked: ' + marked.map(([t, v]) => v.toFixed(3) + ' (step ' + (t + 1) + ')').join(' and ')
      + '; their sum ' + sum.toFixed(3) + '. The model says ' + out.toFixed(3) + ' (off by ' + Math.abs(out - sum).toFixed(3) + ').')]));
  }

  function copy(box, r) {
    const wrong = r.targetSymbols.map((t, i) => t !== r.outputSymbols[i]);
    const copied = r.targetSymbols.filter((t) => t !== '_').length;
    const right = r.targetSymbols.filter((t, i) => t !== '_' && !wrong[i]).length;
    box.append(line('input ', symbols(r.symbols)), line('target ', symbols(r.targetSymbols)),
      line('model ', symbols(r.outputSymbols, wrong)),
      line('', [span(right + ' of the ' + copied + ' copied symbols right' + (wrong.some((x, i) => x && r.targetSymbols[i] === '_')
        ? '; it also writes where a blank is due' : '') + '.')]));
  }

  function order(box, r) {
    const right = r.targetSymbols[0] === r.outputSymbols[0];
    box.append(line('input ', symbols(r.symbols)),
      line('', [span('The marks come in the order ' + r.targetSymbols[0] + '; the model says ' + r.outputSymbols[0] + ' ('
        + (right ? 'right' : 'wrong') + ').', right ? '' : 'wrong')]));
  }

  function draw(box, r) {
    box.replaceChildren();
    if (!r || !r.ok) {
      box.textContent = r && r.error ? Forms.sentence(r.error) : '';
      return;
    }
    ({ adding, copy, order })[r.task](box, r);
  }

  return { draw, taskName };
})();
