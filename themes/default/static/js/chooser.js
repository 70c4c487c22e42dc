// The language chooser (index.html): sends the reader to their language,
// the one they chose before, else the browser's. A file of its own rather
// than inline, so that a Content-Security-Policy without 'unsafe-inline'
// lets it run.
(function () {
  // A reader who came here from the site chooses by hand.
  try {
    var list = document.getElementById('kb-chooser');
    var homes = JSON.parse(list.getAttribute('data-homes'));
    if (document.referrer && document.referrer.indexOf(location.origin + '/') === 0) return;
    var choice = null;
    try { choice = window.localStorage.getItem('kb-lang'); } catch (e) {}
    if (!Object.prototype.hasOwnProperty.call(homes, choice)) {
      choice = null;
      var langs = navigator.languages || [navigator.language || ''];
      for (var i = 0; i < langs.length && !choice; i++) {
        var code = String(langs[i]).toLowerCase().split('-')[0];
        if (Object.prototype.hasOwnProperty.call(homes, code)) choice = code;
      }
    }
    if (choice) location.replace(homes[choice]);
  } catch (e) {}
})();
