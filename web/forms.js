'use strict';
// Settings forms, built from the engine's description of each setting (name, label, kind, default,
// limits, choices: tearnn.settings.Setting), so the page holds no default, limit or label of its own;
// and the messages a reply carries, shown beside the control they are about.
const Forms = (() => {
  // One control: a select for a choice, a checkbox for a flag, a number box for a whole number, a
  // text box for any other number (so "1e-3" and "0.001" both read as typed). The setting's default
  // is the control's own default (defaultValue, defaultChecked, defaultSelected), so that what differs
  // from it can be told (see link.js).
  function control(s) {
    const label = document.createElement('label');
    let input;
    if (s.kind === 'choice') {
      input = document.createElement('select');
      for (const c of s.choices) {
        const o = document.createElement('option');
        o.value = c.id;
        o.textContent = c.label;
        o.defaultSelected = c.id === s.default;
        input.appendChild(o);
      }
      input.value = s.default;
    } else {
      input = document.createElement('input');
      if (s.kind === 'flag') {
        input.type = 'checkbox';
        input.defaultChecked = s.default === 'true';
      } else if (s.kind === 'integer') {
        input.type = 'number';
        input.min = String(s.min);
        input.max = String(s.max);
        input.defaultValue = s.default;
      } else {
        input.type = 'text';
        input.inputMode = 'decimal';
        input.defaultValue = s.default;
      }
    }
    input.name = s.name;
    // a setting that applies only at some choices of others ({init: ['chrono']}) is shown only then
    if (s.shownWhen) label.dataset.shownWhen = JSON.stringify(s.shownWhen);
    if (s.kind === 'flag') label.className = 'flag';
    if (s.kind === 'flag') label.append(input, ' ' + s.label);
    else label.append(s.label + ' ', input);
    return label;
  }

  // Fills the container with one labelled control per setting, in the given order. A setting whose
  // default depends on another's choice (defaultWhen: {level: {char: '128'}}; a choice's too) follows it: when that
  // choice changes, a field still at the old choice's default takes the new one's (a typed value stays).
  function build(container, settings) {
    container.replaceChildren(...settings.map(control));
    container.addEventListener('change', () => showApplying(container));
    showApplying(container);
    const field = (name) => container.querySelector('[name="' + name + '"]');
    for (const s of settings) {
      for (const [other, byChoice] of Object.entries(s.defaultWhen || {})) {
        const chooser = field(other);
        if (!chooser) continue;
        const defaultFor = (choice) => (choice in byChoice ? byChoice[choice] : s.default);
        // at the start, the default the chooser's first choice sets (the window of the first series)
        const input0 = field(s.name);
        if (input0 && input0.value === String(s.default) && defaultFor(chooser.value) !== s.default) {
          if (input0.tagName !== 'SELECT') input0.defaultValue = defaultFor(chooser.value);
          input0.value = defaultFor(chooser.value);
        }
        // the choice before the change (a form filled from a model's settings changes it silently)
        let before = chooser.value;
        chooser.addEventListener('focus', () => { before = chooser.value; });
        chooser.addEventListener('change', () => {
          const input = field(s.name);
          const atDefault = input && (input.tagName === 'SELECT' ? input.value === defaultFor(before)
            : Number(input.value) === Number(defaultFor(before)));
          if (atDefault) input.value = defaultFor(chooser.value);
          before = chooser.value;
        });
      }
    }
  }

  // Shows the settings that apply at the choices the form now holds, and hides the others (a
  // peephole is an LSTM's; chrono's T_max is chrono's).
  function showApplying(root) {
    const valueOf = (name) => {
      const el = root.querySelector('[name="' + name + '"]');
      return !el ? null : el.type === 'checkbox' ? String(el.checked) : el.value;
    };
    for (const label of root.querySelectorAll('[data-shown-when]')) {
      const when = JSON.parse(label.dataset.shownWhen);
      label.hidden = !Object.entries(when).every(([other, choices]) => choices.includes(valueOf(other)));
    }
  }

  // The form's settings by name (checkboxes as true/false, the rest as typed); corpus controls
  // (radio buttons, the text box, file choosers) are not settings, and a setting hidden because it
  // does not apply is left out (it keeps its default).
  function values(form) {
    const out = {};
    for (const el of form.elements) {
      if (!el.name || el.type === 'radio' || el.tagName === 'TEXTAREA' || el.type === 'file') continue;
      if (el.closest('label[hidden]')) continue;
      out[el.name] = el.type === 'checkbox' ? el.checked : el.value;
    }
    return out;
  }

  // Shows these values (a model's own settings, as the engine reports them) in the form.
  function fill(form, settings) {
    for (const [k, v] of Object.entries(settings || {})) {
      // by namedItem: form.elements.length is the count of controls, not the setting named 'length'
      const el = form.elements.namedItem(k);
      if (!el || el.type === 'file' || el.type === 'radio') continue;
      if (el.type === 'checkbox') el.checked = v === true || v === 'true';
      else el.value = v;
    }
    showApplying(form);
  }

  function clearErrors(root) {
    for (const el of root.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
    for (const el of root.querySelectorAll('.field-error')) el.remove();
  }

  const sentence = (m) => m ? m.charAt(0).toUpperCase() + m.slice(1) : m;

  // A note beside the control (after its label), of class 'message' (an error) or 'status'.
  function note(control, text, kind) {
    const span = document.createElement('span');
    span.className = 'field-error ' + kind;
    span.textContent = text;
    (control.closest('label') || control).after(span);
  }

  // Shows a reply's error beside the control it names (reply.field), in the element that
  // places[field] names where a panel has one, or else in the fallback element.
  function showError(root, reply, fallbackEl, places) {
    const el = reply.field ? root.querySelector('[name="' + reply.field + '"]') : null;
    const place = reply.field && places ? places[reply.field] : null;
    if (el) el.setAttribute('aria-invalid', 'true');
    if (place) {
      place.textContent = sentence(reply.error);
    } else if (el) {
      note(el, sentence(reply.error), 'message');
      fallbackEl.textContent = '';
    } else {
      fallbackEl.textContent = sentence(reply.error);
    }
  }

  // A measurement as a person reads it: fixed decimals while it is of a sensible size, four
  // significant digits past it (a blown-up loss is 2.801e+26, not 280140591373402920000000000).
  function number(v, decimals) {
    return Math.abs(v) < 1e5 ? v.toFixed(decimals) : v.toPrecision(4);
  }

  // name -> label of every setting described.
  function labels(settings) {
    const out = {};
    for (const s of settings) out[s.name] = s.label;
    return out;
  }

  return { build, values, fill, labels, number, clearErrors, sentence, note, showError };
})();
