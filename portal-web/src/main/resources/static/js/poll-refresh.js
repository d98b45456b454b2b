// Keeps a poll's results current for a member who voted: every few seconds (the
// results' data-interval, 15 s by default) reads them again from data-refresh, an HTML
// fragment, and puts them in place of the old ones. Nothing runs while the tab is hidden.
(function () {
  'use strict';
  var first = document.getElementById('poll-results');
  if (!first || !first.dataset.refresh || !window.fetch || !window.DOMParser) {
    return;
  }
  var url = first.dataset.refresh;
  var every = Math.max(1000, parseInt(first.dataset.interval, 10) || 15000);
  var busy = false;

  function refresh() {
    if (busy || document.hidden) {
      return;
    }
    busy = true;
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' }, cache: 'no-store' })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html === null) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('poll-results');
        var current = document.getElementById('poll-results');
        if (fresh && current) {
          current.replaceWith(document.importNode(fresh, true));
        }
      })
      .catch(function () {
        // offline or the server is away: the next turn tries again
      })
      .then(function () {
        busy = false;
      });
  }

  window.setInterval(refresh, every);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      refresh();
    }
  });
})();
