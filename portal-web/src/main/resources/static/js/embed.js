// Rapport survey embed: <script src="https://PORTAL/embed.js" data-survey="KEY" async></script>
// Optional: data-respondent="stable id", any other data-* is stored as a hidden field.
(function () {
  'use strict';
  var scripts = document.currentScript ? [document.currentScript]
    : document.querySelectorAll('script[data-survey]:not([data-rapport])');
  var anonymous = function () {
    var id = null;
    try { id = window.localStorage.getItem('rapport-anon'); } catch (e) { /* storage blocked */ }
    if (!id) {
      id = (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Math.random()).slice(2);
      try { window.localStorage.setItem('rapport-anon', id); } catch (e) { /* storage blocked */ }
    }
    return id;
  };
  Array.prototype.forEach.call(scripts, function (script) {
    if (script.getAttribute('data-rapport')) { return; }
    script.setAttribute('data-rapport', '1');
    var portal = new URL(script.src).origin;
    var params = new URLSearchParams();
    params.set('url', location.href.split('#')[0]);
    var data = script.dataset;
    if (data.respondent) { params.set('rid', data.respondent); } else { params.set('anon', anonymous()); }
    Object.keys(data).forEach(function (name) {
      if (name !== 'survey' && name !== 'respondent' && name !== 'rapport') { params.set('h.' + name, data[name]); }
    });
    var frame = document.createElement('iframe');
    frame.src = portal + '/embed/' + encodeURIComponent(data.survey) + '?' + params.toString();
    frame.title = script.getAttribute('data-title') || 'Survey';
    frame.className = 'rapport-survey';
    var style = frame.style;
    style.border = '0';
    style.width = '100%';
    style.height = '0';
    style.display = 'block';
    script.parentNode.insertBefore(frame, script.nextSibling);
    window.addEventListener('message', function (event) {
      if (event.origin !== portal || event.source !== frame.contentWindow) { return; }
      var message = event.data;
      if (!message || typeof message !== 'object') { return; }
      if (message.type === 'rapport:resize') {
        var height = Math.max(0, Math.min(2000, parseInt(message.height, 10) || 0));
        style.height = height + 'px';
        if (message.mode === 'POPOVER' && style.position !== 'fixed') {
          style.position = 'fixed';
          style.right = '1rem';
          style.bottom = '1rem';
          style.width = 'min(380px, calc(100vw - 2rem))';
          style.zIndex = '2147483000';
          style.background = '#fff';
          style.borderRadius = '8px';
          style.boxShadow = '0 4px 24px rgba(0,0,0,.25)';
        }
      } else if (message.type === 'rapport:close') {
        frame.parentNode && frame.parentNode.removeChild(frame);
      }
    });
  });
})();
