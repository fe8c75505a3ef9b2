'use strict';
// Samples as it learns: every few seconds of training the word model writes a short text from the
// prompt, added to a history (newest first, the last 30 kept, each with the step it was written at)
// that is kept with the model.
const SamplesView = (() => {
  const KEEP = 30;
  const markup = `<h2>Samples as it learns</h2>
  <p class="explain">Every few seconds of training, the model writes a short text from the prompt; the newest first, so you see
  the text improve.</p>
  <ol id="word-samples" class="samples" reversed></ol>`;

  // panel: the word panel (call); list: the history's element; prompt(): the prompt's text;
  // joiner(): what goes between the prompt and the text ('' at character level)
  function create(panel, list, prompt, joiner) {
    const v = { samples: [], at: 0, cost: 0 };

    function draw() {
      list.replaceChildren(...v.samples.map(([step, text]) => {
        const li = document.createElement('li');
        const at = document.createElement('span');
        at.className = 'at';
        at.textContent = 'step ' + step;
        li.append(at, text);
        return li;
      }));
    }

    // A short text from the prompt, sampled after step `step`, added to the history.
    async function sample(step) {
      const t0 = performance.now();
      v.at = t0;
      // a seed of its own for every sample (the step it is written at): never the same text twice over
      const r = await panel.call('generate', { prompt: prompt(), length: 30, temperature: 0.8, seed: (step || 0) + 1 });
      v.cost = performance.now() - t0;
      if (!r.ok || step === null) return;
      v.samples.unshift([step, prompt() + joiner() + r.text]);
      v.samples.length = Math.min(v.samples.length, KEEP);
      draw();
    }

    return {
      sample,
      // while training: again after at least 5 s, and at most an eightieth of the time
      due: () => performance.now() - v.at > Math.max(5000, 80 * v.cost),
      record: () => v.samples,
      // the history kept with a model (none: a new model's)
      restore(samples) {
        v.samples = samples || [];
        draw();
      },
    };
  }

  return { create, markup };
})();
