// Lays each booklet (a student copy, the answer grids, an answer key) out on sheets the size
// of the paper, so the quiz prints as the page shows it: whole questions on a sheet, the
// booklet's footer and "Page n of m" on every sheet, and every booklet padded with a blank
// page to an even count, so in two-sided printing the next one starts on a new sheet.
// CSS alone cannot do the last two in today's browsers: they have no left/right page
// breaks and no page counter that restarts for each booklet. A student copy also takes the
// largest type that costs no more paper than its smallest.
(() => {
  const make = (tag, className, text) => {
    const element = document.createElement(tag);
    element.className = className;
    if (text) element.textContent = text;
    return element;
  };

  const blankNote = () => make("p", "blank", "This page is blank on purpose.");

  // Fills sheets from the booklet's children, at the type size given (points), or the
  // page's own. Returns the sheets; the booklet is left empty.
  function layout(booklet, size) {
    // A list among the booklet's children may run over several sheets, one item at a time;
    // anything else moves whole, and one marked own-sheet starts on the front of a sheet of
    // paper of its own (an answer sheet, to collect apart from the questions).
    const units = [];
    for (const child of [...booklet.children]) {
      if (child.tagName === "OL") {
        for (const item of [...child.children]) units.push([child, item]);
      } else {
        units.push([null, child]);
      }
    }
    const part = booklet.className.replace("booklet", "").trim();
    const sheets = [];
    let body;
    let list;
    const newSheet = () => {
      const sheet = make("div", `sheet ${part}`);
      if (size) sheet.style.fontSize = `${size}pt`;
      if (booklet.dataset.variant) sheet.dataset.variant = booklet.dataset.variant;
      body = make("div", "sheet-body");
      sheet.append(make("div", "sheet-head"), body, make("div", "sheet-foot"));
      booklet.before(sheet);
      sheets.push(sheet);
      list = null;
    };
    const place = (template, element) => {
      if (!template) {
        list = null;
        body.append(element);
      } else {
        if (!list || list.template !== template) {
          list = template.cloneNode(false);
          list.template = template;
          body.append(list);
        }
        list.append(element);
      }
      // The questions flow in two columns; an answer sheet takes the page's width.
      body.classList.toggle("questions-body", !body.querySelector(".own-sheet"));
    };
    const over = () =>
      body.scrollHeight > body.clientHeight + 1 || body.scrollWidth > body.clientWidth + 1;
    const alone = () => body.children.length === 1 && (!list || list.children.length === 1);
    let full = true;
    for (const [template, element] of units) {
      const ownSheet = element.classList.contains("own-sheet");
      if (full || (ownSheet && body.children.length)) newSheet();
      if (ownSheet && sheets.length % 2 === 0) {
        // It would print on the back of the last page: that page stays blank instead.
        body.append(blankNote());
        newSheet();
      }
      full = false;
      place(template, element);
      if (over() && !alone()) {
        element.remove();
        if (list && list.children.length === 0) list.remove();
        newSheet();
        place(template, element);
      }
      if (over()) {
        // Taller than a sheet: rather than cut it off, the sheet grows and the browser
        // breaks it over pages as it would without this script.
        body.parentElement.classList.add("tall");
        full = true;
      }
    }
    return sheets;
  }

  function finish(booklet, sheets) {
    if (sheets.length % 2 === 1) {
      const blank = make("div", `sheet ${sheets[0].className.replace("sheet", "").trim()}`);
      blank.dataset.variant = sheets[0].dataset.variant || "";
      blank.style.fontSize = sheets[0].style.fontSize;
      const body = make("div", "sheet-body");
      body.append(blankNote());
      blank.append(make("div", "sheet-head"), body, make("div", "sheet-foot"));
      sheets[sheets.length - 1].after(blank);
      sheets.push(blank);
    }
    const badge = booklet.dataset.variant;
    const copy = booklet.classList.contains("student-copy");
    sheets.forEach((sheet, n) => {
      sheet.querySelector(".sheet-foot").textContent =
        `${booklet.dataset.footer} · Page ${n + 1} of ${sheets.length}`;
      if (booklet.dataset.head) {
        sheet.querySelector(".sheet-head").append(make("span", "instructors", booklet.dataset.head));
      }
      if (!badge) return;
      // The variant, large, on every page (of a copy or a key), and a name on the front of
      // every later sheet of a copy: a sheet that comes loose can still be sorted.
      const head = sheet.querySelector(".sheet-head");
      if (copy && n % 2 === 0 && n > 0 && !sheet.querySelector(".answer-sheet")) {
        head.append(make("span", "name-line", "Name: ______________________________"));
      }
      head.append(make("span", "badge", badge));
    });
    booklet.remove();
  }

  // Pages and sheets of paper a booklet takes at a type size, laid out on a copy.
  function trial(booklet, size) {
    const copy = booklet.cloneNode(true);
    booklet.after(copy);
    const sheets = layout(copy, size);
    sheets.forEach((sheet) => sheet.remove());
    copy.remove();
    const questions = sheets.filter((sheet) => sheet.querySelector("ol.questions > li"));
    return { questionPages: questions.length, paper: Math.ceil(sheets.length / 2) };
  }

  // One type size for every student copy, so no variant looks harder than another: the
  // largest at which no copy takes more paper than at the smallest, nor more pages of
  // questions than the booklet allows (data-most-pages).
  function typeSize(copies) {
    if (!copies.length) return null;
    const sizes = copies[0].dataset.sizes.split(" ").map(Number);
    const smallest = sizes[sizes.length - 1];
    const least = copies.map((copy) => trial(copy, smallest).paper);
    const fits = (size) =>
      copies.every((copy, n) => {
        const { questionPages, paper } = trial(copy, size);
        return paper <= least[n] && questionPages <= Number(copy.dataset.mostPages);
      });
    return sizes.find((size) => size === smallest || fits(size));
  }

  const copies = [...document.querySelectorAll("section.booklet[data-sizes]")];
  const size = typeSize(copies);
  document.querySelectorAll("section.booklet").forEach((booklet) => {
    finish(booklet, layout(booklet, booklet.dataset.sizes ? size : null));
  });
  document.body.classList.add("paged");
})();
