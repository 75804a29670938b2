// The live dashboard: calls the three services' REST APIs through their typed client (window.PartnerNet, generated
// from docs/api at build time) with the token the local run hands out (config.json), and draws what sales managers
// and ops look at. Charts are Chart.js; window.dashboardCharts holds them (the browser test reads their data there).
'use strict';

const MAGENTA = '#e20074';
const GREY = '#9e9e9e';
const STATUS_COLOURS = { ON_TRACK: '#2e7d32', AT_RISK: '#f9a825', OFF_TRACK: '#c62828' };
const STAGES = ['NEW', 'ACCEPTED', 'CONTACTED', 'APPOINTMENT', 'WON', 'LOST'];
const charts = {};
window.dashboardCharts = charts;

let config;
let apis;
const partnerNames = new Map();
let pilotCampaignId;

/** One client per API the dashboard reads, each with its service's address and the page's token. */
function clients() {
  const { partners, leads, targets } = window.PartnerNet;
  const at = (module, basePath) => new module.Configuration({ basePath, accessToken: config.token });
  return {
    attainment: new targets.AttainmentApi(at(targets, config.targets)),
    leads: new leads.LeadsApi(at(leads, config.leads)),
    pipeline: new leads.PipelineApi(at(leads, config.leads)),
    campaigns: new leads.CampaignsApi(at(leads, config.leads)),
    partners: new partners.PartnersApi(at(partners, config.partners)),
    shops: new partners.ShopsApi(at(partners, config.partners)),
    remodels: new partners.RemodelProgrammeApi(at(partners, config.partners)),
    footfall: new partners.FootfallApi(at(partners, config.partners)),
  };
}

/** The answer of one call, or an error saying which call failed and the problem the service answered. */
async function api(operation, call) {
  try {
    return await call();
  } catch (error) {
    if (error.response) {
      const problem = await error.response.json().catch(() => ({}));
      throw new Error(`${operation}: ${error.response.status} ${problem.title || ''} ${problem.detail || ''}`.trim());
    }
    throw new Error(`${operation}: ${error.message}`);
  }
}

/** Times as the operator reads them: 24-hour, German time, wherever the browser is. */
const BERLIN_TIME = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const BERLIN_SECONDS = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** A calendar day the client parsed into a Date, as the API wrote it. */
function day(date) {
  return date ? date.toISOString().slice(0, 10) : '';
}

function draw(id, type, data, options = {}) {
  if (charts[id]) {
    charts[id].data = data;
    charts[id].update('none');
    return;
  }
  charts[id] = new Chart(document.getElementById(id), {
    type,
    data,
    options: { responsive: true, maintainAspectRatio: false, animation: false, ...options },
  });
}

function text(id, value) {
  document.getElementById(id).textContent = value;
}

/** The ISO week (e.g. 2021-W07) of a date. */
function isoWeek(date) {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day - yearStart) / 86400000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function daysAgo(days) {
  return new Date(Date.now() - days * 86400000);
}

const year = new Date().getFullYear();

async function attainment() {
  const board = await api('getLeaderboard', () => apis.attainment.getLeaderboard({ year }));
  const entries = board.entries.filter((entry) => entry.pace.targetUnits > 0);
  const share = (units, entry) => Math.round((1000 * units) / entry.pace.targetUnits) / 10;
  draw('attainment', 'bar', {
    labels: entries.map((entry) => partnerLabel(entry.partnerId)),
    datasets: [
      {
        label: '% of target sold',
        data: entries.map((entry) => share(entry.pace.soldUnits, entry)),
        backgroundColor: entries.map((entry) => STATUS_COLOURS[entry.pace.status] || MAGENTA),
      },
      { label: '% expected by today (pace)', data: entries.map((entry) => share(entry.pace.expectedToDate, entry)), backgroundColor: GREY },
    ],
  }, { scales: { y: { beginAtZero: true, title: { display: true, text: '% of the year\'s effective target' } } } });
  const network = board.network;
  text('attainment-note', network
    ? `${year}, as of ${day(board.asOf)}: network ${network.percentage ?? '–'} % sold, pace ratio ${network.paceRatio ?? '–'} (${network.status}); green on track, amber at risk, red off track`
    : `${year}`);
}

