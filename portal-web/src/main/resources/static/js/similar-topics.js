// While a member types a new topic's title, asks the server for existing topics with a
// similar title (solved ones first) and shows them under the title. Waits until the
// member pauses, and until the title has 3 words or 8 characters (Chinese, Japanese and
// Korean ones counting twice); the page works the same without it.
(function () {
  'use strict';
  var DELAY_MS = 400;
  var MIN_CHARS = 8;
  var MIN_WORDS = 3;
  var title = document.querySelector('input[data-similar]');
  var target = document.getElementById('similar-topics');
  if (!title || !target || !window.fetch) { return; }
  var url = title.getAttribute('data-similar');
  var timer = null;
  var controller = null;
  var last = null;
  // a Chinese, Japanese or Korean character says about as much as two Latin letters
  var WIDE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;
  var look = function () {
    var text = title.value.trim();
    var words = text.split(/\s+/).filter(function (w) { return w.length > 0; }).length;
    var width = text.length + (text.match(WIDE) || []).length;
    if (width < MIN_CHARS && words < MIN_WORDS) {
      last = null;
      target.replaceChildren();
      return;
    }
    if (text === last) { return; }
    last = text;
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    fetch(url + '?title=' + encodeURIComponent(text), {
      credentials: 'same-origin',
      headers: { 'Accept': 'text/html' },
      signal: controller ? controller.signal : undefined
    })
      .then(function (response) { return response.ok ? response.text() : ''; })
      .then(function (html) { target.innerHTML = html; })
      .catch(function () { /* suggestions are a convenience: posting still works */ });
  };
  title.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(look, DELAY_MS);
  });
  if (title.value) { look(); }
})();
