// Progressive enhancement of the check-in page: where the browser offers BarcodeDetector and a camera, a button reads
// a registration's QR code and opens its check-in address. Typing the code or the name always works without it.
(function () {
  'use strict';
  var button = document.getElementById('scan-code');
  var video = document.getElementById('scan-video');
  var status = document.getElementById('scan-status');
  if (!button || !video || !('BarcodeDetector' in window) || !navigator.mediaDevices
      || !navigator.mediaDevices.getUserMedia) {
    return;
  }
  button.hidden = false;
  var checkInPath = window.location.pathname;

  function stop(stream) {
    stream.getTracks().forEach(function (track) { track.stop(); });
    video.hidden = true;
  }

  // Only a check-in address of this same meeting is followed; anything else is ignored.
  function target(text) {
    try {
      var url = new URL(text, window.location.href);
      if (url.origin === window.location.origin && url.pathname === checkInPath && url.searchParams.get('code')) {
        return url.pathname + '?code=' + encodeURIComponent(url.searchParams.get('code'));
      }
    } catch (e) {
      // not an address: maybe the code itself
    }
    return /^[A-HJ-NP-Z2-9]{8}$/.test(text) ? checkInPath + '?code=' + text : null;
  }

  button.addEventListener('click', function () {
    var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      status.textContent = button.getAttribute('data-scanning');
      return video.play().then(function () {
        var tick = function () {
          detector.detect(video).then(function (codes) {
            var found = codes.map(function (code) { return target(code.rawValue); }).filter(Boolean)[0];
            if (found) {
              stop(stream);
              window.location.assign(found);
            } else {
              window.requestAnimationFrame(tick);
            }
          }).catch(function () {
            stop(stream);
            status.textContent = button.getAttribute('data-failed');
          });
        };
        tick();
      });
    }).catch(function () {
      status.textContent = button.getAttribute('data-failed');
    });
  });
}());
