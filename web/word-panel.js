'use strict';
// The next-word panel: what is its own on top of TrainingPanel. The corpus (CorpusBox); the
// validation perplexity, measured in short calls (the held-out text may be long) often at first and
// at most a sixtieth of the time once the curve settles (see between); the loss and perplexity curves; the
// next-word bars for a prompt, as you type; samples as it learns; text generation; how it races.
(() => {
  const $ = (id) => document.getElementById(id);
  const KEEP = 800; // points of the training loss curve kept (older ones thinned)

  function create(app, description) {
    const s = { loss: [], ppl: [], best: null, info: null, last: null, speed: 0, t0: 0, tokens0: 0,
      lastValid: 0, validCost: 0, validTokens: 0, validating: null, wentBack: false, blowUps: BlowUps.create(KEEP) };
    let panel = null;
    let opened = null;
    const unit = () => s.info && s.info.level === 'char' ? 'characters' : 'words';
    const tokensSeen = () => s.loss.length ? s.loss[s.loss.length - 1][0] : 0;

    function draw() {
      progress();
      const marks = s.blowUps.marks();
      Charts.draw($('word-loss'), s.blowUps.series().concat(Charts.noisy(s.loss, '#1f6feb', '#b6d4fe')), { xLabel: 'tokens seen', marks });
      const last = s.ppl.length ? s.ppl[s.ppl.length - 1][1] : 1;
      const series = [{ points: s.ppl, color: '#1a7f37', label: s.ppl.length ? 'validation ' + last.toFixed(2) : '' }];
      if (s.best && s.ppl.length) {
        series.push({ points: [[s.ppl[0][0], s.best], [s.ppl[s.ppl.length - 1][0], s.best]], color: '#8250df', dashed: true,
          label: 'best possible ' + s.best.toFixed(2) });
      } else if (s.info && s.info.unigramPerplexity && s.ppl.length) {
        // where the best possible is unknown: what a model that ignores all context gets
        const u = s.info.unigramPerplexity;
        series.push({ points: [[s.ppl[0][0], u], [s.ppl[s.ppl.length - 1][0], u]], color: '#8c959f', dashed: true,
          label: 'no context (unigram) ' + u.toFixed(2) });
      }
      // early perplexities are near the vocabulary size: a log axis shows them and the approach to the best at
      // once (a linear one capped at 4x the best drew 41 and 253 off its top); a big model's first validation comes later
      Charts.draw($('word-ppl'), series, { xLabel: 'tokens seen', log: true, marks,
        empty: s.loss.length ? 'No validation yet: it comes as training goes on.' : 'No data yet: press Train.' });
    }

    function progress() {
      const r = s.last;
      if (!r) return;
      const ppl = s.ppl.length ? s.ppl[s.ppl.length - 1][1] : NaN;
      const partial = s.info && s.validTokens && s.validTokens < 0.9 * s.info.validationTokens;
      // characters: bits per character, as character models are compared; words: perplexity
      const valid = !Number.isFinite(ppl) ? '' : unit() === 'characters'
        ? ', validation ' + Forms.number(Math.log2(ppl), 3) + ' bits per character (perplexity ' + Forms.number(ppl, 3) + ')'
        : ', validation perplexity ' + Forms.number(ppl, 3);
      // the speed of the training under way (none after a blow-up went back: it would be of steps undone)
      const speed = s.wentBack ? '' : ', ' + Math.round(s.speed).toLocaleString('en') + ' ' + unit() + '/s';
      $('word-progress').textContent = 'Step ' + r.steps + ', epoch ' + (r.epoch + 1) + ', ' + r.tokens.toLocaleString('en')
        + ' tokens' + (Number.isFinite(r.loss) ? ', loss ' + Forms.number(r.loss, 3) : '') + valid + (partial ? ' (on '
        + s.validTokens.toLocaleString('en') + ' of ' + s.info.validationTokens.toLocaleString('en') + ' held-out ' + unit() + ')' : '')
        + (valid && s.best ? ' (best possible ' + s.best.toFixed(3) + ')' : '') + speed + (r.workers > 1 ? ' on ' + r.workers
        + ' workers' : '') + (s.under ? ' (' + s.under + ')' : '') + (s.wentBack ? '. The model is back here, from before the blow-up.' : '');
    }

    // One validation at a time; training waits meanwhile, so the number is for fixed weights. With
    // a limit (ms), it gives up when it takes longer (a big model's first point is not worth the wait:
    // training starts, and the validation comes when due).
    function validate(limit) {
      if (!s.validating) s.validating = validateInSlices(limit).finally(() => { s.validating = null; });
      return s.validating;
    }

    async function validateInSlices(limit) {
      const t0 = performance.now();
      let r;
      do {
        if (limit && r && performance.now() - t0 > limit) {
          // what the whole would cost: the next validation waits four times that (a fifth of the time)
          s.lastValid = performance.now();
          s.validCost = (s.lastValid - t0) / Math.max(r.fraction, 0.01);
          $('word-validating').textContent = '';
          return { ok: false };
        }
        // a training call's time a call (the engine cuts a big model's windows into parts; on several workers all
        // wait for the slowest); the first points, while the curve moves fast, on a quarter of the sample
        r = await panel.call('validate', { ms: app.trainMs(), tokens: s.ppl.length < 8 ? 5000 : 20000 });
        if (!r.ok) break;
        if (!r.done && performance.now() - t0 > 300) {
          $('word-validating').textContent = 'Measuring validation perplexity: ' + Math.round(100 * r.fraction) + '%';
        }
      } while (!r.done);
      $('word-validating').textContent = '';
      if (r.ok) {
        s.ppl.push([tokensSeen(), r.perplexity]);
        s.validTokens = r.tokens;
        panel.publish({ valid: String(r.perplexity), validations: String(s.ppl.length) });
        progress();
      }
      s.lastValid = performance.now();
      s.validCost = s.lastValid - t0;
      return r;
    }

    async function predict() {
      if (!panel.ready) return;
      const r = await panel.call('predict', { prompt: $('word-prompt').value, k: 8 });
      ConnectivityView.draw($('word-links'), $('word-links-note'), r.ok ? r.connectivity : undefined);
      PredictionsView.draw($('word-top'), r);
    }

    async function started(r, how, extra, content) {
      made = { source: corpus.source(), text: corpus.text(), validText: corpus.validText() };
      // a prompt that belongs to the text: its opening words, unless the person wrote one of their own
      const prompt = $('word-prompt');
      if (how !== 'restored' && (prompt.value === prompt.defaultValue || prompt.value === s.opening)) {
        prompt.value = r.builtin ? prompt.defaultValue : r.opening;
      }
      s.opening = r.builtin ? prompt.defaultValue : r.opening;
      const kept = how === 'restored' ? extra : {};
      Object.assign(s, { loss: kept.loss || [], ppl: kept.ppl || [], best: r.bestPerplexity || null, info: r, last: null, under: '',
        wentBack: false });
      samples.restore(kept.samples);
      s.blowUps.reset(kept.blowUps);
      panel.publish({ valid: s.ppl.length ? String(s.ppl[s.ppl.length - 1][1]) : '' });
      // say what this model reads, and draw a best possible line only where one is known
      $('word-explain').textContent = 'The network reads ' + (r.builtin ? 'the built-in corpus' : 'your text') + ' '
        + (r.level === 'char' ? 'character by character' : 'word by word') + ' and learns to predict the next one.'
        + (r.bestPerplexity ? ' The built-in corpus comes from a small grammar, so the best possible perplexity is known and'
          + ' drawn on the chart.' : '') + ' ' + CorpusBox.describe(r);
      $('word-ppl-caption').textContent = 'Validation perplexity, log scale' + (r.bestPerplexity ? ' (dashed: best possible)'
        : ' (dashed: a model that ignores all context, from the ' + (r.level === 'char' ? 'characters\'' : 'words\'')
          + ' frequencies alone)');
      $('word-progress').textContent = (how === 'restored' ? 'Restored your ' + r.cell + ' ' + (r.level === 'char' ? 'character' : 'word')
        + ' model from your last visit (step ' + r.steps + '). ' : '') + CorpusBox.describe(r);
      opened.started(r, how, extra, content);
      if (how !== 'restored') await validate(300);
      draw();
      await predict();
      await units.refresh();
    }

    // the corpus the model there was made with: a change back to it is no change
    let made = null;
    const corpus = CorpusBox.create(description.limits.textCharacters, () => {
      if (opened.changed()) return;
      if (made && corpus.source() === made.source && (made.source === 'builtin'
        || (corpus.text() === made.text && corpus.validText() === made.validText))) {
        panel.unchanged('corpus');
      } else {
        panel.changed('corpus', 'the corpus');
      }
    });
    panel = TrainingPanel.create(app, {
      noun: 'word model',
      fileName: 'tearnn-word-model.json',
      messagePlaces: { text: $('word-text-message'), validText: $('word-valid-message') },
      newRequest: () => corpus.request(),
      preparing: 'Preparing the corpus…',
      betweenLabel: 'validation, samples and views',
      started,
      seen: 'tokens',
      async sliced(r, losses) {
        s.loss = Charts.grow(s.loss, losses, KEEP);
        s.last = r;
        s.under = '';
        s.wentBack = false;
        s.speed = (r.tokens - s.tokens0) / Math.max((performance.now() - s.t0) / 1000, 1e-3);
      },
      async between() {
        // a second point soon, to show the curve's first fall (at most a fifth of the time); then
        // often while it moves fast (at most a thirtieth); then at most a sixtieth; samples and the
        // units view at most an eightieth each
        const every = s.ppl.length < 2 ? Math.max(800, 4 * s.validCost)
          : s.ppl.length < 8 ? Math.max(800, 29 * s.validCost) : Math.max(3000, 59 * s.validCost);
        if (performance.now() - s.lastValid > every) {
          await validate();
          await predict();
        }
        if (units.due()) await units.refresh();
        if (samples.due()) await samples.sample(s.last ? s.last.steps : null);
      },
      draw,
      partway(r) {
        // a big model's step takes several calls: say how far the one under way has come
        const under = 'step ' + (r.steps + 1) + ' under way: ' + Math.round(100 * r.stepPart) + '%';
        s.under = under;
        if (s.last) {
          progress();
        } else {
          $('word-progress').textContent = under.charAt(0).toUpperCase() + under.slice(1) + '.';
        }
      },
      wentBack(r) {
        s.loss = s.blowUps.back(s.loss, r.tokens, r.steps);
        s.ppl = s.ppl.filter((p) => p[0] <= r.tokens);
        const last = s.loss.length ? s.loss[s.loss.length - 1][1] : NaN;
        s.last = { steps: r.steps, epoch: r.epoch, tokens: r.tokens, loss: last };
        s.under = '';
        s.wentBack = true;
        draw();
        return predict();
      },
      resumed() {
        opened.resumed();
        s.t0 = performance.now();
        s.tokens0 = tokensSeen();
      },
      async paused() {
        // measured already at this step: the same model gives the same number (measured again, on more
        // of the held-out text, it read 29.584 and then 31.139 for one model at one step)
        if (!s.ppl.length || s.ppl[s.ppl.length - 1][0] !== tokensSeen()) await validate();
        draw();
        await predict();
        await units.refresh();
      },
      record: () => ({ loss: s.loss, ppl: s.ppl, blowUps: s.blowUps.record(), samples: samples.record(), source: corpus.source(), text: corpus.text(),
        textName: corpus.textName(), validText: corpus.validText(), validName: corpus.validName(), prompt: $('word-prompt').value }),
      restoring(record) {
        corpus.restore(record);
        if (record.prompt !== undefined) $('word-prompt').value = record.prompt;
      },
    }, description);
    opened = OpenedText.create(panel, () => corpus.textName());

    let predictTimer = 0;
    $('word-prompt').addEventListener('input', () => {
      clearTimeout(predictTimer);
      predictTimer = setTimeout(predict, 80);
    });
    const units = UnitsView.create(panel, 'word', (form) => ({ source: form.elements.source.value, prompt: $('word-prompt').value,
      length: 120, seed: 1 }));
    const samples = SamplesView.create(panel, $('word-samples'), () => $('word-prompt').value,
      () => (s.info && s.info.level === 'char' ? '' : ' '));
    Forms.build($('word-gen'), description.generate);
    $('word-generate').addEventListener('click', async () => {
      if (!panel.ready) {
        $('word-output').textContent = 'Train a model first.';
        return;
      }
      Forms.clearErrors($('word-gen'));
      const r = await panel.call('generate', Object.assign({ prompt: $('word-prompt').value, seed: Math.floor(Math.random() * 1e9) },
        Forms.values($('word-gen'))));
      if (!r.ok) {
        Forms.showError($('word-gen'), r, $('word-output'));
        return;
      }
      $('word-output').textContent = $('word-prompt').value + (s.info && s.info.level === 'char' ? '' : ' ') + r.text
        + (r.logProbability !== undefined ? '  (beam search, the most probable continuation found: log probability '
          + r.logProbability.toFixed(2) + ')' : '');
    });
    Charts.draw($('word-ppl'), [], { empty: 'No data yet: press Train.' });
    return panel;
  }

  // the finish in a race: the validation perplexity at most the target, measured every 2 s in short calls
  async function finished(call, reply, racer, settings) {
    if (performance.now() - (racer.checked || 0) < 2000) return false;
    racer.checked = performance.now();
    let v;
    do {
      v = await call({ cmd: 'word.validate', ms: 100 });
    } while (v.ok && !v.done);
    if (v.ok) racer.perplexity = v.perplexity;
    return v.ok && v.perplexity <= settings.target;
  }

  Panels.register('word', {
    title: 'Next word',
    scripts: ['corpus-box.js', 'opened-text.js', 'connectivity-view.js', 'predictions-view.js', 'samples-view.js', 'units-view.js'],
    budget: true,
    intro: 'The network reads text word by word (or character by character, at the character level) and learns to predict the'
      + ' next one. The built-in corpus comes from a small grammar, so the best possible perplexity is known and drawn on the chart.',
    get settingsExtra() { return CorpusBox.markup; },
    status: '<p id="word-validating" class="status" aria-live="polite"></p>',
    lossCaption: 'Training loss at each step (nats per token; dark: its moving mean)',
    charts: '<figure><canvas id="word-ppl" width="440" height="220" aria-label="validation perplexity chart"></canvas>'
      + '<figcaption id="word-ppl-caption">Validation perplexity, log scale (dashed: best possible)</figcaption></figure>',
    get body() {
      return `<h2>Predict</h2>
  <label class="wide">Prompt <input id="word-prompt" type="text" value="the dogs near the cat" autocomplete="off"></label>
  <p id="word-links" class="links"></p>
  <p id="word-links-note" class="explain" aria-live="polite"></p>
  <div id="word-top" class="bars" aria-live="polite"></div>
  ${SamplesView.markup}
  <h2>Generate</h2>
  <form id="word-gen" class="settings" autocomplete="off"></form>
  <div class="buttons"><button id="word-generate">Generate</button></div>
  <p id="word-output" class="output"></p>
  ${UnitsView.markup('word', 'The text', ': some come to track quotes, line ends or the position in a sentence',
    '<label>Text <select name="source"><option value="held-out">held-out text</option>'
    + '<option value="prompt">the prompt and what the model writes after it</option></select></label>')}`;
    },
    create,
    race: {
      label: 'next word (built-in grammar)',
      goal: 'the next-word model reaching a validation perplexity',
      hidden: 64,
      seen: 'tokens',
      fields: [],
      finish: { name: 'target', label: 'Finish: perplexity at most', value: 6.2, min: 1, step: 0.01 },
      finished,
      said: (reply, racer) => (racer.perplexity ? 'validation perplexity ' + racer.perplexity.toFixed(3) : ''),
    },
  });
})();
