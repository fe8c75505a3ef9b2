'use strict';
// Which prompt tokens a prediction leans on: each token of the prompt, as the model reads it,
// shaded by ||d log p(top) / d x_t|| (the engine's connectivity), the largest darkest. Hovering
// shows the number; tapping (or focusing) a token writes it in the line below.
const ConnectivityView = (() => {
  function show(token) {
    return token === '\n' ? '¶' : token === ' ' ? '␣' : token;
  }

  // box: the element of the shaded tokens; note: the line for a tapped token's number; c: the
  // reply's connectivity ({target, tokens, norms}) or undefined (nothing to show)
  function draw(box, note, c) {
    box.replaceChildren();
    note.textContent = '';
    if (!c || !c.tokens.length) return;
    const max = Math.max(...c.norms, 1e-300);
    const label = document.createElement('span');
    label.className = 'links-label';
    label.textContent = 'What "' + show(c.target) + '" leans on: ';
    box.appendChild(label);
    c.tokens.forEach((t, i) => {
      const span = document.createElement('span');
      span.className = 'link';
      span.textContent = show(t);
      span.tabIndex = 0;
      const share = c.norms[i] / max;
      span.style.background = 'rgba(191, 57, 137, ' + (0.08 + 0.72 * share).toFixed(3) + ')';
      span.style.color = share > 0.6 ? '#fff' : '';
      const says = '"' + show(t) + '": ' + c.norms[i].toPrecision(3) + ' (' + Math.round(100 * share) + '% of the most)';
      span.title = says;
      const tell = () => { note.textContent = says + ': how much nudging this input moves log p("' + show(c.target) + '").'; };
      span.addEventListener('click', tell);
      span.addEventListener('focus', tell);
      box.appendChild(span);
    });
  }

  return { draw };
})();
