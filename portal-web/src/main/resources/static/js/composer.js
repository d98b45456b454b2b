// Live preview for every composer: a textarea with data-preview="ID" shows its rendered
// Markdown in the element with that id. The server renders and sanitises, as when posting.
(function () {
  'use strict';
  var csrf = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  document.querySelectorAll('textarea[data-preview]').forEach(function (area) {
    var target = document.getElementById(area.getAttribute('data-preview'));
    if (!target) { return; }
    var timer = null;
    var render = function () {
      var body = new URLSearchParams();
      body.append('body', area.value);
      var headers = { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' };
      if (csrf && csrfHeader) { headers[csrfHeader.content] = csrf.content; }
      fetch('/preview', { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.text() : ''; })
        .then(function (html) { target.innerHTML = html; target.hidden = html === ''; })
        .catch(function () { /* the preview is a convenience: posting still works */ });
    };
    area.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(render, 300);
    });
    if (area.value) { render(); }
  });
})();
