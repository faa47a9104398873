// A small sortable, paged table for the workbook explorer. No plotly, no network.
// Cells arrive HTML-escaped from Python; sorting and paging happen in Python (the page shows one page of
// rows): a click on a header sends {type: "sort", column}, the pager {type: "page", page}, a row
// {type: "select", row_id}.

function render({ model, el }) {
  el.classList.add("wb-table");
  const head = document.createElement("div");
  head.className = "wb-table-head";
  const caption = document.createElement("span");
  caption.className = "wb-table-caption";
  const pager = document.createElement("span");
  pager.className = "wb-table-pager";
  const prev = document.createElement("button");
  prev.type = "button";
  prev.textContent = "◀";
  prev.title = "previous page";
  const where = document.createElement("span");
  const next = document.createElement("button");
  next.type = "button";
  next.textContent = "▶";
  next.title = "next page";
  pager.append(prev, where, next);
  head.append(caption, pager);
  const scroller = document.createElement("div");
  scroller.className = "wb-table-scroll";
  const table = document.createElement("table");
  scroller.appendChild(table);
  el.append(head, scroller);

  prev.addEventListener("click", () => model.send({ type: "page", page: model.get("page") - 1 }));
  next.addEventListener("click", () => model.send({ type: "page", page: model.get("page") + 1 }));

  function draw() {
    const columns = model.get("columns");
    const rows = model.get("rows");
    const ids = model.get("row_ids");
    const sortBy = model.get("sort_by");
    const descending = model.get("descending");
    const selected = model.get("selected");
    const page = model.get("page");
    const nPages = model.get("n_pages");
    caption.textContent = model.get("caption");
    where.textContent = ` page ${page + 1} of ${nPages} `;
    prev.disabled = page <= 0;
    next.disabled = page >= nPages - 1;

    const thead = document.createElement("thead");
    const tr = document.createElement("tr");
    for (const col of columns) {
      const th = document.createElement("th");
      th.dataset.column = col.key;
      th.title = "sort";
      const arrow = col.key === sortBy ? (descending ? " ▼" : " ▲") : "";
      th.textContent = col.label + arrow;
      if (col.kind === "number") th.classList.add("wb-num");
      th.addEventListener("click", () => model.send({ type: "sort", column: col.key }));
      tr.appendChild(th);
    }
    thead.appendChild(tr);
    const tbody = document.createElement("tbody");
    rows.forEach((cells, i) => {
      const row = document.createElement("tr");
      row.dataset.rowId = ids[i];
      if (ids[i] === selected) row.classList.add("wb-selected");
      cells.forEach((cell, j) => {
        const td = document.createElement("td");
        td.innerHTML = cell; // escaped in Python (html.escape)
        if (columns[j] && columns[j].kind === "number") td.classList.add("wb-num");
        row.appendChild(td);
      });
      row.addEventListener("click", () => model.send({ type: "select", row_id: ids[i] }));
      tbody.appendChild(row);
    });
    table.replaceChildren(thead, tbody);
  }

  const names = ["columns", "rows", "row_ids", "sort_by", "descending", "selected", "page", "n_pages", "caption"];
  for (const name of names) model.on(`change:${name}`, draw);
  draw();
  return () => {
    for (const name of names) model.off(`change:${name}`, draw);
  };
}

export default { render };
