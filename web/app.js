'use strict';
// The page: two panels (binary adder, next word), each training in slices on the engine.
(() => {
  const $ = (id) => document.getElementById(id);
  // Each call into the engine aims at this many milliseconds: short enough that Pause answers at
  // once, long enough that the calls' overhead stays small. On the page itself (opened from disk),
  // calls are shorter, as they share the thread with the page.
  let sliceMs = 30;
  let engine = null;
  const call = (req) => engine ? engine.call(req) : Promise.resolve({ ok: false, error: 'The engine is still loading; try again in a moment.' });

  // ---------- helpers ----------
  function formValues(form) {
    const out = {};
    for (const el of form.elements) {
      if (!el.name || el.type === 'radio' || el.tagName === 'TEXTAREA' || el.type === 'file') continue;
      out[el.name] = el.type === 'checkbox' ? el.checked : el.value;
    }
    return out;
  }

  function clearErrors(root) {
    for (const el of root.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
    for (const el of root.querySelectorAll('.field-error')) el.remove();
  }

  const sentence = (m) => m ? m.charAt(0).toUpperCase() + m.slice(1) : m;

  // Shows a message beside the control it is about, or else in the panel's message line.
  function showError(panel, reply, fallbackEl) {
    const el = reply.field ? panel.querySelector('[name="' + reply.field + '"]') : null;
    if (el) {
      el.setAttribute('aria-invalid', 'true');
      const note = document.createElement('span');
      note.className = 'field-error message';
      note.textContent = sentence(reply.error);
      (el.closest('label') || el).after(note);
      fallbackEl.textContent = '';
    } else {
      fallbackEl.textContent = sentence(reply.error);
    }
  }

  // Learning rate and clipping apply to the model in training, without starting a new one.
  async function tune(panel, cmd, settings, messageEl) {
    clearErrors(panel);
    const r = await call({ cmd, settings });
    if (!r.ok) {
      showError(panel, r, messageEl);
      return;
    }
    messageEl.textContent = '';
    const note = document.createElement('span');
    note.className = 'field-error status';
    note.textContent = 'Applied: learning rate ' + r.lr + (cmd === 'word.tune' ? ', clip norm ' + r.clip : '') + '.';
    const field = panel.querySelector('[name="' + Object.keys(settings)[0] + '"]');
    (field.closest('label') || field).after(note);
  }

  // The Download button of a panel: the engine's model file, or why there is none.
  async function downloadModel(panel, cmd, name, messageEl) {
    if (!panel.ready) {
      messageEl.textContent = 'Nothing to download yet: train a model first.';
      return;
    }
    const r = await call({ cmd });
    if (r.ok) download(name, r.model);
    else messageEl.textContent = r.error;
  }

  function download(name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function adapt(steps, ms) {
    const next = Math.round(steps * sliceMs / Math.max(ms, 1));
    return Math.max(1, Math.min(steps * 4, next, 5000));
  }

  // ---------- tabs ----------
  const tabs = [$('tab-adder'), $('tab-word')];
  function select(tab) {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
  }
  for (const t of tabs) {
    t.addEventListener('click', () => select(t));
    t.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        const other = tabs[(tabs.indexOf(t) + 1) % 2];
        select(other);
        other.focus();
      }
    });
  }

  // ---------- binary adder ----------
  const adder = { running: false, ready: false, steps: 10, loss: [], acc: [], started: 0, solved: false, busy: false, bits: 8, checkPairs: 1024 };
  const adderPanel = $('panel-adder');

  async function adderNew() {
    clearErrors(adderPanel);
    $('adder-message').textContent = '';
    const settings = formValues($('adder-settings'));
    const r = await call({ cmd: 'adder.new', settings });
    if (!r.ok) {
      showError(adderPanel, r, $('adder-message'));
      adder.ready = false;
      return false;
    }
    Object.assign(adder, { ready: true, steps: 10, loss: [], acc: [], solved: false, bits: Number(settings.bits) || 8 });
    $('adder-progress').textContent = 'New ' + settings.cell + ' model, ' + r.parameters + ' parameters.';
    drawAdderCharts();
    await adderTrace();
    return true;
  }

  function drawAdderCharts() {
    Charts.draw($('adder-loss'), [{ points: adder.loss, color: '#1f6feb' }], { xLabel: 'examples seen' });
    Charts.draw($('adder-accuracy'), [{ points: adder.acc, color: '#1a7f37' }], { xLabel: 'examples seen', yMin: 0, yMax: 100 });
  }

  // The check over all pairs runs in short calls too (16 bits would be a billion pairs: there the
  // engine checks a fixed random sample of them).
  async function checkAllPairs() {
    let r;
    do {
      const t0 = performance.now();
      r = await call({ cmd: 'adder.accuracy', pairs: adder.checkPairs });
      adder.checkPairs = adapt(adder.checkPairs, performance.now() - t0);
    } while (r.ok && !r.done);
    return r;
  }

  async function adderSlice() {
    const t0 = performance.now();
    const r = await call({ cmd: 'adder.train', steps: adder.steps });
    adder.steps = adapt(adder.steps, performance.now() - t0);
    if (!r.ok) {
      adderStop();
      showError(adderPanel, r, $('adder-message'));
      return;
    }
    adder.loss.push([r.examples, r.loss]);
    adder.acc.push([r.examples, 100 * r.sampleAccuracy]);
    let text = 'Step ' + r.steps + ', ' + r.examples.toLocaleString('en') + ' examples, loss ' + r.loss.toFixed(4)
      + ', accuracy on random pairs ' + (100 * r.sampleAccuracy).toFixed(1) + '%';
    if (r.sampleAccuracy === 1) {
      const all = await checkAllPairs();
      if (all.ok) {
        text += '; over ' + (all.exhaustive ? 'all ' : '') + all.pairs.toLocaleString('en') + (all.exhaustive ? '' : ' random') + ' pairs '
          + (100 * all.accuracy).toFixed(2) + '%';
        if (all.accuracy === 1 && !adder.solved) {
          adder.solved = true;
          const secs = (performance.now() - adder.started) / 1000;
          adderStop();
          text += '. Solved: it adds ' + (all.exhaustive ? 'every pair' : 'all of them') + ' (' + secs.toFixed(2) + ' s after Train).';
          $('adder-progress').dataset.solved = 'true';
        }
      }
    }
    $('adder-progress').textContent = text;
  }

  async function adderLoop() {
    let lastDraw = 0;
    while (adder.running) {
      await adderSlice();
      if (performance.now() - lastDraw > 150 || !adder.running) {
        drawAdderCharts();
        await adderTrace();
        lastDraw = performance.now();
      }
      if (adder.running && performance.now() - (adder.savedAt || 0) > 5000) await saveAdder();
    }
  }

  function adderStop() {
    const was = adder.running;
    adder.running = false;
    $('adder-train').textContent = adder.solved ? 'Train more' : 'Resume';
    if (was) saveAdder();
  }

  async function saveAdder() {
    if (!adder.ready) return;
    const f = $('adder-try');
    const r = await engine.persist('saveModel', 'adder', 'adder.save', { settings: formValues($('adder-settings')),
      loss: adder.loss, acc: adder.acc, solved: adder.solved, a: f.elements.a.value, b: f.elements.b.value });
    if (!r.ok) return;
    adder.savedAt = performance.now();
    $('adder-saved').textContent = 'Kept in this browser at ' + new Date().toLocaleTimeString('en-GB') + '.';
  }

  async function restoreAdder() {
    const r = await engine.persist('restoreModel', 'adder', 'adder.load', []);
    if (!r.found) return;
    const s = r.record;
    const f = $('adder-settings');
    for (const [k, v] of Object.entries(s.settings || {})) if (f.elements[k]) f.elements[k].value = v;
    $('adder-try').elements.a.value = s.a || 57;
    $('adder-try').elements.b.value = s.b || 89;
    if (!r.ok) {
      $('adder-message').textContent = 'Your saved adder could not be restored: ' + r.error;
      return;
    }
    Object.assign(adder, { ready: true, loss: s.loss || [], acc: s.acc || [], solved: !!s.solved, bits: r.bits });
    $('adder-train').textContent = adder.solved ? 'Train more' : 'Resume';
    $('adder-progress').textContent = 'Restored your ' + r.cell + ' adder from your last visit (' + r.steps + ' steps trained).';
    drawAdderCharts();
    await adderTrace();
  }

  $('adder-train').addEventListener('click', async () => {
    if (adder.running) {
      adderStop();
      return;
    }
    if (!adder.ready && !(await adderNew())) return;
    adder.running = true;
    adder.solved = false;
    delete $('adder-progress').dataset.solved;
    adder.started = performance.now();
    $('adder-train').textContent = 'Pause';
    adderLoop();
  });
  $('adder-step').addEventListener('click', async () => {
    if (adder.running) return;
    if (!adder.ready && !(await adderNew())) return;
    const keep = adder.steps;
    adder.steps = 1;
    await adderSlice();
    adder.steps = keep;
    drawAdderCharts();
    await adderTrace();
    await saveAdder();
  });
  $('adder-reset').addEventListener('click', async () => {
    adderStop();
    $('adder-train').textContent = 'Train';
    await adderNew();
  });
  $('adder-settings').addEventListener('change', async (e) => {
    if (adder.ready && e.target.name === 'lr') {
      await tune(adderPanel, 'adder.tune', { lr: e.target.value }, $('adder-message'));
      return;
    }
    if (!adder.running) {
      adder.ready = false;
      $('adder-train').textContent = 'Train';
      $('adder-progress').textContent = 'Settings changed: Train starts a new model.';
    }
  });

  async function adderTrace() {
    if (!adder.ready) return;
    const f = $('adder-try');
    clearErrors(f);
    const a = f.elements.a.value, b = f.elements.b.value;
    const r = await call({ cmd: 'adder.trace', a, b });
    if (!r.ok) {
      showError(adderPanel, r, $('adder-result'));
      return;
    }
    const want = r.a + r.b;
    $('adder-result').textContent = r.a + ' + ' + r.b + ' = ' + r.sum + (r.correct ? '  ✓' : '  ✗ (should be ' + want + ')');
    drawTrace($('adder-trace'), r, want);
  }
  $('adder-try').addEventListener('input', () => adderTrace());

  function drawTrace(canvas, r, want) {
    const T = r.probabilities.length, H = r.hidden[0].length;
    canvas.width = Math.max(320, Math.min(900, canvas.parentElement.clientWidth - 2 || 900));
    const ctx = canvas.getContext('2d');
    const left = canvas.width < 500 ? 84 : 120, cell = Math.max(14, Math.min(60, Math.floor((canvas.width - left - 10) / T)));
    const rowH = Math.max(6, Math.min(16, Math.floor(160 / H)));
    canvas.height = 130 + H * rowH + 10;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.font = '13px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.fillStyle = '#1d232b';
    const labels = ['step (bit)', 'a', 'b', 'sum bit', 'P(bit = 1)', 'right bit'];
    labels.forEach((l, i) => ctx.fillText(l, left - 8, 18 + i * 20));
    ctx.fillText('hidden units', left - 8, 134);
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
        const v = Math.max(-1, Math.min(1, r.hidden[t][j]));
        const c = Math.round(255 * (1 - Math.abs(v)));
        ctx.fillStyle = v >= 0 ? 'rgb(255,' + c + ',' + c + ')' : 'rgb(' + c + ',' + c + ',255)';
        ctx.fillRect(left + t * cell + 1, 126 + j * rowH, cell - 2, rowH - 1);
      }
    }
  }

  $('adder-longer').addEventListener('click', async () => {
    if (!adder.ready) {
      $('adder-longer-result').textContent = 'Train a model first.';
      return;
    }
    const r = await call({ cmd: 'adder.longer', bits: $('adder-longer-bits').value });
    $('adder-longer-result').textContent = r.ok
      ? (100 * r.accuracy).toFixed(2) + '% of 2,000 random ' + r.bits + '-bit additions right'
      : r.error;
  });
  $('adder-save').addEventListener('click', () => downloadModel(adder, 'adder.save', 'tearnn-adder.json', $('adder-message')));
  $('adder-open').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (!file) return;
    adderStop();
    const text = await file.text();
    const r = await call({ cmd: 'adder.load', model: text });
    if (!r.ok) {
      $('adder-message').textContent = file.name + ': ' + sentence(r.error);
      return;
    }
    $('adder-message').textContent = '';
    const f = $('adder-settings');
    f.elements.cell.value = r.cell;
    f.elements.hidden.value = r.hidden;
    f.elements.bits.value = r.bits;
    Object.assign(adder, { ready: true, loss: [], acc: [], solved: false, bits: r.bits });
    $('adder-progress').textContent = 'Opened ' + file.name + ' (' + r.cell + ', hidden ' + r.hidden + ', ' + r.steps + ' steps trained).';
    drawAdderCharts();
    await adderTrace();
    await saveAdder();
  });

  // ---------- next word ----------
  const word = { running: false, ready: false, steps: 2, loss: [], ppl: [], best: null, tokens0: 0, t0: 0, lastValid: 0, info: null, last: null, speed: 0,
    validating: null, validWindows: 1, validCost: 0, validTokens: 0 };
  const wordPanel = $('panel-word');
  let pastedText = null;

  function corpusText() {
    const source = wordPanel.querySelector('input[name="source"]:checked').value;
    if (source === 'builtin') return null;
    return pastedText !== null ? pastedText : $('word-text').value;
  }

  async function wordNew() {
    clearErrors(wordPanel);
    $('word-message').textContent = '';
    $('word-text-message').textContent = '';
    const settings = formValues($('word-settings'));
    const text = corpusText();
    if (text !== null && text.length > 5000000) {
      $('word-text').setAttribute('aria-invalid', 'true');
      $('word-text-message').textContent = 'The text is ' + text.length.toLocaleString('en') + ' characters long; the page takes at most 5,000,000 (about 5 MB). Use the command line for bigger texts.';
      return false;
    }
    $('word-progress').textContent = 'Preparing the corpus…';
    const r = await call({ cmd: 'word.new', settings, text });
    if (!r.ok) {
      if (r.field === 'text') {
        $('word-text').setAttribute('aria-invalid', 'true');
        $('word-text-message').textContent = sentence(r.error);
      } else {
        showError(wordPanel, r, $('word-message'));
      }
      $('word-progress').textContent = 'Not started.';
      word.ready = false;
      return false;
    }
    Object.assign(word, { ready: true, steps: 2, loss: [], ppl: [], best: r.bestPerplexity || null, info: r, last: null });
    describeWord(r);
    await validate();
    drawWordCharts();
    await predict();
    return true;
  }

  function describeWord(r) {
    $('word-progress').textContent = (r.builtin ? 'Built-in grammar corpus' : 'Your text') + ': '
      + r.trainTokens.toLocaleString('en') + ' training and ' + r.validationTokens.toLocaleString('en') + ' validation '
      + (r.level === 'char' ? 'characters' : 'words') + ', vocabulary ' + r.vocabulary
      + (r.unknownRate > 0 ? ' (' + (100 * r.unknownRate).toFixed(1) + '% <unk>)' : '')
      + ', ' + r.parameters.toLocaleString('en') + ' parameters.'
      + (r.bestPerplexity ? ' Best possible perplexity ' + r.bestPerplexity.toFixed(3) + '.' : '');
  }

  function drawWordCharts() {
    Charts.draw($('word-loss'), [{ points: word.loss, color: '#1f6feb' }], { xLabel: 'tokens seen' });
    const series = [{ points: word.ppl, color: '#1a7f37', label: word.ppl.length ? 'validation ' + word.ppl[word.ppl.length - 1][1].toFixed(2) : '' }];
    if (word.best && word.ppl.length) {
      series.push({ points: [[word.ppl[0][0], word.best], [word.ppl[word.ppl.length - 1][0], word.best]], color: '#8250df', dashed: true, label: 'best possible ' + word.best.toFixed(2) });
    }
    // early perplexities are near the vocabulary size: cap the axis so the approach to the best stays visible
    const last = word.ppl.length ? word.ppl[word.ppl.length - 1][1] : 1;
    const top = Math.max(...word.ppl.map((p) => p[1]), 1);
    Charts.draw($('word-ppl'), series, { xLabel: 'tokens seen', yMin: 0, yMax: Math.min(top * 1.05, 4 * (word.best || last)) });
  }

  // Validation runs in short calls (the held-out text may be long), one at a time; the perplexity
  // is plotted when it is complete. Training waits meanwhile, so the number is for fixed weights.
  function validate() {
    if (!word.validating) word.validating = validateInSlices().finally(() => { word.validating = null; });
    return word.validating;
  }

  async function validateInSlices() {
    const t0 = performance.now();
    let r;
    do {
      const s0 = performance.now();
      r = await call({ cmd: 'word.validate', windows: word.validWindows });
      if (!r.ok) break;
      word.validWindows = adapt(word.validWindows, performance.now() - s0);
      if (!r.done && performance.now() - t0 > 300) {
        $('word-validating').textContent = 'Measuring validation perplexity: ' + Math.round(100 * r.fraction) + '%';
      }
    } while (!r.done);
    $('word-validating').textContent = '';
    if (r.ok) {
      const x = word.loss.length ? word.loss[word.loss.length - 1][0] : 0;
      word.ppl.push([x, r.perplexity]);
      word.validTokens = r.tokens;
      renderWordProgress();
    }
    word.lastValid = performance.now();
    word.validCost = word.lastValid - t0;
    return r;
  }

  function renderWordProgress() {
    const r = word.last;
    if (!r) return;
    const ppl = word.ppl.length ? word.ppl[word.ppl.length - 1][1] : NaN;
    $('word-progress').textContent = 'Step ' + r.steps + ', epoch ' + (r.epoch + 1) + ', ' + r.tokens.toLocaleString('en')
      + ' tokens, loss ' + r.loss.toFixed(3) + ', validation perplexity ' + ppl.toFixed(3)
      + (word.info && word.validTokens && word.validTokens < 0.9 * word.info.validationTokens
        ? ' (on ' + word.validTokens.toLocaleString('en') + ' of ' + word.info.validationTokens.toLocaleString('en') + ' held-out '
          + (word.info.level === 'char' ? 'characters' : 'words') + ')' : '')
      + (word.best ? ' (best possible ' + word.best.toFixed(3) + ')' : '') + ', ' + Math.round(word.speed).toLocaleString('en') + (word.info && word.info.level === 'char' ? ' characters/s' : ' words/s');
  }

  async function wordSlice() {
    const t0 = performance.now();
    const r = await call({ cmd: 'word.train', steps: word.steps });
    word.steps = adapt(word.steps, performance.now() - t0);
    if (!r.ok) {
      wordStop();
      showError(wordPanel, r, $('word-message'));
      return false;
    }
    word.loss.push([r.tokens, r.loss]);
    const secs = (performance.now() - word.t0) / 1000;
    word.last = r;
    word.speed = (r.tokens - word.tokens0) / Math.max(secs, 1e-3);
    renderWordProgress();
    return true;
  }

  async function wordLoop() {
    let lastDraw = 0;
    while (word.running) {
      if (!(await wordSlice())) break;
      // validate often at first, when the curve moves fast; and at most a fifth of the time
      const every = Math.max(word.ppl.length < 8 ? 400 : 1500, 4 * word.validCost);
      if (performance.now() - word.lastValid > every) {
        await validate();
        await predict();
      }
      if (performance.now() - lastDraw > 200) {
        drawWordCharts();
        lastDraw = performance.now();
      }
      if (word.running && performance.now() - (word.savedAt || 0) > (word.saveEvery || 10000)) await saveWord();
    }
    drawWordCharts();
  }

  function wordStop() {
    const was = word.running;
    word.running = false;
    $('word-train').textContent = word.ready ? 'Resume' : 'Train';
    if (was) saveWord();
  }

  async function saveWord() {
    if (!word.ready) return;
    const t0 = performance.now();
    const source = wordPanel.querySelector('input[name="source"]:checked').value;
    const r = await engine.persist('saveModel', 'word', 'word.save', { settings: formValues($('word-settings')),
      loss: word.loss, ppl: word.ppl, source, text: corpusText(), prompt: $('word-prompt').value });
    if (!r.ok) return;
    // a big model takes long to write: save it less often, at most 5% of the time
    word.saveEvery = Math.max(10000, 20 * (performance.now() - t0));
    word.savedAt = performance.now();
    $('word-saved').textContent = 'Kept in this browser at ' + new Date().toLocaleTimeString('en-GB') + ' (step ' + (word.last ? word.last.steps : 0) + ').';
  }

  async function restoreWord() {
    $('word-progress').textContent = 'Looking for a model from your last visit…';
    const r = await engine.persist('restoreModel', 'word', 'word.load', ['text', 'settings']);
    if (!r.found) {
      $('word-progress').textContent = 'Not trained yet.';
      return;
    }
    const s = r.record;
    const f = $('word-settings');
    for (const [k, v] of Object.entries(s.settings || {})) if (f.elements[k] && f.elements[k].type !== 'file') f.elements[k].value = v;
    wordPanel.querySelector('input[name="source"][value="' + (s.source === 'paste' ? 'paste' : 'builtin') + '"]').checked = true;
    if (typeof s.text === 'string') showCorpusText(s.text, 'Your text');
    if (s.prompt !== undefined) $('word-prompt').value = s.prompt;
    if (!r.ok) {
      $('word-message').textContent = 'Your saved word model could not be restored: ' + r.error;
      $('word-progress').textContent = 'Not trained yet.';
      return;
    }
    Object.assign(word, { ready: true, loss: s.loss || [], ppl: s.ppl || [], best: r.bestPerplexity || null, info: r, last: null });
    $('word-train').textContent = 'Resume';
    describeWord(r);
    $('word-progress').textContent = 'Restored from your last visit. ' + $('word-progress').textContent;
    drawWordCharts();
    await predict();
  }

  $('word-train').addEventListener('click', async () => {
    if (word.running) {
      wordStop();
      await validate();
      drawWordCharts();
      await predict();
      return;
    }
    if (!word.ready && !(await wordNew())) return;
    word.running = true;
    word.t0 = performance.now();
    word.tokens0 = word.loss.length ? word.loss[word.loss.length - 1][0] : 0;
    $('word-train').textContent = 'Pause';
    wordLoop();
  });
  $('word-step').addEventListener('click', async () => {
    if (word.running) return;
    if (!word.ready && !(await wordNew())) return;
    const keep = word.steps;
    word.steps = 1;
    word.t0 = performance.now();
    word.tokens0 = word.loss.length ? word.loss[word.loss.length - 1][0] : 0;
    await wordSlice();
    word.steps = keep;
    await validate();
    drawWordCharts();
    await predict();
    await saveWord();
  });
  $('word-reset').addEventListener('click', async () => {
    wordStop();
    $('word-train').textContent = 'Train';
    await wordNew();
  });
  $('word-settings').addEventListener('change', async (e) => {
    if (e.target.id === 'word-file') return;
    if (word.ready && (e.target.name === 'lr' || e.target.name === 'clip')) {
      await tune(wordPanel, 'word.tune', { [e.target.name]: e.target.value }, $('word-message'));
      return;
    }
    if (!word.running) {
      word.ready = false;
      $('word-train').textContent = 'Train';
    }
  });
  // A long text is kept aside and the box shows its beginning, read-only: with megabytes in a text
  // box, the browser lays them out again on every change to the page, and training would crawl.
  const SHOWN = 20000;
  function showCorpusText(text, what) {
    const box = $('word-text');
    if (text.length <= SHOWN) {
      pastedText = null;
      box.value = text;
      box.readOnly = false;
      $('word-text-note').hidden = true;
      return;
    }
    pastedText = text;
    box.value = text.slice(0, SHOWN) + '\n…';
    box.readOnly = true;
    $('word-text-what').textContent = what + ': ' + text.length.toLocaleString('en') + ' characters, all used; the box shows the beginning.';
    $('word-text-note').hidden = false;
  }
  function usePastedText() {
    wordPanel.querySelector('input[name="source"][value="paste"]').checked = true;
    if (!word.running) {
      word.ready = false;
      $('word-train').textContent = 'Train';
    }
  }
  $('word-text').addEventListener('paste', (e) => {
    const box = $('word-text');
    const pasted = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (box.readOnly || pasted.length <= SHOWN) return;
    e.preventDefault();
    showCorpusText(box.value.slice(0, box.selectionStart) + pasted + box.value.slice(box.selectionEnd), 'Pasted text');
    usePastedText();
  });
  $('word-text').addEventListener('input', () => {
    const box = $('word-text');
    if (box.value.length > SHOWN) showCorpusText(box.value, 'Pasted text');
    else pastedText = null;
    usePastedText();
  });
  $('word-text-clear').addEventListener('click', () => {
    showCorpusText('', '');
    usePastedText();
    $('word-text').focus();
  });
  $('word-file').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    $('word-text-message').textContent = '';
    if (file.size > 5000000) {
      $('word-text-message').textContent = file.name + ' is ' + (file.size / 1e6).toFixed(1) + ' MB; the page takes at most 5 MB of text.';
      return;
    }
    showCorpusText(await file.text(), file.name);
    usePastedText();
  });

  let predictTimer = 0;
  async function predict() {
    if (!word.ready) return;
    const r = await call({ cmd: 'word.predict', prompt: $('word-prompt').value, k: 8 });
    const box = $('word-top');
    box.replaceChildren();
    if (!r.ok) {
      box.textContent = r.error;
      return;
    }
    if (r.unknown.length) {
      const note = document.createElement('p');
      note.className = 'explain';
      note.textContent = 'Not in the vocabulary (read as <unk>): ' + r.unknown.join(', ');
      box.appendChild(note);
    }
    for (const t of r.top) {
      const row = document.createElement('div');
      row.className = 'bar';
      const w = document.createElement('span');
      w.className = 'word';
      w.textContent = t.token === '\n' ? '¶' : t.token === ' ' ? '␣' : t.token;
      const track = document.createElement('span');
      const fill = document.createElement('span');
      fill.className = 'fill';
      fill.style.display = 'block';
      fill.style.width = (100 * t.p).toFixed(1) + '%';
      track.appendChild(fill);
      const p = document.createElement('span');
      p.textContent = (100 * t.p).toFixed(1) + '%';
      row.append(w, track, p);
      box.appendChild(row);
    }
  }
  $('word-prompt').addEventListener('input', () => {
    clearTimeout(predictTimer);
    predictTimer = setTimeout(predict, 80);
  });

  $('word-generate').addEventListener('click', async () => {
    if (!word.ready) {
      $('word-output').textContent = 'Train a model first.';
      return;
    }
    const g = formValues($('word-gen'));
    clearErrors($('word-gen'));
    const r = await call(Object.assign({ cmd: 'word.generate', prompt: $('word-prompt').value, seed: Math.floor(Math.random() * 1e9) }, g));
    if (!r.ok) {
      showError(wordPanel, r, $('word-output'));
      return;
    }
    $('word-output').textContent = $('word-prompt').value + (word.info && word.info.level === 'char' ? '' : ' ') + r.text;
  });
  $('word-save').addEventListener('click', () => downloadModel(word, 'word.save', 'tearnn-word-model.json', $('word-message')));
  $('word-open').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (!file) return;
    wordStop();
    const model = await file.text();
    const r = await call({ cmd: 'word.load', model, text: corpusText(), settings: formValues($('word-settings')) });
    if (!r.ok) {
      $('word-message').textContent = file.name + ': ' + sentence(r.error);
      return;
    }
    $('word-message').textContent = '';
    Object.assign(word, { ready: true, loss: [], ppl: [], best: r.bestPerplexity || null, info: r, last: null });
    describeWord(r);
    await validate();
    drawWordCharts();
    await predict();
    await saveWord();
  });

  // ---------- start ----------
  drawAdderCharts();
  Charts.draw($('word-loss'), [], { empty: 'No data yet: press Train.' });
  Charts.draw($('word-ppl'), [], { empty: 'No data yet: press Train.' });
  Engine.connect().then((e) => {
    engine = e;
    if (e.onPage) sliceMs = 12;
    document.body.dataset.engine = e.build;
    $('engine-status').textContent = 'Engine ready: ' + e.mode + '.';
    return restoreAdder().then(restoreWord).then(() => { document.body.dataset.restored = 'true'; });
  }).catch((err) => {
    $('engine-status').textContent = 'The engine could not start: ' + err.message;
  });
})();
