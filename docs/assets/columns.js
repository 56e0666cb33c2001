// Across the sources: filter buttons that narrow every table of the page to the types a
// student picks, so that a phone, which has room beside the row names for only one type, can
// set two or three types side by side. "All" is pressed at first; pressing a type then shows
// that type alone, more presses add types, and the usual filter behaviour follows (see
// press), so that comparing two types takes two presses, not one per type left out.
// The page works without it: every column shows, and the placeholder the buttons go into
// stays empty. Text goes in with textContent, never as HTML.
// Material's instant navigation swaps pages without a reload, so the buttons are set up
// again on every page it shows; the choice is kept in localStorage, so that it is still there
// when the student comes back.
(function () {
  "use strict";

  var STORE = "quizgen-columns";
  var HIDDEN = "quizgen-column-hidden";
  var EMPTY_ROW = "quizgen-row-empty";
  var EMPTY = "\u2014"; // what the page writes where no source gives a value
  // The tables' column widths depend on how many types are shown (columns.css).
  var SHOWN = "data-quizgen-columns-shown";
  var pickers = 0;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function cellText(cell) {
    return cell.textContent.replace(/\s+/g, " ").trim();
  }

  function headerOf(table) {
    var row = table.tHead && table.tHead.rows[0];
    return row ? Array.prototype.map.call(row.cells, cellText) : [];
  }

  // The names of the types picked, or none for "All". Names are kept rather than positions:
  // one removed from the data is forgotten instead of the choice landing on other columns.
  // Earlier the page kept the types hidden instead ({hidden: [...]}, every column shown at
  // first); such a choice is read as picking the types it left shown, and one that left
  // every type or none shown as "All", so that a returning student sees the same columns.
  function recalled(names) {
    var stored;
    try {
      stored = JSON.parse(localStorage.getItem(STORE));
    } catch (error) {
      return [];
    }
    if (!stored || typeof stored !== "object") return [];
    if (Array.isArray(stored.shown)) {
      return names.filter(function (name) { return stored.shown.indexOf(name) >= 0; });
    }
    if (Array.isArray(stored.hidden)) {
      var left = names.filter(function (name) { return stored.hidden.indexOf(name) < 0; });
      return left.length === names.length ? [] : left;
    }
    return [];
  }

  function keep(shown) {
    try {
      localStorage.setItem(STORE, JSON.stringify({ shown: shown }));
    } catch (error) {
      // Private windows may refuse storage; the buttons still work on this page.
    }
  }

  // When every name ends in the same word ("... massage"), the buttons show only what tells
  // them apart, so that more fit on a row of a phone; the word is still read out.
  function commonLastWord(names) {
    var last = null;
    for (var i = 0; i < names.length; i++) {
      var words = names[i].split(" ");
      if (words.length < 2) return "";
      var word = words[words.length - 1];
      if (last === null) last = word;
      if (word !== last) return "";
    }
    return last || "";
  }

  function setUp() {
    var picker = document.querySelector(".quizgen-column-picker");
    if (!picker || picker.hasChildNodes()) return;
    var scope = picker.closest("article") || document.body;
    var tables = Array.prototype.filter.call(scope.querySelectorAll("table"), function (table) {
      return picker.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    if (!tables.length) return;
    // The first cell heads the row names; every other is a type, the same in every table.
    var header = headerOf(tables[0]);
    var names = header.slice(1);
    if (names.length < 2) return;
    var key = header.join("\n");
    tables = tables.filter(function (table) { return headerOf(table).join("\n") === key; });

    // Which types are picked; none picked means "All", and every column shows.
    var wanted = recalled(names);
    var picked = names.map(function (name) { return wanted.indexOf(name) >= 0; });

    var label = element("span", "quizgen-column-picker-label", "Show only these types:");
    label.id = "quizgen-column-picker-" + (pickers += 1);
    picker.setAttribute("role", "group");
    picker.setAttribute("aria-labelledby", label.id);
    var buttons = element("div", "quizgen-column-buttons");
    var status = element("p", "quizgen-column-status");
    status.setAttribute("role", "status");

    var suffix = commonLastWord(names);
    var typeButtons = names.map(function (name, index) {
      var button = element("button", "quizgen-column-button");
      button.type = "button";
      if (suffix) {
        button.appendChild(document.createTextNode(name.slice(0, name.length - suffix.length - 1)));
        button.appendChild(element("span", "quizgen-visually-hidden", " " + suffix));
      } else {
        button.textContent = name;
      }
      button.addEventListener("click", function () { press(index); });
      buttons.appendChild(button);
      return button;
    });
    var all = element("button", "quizgen-column-button quizgen-column-all", "All");
    all.type = "button";
    all.addEventListener("click", function () {
      picked = names.map(function () { return false; });
      apply(true);
    });
    buttons.appendChild(all);

    picker.appendChild(label);
    picker.appendChild(buttons);
    picker.appendChild(status);
    apply(false);

    function pickedCount() {
      return picked.filter(Boolean).length;
    }

    // A type pressed while "All" is pressed is the only one picked, since nothing else is;
    // after that a press adds the type or takes it away again. Taking away the last one
    // leaves none picked, which is "All": a table of row names alone would say nothing.
    function press(index) {
      picked[index] = !picked[index];
      apply(true);
    }

    function say(words) {
      if (words && status.textContent === words) {
        status.textContent = "";
        setTimeout(function () { status.textContent = words; }, 100);
      } else {
        status.textContent = words;
      }
    }

    function apply(pressed) {
      var everything = pickedCount() === 0;
      var shown = everything ? names.length : pickedCount();
      typeButtons.forEach(function (button, index) {
        button.setAttribute("aria-pressed", picked[index] ? "true" : "false");
      });
      all.setAttribute("aria-pressed", everything ? "true" : "false");
      tables.forEach(function (table) {
        Array.prototype.forEach.call(table.rows, function (row) {
          var given = false;
          for (var i = 1; i < row.cells.length && i <= names.length; i++) {
            var hide = !everything && !picked[i - 1];
            row.cells[i].classList.toggle(HIDDEN, hide);
            if (!hide && cellText(row.cells[i]) !== EMPTY) given = true;
          }
          // A row where no type shown has a value is only dashes: left out while narrowed.
          if (row.parentNode !== table.tHead) {
            row.classList.toggle(EMPTY_ROW, !everything && !given);
          }
        });
      });
      scope.setAttribute(SHOWN, String(shown));
      if (shown === names.length) {
        say(pressed ? "Showing all " + names.length + " types." : "");
      } else {
        say("Showing " + shown + " of " + names.length + " types.");
      }
      if (pressed) {
        keep(names.filter(function (name, index) { return picked[index]; }));
      }
    }
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
