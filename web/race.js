'use strict';
// The race: the recurrent cells the engine offers (those chosen, and two initializations the seeds
// name: a chrono LSTM and the IRNN) trained on the same task, seed and data side by side, each in a
// worker of its own, their loss and gradient flow on shared charts, to a finish line that the task's
// panel sets (its module's race: see panels.js): the adder adding all pairs, the next-word model
// reaching a validation perplexity, a memory task solved. Each racer can be stopped, and opened in
// its panel to try and train further.
const Race = (() => {
  const PALETTE = ['#cf222e', '#bc4c00', '#1f6feb', '#1a7f37', '#8250df', '#0a3069'];
  const CALL_MS = 100;
  const $ = (id) => document.getElementById(id);

  // A cell's name on the race's lines: its label without the parenthesis ("RNN (tanh)" -> "RNN"),
  // unless another racer's label begins alike.
  function names(cells) {
    const base = (c) => c.label.replace(/ \(.*\)$/, '');
    return Object.fromEntries(cells.map((c) => [c.id, cells.filter((o) => base(o) === base(c)).length > 1 ? c.label : base(c)]));
  }

  // A race setting of a task: a number, or a choice (f.choices: [[id, label], ...]); f.setting is the
  // engine's name for it where the race's form needs another (the race's own "task")
  const input = (f) => (f.choices ? '<label>' + f.label + ' <select name="' + f.name + '">' + f.choices.map(([id, label]) => '<option'
    + ' value="' + id + '"' + (id === f.value ? ' selected' : '') + '>' + label + '</option>').join('') + '</select></label>'
    : '<label>' + f.label + ' <input name="' + f.name + '" type="number" value="' + f.value + '"'
    + (f.min !== undefined ? ' min="' + f.min + '"' : '') + (f.max !== undefined ? ' max="' + f.max + '"' : '')
    + (f.step ? ' step="' + f.step + '"' : '') + '></label>');

  // entries: [description, module] of each panel that can race (its module has a race)
  function build(entries) {
    const tasks = Object.fromEntries(entries.map(([d, m]) => [d.name, RaceEntrants.race(d, m.race)]));
    const cells = RaceEntrants.contenders(entries[0][0].settings);
    const bases = new Set();
    const cellBoxes = cells.map((c, i) => {
      // each kind of cell once, at first (the plain RNN's first nonlinearity); no variant
      const base = c.label.replace(/ \(.*\)$/, '');
      const on = !bases.has(base) && !c.variant;
      bases.add(base);
      return '<label><input type="checkbox" name="' + c.id + '"' + (on ? ' checked' : '') + '> ' + c.label + '</label>';
    });
    const own = [...new Map(Object.values(tasks).flatMap((t) => [...t.fields, ...(t.finish ? [t.finish] : [])])
      .map((f) => [f.name, f])).values()];
    const tab = document.createElement('button');
    Object.assign(tab, { id: 'tab-race', textContent: 'Race' });
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', 'panel-race');
    const section = document.createElement('section');
    Object.assign(section, { id: 'panel-race', hidden: true });
    section.setAttribute('role', 'tabpanel');
    section.setAttribute('aria-labelledby', 'tab-race');
    section.append(PanelMarkup.fragment('<p class="explain">Race the recurrent cells on the same task, with the same seed and the'
      + ' same data, each in a worker of its own, to a finish line: ' + entries.map(([, m]) => m.race.goal).join(', or ')
      + '. On long numbers (24 bits and more), or across a long gap, the cells part ways. Stop a racer, or open it in its panel'
      + ' to try it and train it further.</p><form id="race-settings" class="settings" autocomplete="off"><label>Task <select name="task">'
      + entries.map(([d]) => '<option value="' + d.name + '">' + tasks[d.name].label + '</option>').join('') + '</select></label>'
      + '<fieldset class="cells"><legend>Cells</legend>' + cellBoxes.join('') + '</fieldset>'
      + input({ name: 'hidden', label: 'Hidden size', value: entries[0][1].race.hidden, min: 1, max: 256 })
      + own.map(input).join('') + input({ name: 'seed', label: 'Seed', value: 1 }) + '</form>'
      + '<div class="buttons"><button id="race-start" class="primary">Start the race</button> <button id="race-stop">Stop all'
      + '</button></div><p id="race-message" class="message" role="alert"></p><p id="race-result" class="progress" aria-live="polite">'
      + '</p><div id="race-racers" class="racers"></div><div class="charts"><figure><canvas id="race-loss" width="440" height="220"'
      + ' aria-label="racers\' training loss chart"></canvas><figcaption>Training loss of each racer</figcaption></figure><figure>'
      + '<canvas id="race-flow" width="440" height="220" aria-label="racers\' gradient flow chart"></canvas><figcaption>Gradient'
      + ' reaching each step of the window, top layer (log scale)</figcaption></figure></div>'));
    const color = Object.fromEntries(cells.map((c, i) => [c.id, PALETTE[i % PALETTE.length]]));
    for (const c of section.querySelectorAll('canvas')) Charts.draw(c, [], { empty: 'No race yet: press Start.' });
    return { tab, section, refuse: (why) => refuse(why), start: (engineBuild, openIn) => wire(tasks, cells, color, engineBuild, openIn) };
  }

  function refuse(why) {
    $('race-message').textContent = why;
    $('race-start').disabled = true;
  }

  // tasks: name -> the panel's race; engineBuild: 'wasm' or 'js'; openIn(task, model text, name):
  // opens a racer's model in its panel
  function wire(tasks, cells, color, engineBuild, openIn) {
    const form = $('race-settings');
    let racers = [];
    let race = null; // {task, settings, t0, name}
    const nameOf = (cell) => race.name[cell];

    function settings() {
      const e = form.elements;
      const task = e.task.value;
      const t = tasks[task];
      const chosen = cells.filter((c) => e.namedItem(c.id).checked);
      const own = Object.fromEntries(t.fields.map((f) => [f.setting || f.name,
        f.choices ? e.namedItem(f.name).value : Number(e.namedItem(f.name).value)]));
      const finish = t.finish ? { [t.finish.name]: Number(e.namedItem(t.finish.name).value) } : {};
      return { task, cells: chosen, finish, settings: Object.assign({ hidden: Number(e.hidden.value), seed: Number(e.seed.value) }, own) };
    }

    function row(r) {
      const div = document.createElement('div');
      div.className = 'racer';
      const name = document.createElement('strong');
      name.textContent = nameOf(r.cell);
      name.style.color = color[r.cell];
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
        const saved = await ask(r, { cmd: race.task + '.save' });
        if (!saved.ok) {
          r.status.textContent = 'Could not take the model: ' + saved.error;
          return;
        }
        await openIn(race.task, saved.model, 'the race\'s ' + nameOf(r.cell));
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
      const t = tasks[race.task];
      let text = r.last ? 'step ' + r.last.steps + ', ' + r.seen.toLocaleString('en') + ' ' + t.seen + ', loss '
        + Forms.number(r.last.loss, 4) : 'starting…';
      const own = r.last ? t.said(r.last, r) : '';
      if (own) text += ', ' + own;
      if (r.finished) {
        text += '. Finished in ' + r.finished.seconds.toFixed(1) + ' s, after ' + r.finished.seen.toLocaleString('en') + ' ' + t.seen + '.';
      } else if (r.ended) {
        text += '. ' + (r.ended === 'failed' ? 'Failed: ' + r.error : 'Stopped') + '.';
      }
      r.status.textContent = text;
    }

    function draw() {
      const t = race ? tasks[race.task] : null;
      const lines = racers.map((r) => ({ points: r.loss, color: color[r.cell], label: nameOf(r.cell) }));
      // a task's own line across the chart (a memory task: the loss of a model that remembers nothing)
      const base = t && t.baseline && racers.length && racers[0].made ? t.baseline(racers[0].made) : null;
      const xs = racers.flatMap((r) => (r.loss.length ? [r.loss[0][0], r.loss[r.loss.length - 1][0]] : []));
      if (base && xs.length) {
        lines.push({ points: [[Math.min(...xs), base.y], [Math.max(...xs), base.y]], color: '#8c959f', dashed: true, label: base.label });
      }
      Charts.draw($('race-loss'), lines, { xLabel: t ? t.seen + ' seen' : 'examples seen', log: !!(t && t.logLoss),
        empty: 'No race yet: press Start.' });
      const flows = [];
      for (const r of racers) {
        if (!r.flow) continue;
        const T = r.flow.length;
        flows.push({ points: r.flow.map((x, t) => [T - 1 - t, x]), color: color[r.cell], label: nameOf(r.cell) });
      }
      Charts.draw($('race-flow'), flows, { xLabel: 'steps back from the end of the window', log: true, empty: 'No race yet: press Start.' });
      $('race-loss').dataset.racers = String(racers.filter((r) => r.loss.length).length);
    }

    // A racer's calls: a racer stopped (Stop, a new race) has its worker ended, and what it had
    // under way fails quietly; a call failing while it races is its failure.
    async function ask(r, request) {
      try {
        return await r.conn.call(request);
      } catch (e) {
        return { ok: false, error: e.message };
      }
    }

    async function run(r) {
      const t = tasks[race.task];
      while (r.running) {
        const reply = await ask(r, { cmd: race.task + '.train', ms: CALL_MS });
        if (!r.running) break;
        if (!reply.ok) {
          r.error = reply.error;
          stopRacer(r, 'failed');
          break;
        }
        if (reply.done > 0) {
          r.last = reply;
          r.seen = reply[t.seen];
          r.loss.push([r.seen, reply.loss]);
          if (reply.flow) {
            const top = reply.flow.layers[reply.flow.layers.length - 1];
            r.flow = r.flow && r.flow.length === top.length ? r.flow.map((x, i) => 0.8 * x + 0.2 * top[i]) : top.slice();
          }
        }
        if (await t.finished((request) => ask(r, request), reply, r, race.finish)) {
          r.finished = { seconds: (performance.now() - race.t0) / 1000, seen: r.seen };
          stopRacer(r, 'finished');
          announce();
        }
        say(r);
      }
    }

    function announce() {
      const done = racers.filter((r) => r.finished).sort((a, b) => a.finished.seconds - b.finished.seconds);
      if (!done.length) return;
      const unit = tasks[race.task].seen;
      const line = done.map((r) => nameOf(r.cell) + ' ' + r.finished.seen.toLocaleString('en') + ' ' + unit
        + ' (' + r.finished.seconds.toFixed(1) + ' s)').join(', ');
      const left = racers.filter((r) => !r.finished).map((r) => nameOf(r.cell));
      // first in time (the racers share this computer's cores); the examples say how much each needed
      $('race-result').textContent = nameOf(done[0].cell) + ' crossed the line first. Finished: ' + line
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
      race = { task: s.task, finish: s.finish, t0: 0, name: names(s.cells) };
      $('race-racers').replaceChildren();
      $('race-start').disabled = true;
      try {
        for (const cell of s.cells) {
          const r = { cell: cell.id, conn: await Engine.worker(engineBuild), running: true, loss: [], seen: 0, flow: null };
          $('race-racers').appendChild(row(r));
          const made = await r.conn.call({ cmd: s.task + '.new', settings: Object.assign({}, s.settings, cell.settings) });
          r.made = made;
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

    // the fields of the chosen task on, the others' off, and its hidden size
    function taskChanged() {
      const t = tasks[form.elements.task.value];
      const mine = new Set([...t.fields, ...(t.finish ? [t.finish] : [])].map((f) => f.name));
      for (const f of Object.values(tasks).flatMap((x) => [...x.fields, ...(x.finish ? [x.finish] : [])])) {
        const control = form.elements.namedItem(f.name);
        control.disabled = !mine.has(f.name);
        control.closest('label').hidden = !mine.has(f.name);
      }
      form.elements.hidden.value = String(t.hidden);
    }

    form.addEventListener('submit', (e) => e.preventDefault());
    form.elements.task.addEventListener('change', taskChanged);
    $('race-start').addEventListener('click', start);
    $('race-stop').addEventListener('click', () => racers.forEach((r) => stopRacer(r, r.finished ? 'finished' : 'stopped')));
    taskChanged();
    draw();
  }

  return { build };
})();
