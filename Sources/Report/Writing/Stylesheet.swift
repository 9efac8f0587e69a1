/// The report's one stylesheet: plain and readable, light and dark, printable.
public enum Stylesheet {
    /// The CSS, written once as `style.css` at the root of the report.
    public static let css = """
        :root {
          --text: #1d1d1f; --muted: #5f6368; --background: #ffffff; --panel: #f6f7f9;
          --rule: #d9dce1; --accent: #1f5fbf; --good: #1b7f3b; --bad: #b3261e;
          color-scheme: light dark;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --text: #e6e6e6; --muted: #a0a4aa; --background: #16181c; --panel: #20242a;
            --rule: #3a3f47; --accent: #8ab4f8; --good: #81c995; --bad: #f28b82;
          }
          figure.plot img { background: #ffffff; }
        }
        html { font-size: 17px; }
        body {
          margin: 0 auto; max-width: 46rem; padding: 1.5rem 1.25rem 4rem;
          font-family: "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, serif;
          line-height: 1.6; color: var(--text); background: var(--background);
        }
        h1, h2, h3, nav, footer, figcaption, table, .check, .error, .chapter-card {
          font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
        }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 1.5rem; }
        h2 { font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.25rem; }
        h3 { font-size: 1.1rem; margin-top: 1.75rem; }
        a { color: var(--accent); }
        nav { font-size: 0.9rem; justify-content: space-between; }
        nav a { text-decoration: none; }
        p.notebook { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; font-size: 0.9rem; color: var(--muted); margin-top: -0.75rem; }
        code { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: 0.88em; }
        pre { background: var(--panel); padding: 0.75rem 1rem; overflow-x: auto; border-radius: 6px; }
        math {
          font-size: 1.08em;
          font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", "DejaVu Math TeX Gyre", math;
        }
        math[display="block"] { font-size: 1em; }
        math[display="block"] { margin: 0.6rem 0; overflow-x: auto; overflow-y: hidden; }
        .equation { overflow-x: auto; }
        .numbered { display: flex; align-items: center; gap: 0.5rem; }
        .numbered > .equation { flex: 1; min-width: 0; }
        .equation-number { font-size: 0.9rem; color: var(--muted); white-space: nowrap; }
        .equation-row { display: flex; flex-wrap: wrap; justify-content: center; align-items: center; column-gap: 2.5em; }
        .equation-row math[display="block"] { margin: 0.4rem 0; }
        figure { margin: 1.5rem 0; }
        figure.relation {
          background: var(--panel); border-left: 4px solid var(--good); border-radius: 6px;
          padding: 0.5rem 1rem; break-inside: avoid;
        }
        figure.relation.fails { border-left-color: var(--bad); }
        figure.relation .numbers { border-top: 1px dashed var(--rule); }
        figure.relation .numbers.narrow { display: none; }
        .check { font-size: 0.85rem; color: var(--good); margin-top: 0.25rem; }
        figure.relation.fails .check { color: var(--bad); font-weight: 600; }
        figure.relation.fails.expected { border-left-color: var(--accent); }
        figure.relation.fails.expected .check { color: var(--accent); font-weight: 600; }
        figure.plot { text-align: center; break-inside: avoid; }
        figure.plot img { max-width: 100%; height: auto; border-radius: 4px; }
        figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 0.4rem; }
        .table { overflow-x: auto; margin: 1.25rem 0; }
        table { border-collapse: collapse; font-size: 0.85rem; margin: 0 auto; }
        caption { caption-side: bottom; color: var(--muted); padding-top: 0.4rem; }
        th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--rule); text-align: left; }
        th { border-bottom: 2px solid var(--rule); font-weight: 600; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        td .label { display: none; }
        aside.note { border-left: 4px solid var(--accent); background: var(--panel); padding: 0.25rem 1rem; border-radius: 6px; }
        .error {
          border: 1px solid var(--bad); color: var(--bad); background: var(--panel);
          padding: 0.6rem 1rem; border-radius: 6px; margin: 1rem 0; font-size: 0.9rem;
        }
        .math-error { color: var(--bad); }
        section.exercise {
          border: 1px solid var(--rule); border-left: 4px solid var(--accent); border-radius: 6px;
          padding: 0.25rem 1rem 0.6rem; margin: 1.5rem 0;
        }
        section.exercise h3 { margin: 0.5rem 0 0.25rem; font-size: 1rem; color: var(--accent); }
        section.exercise details { margin: 0.4rem 0 0; border-top: 1px dashed var(--rule); padding-top: 0.35rem; }
        section.exercise summary {
          cursor: pointer; font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
          font-size: 0.9rem; font-weight: 600; color: var(--accent);
        }
        section.exercise details[open] > summary { margin-bottom: 0.25rem; }
        section.exercise details.answer { background: var(--panel); border-radius: 4px; padding: 0.35rem 0.6rem; border-top: none; }
        footer { margin-top: 3rem; font-size: 0.8rem; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 0.75rem; }
        .chapters { list-style: none; padding: 0; display: grid; gap: 1rem; }
        .chapter-card {
          display: grid; grid-template-columns: 9rem 1fr; gap: 1rem; align-items: center;
          background: var(--panel); border-radius: 8px; padding: 0.75rem; text-decoration: none; color: inherit;
        }
        .chapter-card img { width: 9rem; height: auto; border-radius: 4px; background: #ffffff; }
        .chapter-card h2 { margin: 0 0 0.3rem; border: none; font-size: 1.1rem; color: var(--accent); }
        .chapter-card .summary { font-size: 0.92rem; margin: 0 0 0.3rem; color: var(--text); }
        .chapter-card .numbers { font-size: 0.85rem; color: var(--muted); margin: 0; }
        nav { display: flex; flex-wrap: wrap; gap: 0.3rem 0.75rem; margin: 1rem 0; }
        nav.contents { display: block; font-size: 0.9rem; background: var(--panel); border-radius: 6px; padding: 0.5rem 1rem; }
        nav.contents ol { margin: 0; padding-left: 1.25rem; columns: 2 16rem; }
        nav.contents a { text-decoration: none; }
        .chapter-card.failed h2::after { content: " — failed"; color: var(--bad); }
        @media (max-width: 600px) {
          html { font-size: 16px; }
          body { padding: 1rem 0.75rem 3rem; }
          figure.relation { padding: 0.4rem 0.6rem; }
          section.exercise { padding: 0.2rem 0.6rem 0.5rem; }
          figure.relation .numbers.wide { display: none; }
          figure.relation .numbers.narrow { display: block; }
          .numbered { display: block; }
          .equation-number { display: block; text-align: right; font-size: 0.8rem; margin-top: -0.4rem; }
          .numbers math[display="block"] { font-size: 0.8em; }
          math[display="block"] { font-size: 0.92em; }
          .table table, .table thead, .table tbody, .table tr, .table td { display: block; }
          .table thead { display: none; }
          .table caption { display: block; text-align: left; }
          .table tr { border-bottom: 2px solid var(--rule); padding: 0.35rem 0; }
          .table td { border: none; padding: 0.1rem 0.2rem; text-align: left; }
          .table td.number { text-align: left; }
          .table td { overflow-wrap: anywhere; }
          .table td .label { display: block; font-size: 0.8rem; color: var(--muted); }
          .table td math { font-size: 0.9em; }
          .chapter-card { grid-template-columns: 1fr; }
          .chapter-card img { width: 100%; max-width: 18rem; }
        }
        @media print {
          :root {
            --text: #000000; --muted: #333333; --background: #ffffff; --panel: #ffffff;
            --rule: #999999; --accent: #1f4f9f; --good: #1b6f33; --bad: #a3231b;
          }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          html { font-size: 11pt; }
          body { max-width: none; padding: 0; }
          nav { display: none; }
          nav.contents { display: block; }
          a { color: inherit; text-decoration: none; }
          figure.relation { background: none; border: 1px solid var(--rule); border-left: 4px solid var(--good); }
          figure.relation.fails { border-left-color: var(--bad); }
          figure.relation .numbers.wide { display: block; }
          figure.relation .numbers.narrow { display: none; }
          math[display="block"], .equation, .table, pre { overflow: visible; }
          figure, table, tr, img, section.exercise { break-inside: avoid; }
          section.exercise details::details-content { content-visibility: visible; display: block; }
          section.exercise summary { list-style: none; }
          section.exercise summary::-webkit-details-marker { display: none; }
          section.exercise details.answer { background: none; border: 1px solid var(--rule); }
          h2, h3 { break-after: avoid; }
        }
        """
}