async function flow() {
  const flowOfLeads = await api('getLeadFlow', () => apis.leads.getLeadFlow({ minutes: 30 }));
  const minute = (instant) => BERLIN_TIME.format(new Date(instant));
  draw('flow', 'bar', {
    labels: flowOfLeads.minutes.map((entry) => minute(entry.minute)),
    datasets: [
      { label: 'routed', data: flowOfLeads.minutes.map((entry) => entry.routed), backgroundColor: MAGENTA },
      { label: 'unrouted', data: flowOfLeads.minutes.map((entry) => entry.unrouted), backgroundColor: '#f9a825' },
      { label: 'rejected (no consent, duplicate)', data: flowOfLeads.minutes.map((entry) => entry.rejected), backgroundColor: GREY },
    ],
  }, { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'leads received' } } } });
  text('unrouted-queue', flowOfLeads.unroutedQueue);
}

async function pipeline() {
  const shopId = document.getElementById('shop').value;
  if (!shopId) {
    return;
  }
  const view = await api('getShopPipeline', () => apis.pipeline.getShopPipeline({ shopId, size: 1 }));
  draw('pipeline', 'bar', {
    labels: STAGES,
    datasets: [{ label: view.shopName, data: STAGES.map((stage) => view.stages[stage] || 0), backgroundColor: [MAGENTA, '#d81b60', '#ad1457', '#6a1b9a', '#2e7d32', GREY] }],
  }, { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, title: { display: true, text: `leads (${view.overdueFirstContact} past their first-contact time)` } } } });
}

const OUTCOMES = {
  UNITS_PER_1000_VISITORS: 'units sold per 1,000 visitors a week',
  UNITS_PER_WEEK: 'units sold per shop a week',
};

/** The pilot's difference-in-differences with its interval, and the verdict or what cannot be concluded. */
async function pilot() {
  if (!pilotCampaignId) {
    return;
  }
  const evaluation = await api('evaluateCampaign', () => apis.campaigns.evaluateCampaign({ campaignId: pilotCampaignId }));
  const estimate = evaluation.estimates[0];
  const level = estimate ? `${Math.round(estimate.confidenceLevel * 100)} %` : '';
  // Symmetric around 0 (no effect), wide enough for the interval; an interval of nothing still gets an axis.
  const reach = (estimate && Math.max(Math.abs(estimate.lower), Math.abs(estimate.upper)) * 1.2) || 1;
  draw('pilot', 'bar', {
    labels: ['pilot − control'],
    datasets: [
      // The estimate is drawn over its interval (lower order on top).
      { type: 'line', indexAxis: 'y', order: 0, label: 'estimate', data: estimate ? [estimate.difference] : [], showLine: false, pointRadius: 9, pointStyle: 'rectRot', backgroundColor: MAGENTA, borderColor: '#ffffff', borderWidth: 2 },
      { type: 'bar', order: 1, label: `${level} interval`, data: estimate ? [[estimate.lower, estimate.upper]] : [], backgroundColor: '#f48fb1', barPercentage: 0.25 },
    ],
  }, {
    indexAxis: 'y',
    scales: { x: { min: -reach, max: reach, title: { display: true, text: estimate ? `change in ${OUTCOMES[estimate.outcome]}, pilot minus control (0: no effect)` : 'no estimate' } } },
  });
  const periods = evaluation.periods;
  const signed = (value) => (value > 0 ? '+' : '') + value.toFixed(2);
  text('pilot-note', `${evaluation.campaign}, ${periods.during.weeks} weeks against ${periods.before.weeks} before: `
    + (estimate ? `${signed(estimate.difference)} (${level} interval ${signed(estimate.lower)} to ${signed(estimate.upper)})`
      + (estimate.relativePercent != null ? `, ${estimate.relativePercent > 0 ? '+' : ''}${estimate.relativePercent.toFixed(1)} %` : '') : 'no estimate')
    + ` → ${evaluation.recommendation}`
    + (evaluation.conclusive ? '' : ` (cannot conclude: ${evaluation.cannotConclude.join('; ')})`)
    + (evaluation.comparability.warnings.length ? ` · ${evaluation.comparability.warnings.length} comparability warning(s)` : ''));
}

