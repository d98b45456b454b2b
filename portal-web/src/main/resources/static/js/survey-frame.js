// The survey page and the embedded frame: saves each answer as it is given, and inside a
// frame tells the host page (only its own origin) its height, its display mode and when
// to close.
(function () {
  'use strict';
  var body = document.body;
  var parentOrigin = body.getAttribute('data-parent-origin');
  var framed = window.parent !== window && parentOrigin;
  var tell = function (message) {
    if (framed) { window.parent.postMessage(message, parentOrigin); }
  };
  var size = function () {
    tell({ type: 'rapport:resize', height: document.documentElement.scrollHeight,
      mode: body.getAttribute('data-mode') || 'INLINE' });
  };
  if (body.getAttribute('data-close') === 'true') {
    tell({ type: 'rapport:close' });
    return;
  }
  size();
  if (window.ResizeObserver) { new ResizeObserver(size).observe(document.documentElement); }
  window.addEventListener('load', size);

  // the answer could not be stored (the database was away): send the very same form again
  // (same token, so the same response id, and the same answers) after the delay the
  // portal asks for; the answer is then stored once, whatever happened before
  var retry = document.getElementById('survey-retry');
  if (retry && retry.getAttribute('data-automatic') === 'true') {
    var after = parseInt(retry.getAttribute('data-retry-after'), 10) || 2;
    window.setTimeout(function () { retry.submit(); }, after * 1000);
  }

  var form = document.querySelector('form.survey-form');
  var close = document.getElementById('survey-close');
  if (close && form) {
    close.addEventListener('click', function () {
      var data = new URLSearchParams();
      data.append('token', form.elements.token.value);
      fetch(close.getAttribute('data-dismiss-url'), { method: 'POST', body: data, credentials: 'omit' })
        .catch(function () { /* closing works even when the note is lost */ });
      tell({ type: 'rapport:close' });
    });
  }
  if (!form) { return; }
  // each answer is saved as soon as it is given, so a respondent who leaves early still counts
  form.addEventListener('change', function (event) {
    var name = event.target.name;
    if (!name || name.charAt(0) !== 'q') { return; }
    var question = name.replace(/-other$/, '');
    var data = new URLSearchParams();
    data.append('token', form.elements.token.value);
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name !== question && field.name !== question + '-other') { return; }
      if ((field.type === 'radio' || field.type === 'checkbox') && !field.checked) { return; }
      data.append(field.name, field.value);
    });
    fetch(form.getAttribute('data-save-url'), { method: 'POST', body: data, credentials: 'omit' })
      .catch(function () { /* the submit sends every answer again */ });
  });
})();
