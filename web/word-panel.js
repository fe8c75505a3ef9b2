'use strict';
// The next-word panel: what is its own on top of TrainingPanel. The corpus (CorpusBox); the
// validation perplexity, measured in short calls (the held-out text may be long) often at first and
// at most a sixtieth of the time once the curve settles (see between); the loss and perplexity curves; the
// next-word bars for a prompt, as you type; text generation.
const WordPanel = (() => {
  const $ = (id) => document.getElementById(id);
  const KEEP = 800; // points of the training loss curve kept (older ones thinned)

  function create(app, description, limits, generate) {
    const s = { loss: [], ppl: [], best: null, info: null, last: null, speed: 0, t0: 0, tokens0: 0,
      lastValid: 0, validCost: 0, validTokens: 0, validating: null, samples: [], sampledAt: 0, sampleCost: 0,
      wentBack: false };
    let panel = null;
    const unit = () => s.info && s.info.level === 'char' ? 'characters' : 'words';
    const tokensSeen = () => s.loss.length ? s.loss[s.loss.length - 1][0] : 0;

    function draw() {
      progress();
      Charts.draw($('word-loss'), Charts.noisy(s.loss, '#1f6feb', '#b6d4fe'), { xLabel: 'tokens seen' });
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
      // early perplexities are near the vocabulary size: cap the axis so the approach to the best stays visible
      const top = Math.max(...s.ppl.map((p) => p[1]), 1);
      let yMax = Math.min(top * 1.05, 4 * (s.best || last));
      if (!s.best && s.info && s.info.unigramPerplexity) yMax = Math.max(yMax, 1.05 * s.info.unigramPerplexity);
      // a big model's first validation comes after some training (at most a fifth of the time)
      Charts.draw($('word-ppl'), series, { xLabel: 'tokens seen', yMin: 0, yMax,
        empty: s.loss.length ? 'No validation yet: it comes as training goes on.' : 'No data yet: press Train.' });
    }

    function describe(r) {
      return (r.builtin ? 'Built-in grammar corpus' : 'Your text') + ': '
        + r.trainTokens.toLocaleString('en') + ' training and ' + r.validationTokens.toLocaleString('en') + ' validation '
        + (r.level === 'char' ? 'characters' : r.split === 'spaces' ? 'words (pre-tokenized: split at spaces, <eos> at line ends)'
          : 'words') + (r.heldOutGiven ? ' (your held-out text)' : '') + ', vocabulary ' + r.vocabulary
        + (r.unknownRate > 0 ? ' (' + (100 * r.unknownRate).toFixed(1) + '% <unk>)' : '')
        + ', ' + r.output + ', ' + r.parameters.toLocaleString('en') + ' parameters.'
        + (r.bestPerplexity ? ' Best possible perplexity ' + r.bestPerplexity.toFixed(3) + '.' : '');
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
      $('word-progress').textContent = 'Step ' + r.steps + ', epoch ' + (r.epoch + 1) + ', ' + r.tokens.toLocaleString('en')
        + ' tokens' + (Number.isFinite(r.loss) ? ', loss ' + Forms.number(r.loss, 3) : '') + valid
        + (partial ? ' (on ' + s.validTokens.toLocaleString('en') + ' of ' + s.info.validationTokens.toLocaleString('en')
          + ' held-out ' + unit() + ')' : '')
        + (valid && s.best ? ' (best possible ' + s.best.toFixed(3) + ')' : '') + ', ' + Math.round(s.speed).toLocaleString('en')
        + ' ' + unit() + '/s' + (r.workers > 1 ? ' on ' + r.workers + ' workers' : '')
        + (s.under ? ' (' + s.under + ')' : '')
        + (s.wentBack ? '. The model is back here, from before the blow-up.' : '');
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
        // a training call's time a call (the engine cuts even a big model's windows into parts): on
        // several workers each measures its streams, and all wait for the slowest at each call's end
        // the first points, while the curve moves fast, on a quarter of the sample: cheaper, so more of them
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
        panel.publish({ valid: String(r.perplexity) });
        progress();
      }
      s.lastValid = performance.now();
      s.validCost = s.lastValid - t0;
      return r;
    }

    // A short text from the prompt, sampled, added to the history (newest first, the last 30 kept).
    async function sample() {
      const t0 = performance.now();
      s.sampledAt = t0;
      const r = await panel.call('generate', { prompt: $('word-prompt').value, length: 30, temperature: 0.8,
        seed: s.samples.length + 1 });
      s.sampleCost = performance.now() - t0;
      if (!r.ok || !s.last) return;
      s.samples.unshift([s.last.steps, $('word-prompt').value + (s.info && s.info.level === 'char' ? '' : ' ') + r.text]);
      s.samples.length = Math.min(s.samples.length, 30);
      drawSamples();
    }

    function drawSamples() {
      $('word-samples').replaceChildren(...s.samples.map(([step, text]) => {
        const li = document.createElement('li');
        const at = document.createElement('span');
        at.className = 'at';
        at.textContent = 'step ' + step;
        li.append(at, text);
        return li;
      }));
    }

    async function predict() {
      if (!panel.ready) return;
      const r = await panel.call('predict', { prompt: $('word-prompt').value, k: 8 });
      const box = $('word-top');
      box.replaceChildren();
      ConnectivityView.draw($('word-links'), $('word-links-note'), r.ok ? r.connectivity : undefined);
      if (!r.ok) {
        box.textContent = Forms.sentence(r.error);
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

    async function started(r, how, extra) {
      made = { source: corpus.source(), text: corpus.text(), validText: corpus.validText() };
      const kept = how === 'restored' ? extra : {};
      Object.assign(s, { loss: kept.loss || [], ppl: kept.ppl || [], best: r.bestPerplexity || null, info: r, last: null, under: '',
        wentBack: false, samples: kept.samples || [] });
      drawSamples();
      panel.publish({ valid: s.ppl.length ? String(s.ppl[s.ppl.length - 1][1]) : '' });
      // say what this model reads, and draw a best possible line only where one is known
      $('word-explain').textContent = 'The network reads ' + (r.builtin ? 'the built-in corpus' : 'your text') + ' '
        + (r.level === 'char' ? 'character by character' : 'word by word') + ' and learns to predict the next one.'
        + (r.bestPerplexity ? ' The built-in corpus comes from a small grammar, so the best possible perplexity is known and'
          + ' drawn on the chart.' : '') + ' ' + describe(r);
      $('word-ppl-caption').textContent = 'Validation perplexity' + (r.bestPerplexity ? ' (dashed: best possible)'
        : ' (dashed: a model that ignores all context, from the ' + (r.level === 'char' ? 'characters\'' : 'words\'')
          + ' frequencies alone)');
      $('word-progress').textContent = (how === 'restored' ? 'Restored your ' + r.cell + ' ' + (r.level === 'char' ? 'character' : 'word')
        + ' model from your last visit (step ' + r.steps + '). ' : '') + describe(r);
      if (how !== 'restored') await validate(300);
      draw();
      await predict();
      await units.refresh();
    }

    // the corpus the model there was made with: a change back to it is no change
    let made = null;
    const corpus = CorpusBox.create(limits.textCharacters, () => {
      if (made && corpus.source() === made.source && (made.source === 'builtin'
        || (corpus.text() === made.text && corpus.validText() === made.validText))) {
        panel.unchanged('corpus');
      } else {
        panel.changed('corpus', 'the corpus');
      }
    });
    panel = TrainingPanel.create(app, {
      name: 'word',
      noun: 'word model',
      fileName: 'tearnn-word-model.json',
      messagePlaces: { text: $('word-text-message'), validText: $('word-valid-message') },
      restoreFields: ['text', 'validText', 'settings'],
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
        if (performance.now() - s.sampledAt > Math.max(5000, 80 * s.sampleCost)) await sample();
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
        s.loss = s.loss.filter((p) => p[0] <= r.tokens);
        s.ppl = s.ppl.filter((p) => p[0] <= r.tokens);
        const last = s.loss.length ? s.loss[s.loss.length - 1][1] : NaN;
        s.last = { steps: r.steps, epoch: r.epoch, tokens: r.tokens, loss: last };
        s.under = '';
        s.wentBack = true;
        draw();
        return predict();
      },
      resumed() {
        s.t0 = performance.now();
        s.tokens0 = tokensSeen();
      },
      async paused() {
        await validate();
        draw();
        await predict();
        await units.refresh();
      },
      record: () => ({ loss: s.loss, ppl: s.ppl, samples: s.samples, source: corpus.source(), text: corpus.text(),
        validText: corpus.validText(), validName: corpus.validName(), prompt: $('word-prompt').value }),
      restoring(record) {
        corpus.restore(record);
        if (record.prompt !== undefined) $('word-prompt').value = record.prompt;
      },
    }, description);

    let predictTimer = 0;
    $('word-prompt').addEventListener('input', () => {
      clearTimeout(predictTimer);
      predictTimer = setTimeout(predict, 80);
    });
    const units = UnitsView.create(panel, $, () => $('word-prompt').value);
    Forms.build($('word-gen'), generate);
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
    Charts.draw($('word-loss'), [], { empty: 'No data yet: press Train.' });
    Charts.draw($('word-ppl'), [], { empty: 'No data yet: press Train.' });
    return panel;
  }

  return { create };
})();
