/* kbgen default theme: remembers the language a reader picks (in the
 * language switcher or on the language chooser) so the chooser at the site
 * root can send them there next time. Everything works without it. */
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest && event.target.closest('a[data-lang-choice]');
    if (!link) return;
    try {
      window.localStorage.setItem('kb-lang', link.getAttribute('data-lang-choice'));
    } catch (e) { /* storage disabled: nothing to remember */ }
  });
})();
