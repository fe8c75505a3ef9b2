'use strict';
// The word panel's corpus: the built-in grammar, or a text pasted or opened from a file, and, if the
// person has one, a held-out text of their own from a second file (else the engine holds out the
// last tenth of the text). A long text
// is kept aside and the box shows its beginning, read-only: with megabytes in a text box, the browser
// lays them out again on every change to the page, and training would crawl. The longest text the
// page takes is the engine's (limits.textCharacters); a longer one is refused here, before it is
// sent, with its length in characters.
const CorpusBox = (() => {
  const $ = (id) => document.getElementById(id);
  const SHOWN = 20000;

  // onChange(): the corpus changed (the model in training stays, the next Train starts a new one).
  function create(maxCharacters, onChange) {
    const box = $('word-text');
    const panel = $('panel-word');
    let keptAside = null;
    // what the text is called: its file's name, or 'pasted text'
    let named = 'pasted text';
    // the held-out text from the second file, and its file's name (null: none)
    let held = null;
    const count = (n) => n.toLocaleString('en');

    function source() {
      return panel.querySelector('input[name="source"]:checked').value;
    }

    // The corpus text, or null for the built-in grammar.
    function text() {
      if (source() === 'builtin') return null;
      return keptAside !== null ? keptAside : box.value;
    }

    function show(t, what) {
      if (t.length <= SHOWN) {
        keptAside = null;
        box.value = t;
        box.readOnly = false;
        $('word-text-note').hidden = true;
        return;
      }
      keptAside = t;
      box.value = t.slice(0, SHOWN) + '\n…';
      box.readOnly = true;
      $('word-text-what').textContent = what + ': ' + count(t.length) + ' characters, all used; the box shows the beginning.';
      $('word-text-note').hidden = false;
    }

    function useText() {
      panel.querySelector('input[name="source"][value="paste"]').checked = true;
      onChange();
    }

    // Refuses a text longer than the page takes, beside the box; returns whether it fits.
    function fits(length) {
      if (length <= maxCharacters) return true;
      box.setAttribute('aria-invalid', 'true');
      $('word-text-message').textContent = 'The text is ' + count(length) + ' characters long; the page takes at most '
        + count(maxCharacters) + ' (about 5 MB). Use the command line for bigger texts.';
      return false;
    }

    box.addEventListener('paste', (e) => {
      const pasted = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      if (box.readOnly || pasted.length <= SHOWN) return;
      e.preventDefault();
      show(box.value.slice(0, box.selectionStart) + pasted + box.value.slice(box.selectionEnd), 'Pasted text');
      named = 'pasted text';
      useText();
    });
    box.addEventListener('input', () => {
      if (box.value.length > SHOWN) show(box.value, 'Pasted text');
      else keptAside = null;
      named = 'pasted text';
      useText();
    });
    $('word-text-clear').addEventListener('click', () => {
      show('', '');
      useText();
      box.focus();
    });
    $('word-file').addEventListener('change', async (e) => {
      const file = e.target.files[0];
      if (!file) return;
      $('word-text-message').textContent = '';
      box.removeAttribute('aria-invalid');
      // a character takes 1 to 4 bytes in UTF-8: a file this big cannot fit, and is not even read
      if (file.size > 4 * maxCharacters) {
        e.target.value = '';
        $('word-text-message').textContent = file.name + ' is ' + (file.size / 1e6).toFixed(1) + ' MB; the page takes at most '
          + count(maxCharacters) + ' characters (about 5 MB). Use the command line for bigger texts.';
        return;
      }
      const t = await file.text();
      if (!fits(t.length)) {
        e.target.value = '';
        return;
      }
      show(t, file.name);
      named = file.name;
      e.target.value = '';
      useText();
    });
    for (const radio of panel.querySelectorAll('input[name="source"]')) radio.addEventListener('change', onChange);

    function showHeld() {
      $('word-valid-what').textContent = held ? 'Held out: ' + held.name + ', ' + count(held.text.length) + ' characters.'
        : 'Without one, the last tenth of the text is held out.';
      $('word-valid-clear').hidden = !held;
    }
    $('word-valid-file').addEventListener('change', async (e) => {
      const file = e.target.files[0];
      e.target.value = '';
      if (!file) return;
      $('word-valid-message').textContent = '';
      if (file.size > 4 * maxCharacters) {
        $('word-valid-message').textContent = file.name + ' is ' + (file.size / 1e6).toFixed(1) + ' MB; the page takes at most '
          + count(maxCharacters) + ' characters (about 5 MB).';
        return;
      }
      const t = await file.text();
      if (t.length > maxCharacters) {
        $('word-valid-message').textContent = file.name + ' is ' + count(t.length) + ' characters long; the page takes at most '
          + count(maxCharacters) + '.';
        return;
      }
      held = { name: file.name, text: t };
      showHeld();
      useText();
    });
    $('word-valid-clear').addEventListener('click', () => {
      held = null;
      showHeld();
      onChange();
    });

    // The held-out text of the person's own (null: none).
    function validText() {
      return held && source() !== 'builtin' ? held.text : null;
    }

    // The request's fields for a new model or a load, or null (refused: too long).
    function request() {
      $('word-text-message').textContent = '';
      $('word-valid-message').textContent = '';
      const t = text();
      if (t !== null && !fits(t.length)) return null;
      return { text: t, textName: t === null ? null : named, validText: validText() };
    }

    // Puts back a kept record's corpus (its source, text and held-out text).
    function restore(record) {
      panel.querySelector('input[name="source"][value="' + (record.source === 'paste' ? 'paste' : 'builtin') + '"]').checked = true;
      const name = record.textName || 'your text';
      if (typeof record.text === 'string') show(record.text, name.charAt(0).toUpperCase() + name.slice(1));
      named = record.textName || 'pasted text';
      held = typeof record.validText === 'string' ? { name: record.validName || 'your held-out text', text: record.validText } : null;
      showHeld();
    }

    return { text, source, request, restore, validText, validName: () => (held ? held.name : null), textName: () => named };
  }

  // The corpus controls' markup, in the word panel's settings form.
  const markup = `<fieldset class="corpus">
    <legend>Corpus</legend>
    <label><input type="radio" name="source" value="builtin" checked> Built-in grammar</label>
    <label><input type="radio" name="source" value="paste"> Pasted text</label>
    <label class="file">Text file <input id="word-file" type="file" accept=".txt,text/plain"></label>
    <textarea id="word-text" name="text" rows="4" placeholder="Paste any text here (at most 5 MB)" aria-label="pasted text"></textarea>
    <p id="word-text-note" class="explain" hidden><span id="word-text-what"></span> <button type="button" id="word-text-clear">Clear</button></p>
    <p class="message" id="word-text-message" role="alert"></p>
    <label class="file">Held-out text (optional) <input id="word-valid-file" type="file" accept=".txt,text/plain"></label>
    <p id="word-valid-note" class="explain"><span id="word-valid-what">Without one, the last tenth of the text is held out.</span>
      <button type="button" id="word-valid-clear" hidden>Use the last tenth instead</button></p>
    <p class="message" id="word-valid-message" role="alert"></p>
  </fieldset>`;

  // What the model there reads, as a start reply (r) says it: the corpus, its size and vocabulary,
  // and the model's size.
  function describe(r) {
    return (r.builtin ? 'Built-in grammar corpus' : 'Your text') + ': '
      + r.trainTokens.toLocaleString('en') + ' training and ' + r.validationTokens.toLocaleString('en') + ' validation '
      + (r.level === 'char' ? 'characters' : r.split === 'spaces' ? 'words (pre-tokenized: split at spaces, <eos> at line ends)'
        : 'words') + (r.heldOutGiven ? ' (your held-out text)' : '') + ', vocabulary ' + r.vocabulary
      + (r.unknownRate > 0 ? ' (' + (100 * r.unknownRate).toFixed(1) + '% <unk>)' : '')
      + ', ' + r.output + ', ' + r.parameters.toLocaleString('en') + ' parameters.'
      + (r.bestPerplexity ? ' Best possible perplexity ' + r.bestPerplexity.toFixed(3) + '.' : '');
  }

  return { create, markup, describe };
})();
