/* The monthly report page (/console/reports): one Chart.js chart per chart of the report. The report comes as JSON in
   <script type="application/json" id="report-data"> (data, not code: the Content-Security-Policy allows no inline script). */
(function () {
  const data = document.getElementById('report-data');
  if (!data) { return; }
  const report = JSON.parse(data.textContent);
  const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
  // answers read by their meaning, whatever their order: 满意 green, 一般 amber, 不满意 red
  const meaning = { '满意': '#2ca02c', '一般': '#f0ad4e', '不满意': '#d62728' };
  report.charts.forEach((chart, i) => {
    const table = report.tables[chart.table];
    const rows = table.rows.filter(r => r[chart.labelColumn] !== '合计');
    const round = chart.type === 'pie' || chart.type === 'doughnut';
    new Chart(document.getElementById('chart-' + i), {
      type: chart.type,
      data: {
        labels: rows.map(r => r[chart.labelColumn]),
        datasets: chart.valueColumns.map((col, n) => ({
          label: table.columns[col],
          data: rows.map(r => r[col] === null ? 0 : Number(r[col])),
          backgroundColor: round ? rows.map((r, k) => meaning[r[chart.labelColumn]] || palette[k % palette.length])
            : palette[n % palette.length]
        }))
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
                 plugins: { title: { display: true, text: chart.title } } }
    });
  });
})();
