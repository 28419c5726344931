import type { Minutes } from '@careweave/shared';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML: names and notes are typed by people. */
function esc(value: string | null | undefined): string {
  return (value ?? '').replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

// A4, black on white, and a case never split across pages where it fits on one.
const STYLE = `
@page { size: A4; margin: 18mm; }
body { font: 11pt/1.45 Arial, Helvetica, sans-serif; color: #000; background: #fff; }
h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 14pt 0 4pt; }
section.case { break-inside: avoid; page-break-inside: avoid; border-top: 1px solid #000; }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: 2pt 6pt 2pt 0; vertical-align: top; }
`;

function caseHtml(c: Minutes['cases'][number]): string {
  const actions = c.actions.length
    ? `<table><thead><tr><th>Action</th><th>Owner</th><th>Due</th></tr></thead><tbody>${c.actions
        .map(
          (a) =>
            `<tr><td>${esc(a.text)}</td><td>${esc(a.owner ?? 'Not assigned')}</td><td>${esc(a.dueDate ?? 'No date')}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>No actions agreed.</p>';
  const signed = c.signedOff
    ? `<p>Signed off: ${esc(c.signedOff.label)}, by ${esc(c.signedOff.by)}</p>`
    : '<p>Not signed off.</p>';
  const discussion = c.discussion
    ? `<h3>Discussion</h3><p>${esc(c.discussion).replace(/\n/g, '<br>')}</p>`
    : '';
  return `<section class="case"><h2>${esc(c.person)}</h2><p>Reason: ${esc(c.reason)}</p><p>Decision: ${esc(c.outcome)}</p><h3>Actions</h3>${actions}${signed}${discussion}</section>`;
}

/** The minutes as one standalone HTML page that prints cleanly on A4. */
export function minutesHtml(minutes: Minutes): string {
  const attendees = minutes.attendees
    .map(
      (a) =>
        `<li>${esc(a.name)}, ${esc(a.role)}${a.organisation ? `, ${esc(a.organisation)}` : ''} (${esc(a.modeLabel)})</li>`,
    )
    .join('');
  const copy =
    minutes.audience === 'partner'
      ? '<p>Voluntary-sector partner copy: no clinical content.</p>'
      : '';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Minutes: ${esc(minutes.title)}, ${esc(minutes.date)}</title><style>${STYLE}</style></head>
<body><h1>Minutes</h1><p>${esc(minutes.title)}, ${esc(minutes.date)}${minutes.place ? `, ${esc(minutes.place)}` : ''}</p>
<p>Chair: ${esc(minutes.chair)}</p>${copy}<h2>Attendees</h2><ul>${attendees || '<li>No attendance recorded.</li>'}</ul>
${minutes.cases.map(caseHtml).join('\n')}
</body></html>
`;
}
