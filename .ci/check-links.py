#!/usr/bin/env python3
"""Every href and src in a report folder must resolve to a file inside it (the report is offline)."""
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, unquote


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.targets = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.targets.append(value)


def main(root: Path) -> int:
    problems, checked = [], 0
    for page in sorted(root.rglob("*.html")):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for target in parser.targets:
            checked += 1
            url, _ = urldefrag(target)
            if "://" in url or url.startswith("//"):
                problems.append(f"{page}: {target}: points outside the report (it must work offline)")
                continue
            if not url:
                continue
            path = (page.parent / unquote(url)).resolve()
            if not path.is_file():
                problems.append(f"{page}: {target}: no such file")
            elif root.resolve() not in path.parents:
                problems.append(f"{page}: {target}: outside {root}")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"check-links: {checked} links in {len(list(root.rglob('*.html')))} pages, {len(problems)} broken")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "output")))
