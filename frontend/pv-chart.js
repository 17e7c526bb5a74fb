// <pv-bar-chart>: a bar chart (Chart.js, bundled from npm: no CDN). The server sends labels and
// series as JSON; stacked bars, one colour per series, a legend and tooltips.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

class PvBarChart extends HTMLElement {
  connectedCallback() {
    if (!this.canvas) {
      this.style.display = 'block';
      this.style.position = 'relative';
      this.canvas = document.createElement('canvas');
      this.appendChild(this.canvas);
    }
    if (this.pending) {
      this.draw(this.pending);
    }
  }

  disconnectedCallback() {
    if (this.chart) {
      this.chart.destroy();
      this.chart = undefined;
    }
  }

  setData(json) {
    const data = JSON.parse(json);
    this.pending = data;
    if (this.canvas) {
      this.draw(data);
    }
  }

  draw(data) {
    const datasets = data.series.map((s) => ({
      label: s.name, data: s.values, backgroundColor: s.color, stack: 'all', borderRadius: 2,
    }));
    if (this.chart) {
      this.chart.data.labels = data.labels;
      this.chart.data.datasets = datasets;
      this.chart.update('none');
      return;
    }
    this.chart = new Chart(this.canvas, {
      type: 'bar',
      data: { labels: data.labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true, grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
        plugins: { legend: { position: 'bottom' }, tooltip: { mode: 'index', intersect: false } },
      },
    });
  }
}

customElements.define('pv-bar-chart', PvBarChart);