async function remodel() {
  const report = await api('getRemodelProgramme', () => apis.remodels.getRemodelProgramme({ year }));
  draw('remodel', 'doughnut', {
    labels: ['completed', 'in progress', 'planned, on time', 'overdue (start passed)', 'not yet scheduled'],
    datasets: [{
      data: [report.completed, report.inProgress, report.plannedThisYear, report.overdue, report.unscheduledGap ?? 0],
      backgroundColor: [MAGENTA, '#ad1457', '#f48fb1', '#f9a825', '#e0e0e0'],
    }],
  }, { plugins: { legend: { position: 'right' } } });
  text('remodel-note', `${report.completed} of ${report.goal ?? '–'} done in ${year}, ${report.inProgress} in progress, `
    + `${report.overdue} overdue; ${report.projectedByYearEnd} projected by 31 December (${report.outlook ?? 'no goal'}); `
    + `${report.bookedNextYear} booked for ${year + 1}` + (report.firstBookedNextYear ? ` from ${day(report.firstBookedNextYear)}` : ''));
}

async function footfall() {
  const report = await api('getFootfallReport', () => apis.footfall.getFootfallReport({
    baselineYear: year - 2, from: isoWeek(daysAgo(7 * 40)), to: isoWeek(daysAgo(7)),
  }));
  draw('footfall', 'line', {
    labels: report.weeks.map((week) => week.week),
    datasets: [
      { label: 'visitors', data: report.weeks.map((week) => week.visitors), borderColor: MAGENTA, backgroundColor: MAGENTA, tension: 0.2 },
      { label: `same week of ${report.baselineYear} (baseline)`, data: report.weeks.map((week) => week.baselineVisitors), borderColor: GREY, backgroundColor: GREY, borderDash: [6, 4], tension: 0.2 },
    ],
  }, { scales: { y: { beginAtZero: true, title: { display: true, text: 'visitors per week, whole network' } } } });
  const last = report.weeks[report.weeks.length - 1];
  text('footfall-note', last ? `${last.week}: ${last.vsBaselinePercent} % against ${report.baselineYear}` : '');
}

/** A partner's name; with the start of its id when another partner has the same name. */
function partnerLabel(partnerId) {
  const name = partnerNames.get(partnerId);
  if (!name) {
    return partnerId.slice(0, 8);
  }
  const namesake = [...partnerNames].some(([id, other]) => other === name && id !== partnerId);
  return namesake ? `${name} (${partnerId.slice(0, 8)})` : name;
}

/** Partner names for the leaderboard; the shop picker, busiest pilot shop first. */
async function lookups() {
  for (let page = 0, pages = 1; page < pages; page++) {
    const partners = await api('listPartners', () => apis.partners.listPartners({ size: 200, page }));
    partners.items.forEach((partner) => partnerNames.set(partner.id, partner.name));
    pages = partners.totalPages;
  }
  const campaigns = await api('listCampaigns', () => apis.campaigns.listCampaigns({ size: 200 }));
  const pilotCampaign = campaigns.items.find((campaign) => campaign.code === config.pilotCampaign);
  pilotCampaignId = pilotCampaign && pilotCampaign.id;
  const pilotShops = new Set(pilotCampaign ? pilotCampaign.pilotShops : []);
  const shops = await api('listShops', () => apis.shops.listShops({ size: 200, sort: 'name' }));
  const select = document.getElementById('shop');
  const ordered = [...shops.items.filter((shop) => pilotShops.has(shop.id)), ...shops.items.filter((shop) => !pilotShops.has(shop.id))];
  ordered.forEach((shop) => {
    const option = document.createElement('option');
    option.value = shop.id;
    option.textContent = (pilotShops.has(shop.id) ? 'Pilot · ' : '') + shop.name;
    select.appendChild(option);
  });
  select.addEventListener('change', () => refresh([pipeline]));
}

async function refresh(parts) {
  const results = await Promise.allSettled(parts.map((part) => part()));
  const errors = results.filter((result) => result.status === 'rejected').map((result) => result.reason.message);
  const list = document.getElementById('errors');
  list.replaceChildren(...errors.map((message) => Object.assign(document.createElement('li'), { textContent: message })));
  text('status', `updated ${BERLIN_SECONDS.format(new Date())} (German time) · lead simulator ${config.simulator}`);
}

async function start() {
  config = await (await fetch('config.json')).json();
  apis = clients();
  try {
    await lookups();
  } catch (error) {
    document.getElementById('errors').textContent = error.message;
  }
  await refresh([attainment, flow, pipeline, pilot, remodel, footfall]);
  setInterval(() => refresh([attainment, flow, pipeline, pilot]), 5000);
  setInterval(() => refresh([remodel, footfall]), 60000);
}

start();
