// The host portal's only script: a copy button beside each referral URL.
// Served as a file (not inline) so that the Content-Security-Policy can forbid inline scripts.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  // Each button names its own field and feedback: <button data-copy="id" data-feedback="id">.
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var field = document.getElementById(button.dataset.copy);
    var feedback = document.getElementById(button.dataset.feedback);
    if (!field || !feedback) {
      return;
    }

    function selectUrl() {
      field.focus();
      field.select();
      field.setSelectionRange(0, field.value.length);
    }

    // Without the asynchronous clipboard API (older browsers, plain http on another host, or a
    // permission the browser denies): select the text and let the browser copy the selection.
    function fallback() {
      selectUrl();
      var copied = false;
      try {
        copied = document.execCommand('copy');
      } catch (e) {
        copied = false;
      }
      feedback.dataset.method = 'selection';
      feedback.textContent = copied ? 'Copied' : 'Selected: press Ctrl+C to copy';
    }

    button.addEventListener('click', function () {
      feedback.textContent = '';
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () {
          selectUrl(); // show what was copied
          feedback.dataset.method = 'clipboard';
          feedback.textContent = 'Copied';
        }, fallback);
      } else {
        fallback();
      }
    });
  });
});
