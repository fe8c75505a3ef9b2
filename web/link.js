'use strict';
// The page's setup in its address, so that a link opens the same experiment: the tab, and the
// settings of that tab's form that differ from their defaults (#word?cell=gru&hidden=64). The
// address follows the page as a person changes the tab or a setting (without adding to the
// browser's history). A link is taken when the page opens from it: its tab is shown and its settings
// are put in the form (where a model is already there, they are a pending change, as if typed); a
// tab or a setting the page does not know, or a value out of range, is left out, and the page says
// so. A reload keeps the tab, and shows the settings of the models that come back.
const Link = (() => {
  // {tab, values: [[name, value], ...]} from an address's hash ('' or '#': none)
  function parse(hash) {
    const text = decodeURIComponent(hash.replace(/^#/, ''));
    if (!text) return null;
    const q = text.indexOf('?');
    const tab = q < 0 ? text : text.slice(0, q);
    return { tab, values: q < 0 ? [] : [...new URLSearchParams(text.slice(q + 1)).entries()] };
  }

  // Whether `value` is one the setting takes (described: the engine's description; else the control's own limits).
  function takes(control, described, value) {
    if (described) {
      if (described.kind === 'choice') return described.choices.some((c) => c.id === value);
      if (described.kind === 'flag') return value === 'true' || value === 'false';
      const v = Number(value);
      if (value.trim() === '' || !Number.isFinite(v) || v < described.min || v > described.max) return false;
      return described.kind !== 'integer' || Number.isInteger(v);
    }
    if (control.type === 'checkbox') return value === 'true' || value === 'false';
    if (control.tagName === 'SELECT') return [...control.options].some((o) => o.value === value);
    const was = control.value;
    control.value = value;
    const ok = control.value === value && control.checkValidity();
    control.value = was;
    return ok;
  }

  const settable = (form) => [...form.elements].filter((e) => e.name && e.type !== 'file' && e.type !== 'radio'
    && e.tagName !== 'TEXTAREA' && e.tagName !== 'FIELDSET');
  const valueOf = (e) => (e.type === 'checkbox' ? String(e.checked) : e.value);
  const defaultOf = (e) => (e.type === 'checkbox' ? String(e.defaultChecked)
    : e.tagName === 'SELECT' ? ([...e.options].find((o) => o.defaultSelected) || e.options[0] || {}).value : e.defaultValue);

  // The address of the page as it stands: the tab, and its form's settings that differ from their defaults.
  function of(tab, form) {
    const changed = form ? settable(form).filter((e) => valueOf(e) !== defaultOf(e)).map((e) => [e.name, valueOf(e)]) : [];
    return '#' + tab + (changed.length ? '?' + new URLSearchParams(changed).toString() : '');
  }

  // tabs: name -> {form, settings (described, or none)}; select(name): shows that tab. Takes the
  // link in location.hash; returns what of it was left out, in words ('' when all was taken).
  function take(tabs, select) {
    const link = parse(location.hash);
    if (!link) return '';
    const tab = tabs[link.tab];
    if (!tab) return 'The link names a tab this page does not have ("' + link.tab + '"): here is the first.';
    select(link.tab);
    const navigation = performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
    if (navigation && navigation.type === 'reload') return '';
    const described = Object.fromEntries((tab.settings || []).map((s) => [s.name, s]));
    const left = [];
    for (const [name, value] of link.values) {
      const control = tab.form.elements.namedItem(name);
      if (!control || !control.name || !takes(control, described[name], value)) {
        left.push(name + ' ' + value);
        continue;
      }
      if (control.type === 'checkbox') control.checked = value === 'true';
      else control.value = value;
      control.dispatchEvent(new Event('change', { bubbles: true }));
    }
    return left.length ? 'The link\'s ' + (left.length > 1 ? 'settings ' : 'setting ') + left.join(', ') + (left.length > 1
      ? ' are not ones' : ' is not one') + ' this page takes: the default stays.' : '';
  }

  // Keeps the address on the page as it stands (replacing it: the Back button is not filled with settings).
  function follow(tab, form) {
    const address = of(tab, form);
    if (location.hash !== address) history.replaceState(null, '', address);
  }

  return { parse, of, take, follow };
})();
