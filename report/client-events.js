/* ecsim report, the event log: filter its rows by kind and by text, as the reader types (see event-log.ts). */

function setupEventLogFilter() {
  const table = document.getElementById('table-event-log');
  const input = document.getElementById('event-log-filter');
  const kind = document.getElementById('event-log-kind');
  if (!table || !input || !kind) return;
  const status = document.getElementById('event-log-count');
  const rows = Array.from(table.tBodies[0].rows).map((tr) => ({
    tr,
    kind: tr.getAttribute('data-kind'),
    text: (tr.cells[2].textContent + ' ' + tr.cells[3].textContent).toLowerCase(),
  }));
  const apply = () => {
    const query = input.value.trim().toLowerCase();
    const wanted = kind.value;
    let shown = 0;
    for (const row of rows) {
      const match = (wanted === '' || row.kind === wanted) && (query === '' || row.text.includes(query));
      row.tr.hidden = !match;
      if (match) shown++;
    }
    status.textContent = query === '' && wanted === '' ? '' : count(shown) + ' of ' + count(rows.length) + ' events match';
  };
  input.addEventListener('input', apply);
  kind.addEventListener('change', apply);
  input.closest('.filter').hidden = false;
  apply();
}
