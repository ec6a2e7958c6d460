// Saves an application draft as it is typed: on each change, the form is posted in the background (the server answers
// 204, or 400 when an answer is invalid; the button still saves the usual way and shows the messages).
(function () {
  var form = document.querySelector('form[data-autosave]');
  if (!form || !window.fetch) {
    return;
  }
  var status = document.getElementById('autosave-status');
  form.addEventListener('change', function () {
    fetch(form.action, {method: 'POST', body: new FormData(form), headers: {'X-Autosave': '1'}, credentials: 'same-origin'})
      .then(function (response) {
        if (status) {
          status.textContent = response.ok ? status.dataset.saved || status.textContent : status.dataset.failed || status.textContent;
        }
      });
  });
})();
