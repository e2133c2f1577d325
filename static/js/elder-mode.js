// 长辈版 (elder mode, MIIT 适老化): larger text and targets, an optional high contrast, the map folded away, and
// 朗读 (read aloud) with the browser's own speech synthesis. Kept in localStorage: no account, no cookie.
// Loaded async in <head>: not render-blocking, and usually run before the first paint.
(function () {
  'use strict';
  var root = document.documentElement;
  var KEYS = { elder: 'portal.elder', contrast: 'portal.elderContrast' };
  function stored(key) {
    try {
      if (key === KEYS.elder && localStorage.getItem(KEYS.elder) === null) return localStorage.getItem('portal.largeText') === '1';
      return localStorage.getItem(key) === '1';
    } catch (e) { return false; }
  }
  function save(key, on) { try { localStorage.setItem(key, on ? '1' : '0'); } catch (e) { /* private mode: this page only */ } }
  function apply() {
    root.classList.toggle('elder', stored(KEYS.elder));
    root.classList.toggle('elder-contrast', stored(KEYS.contrast));
  }
  apply();

  function toggle(id, key) {
    var button = document.getElementById(id);
    if (!button) return;
    button.setAttribute('aria-pressed', String(stored(key)));
    button.addEventListener('click', function () {
      var on = button.getAttribute('aria-pressed') !== 'true';
      save(key, on);
      button.setAttribute('aria-pressed', String(on));
      apply();
    });
  }

  // 朗读: shown only when the browser has a Chinese voice; sentence by sentence (long utterances are cut off).
  function readAloud() {
    var button = document.getElementById('read-aloud'), text = document.querySelector('[data-read-aloud]');
    // speech synthesis is not touched at all on a page with nothing to read
    if (!button || !text || !('speechSynthesis' in window) || !window.SpeechSynthesisUtterance) return;
    var synth = window.speechSynthesis;
    // only a voice on this device: a network voice would send the page's text to its vendor
    function chineseVoice() {
      return synth.getVoices().filter(function (v) { return /^zh/i.test(v.lang) && v.localService !== false; })[0] || null;
    }
    function offer() {
      if (!chineseVoice()) return;
      button.hidden = false;
    }
    // the voice list is asked for when the page is idle, not while it starts
    if (window.requestIdleCallback) window.requestIdleCallback(offer, { timeout: 2000 }); else setTimeout(offer, 200);
    if (synth.addEventListener) synth.addEventListener('voiceschanged', offer);
    function stop() { synth.cancel(); button.setAttribute('aria-pressed', 'false'); button.textContent = '朗读'; }
    button.addEventListener('click', function () {
      if (button.getAttribute('aria-pressed') === 'true') { stop(); return; }
      var parts = (text.innerText || text.textContent).split(/(?<=[。！？；\n])/).map(function (s) { return s.trim(); })
        .filter(function (s) { return s; });
      var voice = chineseVoice();
      if (!voice) return;
      button.setAttribute('aria-pressed', 'true');
      button.textContent = '停止朗读';
      parts.forEach(function (part, i) {
        var u = new SpeechSynthesisUtterance(part);
        u.lang = voice.lang;
        try { u.voice = voice; } catch (e) { /* not a SpeechSynthesisVoice: the language picks one */ }
        u.rate = 0.9;
        if (i === parts.length - 1) u.onend = function () { if (!synth.pending) stop(); };
        synth.speak(u);
      });
    });
    window.addEventListener('pagehide', function () { synth.cancel(); });
  }

  function wire() {
    var elder = document.getElementById('elder-toggle'), contrast = document.getElementById('contrast-toggle');
    if (elder) elder.hidden = false;
    if (contrast) contrast.hidden = false;
    toggle('elder-toggle', KEYS.elder);
    toggle('contrast-toggle', KEYS.contrast);
    readAloud();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire); else wire();
})();
