'use strict';
// The race: a vanilla RNN, an LSTM and a GRU (those chosen) trained on the same task, seed and data
// side by side, each in a worker of its own, their loss and gradient flow on shared charts, to a
// finish line: the adder adding all pairs (on long numbers the cells differ), or the next-word model
// on the built-in grammar reaching a validation perplexity. Each racer can be stopped, and opened in
// its panel to try and train further.
const Race = (() => {
  const NAMES = { rnn_tanh: 'RNN', lstm: 'LSTM', gru: 'GRU' };
  const COLORS = { rnn_tanh: '#cf222e', lstm: '#1f6feb', gru: '#1a7f37' };
  const CALL_MS = 100;

  // build: the engine build the page runs ('wasm' or 'js'); $: getElementById; openIn(task, model
  // text, name): opens a racer's model in its panel
  function create(build, $, openIn) {
    const form = $('race-settings');
    let racers = [];
    let race = null; // {task, target, t0, first}

    function settings() {
      const e = form.elements;
      const task = e.task.value;
      const cells = ['rnn_tanh', 'lstm', 'gru'].filter((c) => e[c].checked);
      const hidden = Number(e.hidden.value);
      const common = { hidden, seed: Number(e.seed.value) };
      return { task, cells, target: Number(e.target.value),
        settings: task === 'adder' ? Object.assign(common, { bits: Number(e.bits.value) }) : common };
    }

    function row(r) {
      const div = document.createElement('div');
      div.className = 'racer';
      const name = document.createElement('strong');
      name.textContent = NAMES[r.cell];
      name.style.color = COLORS[r.cell];
      r.status = document.createElement('span');
      r.status.className = 'status';
      r.stopButton = document.createElement('button');
      r.stopButton.type = 'button';
      r.stopButton.textContent = 'Stop';
      r.stopButton.addEventListener('click', () => stopRacer(r, 'stopped'));
      const open = document.createElement('button');
      open.type = 'button';
      open.textContent = 'Open in its panel';
      open.addEventListener('click', async () => {
        stopRacer(r, r.finished ? 'finished' : 'stopped');
        const saved = await r.conn.call({ cmd: race.task + '.save' });
        if (!saved.ok) {
          r.status.textContent = 'Could not take the model: ' + saved.error;
          return;
        }
        await openIn(race.task, saved.model, 'the race\'s ' + NAMES[r.cell]);
      });
      div.append(name, ' ', r.status, ' ', r.stopButton, ' ', open);
      return div;
    }

    function stopRacer(r, why) {
      if (r.running) {
        r.running = false;
        r.ended = why;
      }
      r.stopButton.disabled = true;
      say(r);
    }

    function say(r) {
      const unit = race.task === 'adder' ? 'examples' : 'tokens';
      let text = r.last ? 'step ' + r.last.steps + ', ' + r.seen.toLocaleString('en') + ' ' + unit + ', loss '
        + Forms.number(r.last.loss, 4) : 'starting…';
      if (race.task === 'adder' && r.last) text += ', ' + (100 * r.last.sampleAccuracy).toFixed(1) + '% of random pairs';
      if (r.ppl) text += ', validation perplexity ' + r.ppl.toFixed(3);
      if (r.finished) {
        text += '. Finished in ' + r.finished.seconds.toFixed(1) + ' s, after ' + r.finished.seen.toLocaleString('en') + ' ' + unit + '.';
      } else if (r.ended) {
        text += '. ' + (r.ended === 'failed' ? 'Failed: ' + r.error : 'Stopped') + '.';
      }
      r.status.textContent = text;
    }

    function draw() {
      Charts.draw($('race-loss'), racers.map((r) => ({ points: r.loss, color: COLORS[r.cell], label: NAMES[r.cell] })),
        { xLabel: race && race.task === 'word' ? 'tokens seen' : 'examples seen', empty: 'No race yet: press Start.' });
      const flows = [];
      for (const r of racers) {
        if (!r.flow) continue;
        const T = r.flow.length;
        flows.push({ points: r.flow.map((x, t) => [T - 1 - t, x]), color: COLORS[r.cell], label: NAMES[r.cell] });
      }
      Charts.draw($('race-flow'), flows, { xLabel: 'steps back from the end of the window', log: true, empty: 'No race yet: press Start.' });
      $('race-loss').dataset.racers = String(racers.filter((r) => r.loss.length).length);
    }

    // the adder's finish: all pairs (a sample of them from 11 bits on), checked in short calls
    async function adderFinished(r) {
      let a;
      do {
        a = await r.conn.call({ cmd: 'adder.accuracy', pairs: 4096 });
      } while (a.ok && !a.done);
      return a.ok && a.accuracy === 1;
    }

    async function validated(r) {
      let v;
      do {
        v = await r.conn.call({ cmd: 'word.validate', ms: CALL_MS });
      } while (v.ok && !v.done);
      if (v.ok) r.ppl = v.perplexity;
      return v.ok && v.perplexity <= race.target;
    }

    async function run(r) {
      let checked = 0;
      while (r.running) {
        const t = await r.conn.call({ cmd: race.task + '.train', ms: CALL_MS });
        if (!r.running) break;
        if (!t.ok) {
          r.error = t.error;
          stopRacer(r, 'failed');
          break;
        }
        if (t.done > 0) {
          r.last = t;
          r.seen = race.task === 'adder' ? t.examples : t.tokens;
          r.loss.push([r.seen, t.loss]);
          if (t.flow) {
            const top = t.flow.layers[t.flow.layers.length - 1];
            r.flow = r.flow && r.flow.length === top.length ? r.flow.map((x, i) => 0.8 * x + 0.2 * top[i]) : top.slice();
          }
        }
        let done = false;
        if (race.task === 'adder' && t.sampleAccuracy === 1) done = await adderFinished(r);
        if (race.task === 'word' && performance.now() - checked > 2000) {
          checked = performance.now();
          done = await validated(r);
        }
        if (done) {
          r.finished = { seconds: (performance.now() - race.t0) / 1000, seen: r.seen };
          if (!race.first) race.first = r;
          stopRacer(r, 'finished');
          announce();
        }
        say(r);
      }
    }

    function announce() {
      const done = racers.filter((r) => r.finished).sort((a, b) => a.finished.seconds - b.finished.seconds);
      if (!done.length) return;
      const unit = race.task === 'adder' ? 'examples' : 'tokens';
      const line = done.map((r) => NAMES[r.cell] + ' ' + r.finished.seen.toLocaleString('en') + ' ' + unit
        + ' (' + r.finished.seconds.toFixed(1) + ' s)').join(', ');
      const left = racers.filter((r) => !r.finished).map((r) => NAMES[r.cell]);
      // first in time (the racers share this computer's cores); the examples say how much each needed
      $('race-result').textContent = NAMES[done[0].cell] + ' crossed the line first. Finished: ' + line
        + (left.length ? '; not yet: ' + left.join(', ') : '') + '.';
      $('race-result').dataset.winner = done[0].cell;
    }

    async function start() {
      for (const r of racers) {
        r.running = false;
        r.conn.terminate();
      }
      racers = [];
      const s = settings();
      $('race-message').textContent = '';
      $('race-result').textContent = '';
      delete $('race-result').dataset.winner;
      if (!s.cells.length) {
        $('race-message').textContent = 'Choose at least one cell to race.';
        return;
      }
      race = { task: s.task, target: s.target, t0: 0, first: null };
      $('race-racers').replaceChildren();
      $('race-start').disabled = true;
      try {
        for (const cell of s.cells) {
          const r = { cell, conn: await Engine.worker(build), running: true, loss: [], seen: 0, flow: null };
          $('race-racers').appendChild(row(r));
          const made = await r.conn.call({ cmd: s.task + '.new', settings: Object.assign({ cell }, s.settings) });
          if (!made.ok) {
            r.conn.terminate();
            $('race-racers').replaceChildren();
            $('race-message').textContent = Forms.sentence(made.error);
            return;
          }
          racers.push(r);
          say(r);
        }
      } catch (e) {
        $('race-message').textContent = 'A racer could not start: ' + e.message;
        return;
      } finally {
        $('race-start').disabled = false;
      }
      race.t0 = performance.now();
      const timer = setInterval(() => {
        draw();
        if (!racers.some((r) => r.running)) clearInterval(timer);
      }, 300);
      await Promise.all(racers.map(run));
      draw();
      announce();
    }

    function taskChanged() {
      const adder = form.elements.task.value === 'adder';
      form.elements.bits.disabled = !adder;
      form.elements.target.disabled = adder;
      form.elements.hidden.value = adder ? '16' : '64';
    }

    form.addEventListener('submit', (e) => e.preventDefault());
    form.elements.task.addEventListener('change', taskChanged);
    $('race-start').addEventListener('click', start);
    $('race-stop').addEventListener('click', () => racers.forEach((r) => stopRacer(r, r.finished ? 'finished' : 'stopped')));
    taskChanged();
    Charts.draw($('race-loss'), [], { empty: 'No race yet: press Start.' });
    Charts.draw($('race-flow'), [], { empty: 'No race yet: press Start.' });
    return { start };
  }

  return { create };
})();
