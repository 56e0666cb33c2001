// Lays each booklet (a student copy, an answer grid, an answer key) out on sheets the size
// of the paper, so the quiz prints as the page shows it: whole questions on a sheet, the
// booklet's footer and "Page n of m" on every sheet, and a student copy padded with a blank
// page to an even count, so in two-sided printing the next variant starts on a new sheet.
// CSS alone cannot do the last two in today's browsers: they have no left/right page
// breaks and no page counter that restarts for each booklet.
(() => {
  const make = (tag, className, text) => {
    const element = document.createElement(tag);
    element.className = className;
    if (text) element.textContent = text;
    return element;
  };

  function paginate(booklet) {
    // A list among the booklet's children may run over several sheets, one item at a time;
    // anything else moves whole.
    const units = [];
    for (const child of [...booklet.children]) {
      if (child.tagName === "OL") {
        for (const item of [...child.children]) units.push([child, item]);
      } else {
        units.push([null, child]);
      }
    }
    const sheets = [];
    let body;
    let list;
    const newSheet = () => {
      const sheet = make("div", `sheet ${booklet.className.replace("booklet", "").trim()}`);
      sheet.dataset.variant = booklet.dataset.variant;
      body = make("div", "sheet-body");
      sheet.append(body, make("div", "sheet-foot"));
      booklet.before(sheet);
      sheets.push(sheet);
      list = null;
    };
    const place = (template, element) => {
      if (!template) {
        list = null;
        body.append(element);
        return;
      }
      if (!list || list.template !== template) {
        list = template.cloneNode(false);
        list.template = template;
        body.append(list);
      }
      list.append(element);
    };
    const over = () =>
      body.scrollHeight > body.clientHeight + 1 || body.scrollWidth > body.clientWidth + 1;
    const alone = () => body.children.length === 1 && (!list || list.children.length === 1);
    let full = true;
    for (const [template, element] of units) {
      if (full) newSheet();
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
    if ("even" in booklet.dataset && sheets.length % 2 === 1) {
      newSheet();
      body.append(make("p", "blank", "This page is blank on purpose."));
    }
    sheets.forEach((sheet, n) => {
      sheet.querySelector(".sheet-foot").textContent =
        `${booklet.dataset.footer} · Page ${n + 1} of ${sheets.length}`;
    });
    booklet.remove();
  }

  document.querySelectorAll("section.booklet").forEach(paginate);
  document.body.classList.add("paged");
})();
