'use strict';
// The next-token bars for a prompt: each of the most probable next tokens with its probability, and
// the prompt's words the vocabulary lacks (read as <unk>).
const PredictionsView = (() => {
  const show = (token) => (token === '\n' ? '¶' : token === ' ' ? '␣' : token);

  // box: the bars' element; r: a word.predict reply ({unknown, top: [{token, p}]}) or a failed one
  function draw(box, r) {
    box.replaceChildren();
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
      w.textContent = show(t.token);
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

  return { draw };
})();
