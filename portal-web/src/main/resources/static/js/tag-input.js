// Tag fields take comma-separated tags. The browser's datalist only completes a whole
// value, so while the member types the last tag, the suggestions are rewritten as
// "tags typed so far, suggested tag" for the tags that start with what was typed.
(function () {
  'use strict';
  var MAX_OPTIONS = 20;
  document.querySelectorAll('input[data-tag-input]').forEach(function (input) {
    var list = input.list;
    if (!list) { return; }
    var known = Array.prototype.map.call(list.options, function (option) { return option.value; });
    var update = function () {
      var value = input.value;
      var cut = Math.max(value.lastIndexOf(','), value.lastIndexOf('\uff0c'), value.lastIndexOf('\u3001'));
      var head = cut >= 0 ? value.substring(0, cut + 1) + ' ' : '';
      var typed = value.substring(cut + 1).trim().toLowerCase();
      var chosen = value.substring(0, cut + 1).split(/[,\uff0c\u3001]/).map(function (t) {
        return t.trim().toLowerCase();
      });
      var matches = known.filter(function (tag) {
        return tag.indexOf(typed) === 0 && chosen.indexOf(tag) < 0;
      }).slice(0, MAX_OPTIONS);
      list.replaceChildren.apply(list, matches.map(function (tag) {
        var option = document.createElement('option');
        option.value = head + tag;
        return option;
      }));
    };
    input.addEventListener('input', update);
    update();
  });
})();
