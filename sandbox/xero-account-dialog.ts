// The chart of accounts page's script (runs in the page, not in Node). Clicking an account's name opens its edit
// popup (connect2accountants, fidelity.md; its markup here is a GUESS: an ARIA dialog); Save or Archive posts the
// change (editAccount in xero-pages.ts). The bulk Archive / Delete links act on the ticked rows and ask in an Ext JS
// window like Xero's (`.x-window`, `span.x-window-header-text` "Delete Accounts", OK `#popupOK`: Selenium page
// objects, ids 22225310558, 3183226342); its question text and the Cancel link are GUESSES. OK really archives or
// deletes in the sandbox store (bulkAccounts in xero-pages.ts), then the page reloads with Xero's message
// ("1 account has been deleted", same source).

/** Chart of accounts: edit popup, select all, bulk Archive / Delete with their confirmation (textContent only). */
export const ACCOUNT_DIALOG_SCRIPT = String.raw`
(function () {
  var accounts = JSON.parse(document.getElementById('accountsData').textContent || '[]');
  var types = JSON.parse(document.getElementById('accountTypes').textContent || '{}');
  var taxRates = JSON.parse(document.getElementById('taxRatesData').textContent || '[]');
  function el(tag, attrs, text) { var e = document.createElement(tag); Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); }); if (text != null) e.textContent = text; return e; }
  function post(action, payload, done) {
    fetch('/GeneralLedger/ChartOfAccounts.aspx/' + action, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })
      .then(function (r) { if (r.ok) location.reload(); else r.json().then(function (b) { done(b.error || 'Failed'); }); });
  }
  function openDialog(account) {
    var backdrop = el('div', { class: 'xui-modal-backdrop' });
    var dialog = el('div', { class: 'xui-modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'editAccountTitle', id: 'editAccountDialog' });
    dialog.appendChild(el('h2', { id: 'editAccountTitle' }, 'Edit Account'));
    var typeSelect = el('select', { id: 'AccountType', name: 'Type' });
    Object.keys(types).forEach(function (t) { var o = el('option', { value: t }, types[t]); if (t === account.Type) o.selected = true; typeSelect.appendChild(o); });
    var code = el('input', { id: 'AccountCode', name: 'Code', type: 'text' }); code.value = account.Code || '';
    var name = el('input', { id: 'AccountName', name: 'Name', type: 'text' }); name.value = account.Name || '';
    var tax = el('select', { id: 'AccountTaxType', name: 'TaxType' });
    taxRates.forEach(function (r) { var o = el('option', { value: r.TaxType }, r.Name); if (r.TaxType === account.TaxType) o.selected = true; tax.appendChild(o); });
    [['AccountType', 'Account Type', typeSelect], ['AccountCode', 'Code', code], ['AccountName', 'Name', name], ['AccountTaxType', 'Tax', tax]].forEach(function (f) {
      dialog.appendChild(el('label', { for: f[0] }, f[1])); dialog.appendChild(f[2]);
    });
    var message = el('p', { class: 'dialog-message', role: 'alert' });
    dialog.appendChild(message);
    var buttons = el('div', { class: 'dialog-buttons' });
    var save = el('button', { type: 'button', class: 'xui-button xui-button-main', id: 'saveAccount' }, 'Save');
    var archive = el('button', { type: 'button', class: 'xui-button xui-button-negative', id: 'archiveAccount' }, 'Archive');
    var cancel = el('button', { type: 'button', class: 'xui-button', id: 'cancelAccount' }, 'Cancel');
    save.addEventListener('click', function () { post('Save', { AccountID: account.AccountID, Type: typeSelect.value, Code: code.value, Name: name.value, TaxType: tax.value }, function (m) { message.textContent = m; }); });
    archive.addEventListener('click', function () { post('Archive', { AccountID: account.AccountID }, function (m) { message.textContent = m; }); });
    cancel.addEventListener('click', function () { backdrop.remove(); });
    buttons.appendChild(save); if (account.Status !== 'ARCHIVED') buttons.appendChild(archive); buttons.appendChild(cancel);
    dialog.appendChild(buttons); backdrop.appendChild(dialog); document.body.appendChild(backdrop);
    name.focus();
  }
  var message = document.getElementById('chartMessage');
  var done = sessionStorage.getItem('mgSandboxChartMessage');
  if (done && message) { message.textContent = done; message.hidden = false; sessionStorage.removeItem('mgSandboxChartMessage'); }
  function ticked() { return Array.prototype.slice.call(document.querySelectorAll('#chartOfAccounts tbody input[name="WillDelete"]:checked')).map(function (box) { return box.value; }); }
  function confirmBulk(action) {
    var ids = ticked();
    if (!ids.length) return;
    var mask = el('div', { class: 'ext-el-mask' });
    var win = el('div', { class: 'x-window', id: 'ext-comp-' + Date.now() });
    var header = el('div', { class: 'x-window-header' });
    var title = action === 'archive' ? 'Archive Accounts' : 'Delete Accounts';
    header.appendChild(el('span', { class: 'x-window-header-text' }, title));
    var body = el('div', { class: 'x-window-body' });
    body.appendChild(el('p', {}, 'Are you sure you want to ' + action + ' ' + (ids.length === 1 ? 'this account' : 'these ' + ids.length + ' accounts') + '?'));
    var footer = el('div', { class: 'x-window-footer' });
    var ok = el('a', { href: '#', id: 'popupOK', class: 'button' }, 'OK');
    var cancel = el('a', { href: '#', id: 'popupCancel' }, 'Cancel');
    function close() { win.remove(); mask.remove(); }
    ok.addEventListener('click', function (event) {
      event.preventDefault();
      fetch('/GeneralLedger/ChartOfAccounts.aspx/Bulk', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: action, AccountIDs: ids }) })
        .then(function (r) { return r.json().then(function (b) { if (r.ok) { sessionStorage.setItem('mgSandboxChartMessage', b.message); location.reload(); } else { body.appendChild(el('p', { class: 'error' }, b.error || 'Failed')); } }); });
    });
    cancel.addEventListener('click', function (event) { event.preventDefault(); close(); });
    footer.appendChild(ok); footer.appendChild(cancel);
    win.appendChild(header); win.appendChild(body); win.appendChild(footer);
    document.body.appendChild(mask); document.body.appendChild(win);
  }
  var selectAll = document.getElementById('selectAll');
  if (selectAll) selectAll.addEventListener('change', function () {
    document.querySelectorAll('#chartOfAccounts tbody input[name="WillDelete"]').forEach(function (box) { box.checked = selectAll.checked; });
  });
  document.addEventListener('click', function (event) {
    var bulk = event.target.closest && event.target.closest('#archiveButton, #deleteButton');
    if (bulk) { event.preventDefault(); confirmBulk(bulk.id === 'archiveButton' ? 'archive' : 'delete'); return; }
    var trigger = event.target.closest && event.target.closest('.edit-account');
    if (!trigger) return;
    event.preventDefault();
    var id = trigger.getAttribute('data-account-id');
    var account = accounts.filter(function (a) { return a.AccountID === id; })[0];
    if (account) openDialog(account);
  });
})();
`;
