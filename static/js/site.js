// The app's own behaviour: keep <html lang> in step with swapped content; glossary tooltips
// that stay reachable (under the line of the term the pointer is on, inside the screen, a
// sheet at the foot of a phone), open on a tap and close on a tap on them, on their close
// button, on Escape or on a tap elsewhere; and a language switch that keeps the reader's
// place, the page's query and its fragment; citations copied in one click, dated the day read.
// Without this file every page still works: links are plain links and tooltips open on
// hover and focus through CSS.
(function () {
  "use strict";

  var GAP = 6;       // px between a term's line and its tip (the tip's bridge spans it)
  var MARGIN = 8;    // px a tip keeps from the edges of the screen
  // Where site.css shows tips as a sheet at the foot of the screen.
  var SHEET = window.matchMedia("(max-width: 40rem) and (hover: none)");
  // How the reader last pointed: a tap opens a tip, a click or Enter follows the term's link.
  var lastPointer = "mouse";
  // Focus the script moves back to a term after closing its tip must not reopen it.
  var quietFocus = false;

  function syncLanguage() {
    var main = document.getElementById("main");
    if (main && main.dataset.lang) {
      document.documentElement.lang = main.dataset.lang;
    }
  }

  // Tooltips ------------------------------------------------------------------------------

  function setOpen(term, isOpen) {
    term.classList.toggle("is-open", isOpen);
    term.querySelector(".term__trigger").setAttribute("aria-expanded", String(isOpen));
    // The tip's link and close button are reachable by Tab only while it is open.
    var more = term.querySelector(".term__more");
    if (more) { more.tabIndex = isOpen ? 0 : -1; }
    var close = term.querySelector(".term__close");
    if (close) { close.hidden = !isOpen; }
  }

  function closeAll(except) {
    document.querySelectorAll(".term.is-open").forEach(function (term) {
      if (term !== except) { setOpen(term, false); }
    });
  }

  // The line of a (perhaps wrapped) term the pointer is on; without a pointer, its last line.
  function lineOf(trigger, clientY) {
    var lines = trigger.getClientRects();
    if (!lines.length) { return null; }
    if (clientY !== null) {
      for (var i = 0; i < lines.length; i += 1) {
        if (clientY >= lines[i].top - 1 && clientY <= lines[i].bottom + 1) { return lines[i]; }
      }
    }
    return lines[lines.length - 1];
  }

  // Put a shown tip under the line the pointer is on (above it when there is no room below),
  // centred on it and inside the screen; its bridge reaches back over the whole line.
  function place(term, clientY) {
    var tip = term.querySelector(".term__tip");
    var trigger = term.querySelector(".term__trigger");
    if (!tip || !trigger) { return; }
    ["--x", "--y", "--reach-left", "--reach-right"].forEach(function (name) {
      tip.style.setProperty(name, "0px");
    });
    term.classList.remove("term--above");
    if (SHEET.matches) { return; }  // A sheet at the foot of the screen (site.css).
    var line = lineOf(trigger, clientY);
    var box = tip.getBoundingClientRect();
    if (!line || !box.width) { return; }
    var width = document.documentElement.clientWidth;
    var height = document.documentElement.clientHeight;
    var top = line.bottom + GAP;
    if (top + box.height > height - MARGIN && line.top - GAP - box.height >= MARGIN) {
      top = line.top - GAP - box.height;
      term.classList.add("term--above");
    }
    var left = (line.left + line.right) / 2 - box.width / 2;
    // clientWidth, not innerWidth: on phones the tip itself widens the layout viewport, so
    // innerWidth grows with the overflow it should correct.
    left = Math.max(MARGIN, Math.min(left, width - MARGIN - box.width));
    tip.style.setProperty("--x", (left - box.left) + "px");
    tip.style.setProperty("--y", (top - box.top) + "px");
    tip.style.setProperty("--reach-left", Math.min(0, line.left - left) + "px");
    tip.style.setProperty("--reach-right", Math.min(0, left + box.width - line.right) + "px");
  }

  // On a phone the sheet covers the foot of the screen: keep the tapped term above it.
  function keepTermInSight(term) {
    if (!SHEET.matches) { return; }
    var sheet = term.querySelector(".term__tip").getBoundingClientRect();
    var line = lineOf(term.querySelector(".term__trigger"), null);
    if (line && line.bottom > sheet.top - MARGIN) {
      window.scrollBy(0, line.bottom - sheet.top + 3 * MARGIN);
    }
  }

  function open(term, clientY) {
    closeAll(term);
    term.classList.remove("is-dismissed");
    setOpen(term, true);
    place(term, clientY);
    keepTermInSight(term);
  }

  // Close a tip, and keep it closed while hover or focus would still show it. Focus inside
  // the term goes back to its trigger (for a keyboard on the close button), or away.
  function dismiss(term, returnFocus) {
    setOpen(term, false);
    term.classList.add("is-dismissed");
    if (!term.contains(document.activeElement)) { return; }
    if (returnFocus) {
      quietFocus = true;
      term.querySelector(".term__trigger").focus({ preventScroll: true });
      quietFocus = false;
    } else {
      document.activeElement.blur();
    }
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
  }, true);

  document.addEventListener("click", function (event) {
    var trigger = event.target.closest(".term__trigger");
    if (trigger) {
      // A click or Enter follows the link to the glossary entry, as any link does; a tap,
      // which cannot hover, opens the tip (whose own link then leads on) or closes it.
      if (lastPointer !== "touch" || event.detail === 0) { return; }
      event.preventDefault();
      var term = trigger.closest(".term");
      if (term.classList.contains("is-open")) {
        dismiss(term, false);
      } else {
        open(term, event.clientY);
      }
      return;
    }
    var tip = event.target.closest(".term__tip");
    if (tip) {
      if (!event.target.closest(".term__more")) {
        dismiss(tip.closest(".term"), event.target.closest(".term__close") !== null);
      }
      return;
    }
    closeAll(null);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      lastPointer = "keyboard";
      return;
    }
    var active = document.activeElement;
    var focused = active && active.closest ? active.closest(".term") : null;
    closeAll(null);
    document.querySelectorAll(".term").forEach(function (term) {
      term.classList.add("is-dismissed");
    });
    if (focused) {
      quietFocus = true;
      focused.querySelector(".term__trigger").focus();
      quietFocus = false;
    }
  });

  // Coming to a term from outside it shows its tip again and places it; moving within the
  // term (onto its tip) leaves the tip where it is.
  document.addEventListener("mouseover", function (event) {
    var term = event.target.closest && event.target.closest(".term");
    if (!term || term.contains(event.relatedTarget) || !event.target.closest(".term__trigger")) {
      return;
    }
    term.classList.remove("is-dismissed");
    place(term, event.clientY);
  });
  document.addEventListener("focusin", function (event) {
    var term = event.target.closest && event.target.closest(".term");
    if (!term || quietFocus || term.contains(event.relatedTarget)) { return; }
    term.classList.remove("is-dismissed");
    place(term, null);
  });

  // Citations -------------------------------------------------------------------------------

  // A citation names the day the reader read the briefing: today, in the page's language (the
  // page, kept for every reader, cannot). Without this script it says "[date of access]".
  function fillAccessDates() {
    document.querySelectorAll(".cite__accessed").forEach(function (date) {
      var format = new Intl.DateTimeFormat(date.dataset.locale || document.documentElement.lang,
                                           { year: "numeric", month: "long", day: "numeric" });
      date.textContent = format.format(new Date());
    });
    document.querySelectorAll(".copy-button").forEach(function (button) { button.hidden = false; });
  }

  // Copy a block's citation as its text reads; where the clipboard is refused, select the text
  // so the reader can copy it themselves.
  function copyCitation(button) {
    var block = button.closest("[data-cite]");
    var text = block && block.querySelector(".cite__text");
    var status = block && block.querySelector(".copy-status");
    if (!text || !status) { return; }
    // The citation without its label ("As a reference:"), as it is pasted into a text.
    var copy = text.cloneNode(true);
    copy.querySelectorAll(".cite__label").forEach(function (label) { label.remove(); });
    var citation = copy.textContent.replace(/\s+/g, " ").trim();
    var selectIt = function () {
      var range = document.createRange();
      range.selectNodeContents(text);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      status.textContent = button.dataset.failed;
    };
    if (!navigator.clipboard || !window.isSecureContext) {
      selectIt();
      return;
    }
    navigator.clipboard.writeText(citation).then(function () {
      status.textContent = button.dataset.copied;
    }, selectIt);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".copy-button");
    if (button) { copyCitation(button); }
  });

  // The language switch ---------------------------------------------------------------------

  // The switch's links carry the page's query (a glossary filter, a search) and fragment as
  // they are now, which htmx and links within the page change after the server wrote them;
  // each keeps its own bilingual pair (`with`).
  function syncSwitch() {
    var here = new URL(window.location.href);
    document.querySelectorAll(".language-switch a").forEach(function (link) {
      var target = new URL(link.href);
      var pair = target.searchParams.get("with");
      var query = new URLSearchParams(here.search);
      query.delete("with");
      if (pair) { query.set("with", pair); }
      target.search = query.toString();
      target.hash = here.hash;
      var path = target.pathname + target.search;
      link.href = path + target.hash;
      link.setAttribute("hx-get", path);
      link.setAttribute("hx-push-url", path + target.hash);
    });
  }

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
    fillAccessDates();
    syncSwitch();
    showCurrentSection();
  }

  // Keep the reader where they are across a language switch: note the first element with an
  // id (ids are the same in every language) still on screen, and bring it back to the same
  // place once the other language is in.
  var anchor = null;
  var switching = false;

  document.addEventListener("htmx:before:request", function (event) {
    var source = event.target;
    if (!source.closest || !source.closest(".language-switch")) { return; }
    switching = true;
    anchor = null;
    // What is under a sticky header is out of sight: start looking below it.
    var header = document.querySelector(".site-header");
    var ceiling = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
    // The reader's target (a quote a link led to) first, where it is on screen: the other
    // language may show more or less around it (a translation under each paragraph).
    var target = document.querySelector("#main :target");
    var targetBox = target ? target.getBoundingClientRect() : null;
    if (targetBox && targetBox.height > 0 && targetBox.top >= ceiling &&
        targetBox.top < window.innerHeight) {
      anchor = { id: target.id, top: targetBox.top };
      return;
    }
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

  // htmx puts the address (with its fragment) in place by history.pushState, which does not
  // move :target: it stays with the old language's element, gone with the swap, so the quote
  // or paragraph the reader came to would lose its highlight. Navigating to the same fragment
  // again makes the new language's element the target. That navigation replaces the entry,
  // so Back gains no step; its popstate is not htmx's to restore from, and the entry keeps
  // the state htmx restores it by.
  var retargeting = false;

  function retarget() {
    var id;
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {
      return;  // A malformed fragment names no element.
    }
    if (!id || !document.getElementById(id)) { return; }
    var state = window.history.state;
    retargeting = true;
    try {
      window.location.replace(window.location.hash);
    } finally {
      retargeting = false;
    }
    window.history.replaceState(state, "", window.location.href);
  }

  window.addEventListener("popstate", function (event) {
    if (retargeting) { event.stopImmediatePropagation(); }
  }, true);

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
    if (switching) {
      switching = false;
      retarget();
      restoreAnchor();
    }
    keepFocus();
  });
  document.addEventListener("htmx:after:settle", afterContentChange);
  document.addEventListener("htmx:after:history:update", syncSwitch);
  window.addEventListener("hashchange", syncSwitch);
  window.addEventListener("popstate", function () { window.setTimeout(afterContentChange, 0); });
  afterContentChange();
}());
