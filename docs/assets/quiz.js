// Self-check quizzes and the practice page. The items come from the question bank built
// with the site (assets/quiz-bank.json, and one file per comparison for the self-checks),
// the same bank the command-line tools use; this script only draws items, shows them and
// keeps the score. Text goes in with textContent, never as HTML. Material's instant
// navigation swaps pages without a reload, so the quizzes are set up again on every page it
// shows; the quiz on screen is kept in sessionStorage, so that Back, a reload or instant
// navigation shows the same questions and answers again instead of a fresh draw.
(function () {
  "use strict";

  var STORE = "quizgen-practice";
  var SITTING = "quizgen-sitting:";
  var LETTERS = "ABCDE";
  var NO_MATCH = "No questions match these filters.";
  var KEPT = "No questions match these filters; your quiz is unchanged.";
  var STEPS = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
  var banks = {};
  // Ids tie each option group to its question's text; a page may be set up more than once.
  var drawn = 0;

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

  function record(item, correct) {
    var state = saved();
    state.answers[item.id] = { correct: correct, at: new Date().toISOString() };
    save(state);
  }

  // A sitting is the quiz on screen: the filters it was drawn with, the items, each item's
  // order of options and the answers given so far. It lives as long as the tab.
  function sittingKey(host) {
    return SITTING + location.pathname + "|" + (host.getAttribute("data-comparison") || "practice");
  }

  function recalled(key) {
    try {
      return JSON.parse(sessionStorage.getItem(key));
    } catch (error) {
      return null;
    }
  }

  function keep(key, sitting) {
    try {
      sessionStorage.setItem(key, JSON.stringify(sitting));
    } catch (error) {
      // Without storage the quiz works; only Back and reload draw a new one.
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

  function optionsOf(item) {
    return [item.key].concat(item.distractors.map(function (d) { return d.text; }));
  }

  function summary(state) {
    var ids = Object.keys(state.answers);
    var right = ids.filter(function (id) { return state.answers[id].correct; }).length;
    return ids.length ? "In this browser so far: " + right + " of " + ids.length + " items right." : "";
  }

  function scoreText(questions, chosen) {
    var answered = 0;
    var right = 0;
    questions.forEach(function (question) {
      var answer = chosen[question.item.id];
      if (answer === undefined) return;
      answered += 1;
      if (answer === question.item.key) right += 1;
    });
    return "Score: " + answered + " of " + questions.length + " answered, " + right + " right";
  }

  function chosenFilters(form) {
    var filters = {};
    if (form) {
      form.querySelectorAll("select[data-filter]").forEach(function (select) {
        filters[select.getAttribute("data-filter")] = select.value;
      });
    }
    return filters;
  }

  // The selects show what the quiz on screen was drawn with, not what was picked and never used.
  function showFilters(form, filters) {
    form.querySelectorAll("select[data-filter]").forEach(function (select) {
      var value = filters[select.getAttribute("data-filter")] || "";
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === value;
      });
      select.value = known ? value : "";
    });
  }

  function matches(item, comparison, filters) {
    if (comparison && item.comparison !== comparison) return false;
    if (filters.type && item.types.indexOf(filters.type) < 0) return false;
    if (filters.category && item.category !== filters.category) return false;
    if (filters.area && item.area !== filters.area) return false;
    return true;
  }

  // Null when nothing matches: the caller keeps the quiz it has rather than show an empty one,
  // and the record of the last quiz, which a later draw avoids repeating, is left as it was.
  function newSitting(items, count, comparison, filters) {
    var pool = items.filter(function (item) { return matches(item, comparison, filters); });
    if (!pool.length) return null;
    var state = saved();
    var chosen = draw(pool, count, comparison ? [] : state.lastQuiz || []);
    var ids = chosen.map(function (item) { return item.id; });
    if (!comparison) {
      state.lastQuiz = ids;
      save(state);
    }
    return {
      filters: filters,
      ids: ids,
      options: chosen.map(function (item) { return shuffled(optionsOf(item)); }),
      chosen: {}
    };
  }

  // A kept sitting is shown again only if the bank still holds its items with the same
  // options: a site rebuilt in between may have changed them. Otherwise null.
  function questionsOf(sitting, items) {
    if (!sitting || !sitting.ids || !sitting.ids.length || !sitting.options || !sitting.chosen || !sitting.filters) {
      return null;
    }
    var byId = {};
    items.forEach(function (item) { byId[item.id] = item; });
    var questions = [];
    for (var i = 0; i < sitting.ids.length; i++) {
      var item = byId[sitting.ids[i]];
      var options = sitting.options[i];
      if (!item || !options || options.slice().sort().join("\n") !== optionsOf(item).sort().join("\n")) {
        return null;
      }
      questions.push({ item: item, options: options });
    }
    return questions;
  }

  // Options are a radio group whose arrow keys move between options without answering:
  // an answer cannot be taken back, so it takes Enter, Space or a click.
  function roam(event, buttons, position) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var next;
    if (Object.prototype.hasOwnProperty.call(STEPS, event.key)) {
      next = (position + STEPS[event.key] + buttons.length) % buttons.length;
    } else if (event.key === "Home") {
      next = 0;
    } else if (event.key === "End") {
      next = buttons.length - 1;
    } else {
      return;
    }
    event.preventDefault();
    buttons.forEach(function (button, i) { button.tabIndex = i === next ? 0 : -1; });
    buttons[next].focus();
  }

  // Colour alone does not say which option is which: a symbol and words say it too.
  function mark(button, className, symbol, words) {
    button.classList.add(className);
    var note = element("span", "quizgen-mark");
    var sign = element("span", "quizgen-mark-symbol", symbol);
    sign.setAttribute("aria-hidden", "true");
    note.appendChild(sign);
    note.appendChild(document.createTextNode(" " + words));
    button.appendChild(note);
  }

  function explain(feedback, item, options, chosen) {
    var correct = chosen === item.key;
    var letter = LETTERS[options.indexOf(chosen)];
    feedback.textContent = "";
    feedback.appendChild(element("p", "quizgen-verdict", correct ? "Right." : "Wrong. The answer is " + LETTERS[options.indexOf(item.key)] + ". " + item.key));
    if (!correct) {
      var why = item.distractors.filter(function (d) { return d.text === chosen; })[0];
      feedback.appendChild(element("p", "quizgen-why-not", "Why not " + letter + ": " + why.why));
    }
    feedback.appendChild(element("p", "quizgen-rationale", "Why: " + item.rationale));
    feedback.appendChild(element("p", "quizgen-source", "Source: " + item.source_title + ": \u201c" + item.quote + "\u201d"));
  }

  function showAnswer(buttons, feedback, question, chosen) {
    var item = question.item;
    buttons.forEach(function (button) {
      var text = button.getAttribute("data-option");
      var isChosen = text === chosen;
      button.disabled = true;
      button.setAttribute("aria-checked", isChosen ? "true" : "false");
      if (text === item.key) {
        if (isChosen) button.classList.add("quizgen-right");
        mark(button, "quizgen-key", "\u2713", isChosen ? "Correct answer (yours)" : "Correct answer");
      } else if (isChosen) {
        mark(button, "quizgen-wrong", "\u2717", "Your answer");
      }
    });
    explain(feedback, item, question.options, chosen);
  }

  function questionBlock(question, index, prefix, chosen, onAnswer) {
    var item = question.item;
    var fieldset = element("fieldset", "quizgen-question");
    fieldset.setAttribute("data-item", item.id);
    fieldset.setAttribute("data-category", item.category);
    fieldset.setAttribute("data-area", item.area);
    fieldset.setAttribute("data-types", item.types.join(" "));
    var legend = element("legend", null, (index + 1) + ". " + item.stem);
    legend.id = prefix + "-" + (index + 1);
    fieldset.appendChild(legend);
    var group = element("div", "quizgen-options");
    group.setAttribute("role", "radiogroup");
    group.setAttribute("aria-labelledby", legend.id);
    // Focus moves here after an answer, so that the reader goes on from the explanation.
    var feedback = element("div", "quizgen-feedback");
    feedback.tabIndex = -1;

    var buttons = question.options.map(function (text, position) {
      var button = element("button", "quizgen-option");
      button.type = "button";
      button.setAttribute("role", "radio");
      button.setAttribute("aria-checked", "false");
      button.setAttribute("data-option", text);
      button.tabIndex = position === 0 ? 0 : -1;
      button.appendChild(element("span", "quizgen-option-text", LETTERS[position] + ". " + text));
      group.appendChild(button);
      return button;
    });
    buttons.forEach(function (button, position) {
      button.addEventListener("keydown", function (event) { roam(event, buttons, position); });
      button.addEventListener("click", function () {
        var text = button.getAttribute("data-option");
        showAnswer(buttons, feedback, question, text);
        feedback.focus();
        onAnswer(text);
      });
    });
    if (chosen !== undefined && question.options.indexOf(chosen) >= 0) {
      showAnswer(buttons, feedback, question, chosen);
    }
    fieldset.appendChild(group);
    fieldset.appendChild(feedback);
    return fieldset;
  }

  // The score sits above the questions and stays put when a new quiz is drawn, so that its
  // change is announced; the questions below it are replaced.
  function frame(host) {
    host.textContent = "";
    var status = element("p", "quizgen-score");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var total = element("p", "quizgen-total");
    var list = element("div", "quizgen-questions");
    host.appendChild(status);
    host.appendChild(total);
    host.appendChild(list);
    return { status: status, total: total, list: list };
  }

  function show(view, questions, sitting, key) {
    var prefix = "quizgen-q" + (drawn += 1);
    view.list.textContent = "";
    questions.forEach(function (question, index) {
      var id = question.item.id;
      view.list.appendChild(questionBlock(question, index, prefix, sitting.chosen[id], function (text) {
        sitting.chosen[id] = text;
        keep(key, sitting);
        record(question.item, text === question.item.key);
        view.status.textContent = scoreText(questions, sitting.chosen);
        view.total.textContent = summary(saved());
      }));
    });
    view.status.textContent = scoreText(questions, sitting.chosen);
    view.total.textContent = summary(saved());
  }

  // Said beside the button, after it was pressed: a quiz shorter than asked for, or none
  // drawn at all. A full quiz needs no word.
  function drawnText(questions, count) {
    if (questions.length >= count) return "";
    return questions.length === 1
      ? "Only 1 question matches these filters."
      : "Only " + questions.length + " questions match these filters.";
  }

  // A live region announces a change: the same words said again are taken away first, so
  // that a second press on filters that still match nothing is heard as well.
  function say(note, words) {
    if (!note) return;
    if (words && note.textContent === words) {
      note.textContent = "";
      setTimeout(function () { note.textContent = words; }, 100);
    } else {
      note.textContent = words;
    }
  }

  function setUp(host) {
    var bank = host.getAttribute("data-bank");
    var count = parseInt(host.getAttribute("data-count"), 10) || 5;
    var comparison = host.getAttribute("data-comparison");
    var form = comparison ? null : document.querySelector(".quizgen-filters");
    var note = form && form.querySelector("[data-filters-status]");
    var key = sittingKey(host);
    loadBank(bank).then(function (data) {
      var sitting = recalled(key);
      var questions = questionsOf(sitting, data.items);
      if (questions) {
        if (form) showFilters(form, sitting.filters);
      } else {
        // Selects the browser restored on a reload may pick nothing together; a first
        // quiz is drawn from the whole bank then, and the selects say so.
        sitting = newSitting(data.items, count, comparison, chosenFilters(form)) ||
          newSitting(data.items, count, comparison, {});
        if (!sitting) {
          host.textContent = NO_MATCH;
          return;
        }
        if (form) showFilters(form, sitting.filters);
        questions = questionsOf(sitting, data.items);
        keep(key, sitting);
      }
      var view = frame(host);
      show(view, questions, sitting, key);
      say(note, drawnText(questions, count));
      keepTargetInView(host);
      // A changed select draws nothing: answers on screen stay until the student asks for
      // a new quiz, and stay too when the filters chosen have no question at all.
      if (form) {
        form.querySelector("[data-new-quiz]").addEventListener("click", function () {
          var next = newSitting(data.items, count, comparison, chosenFilters(form));
          if (!next) {
            say(note, KEPT);
            return;
          }
          sitting = next;
          keep(key, sitting);
          questions = questionsOf(sitting, data.items);
          show(view, questions, sitting, key);
          say(note, drawnText(questions, count));
        });
      }
    }).catch(function (error) {
      host.textContent = "The questions could not be loaded (" + error.message + ").";
    });
  }

  // A quiz just drawn makes the page taller above whatever follows it: a section the reader
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
