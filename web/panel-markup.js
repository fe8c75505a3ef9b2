'use strict';
// The markup every training panel shares, built from its module (see panels.js), so that no page
// file repeats a panel's controls: the tab, then in the panel's section its introduction, the
// settings form, Train / Step / Reset (and "for 3 minutes" where the panel trains on a time budget),
// the pending changes, messages, the progress line with what is kept in this browser beside it, the
// loss chart, the gradient flow, and download / open. The module's own markup (static HTML it
// writes itself, never a person's text) fills its places:
//   intro          the introduction (a paragraph's content)
//   settingsExtra  controls in the settings form before the settings (the word panel's corpus)
//   status         lines under the progress line
//   lossCaption    the loss chart's caption
//   charts         figures beside the loss chart
//   body           everything the panel shows below the gradient flow
// Every element id is the panel's name, a dash, and a part: adder-train, word-progress ...
const PanelMarkup = (() => {
  const BUDGETS = [['0', 'until stopped'], ['60', '1 minute'], ['180', '3 minutes'], ['600', '10 minutes']];

  function fragment(html) {
    const t = document.createElement('template');
    t.innerHTML = html;
    return t.content;
  }

  // The tab button of a panel, and its section (hidden until its tab is chosen).
  function build(name, module) {
    const id = (part) => name + '-' + part;
    const tab = document.createElement('button');
    Object.assign(tab, { id: 'tab-' + name, textContent: module.title });
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', 'panel-' + name);
    const budget = module.budget ? '<label class="budget">for <select id="' + id('budget') + '" aria-label="training time">'
      + BUDGETS.map(([v, label]) => '<option value="' + v + '">' + label + '</option>').join('') + '</select></label>'
      + '<span id="' + id('budget-left') + '" class="status" aria-live="polite"></span>' : '';
    const section = document.createElement('section');
    Object.assign(section, { id: 'panel-' + name, hidden: true });
    section.setAttribute('role', 'tabpanel');
    section.setAttribute('aria-labelledby', 'tab-' + name);
    section.append(fragment(
      '<p class="explain" id="' + id('explain') + '">' + (module.intro || '') + '</p>'
      + '<form id="' + id('settings') + '" class="settings" autocomplete="off">' + (module.settingsExtra || '')
      + '<div id="' + id('fields') + '" class="fields"></div></form>'
      + '<div class="buttons"><button id="' + id('train') + '" class="primary">Train</button>'
      + ' <button id="' + id('step') + '">Step</button> <button id="' + id('reset') + '">Reset</button> ' + budget + '</div>'
      + '<p id="' + id('pending') + '" class="pending" aria-live="polite" hidden><span id="' + id('pending-what') + '"></span>'
      + ' <button type="button" id="' + id('pending-undo') + '">Keep the current settings</button></p>'
      + '<p id="' + id('message') + '" class="message" role="alert"></p>'
      + '<p id="' + id('replaced') + '" class="status" hidden></p>'
      + '<p id="' + id('progress') + '" class="progress" aria-live="polite">Not trained yet.</p>'
      + '<p id="' + id('saved') + '" class="status"></p>'
      + (module.status || '')
      + '<p id="' + id('time') + '" class="status"></p>'
      + '<div class="charts"><figure><canvas id="' + id('loss') + '" width="440" height="220" aria-label="training loss chart">'
      + '</canvas><figcaption>' + (module.lossCaption || 'Training loss at each step') + '</figcaption></figure>'
      + (module.charts || '') + '</div>'
      + '<div id="' + id('flow-view') + '" class="flow-view"></div>'
      + (module.body || '')
      + '<div class="buttons"><button id="' + id('save') + '">Download model</button>'
      + ' <select id="' + id('save-as') + '" aria-label="model file format"><option value="json">as JSON</option>'
      + '<option value="safetensors">as .safetensors</option></select>'
      + ' <label class="file">Open model <input id="' + id('open') + '" type="file"'
      + ' accept=".json,.safetensors,application/json"></label></div>'
      + '<p id="' + id('file-note') + '" class="status" role="status"></p>'));
    return { tab, section };
  }

  return { build, fragment };
})();
