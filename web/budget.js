'use strict';
// A panel's time budget ("for 3 minutes" beside Train): the time spent training counts, pauses do
// not; each training call tells the engine the share spent (its learning rate warms up, then decays
// to 0 as the time runs out: optim.TimeBudget), and when it is spent training stops. The budget is
// kept with the model, so a page reloaded mid-budget goes on where it was.
const Budget = (() => {
  // select: the panel's budget select (null: the panel has none); left: where the time left is said;
  // running(): whether the panel is training now.
  function create(select, left, running) {
    const b = { seconds: 0, spent: 0, since: 0, done: false };
    const spent = () => b.spent + (running() && b.since ? (performance.now() - b.since) / 1000 : 0);
    const share = () => (b.seconds > 0 ? spent() / b.seconds : null);

    function show() {
      if (!select || b.done) return;
      const rest = b.seconds > 0 ? Math.max(0, b.seconds - spent()) : 0;
      const text = b.seconds > 0 && b.spent + (b.since ? 1 : 0) > 0 && rest > 0
        ? Math.floor(rest / 60) + ':' + String(Math.floor(rest % 60)).padStart(2, '0') + ' left' : '';
      // written only when it changes: every write makes the browser draw a frame
      if (left.textContent !== text) left.textContent = text;
    }

    // The budget is spent: training has stopped, and the page says so.
    function finish() {
      const s = b.seconds;
      const time = s % 60 === 0 ? (s === 60 ? '1 minute' : s / 60 + ' minutes') : s + ' seconds';
      left.textContent = 'Trained for ' + time + ': the learning rate ran down to 0 at the end. Resume trains for another '
        + time + '.';
      b.done = true;
    }

    if (select) {
      select.addEventListener('change', () => {
        // another length: a budget of its own from now
        Object.assign(b, { seconds: Number(select.value), spent: 0, since: running() ? performance.now() : 0, done: false });
        left.textContent = '';
        show();
      });
    }

    return {
      share,
      show,
      finish,
      // whether the budget under way is spent
      over: () => share() !== null && share() >= 1,
      // whether the last training ended because its budget was spent
      get done() { return b.done; },
      // Train: a new budget when none is under way, another length was chosen, or the last one is spent
      start() {
        const seconds = select ? Number(select.value) : 0;
        if (seconds !== b.seconds || b.spent >= seconds) Object.assign(b, { seconds, spent: 0 });
        b.since = performance.now();
        b.done = false;
      },
      pause() {
        if (b.since) b.spent += (performance.now() - b.since) / 1000;
        b.since = 0;
      },
      // a new model starts a budget of its own
      reset() {
        Object.assign(b, { spent: 0, since: running() ? performance.now() : 0 });
      },
      // what is kept with the model (null: no budget under way)
      record: () => (b.seconds > 0 ? { seconds: b.seconds, spent: spent() } : null),
      // the budget kept with a model
      restore(kept) {
        if (!select || !kept || !(kept.seconds > 0) || !(kept.spent >= 0)
          || ![...select.options].some((o) => Number(o.value) === kept.seconds)) return;
        select.value = String(kept.seconds);
        Object.assign(b, { seconds: kept.seconds, spent: Math.min(kept.spent, kept.seconds), since: 0, done: false });
        if (b.spent >= b.seconds) finish();
        else show();
      },
    };
  }

  return { create };
})();
