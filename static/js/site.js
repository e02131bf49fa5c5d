// The app's own behaviour: keep <html lang> in step with swapped content, and make glossary
// tooltips open on tap, close on Escape or a tap elsewhere, and stay inside the screen.
// Without this file every page still works: links are plain links and tooltips open on
// hover and focus through CSS.
(function () {
  "use strict";

  function syncLanguage() {
    var main = document.getElementById("main");
    if (main && main.dataset.lang) {
      document.documentElement.lang = main.dataset.lang;
    }
  }

  function closeAll(except) {
    document.querySelectorAll(".term.is-open").forEach(function (term) {
      if (term !== except) {
        term.classList.remove("is-open");
        term.querySelector(".term__trigger").setAttribute("aria-expanded", "false");
      }
    });
  }

  // Shift a tooltip sideways so it is never cut off at the edge of the screen, and open it
  // above the term when there is no room below.
  function keepOnScreen(term) {
    var tip = term.querySelector(".term__tip");
    if (!tip) { return; }
    tip.style.setProperty("--shift", "0px");
    term.classList.remove("term--above");
    var rect = tip.getBoundingClientRect();
    var height = document.documentElement.clientHeight;
    if (rect.bottom > height && rect.height < term.getBoundingClientRect().top) {
      term.classList.add("term--above");
      rect = tip.getBoundingClientRect();
    }
    var margin = 8;
    var shift = 0;
    // clientWidth, not innerWidth: on phones the tip itself widens the layout viewport, so
    // innerWidth grows with the overflow it should correct.
    var width = document.documentElement.clientWidth;
    if (rect.left < margin) {
      shift = margin - rect.left;
    } else if (rect.right > width - margin) {
      shift = width - margin - rect.right;
    }
    tip.style.setProperty("--shift", shift + "px");
  }

  function open(term) {
    closeAll(term);
    term.classList.add("is-open");
    term.querySelector(".term__trigger").setAttribute("aria-expanded", "true");
    keepOnScreen(term);
  }

  document.addEventListener("click", function (event) {
    var trigger = event.target.closest(".term__trigger");
    if (trigger) {
      // With JavaScript a tap opens the tooltip; its own link leads on to the glossary.
      event.preventDefault();
      var term = trigger.closest(".term");
      if (term.classList.contains("is-open")) {
        // Hover and focus would keep the tip shown through CSS: dismiss it explicitly.
        closeAll(null);
        term.classList.add("is-dismissed");
        trigger.blur();
      } else {
        term.classList.remove("is-dismissed");
        open(term);
      }
      return;
    }
    if (!event.target.closest(".term__tip")) {
      closeAll(null);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      var openTerm = document.querySelector(".term.is-open");
      closeAll(null);
      document.querySelectorAll(".term").forEach(function (term) {
        term.classList.add("is-dismissed");
      });
      if (openTerm) { openTerm.querySelector(".term__trigger").focus(); }
    }
  });

  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var term = event.target.closest && event.target.closest(".term");
      if (term) {
        term.classList.remove("is-dismissed");
        keepOnScreen(term);
      }
    });
  });

  // On a phone the section pills scroll sideways: bring the current one into view.
  function showCurrentSection() {
    var current = document.querySelector(".section-nav [aria-current]");
    if (!current) { return; }
    var list = current.closest("ol");
    list.scrollLeft = current.parentElement.offsetLeft - (list.clientWidth - current.offsetWidth) / 2;
  }

  // The language switch replaces the whole page frame: keep keyboard focus on the switch
  // rather than letting it fall back to the document.
  function keepFocus() {
    if (document.activeElement === document.body || !document.activeElement) {
      var current = document.querySelector(".language-switch__current");
      if (current) { current.focus({ preventScroll: true }); }
    }
  }

  function afterContentChange() {
    syncLanguage();
    showCurrentSection();
  }

  // Keep the reader where they are across a language switch: note the first element with an
  // id (ids are the same in every language) still on screen, and bring it back to the same
  // place once the other language is in.
  var anchor = null;

  document.addEventListener("htmx:before:request", function (event) {
    var source = event.target;
    if (!source.closest || !source.closest(".language-switch")) { return; }
    anchor = null;
    // What is under a sticky header is out of sight: start looking below it.
    var header = document.querySelector(".site-header");
    var ceiling = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
    var candidates = document.querySelectorAll("#main [id]");
    for (var i = 0; i < candidates.length; i += 1) {
      var box = candidates[i].getBoundingClientRect();
      // Hidden elements (closed tooltips) have no box to keep in place.
      if (box.height > 0 && box.top >= ceiling) {
        anchor = { id: candidates[i].id, top: box.top };
        break;
      }
    }
  });

  function restoreAnchor() {
    if (!anchor) { return; }
    var element = document.getElementById(anchor.id);
    if (element) {
      window.scrollBy(0, element.getBoundingClientRect().top - anchor.top);
    }
    anchor = null;
  }

  document.addEventListener("htmx:after:swap", function () {
    afterContentChange();
    restoreAnchor();
    keepFocus();
  });
  document.addEventListener("htmx:after:settle", afterContentChange);
  window.addEventListener("popstate", function () { window.setTimeout(afterContentChange, 0); });
  afterContentChange();
}());
