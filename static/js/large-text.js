// The large-text (适老化) switch: kept in localStorage, so it persists without an account or a cookie.
// Loaded async in <head>: not render-blocking, and usually run before the first paint.
(function () {
  var KEY = 'portal.largeText';
  var root = document.documentElement;
  function stored() { try { return localStorage.getItem(KEY) === '1'; } catch (e) { return false; } }
  function apply(on) { root.classList.toggle('large-text', on); }
  apply(stored());
  function wire() {
    var button = document.getElementById('large-text-toggle');
    if (!button) return;
    button.hidden = false;
    button.setAttribute('aria-pressed', String(stored()));
    button.addEventListener('click', function () {
      var on = !root.classList.contains('large-text');
      apply(on);
      button.setAttribute('aria-pressed', String(on));
      try { localStorage.setItem(KEY, on ? '1' : '0'); } catch (e) { /* private mode: still works for this page */ }
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire); else wire();
})();
