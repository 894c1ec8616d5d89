// HBIPS-2 (physical restraint) and HBIPS-3 (seclusion) for a unit: hours per 1,000 inpatient hours by month and
// age stratum, as two bar charts (Chart.js, loaded as /webjars/chart.js/…/chart.umd.js) with the same figures in a
// table for screen readers and keyboard users, and the CSV behind them.
import { ApiError, errorText, fill, h, request } from './dyad.js';

const STRATA = [
    ['AGES_1_TO_12', '1–12'], ['AGES_13_TO_17', '13–17'], ['AGES_18_TO_64', '18–64'], ['AGES_65_AND_OVER', '65+'],
];
const COLOURS = ['#2f6f8f', '#b5651d', '#4c7a34', '#7a4c8f'];
const charts = [];

function monthValue(date) {
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** Renders the quality section into {@code section}, for the given units (the first is shown). */
export function hbipsSection(section, units) {
    const now = new Date();
    const yearAgo = new Date(now.getFullYear(), now.getMonth() - 11, 1);
    const form = h('form', { class: 'hbips-form', 'aria-label': 'HBIPS period' },
        h('label', { for: 'hbips-unit' }, 'Unit '),
        h('select', { id: 'hbips-unit', name: 'unit' }, units.map(u => h('option', { value: u.unitId ?? u }, u.name ?? u))),
        h('label', { for: 'hbips-from' }, ' From '),
        h('input', { id: 'hbips-from', name: 'from', type: 'month', value: monthValue(yearAgo), required: true }),
        h('label', { for: 'hbips-to' }, ' to '),
        h('input', { id: 'hbips-to', name: 'to', type: 'month', value: monthValue(now), required: true }),
        ' ', h('button', { type: 'submit' }, 'Show'));
    const body = h('div', { class: 'hbips-body' });
    fill(section, h('h2', {}, 'Restraint and seclusion (HBIPS-2 and HBIPS-3)'),
        h('p', { class: 'muted' }, 'Hours per 1,000 psychiatric inpatient hours, from clinical times: minutes per event date ' +
            'rounded up, restraint counted over seclusion, inpatient days by the midnight census less leave days.'),
        form, body);
    form.addEventListener('submit', event => {
        event.preventDefault();
        show(body, form.unit.value, form.from.value, form.to.value);
    });
    if (units.length) {
        show(body, form.unit.value, form.from.value, form.to.value);
    }
}

async function show(body, unit, from, to) {
    const query = `unit=${encodeURIComponent(unit)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    let rows;
    try {
        rows = await request(`/api/quality/hbips?${query}`);
    } catch (error) {
        fill(body, h('p', { class: 'error', role: 'alert' }, error instanceof ApiError ? errorText(error) : 'Could not load the figures.'));
        return;
    }
    charts.splice(0).forEach(c => c.destroy());
    const months = [...new Set(rows.map(r => r.month))];
    const measures = [
        ['physicalRestraintRate', 'physicalRestraintMinutes', 'HBIPS-2: physical restraint'],
        ['seclusionRate', 'seclusionMinutes', 'HBIPS-3: seclusion'],
    ];
    fill(body,
        measures.map(([rate, minutes, title], i) => h('figure', { class: 'hbips-chart' },
            h('figcaption', {}, title),
            h('div', { class: 'chart-box' }, h('canvas', { id: `hbips-chart-${i}`, role: 'img',
                'aria-label': `${title}, hours per 1,000 inpatient hours by month and age` })),
            table(rows, months, rate, minutes, title))),
        h('p', {}, h('a', { href: `/api/quality/hbips?${query}`, id: 'hbips-csv', 'data-accept': 'text/csv',
            download: `hbips-${unit}-${from}-${to}.csv` }, 'Download CSV')));
    body.querySelector('#hbips-csv').addEventListener('click', event => downloadCsv(event, query, unit, from, to));
    if (!window.Chart) {
        return; // the tables carry the figures
    }
    measures.forEach(([rate, , title], i) => {
        charts.push(new window.Chart(document.getElementById(`hbips-chart-${i}`), {
            type: 'bar',
            data: {
                labels: months,
                datasets: STRATA.map(([key, label], s) => ({
                    label: `Ages ${label}`, backgroundColor: COLOURS[s],
                    data: months.map(m => rows.find(r => r.month === m && r.stratum === key)?.[rate] ?? null),
                })),
            },
            options: {
                animation: false, responsive: true, maintainAspectRatio: false,
                scales: { y: { beginAtZero: true, title: { display: true, text: 'hours per 1,000 inpatient hours' } } },
                plugins: { title: { display: false, text: title } },
            },
        }));
    });
}

function table(rows, months, rate, minutes, title) {
    const cell = r => r == null ? '—'
        : `${r[rate] == null ? 'no inpatient hours' : r[rate].toFixed(2)} (${r[minutes]} min)`;
    return h('details', { class: 'hbips-table' }, h('summary', {}, `${title} as a table`),
        h('table', {},
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Month'),
                STRATA.map(([, label]) => h('th', { scope: 'col' }, `Ages ${label}`)))),
            h('tbody', {}, months.map(m => h('tr', { dataset: { month: m } }, h('th', { scope: 'row' }, m),
                STRATA.map(([key]) => h('td', { dataset: { stratum: key } },
                    cell(rows.find(r => r.month === m && r.stratum === key)))))))));
}

// The CSV needs the Accept header, so fetch it and hand the browser a file.
async function downloadCsv(event, query, unit, from, to) {
    event.preventDefault();
    const response = await fetch(`/api/quality/hbips?${query}`, {
        headers: { Accept: 'text/csv', 'X-Requested-With': 'fetch' }, credentials: 'same-origin',
    });
    if (!response.ok) {
        return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: `hbips-${unit}-${from}-${to}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
}
