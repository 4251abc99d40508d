// After a vote the page comes back at #vote-thanks: focus goes to the thanks, so a screen reader says it and the
// next Tab continues from the vote box. Without JavaScript the page still scrolls there.
(function () {
  if (location.hash === '#vote-thanks') {
    var thanks = document.getElementById('vote-thanks');
    if (thanks) {
      thanks.focus();
    }
  }
})();
