'use strict';
// The text a word model was trained on, where it is not the one it has now: a model opened from a
// file (or kept so, and brought back) trains on the text in the corpus box, read with its own
// vocabulary. Before it trains on another text than its own, the panel asks (a pending question:
// Train answers it), saying what that does to the vocabulary. Until it has trained here, a model
// opened from a file follows the corpus box: choosing another text opens the file again on it (so
// that choosing the model's own text needs no question).
const OpenedText = (() => {
  // panel: the word panel (TrainingPanel); textName(): what the corpus box's text is called
  function create(panel, textName) {
    // the file of the model opened and not trained since: {content, fileName} (null: none)
    let opened = null;

    // A model is there (how: new, restored, opened; the file's content if opened).
    function started(r, how, fileName, content) {
      opened = how === 'opened' ? { content, fileName } : null;
      const on = r.trainedOn;
      if (on && on.same) return;
      const now = r.builtin ? 'the built-in grammar' : textName();
      const unit = r.level === 'char' ? 'characters' : 'words';
      const before = on ? 'This model was trained on ' + on.name + ' (' + on.characters.toLocaleString('en') + ' characters), not on '
        + now + '.' : 'This model\'s file does not say which text it was trained on.';
      panel.ask(before + ' Train it on ' + now + '? It keeps its own vocabulary of ' + r.vocabulary.toLocaleString('en') + ' '
        + unit + (r.unknownRate > 0 ? ': ' + (100 * r.unknownRate).toFixed(1) + '% of this text\'s ' + unit
          + ' are outside it, and read as <unk>.' : ', which holds every one of this text\'s ' + unit + '.')
        + (opened ? ' Or choose its own text above: the model is opened again on it.' : ''), 'Train on this text');
    }

    return {
      started,
      // The corpus changed: a model opened and not trained since is opened again on the new text
      // (true); else the change is the panel's (false).
      changed() {
        if (!opened || !panel.ready || panel.running) return false;
        panel.open(opened.content, opened.fileName, true);
        return true;
      },
      // it trains: on the text it has now
      resumed() {
        opened = null;
      },
    };
  }

  return { create };
})();
