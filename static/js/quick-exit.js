// 快速离开 (after GOV.UK "Exit this page"): the button, or Esc pressed twice within a second, blanks the page at
// once and replaces it with a neutral site through location.replace, so Back does not return to it. A portal
// page reached again through Back/Forward in this tab afterwards (from the back-forward cache or reloaded) is
// blanked and replaced too. Without JavaScript the button is a plain link. Loaded in <head>, not deferred, so
// a page reached by Back is hidden before it is painted.
(function () {
  var KEY = 'portal.quickExit';
  var root = document.documentElement;
  var meta = document.querySelector('meta[name="quick-exit"]');
  var neutral = meta ? meta.getAttribute('content') : 'about:blank';
  function target() {
    var link = document.getElementById('quick-exit');
    return (link && link.href) || neutral;
  }
  function blank() {
    root.style.display = 'none';
    document.title = '';
    if (document.body) document.body.innerHTML = '';
  }
  function leave() {
    try { sessionStorage.setItem(KEY, '1'); } catch (e) { /* storage off: the replace still happens */ }
    blank();
    window.location.replace(target());
  }
  function exitedBefore() {
    try { return sessionStorage.getItem(KEY) === '1'; } catch (e) { return false; }
  }
  function cameBack() {
    var nav = window.performance && performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
    return nav && nav.type === 'back_forward';
  }
  // the navigation type first: an ordinary visit never opens sessionStorage while the page starts
  if (cameBack() && exitedBefore()) {
    root.style.display = 'none';
    window.location.replace(neutral);
    return;
  }
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && exitedBefore()) leave();
  });
  var lastEscape = 0;
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape' && event.key !== 'Esc') return;
    var now = Date.now();
    if (now - lastEscape <= 1000) {
      event.preventDefault();
      leave();
    }
    lastEscape = now;
  });
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('#quick-exit') : null;
    if (!link) return;
    event.preventDefault();
    leave();
  });
})();
