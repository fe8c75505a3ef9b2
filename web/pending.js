'use strict';
// Changes that need a new model, made while one exists (a setting, or the corpus): marked beside
// their controls and said in one note, with what Train will do. Until then the model goes on as it
// is, to train, try and download; "Keep the current settings" puts the form back to the model's.
// A question the model there asks before it trains (an opened word model on another text than its
// own: train it on this one?) is said in the same note; Train is the answer (agree).
const PendingChanges = (() => {
  // settings: the panel's setting descriptions; tunable: the names a model in training takes, which
  // are never pending; el(part): the panel's element {name}-{part}; onChange(): the note changed.
  function create(form, settings, tunable, el, noun, onChange) {
    const described = {};
    for (const s of settings) described[s.name] = s;
    let model = null;
    const other = new Map();
    // the question asked before the model there trains: {words, label} (null: none)
    let question = null;

    // A value as the form shows it: a choice by its label.
    function shown(name, v) {
      const d = described[name];
      const c = d && d.kind === 'choice' ? d.choices.find((x) => x.id === v) : null;
      return c ? c.label : String(v);
    }

    const same = (a, b) => String(a) === String(b) || (String(a).trim() !== '' && Number(a) === Number(b));

    // The settings whose form value differs from the model's.
    function changed() {
      if (!model) return [];
      const now = Forms.values(form);
      return Object.keys(model).filter((k) => k in now && !tunable.includes(k) && !same(now[k], model[k]));
    }

    function refresh() {
      const names = changed();
      for (const c of form.querySelectorAll('.pending-field')) c.classList.remove('pending-field');
      const now = Forms.values(form);
      const items = names.map((k) => {
        const c = form.elements.namedItem(k);
        (c.closest('label') || c).classList.add('pending-field');
        return described[k].label + ' ' + shown(k, now[k]) + ' (the model has ' + shown(k, model[k]) + ')';
      }).concat([...other.values()]);
      el('pending').hidden = items.length === 0 && !question;
      el('pending-undo').hidden = names.length === 0;
      if (items.length) {
        el('pending-what').textContent = 'Changed: ' + items.join(', ') + '. Train starts a new ' + noun + ' with '
          + (items.length > 1 ? 'these' : 'this') + '; until then the current one stays as it is.';
      } else if (question) {
        el('pending-what').textContent = question.words;
      }
      onChange();
    }

    function anyChange() {
      return changed().length > 0 || other.size > 0;
    }

    el('pending-undo').addEventListener('click', () => {
      Forms.fill(form, model);
      refresh();
    });

    return {
      // A model is there, with these settings (as the engine reports them): nothing is pending.
      model(settings) {
        model = Object.assign({}, settings);
        other.clear();
        question = null;
        refresh();
      },
      // The model there asks before it trains (words: the note; label: the Train button's).
      ask(words, label) {
        question = { words, label };
        refresh();
      },
      // Train was pressed: the answer to the question, if one was asked.
      agree() {
        if (!question) return;
        question = null;
        refresh();
      },
      // the Train button's label while a question waits (null: none)
      asking: () => (question && !anyChange() ? question.label : null),
      // Another change that needs a new model (key: what it is, words: how the note says it).
      add(key, words) {
        if (!model) return;
        other.set(key, words);
        refresh();
      },
      // That other change is undone.
      remove(key) {
        if (other.delete(key)) refresh();
      },
      // A setting the model in training took.
      took(name, value) {
        if (model) model[name] = String(value);
      },
      refresh,
      any: anyChange,
    };
  }

  return { create };
})();
