// A check's or an import's progress page follows its job in place: every few seconds it reads its own address
// again; while the job runs, the new figures replace the old ones on this page (no reload, so a reader's place and
// focus stay); once the job has ended, the page goes to what the job gave. Without this script, a link reloads it.
(function () {
  "use strict";
  var section = document.querySelector(".transfer-progress[data-refresh]");
  if (!section || !window.fetch || !window.DOMParser) {
    return;
  }
  var every = 1000 * (Number(section.getAttribute("data-refresh")) || 2);
  var follows = section.querySelector(".transfer-follows");
  if (follows) {
    follows.hidden = false;
  }

  function update(next) {
    var phase = section.querySelector(".transfer-phase");
    var nextPhase = next.querySelector(".transfer-phase");
    // the phase is a status: only a new one is announced
    if (phase && nextPhase && phase.textContent !== nextPhase.textContent) {
      phase.textContent = nextPhase.textContent;
    }
    var figures = section.querySelector(".transfer-figures");
    var nextFigures = next.querySelector(".transfer-figures");
    if (figures && nextFigures) {
      figures.textContent = nextFigures.textContent;
    }
    var bar = section.querySelector("progress");
    var nextBar = next.querySelector("progress");
    if (bar && nextBar) {
      bar.max = nextBar.max;
      bar.value = nextBar.value;
    } else if (!bar && nextBar) {
      section.querySelector(".transfer-progress-line").after(document.importNode(nextBar, true));
    }
  }

  function poll() {
    fetch(location.href, {credentials: "same-origin"})
      .then(function (response) {
        return response.text().then(function (html) {
          var next = new DOMParser().parseFromString(html, "text/html").querySelector(".transfer-progress");
          if (response.ok && response.url === location.href && next) {
            update(next);
            setTimeout(poll, every);
          } else {
            // done: its result (a report here, or the import's page it leads to), or why it could not be read
            location.replace(response.url);
          }
        });
      })
      .catch(function () { setTimeout(poll, every * 2); });
  }
  setTimeout(poll, every);
})();
