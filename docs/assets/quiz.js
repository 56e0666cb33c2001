// Self-check quizzes and the practice page. The items come from the question bank built
// with the site (assets/quiz-bank.json, and one file per comparison for the self-checks),
// the same bank the command-line tools use; this script only draws items, shows them and
// keeps the score. Text goes in with textContent, never as HTML. Material's instant
// navigation swaps pages without a reload, so the quizzes are set up again on every page it
// shows.
(function () {
  "use strict";

  var STORE = "quizgen-practice";
  var LETTERS = "ABCDE";
  var banks = {};

  function loadBank(url) {
    if (!banks[url]) {
      banks[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error("question bank not found: " + url);
        return response.json();
      });
    }
    return banks[url];
  }

  function saved() {
    try {
      return JSON.parse(localStorage.getItem(STORE)) || { answers: {}, lastQuiz: [] };
    } catch (error) {
      return { answers: {}, lastQuiz: [] };
    }
  }

  function save(state) {
    try {
      localStorage.setItem(STORE, JSON.stringify(state));
    } catch (error) {
      // Private windows may refuse storage; the quiz still works without it.
    }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function shuffled(list) {
    var copy = list.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = copy[i];
      copy[i] = copy[j];
      copy[j] = swap;
    }
    return copy;
  }

  // One item per fact already holds in the bank; here no item appears twice in a quiz.
  function draw(items, count, avoid) {
    var fresh = shuffled(items.filter(function (item) { return avoid.indexOf(item.id) < 0; }));
    var again = shuffled(items.filter(function (item) { return avoid.indexOf(item.id) >= 0; }));
    return fresh.concat(again).slice(0, count);
  }

  function summary(state) {
    var ids = Object.keys(state.answers);
    var right = ids.filter(function (id) { return state.answers[id].correct; }).length;
    return ids.length ? "In this browser so far: " + right + " of " + ids.length + " items right." : "";
  }

  function render(host, items) {
    host.textContent = "";
    var score = { answered: 0, right: 0 };
    var status = element("p", "quizgen-score");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.textContent = "Score: 0 of " + items.length;
    var total = element("p", "quizgen-total", summary(saved()));

    items.forEach(function (item, index) {
      var options = shuffled([item.key].concat(item.distractors.map(function (d) { return d.text; })));
      var why = {};
      item.distractors.forEach(function (d) { why[d.text] = d.why; });

      var fieldset = element("fieldset", "quizgen-question");
      fieldset.setAttribute("data-item", item.id);
      fieldset.setAttribute("data-category", item.category);
      fieldset.setAttribute("data-area", item.area);
      fieldset.setAttribute("data-types", item.types.join(" "));
      fieldset.appendChild(element("legend", null, (index + 1) + ". " + item.stem));
      var list = element("div", "quizgen-options");
      var feedback = element("div", "quizgen-feedback");
      feedback.setAttribute("aria-live", "polite");

      options.forEach(function (text, position) {
        var button = element("button", "quizgen-option", LETTERS[position] + ". " + text);
        button.type = "button";
        button.setAttribute("data-option", text);
        button.addEventListener("click", function () {
          var correct = text === item.key;
          list.querySelectorAll("button").forEach(function (other) {
            other.disabled = true;
            var value = other.getAttribute("data-option");
            if (value === item.key) other.classList.add("quizgen-key");
          });
          button.classList.add(correct ? "quizgen-right" : "quizgen-wrong");
          button.setAttribute("aria-pressed", "true");
          feedback.textContent = "";
          feedback.appendChild(element("p", "quizgen-verdict", correct ? "Right." : "Wrong. The answer is " + LETTERS[options.indexOf(item.key)] + ". " + item.key));
          if (!correct) feedback.appendChild(element("p", "quizgen-why-not", "Why not " + LETTERS[position] + ": " + why[text]));
          feedback.appendChild(element("p", "quizgen-rationale", "Why: " + item.rationale));
          feedback.appendChild(element("p", "quizgen-source", "Source: " + item.source_title + ": \u201c" + item.quote + "\u201d"));
          score.answered += 1;
          if (correct) score.right += 1;
          status.textContent = "Score: " + score.right + " of " + score.answered + " answered, " + items.length + " in all";
          var state = saved();
          state.answers[item.id] = { correct: correct, at: new Date().toISOString() };
          save(state);
          total.textContent = summary(state);
        });
        list.appendChild(button);
      });
      fieldset.appendChild(list);
      fieldset.appendChild(feedback);
      host.appendChild(fieldset);
    });
    host.appendChild(status);
    host.appendChild(total);
  }

  function setUp(host) {
    var bank = host.getAttribute("data-bank");
    var count = parseInt(host.getAttribute("data-count"), 10) || 5;
    var comparison = host.getAttribute("data-comparison");
    var form = document.querySelector(".quizgen-filters");
    loadBank(bank).then(function (data) {
      function pool() {
        return data.items.filter(function (item) {
          if (comparison && item.comparison !== comparison) return false;
          if (!form) return true;
          var ok = true;
          form.querySelectorAll("select[data-filter]").forEach(function (select) {
            var value = select.value;
            var field = select.getAttribute("data-filter");
            if (!value) return;
            if (field === "type" && item.types.indexOf(value) < 0) ok = false;
            if (field === "category" && item.category !== value) ok = false;
            if (field === "area" && item.area !== value) ok = false;
          });
          return ok;
        });
      }
      function newQuiz() {
        var state = saved();
        var items = draw(pool(), count, comparison ? [] : state.lastQuiz || []);
        if (!comparison) {
          state.lastQuiz = items.map(function (item) { return item.id; });
          save(state);
        }
        if (!items.length) {
          host.textContent = "";
          host.appendChild(element("p", null, "No questions match these filters."));
          return;
        }
        render(host, items);
      }
      newQuiz();
      keepTargetInView(host);
      if (form && !comparison) {
        form.querySelector("[data-new-quiz]").addEventListener("click", newQuiz);
        form.querySelectorAll("select").forEach(function (select) {
          select.addEventListener("change", newQuiz);
        });
      }
    }).catch(function (error) {
      host.textContent = "The questions could not be loaded (" + error.message + ").";
    });
  }

  // A quiz just drawn makes the page taller above whatever follows it: a footnote the reader
  // has just jumped to would be pushed out of view, so the jump's target is shown again.
  function keepTargetInView(host) {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && host.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING) {
      target.scrollIntoView();
    }
  }

  // A quiz below the fold is built as the reader nears it: adding it changes the page's
  // height, which makes the theme measure every heading again, and that while the page loads.
  function setUpWhenNear(host) {
    if (!("IntersectionObserver" in window)) return setUp(host);
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        setUp(host);
      }
    }, { rootMargin: "600px 0px" });
    observer.observe(host);
  }

  function setUpAll() {
    document.querySelectorAll(".quizgen-quiz").forEach(setUpWhenNear);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUpAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
