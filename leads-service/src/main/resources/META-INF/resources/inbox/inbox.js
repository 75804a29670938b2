'use strict';
// The lead inbox of one shop: its open leads, updated live from the pipeline's event stream. Signs in with the bearer
// token of the operator's identity provider, handed over in the URL fragment (#access_token=…, never sent to a server)
// or pasted; the shop comes as ?shop=<id>.
(() => {
  const OPEN = ['NEW', 'ACCEPTED', 'CONTACTED', 'APPOINTMENT'];
  const NEXT = {
    NEW: ['ACCEPTED', 'CONTACTED', 'APPOINTMENT', 'WON', 'LOST', 'DECLINE'],
    ACCEPTED: ['CONTACTED', 'APPOINTMENT', 'WON', 'LOST'],
    CONTACTED: ['APPOINTMENT', 'WON', 'LOST'],
    APPOINTMENT: ['WON', 'LOST'],
  };
  const STATUS = { NEW: 'neu', ACCEPTED: 'angenommen', CONTACTED: 'kontaktiert', APPOINTMENT: 'Termin' };
  const PRODUCT = { MOBILE: 'Mobilfunk', BROADBAND: 'Festnetz-Internet', TV: 'TV', HOME_NETWORKING: 'Heimnetz',
    BUSINESS_SOLUTIONS: 'Geschäftslösungen' };
  const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'short', day: '2-digit',
    month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const $ = (id) => document.getElementById(id);

  const params = new URLSearchParams(location.search);
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('access_token')) {
    sessionStorage.setItem('inbox.token', fragment.get('access_token'));
    history.replaceState(null, '', location.pathname + location.search);
  }
  let token = sessionStorage.getItem('inbox.token');
  let shop = params.get('shop');
  const arrived = new Set();
  // The card shown per lead, kept while the lead is unchanged: what a user is choosing or typing in it stays.
  const cards = new Map();
  let targetsUrl = null;
  const number = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

  function formatDate(iso) {
    return berlin.format(new Date(iso)).replace(/, (\d\d:\d\d)$/, ', $1 Uhr');
  }

  function formatMinutes(minutes) {
    const hours = Math.floor(Math.abs(minutes) / 60);
    const rest = Math.abs(minutes) % 60;
    return (hours > 0 ? hours + ' Std. ' : '') + rest + ' Min.';
  }

  async function api(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: Object.assign({ Authorization: 'Bearer ' + token, Accept: 'application/json' },
        body ? { 'Content-Type': 'application/json' } : {}),
      body: body ? JSON.stringify(body) : undefined,
    });
    if (response.status === 401) {
      signIn('Die Anmeldung ist abgelaufen: bitte neu anmelden.');
      throw new Error('nicht angemeldet');
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || problem.title || 'HTTP ' + response.status);
    }
    return response.status === 204 ? null : response.json();
  }

  function signIn(message) {
    $('inbox').hidden = true;
    $('sign-in').hidden = false;
    if (message) {
      $('sign-in').querySelector('p').textContent = message;
    }
    $('shop-input').value = shop || '';
  }

  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    token = $('token-input').value.trim();
    shop = $('shop-input').value.trim();
    sessionStorage.setItem('inbox.token', token);
    history.replaceState(null, '', location.pathname + '?shop=' + encodeURIComponent(shop));
    start();
  });

  function dueText(lead) {
    if (!lead.slaDueAt) {
      return { text: '', css: '' };
    }
    const left = lead.slaBusinessMinutesLeft;
    const due = 'Erstkontakt bis ' + formatDate(lead.slaDueAt);
    if (left === null || left === undefined) {
      return { text: due, css: '' };
    }
    if (left <= 0) {
      return { text: due + ' · überfällig seit ' + formatMinutes(left) + ' Geschäftszeit', css: 'overdue' };
    }
    return { text: due + ' · noch ' + formatMinutes(left) + ' Geschäftszeit', css: left <= 120 ? 'soon' : '' };
  }

  function render(pipeline) {
    $('shop-name').textContent = '· ' + pipeline.shopName;
    const open = pipeline.items.filter((lead) => OPEN.includes(lead.status))
      .sort((a, b) => (a.slaDueAt || '9999').localeCompare(b.slaDueAt || '9999'));
    const stages = pipeline.stages;
    $('summary').textContent = `${open.length} offen · neu ${stages.NEW} · angenommen ${stages.ACCEPTED} · kontaktiert `
      + `${stages.CONTACTED} · Termin ${stages.APPOINTMENT} · gewonnen ${stages.WON} · verloren ${stages.LOST}`
      + (pipeline.overdueFirstContact > 0 ? ` · ${pipeline.overdueFirstContact} Erstkontakt(e) überfällig` : '');
    const shown = open.map((lead) => {
      const signature = JSON.stringify([lead.status, lead.slaDueAt, lead.routingReason, lead.contactName,
        lead.contactEmail, lead.contactPhone, lead.message, lead.reassignments]);
      const known = cards.get(lead.id);
      if (known && known.signature === signature) {
        showDue(known.element, lead);
        return known.element;
      }
      const element = card(lead);
      cards.set(lead.id, { signature, element });
      return element;
    });
    [...cards.keys()].filter((id) => !open.some((lead) => lead.id === id)).forEach((id) => cards.delete(id));
    const list = $('leads');
    if (shown.length !== list.children.length || shown.some((element, i) => list.children[i] !== element)) {
      list.replaceChildren(...shown);
    }
    $('empty').hidden = open.length > 0;
  }

  function showDue(item, lead) {
    const due = dueText(lead);
    const element = item.querySelector('.due');
    element.textContent = due.text;
    element.className = 'due' + (due.css ? ' ' + due.css : '');
  }

  function card(lead) {
    const item = $('lead-template').content.firstElementChild.cloneNode(true);
    item.dataset.leadId = lead.id;
    item.dataset.status = lead.status;
    if (arrived.delete(lead.id)) {
      item.classList.add('arrived');
    }
    item.querySelector('.what').textContent = `${PRODUCT[lead.productLine] || lead.productLine} · PLZ ${lead.postalCode}`
      + ` · Kampagne ${lead.campaign}`;
    item.querySelector('.status').textContent = STATUS[lead.status] || lead.status;
    showDue(item, lead);
    const contact = item.querySelector('.contact');
    contact.append(lead.contactName || '(ohne Namen)');
    if (lead.contactPhone) {
      const phone = document.createElement('a');
      phone.href = 'tel:' + lead.contactPhone;
      phone.textContent = lead.contactPhone;
      contact.append(' · ', phone);
    }
    if (lead.contactEmail) {
      const mail = document.createElement('a');
      mail.href = 'mailto:' + lead.contactEmail;
      mail.textContent = lead.contactEmail;
      contact.append(' · ', mail);
    }
    item.querySelector('.message').textContent = lead.message || '–';
    item.querySelector('.reason').textContent = lead.routingReason;
    item.querySelector('.received').textContent = formatDate(lead.receivedAt)
      + (lead.reassignments > 0 ? ` (von einem anderen Shop übernommen)` : '');
    const allowed = NEXT[lead.status] || [];
    item.querySelectorAll('button[data-status]').forEach((button) => {
      button.hidden = !allowed.includes(button.dataset.status);
      button.addEventListener('click', () => act(() => api('PUT', `/leads/${lead.id}/status`, { status: button.dataset.status })
        .then(() => {
          if (button.dataset.status === 'WON') {
            // targets-service counts the sale from the event a moment later: read the attainment again then.
            [2000, 5000, 10000].forEach((delay) => setTimeout(load, delay));
          }
        })));
    });
    item.querySelector('.lost-choice').hidden = !allowed.includes('LOST');
    item.querySelector('.lost').addEventListener('click', () => act(() => api('PUT', `/leads/${lead.id}/status`,
      { status: 'LOST', lostReason: item.querySelector('.lost-reason').value })));
    item.querySelector('.decline-choice').hidden = !allowed.includes('DECLINE');
    item.querySelector('.decline').addEventListener('click', () => {
      const note = item.querySelector('.decline-note').value.trim();
      act(() => api('POST', `/leads/${lead.id}/decline`, Object.assign({ reason: item.querySelector('.decline-reason').value },
        note ? { note } : {})));
    });
    return item;
  }

  async function act(action) {
    try {
      await action();
      $('errors').textContent = '';
    } catch (e) {
      $('errors').textContent = 'Nicht gespeichert: ' + e.message;
    }
    await load();
  }

  async function load() {
    try {
      const pipeline = await api('GET', `/shops/${encodeURIComponent(shop)}/pipeline?size=100`);
      render(pipeline);
      await showAttainment(pipeline.partnerId);
    } catch (e) {
      $('errors').textContent = 'Der Eingang konnte nicht geladen werden: ' + e.message;
    }
  }

  // What every won lead adds to: the partner's attainment of this year's target (targets-service).
  async function showAttainment(partnerId) {
    if (!targetsUrl) {
      return;
    }
    try {
      const attainment = await api('GET', `${targetsUrl}/partners/${partnerId}/attainment`);
      const total = attainment.total;
      $('attainment').textContent = `Ziel ${attainment.from.slice(0, 4)} des Partners: ${number.format(total.soldUnits)} von `
        + `${number.format(total.targetUnits)} Einheiten (${number.format(total.percentage)} %)`;
      $('attainment').dataset.soldUnits = total.soldUnits;
      $('attainment').hidden = false;
    } catch (e) {
      $('attainment').hidden = true;
    }
  }

  // The pipeline's Server-Sent Events, read with fetch (EventSource cannot send the token); reconnects after a pause
  // and reads the pipeline again, as the stream does not replay what happened in between.
  async function follow() {
    for (let pause = 1000; ; pause = Math.min(pause * 2, 30000)) {
      try {
        const response = await fetch(`/shops/${encodeURIComponent(shop)}/pipeline/stream`,
          { headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' } });
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        setLive(true);
        pause = 1000;
        await load();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            break;
          }
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            onEvent(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch (e) {
        // Reported by the indicator; tried again below.
      }
      setLive(false);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  function onEvent(block) {
    const data = block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('');
    if (!data) {
      return; // a keep-alive comment
    }
    const change = JSON.parse(data);
    if (change.shopId === shop && ['LeadAssigned', 'LeadReassigned', 'LeadDeclined'].includes(change.type)) {
      arrived.add(change.leadId);
    }
    load();
  }

  function setLive(on) {
    $('live').className = 'live ' + (on ? 'on' : 'off');
    $('live').textContent = on ? 'live' : 'nicht verbunden – neuer Versuch läuft';
  }

  async function start() {
    if (!token || !shop) {
      signIn();
      return;
    }
    targetsUrl = (await fetch('config.json').then((response) => response.json()).catch(() => ({}))).targetsUrl;
    $('sign-in').hidden = true;
    $('inbox').hidden = false;
    follow();
    // Business time left counts down while the shop is open: read again every minute.
    setInterval(load, 60000);
  }

  start();
})();
