// The chart of accounts page's script (runs in the page, not in Node): Edit opens a dialog like Xero's; Save or
// Archive posts the change to the sandbox (see editAccount in xero-pages.ts).

/** Chart of accounts: Edit opens a dialog; Save or Archive posts the change (rendered with textContent only). */
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
  document.addEventListener('click', function (event) {
    var trigger = event.target.closest && event.target.closest('.edit-account');
    if (!trigger) return;
    event.preventDefault();
    var id = trigger.getAttribute('data-account-id');
    var account = accounts.filter(function (a) { return a.AccountID === id; })[0];
    if (account) openDialog(account);
  });
})();
`;
