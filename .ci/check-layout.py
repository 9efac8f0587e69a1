#!/usr/bin/env python3
"""Check the layout of a built book in a real browser: nothing clipped, nothing past the page.

    python3 .ci/check-layout.py [--report-only] [--screenshots DIR] [--json FILE] BOOK
    python3 .ci/check-layout.py --self-test

Every HTML page of BOOK (index.html and each chapter's index.html; folders starting with a dot,
like .cache/, are skipped) is loaded in headless Chromium in three modes:

    screen-1100   screen media, a 1100 CSS px wide viewport, device scale factor 1
    phone-390     screen media, a 390 CSS px wide mobile viewport, device scale factor 2
    print-718     print media, 718 CSS px wide: the printable width of an A4 page with 10 mm
                  margins (190 mm at 96 px per inch)

and, after the load event, the fonts and every image have loaded, JavaScript in the page measures:

    clipped   an element whose overflow-x hides or scrolls (auto, scroll, hidden, clip) and whose
              content is wider than its box (scrollWidth > clientWidth + 1). A scrolling box is
              usable on a screen, but its reader sees only part of it, and on paper the rest is lost.
    past      an element whose box, or whose own text, reaches past the right (or left) edge of the
              viewport. Only the outermost such element is reported, and nothing inside a box that
              clips its overflow (that box is either within the page or reported itself).
    spills    a block of text (p, li, td, th, figcaption, caption, h1-h6...) whose content is wider
              than its box although the box lets it show (scrollWidth > clientWidth + 1, overflow
              visible): a formula that cannot wrap runs over the page's margin, or a cell's content
              into the next cell. The innermost such block only, and none whose content is already
              reported as past. (Not asked for at first; added because the screenshots showed it.)
    shrunken  an <img> shown at less than 0.7 of its intended width. The intended width is the
              `width` attribute when there is one (the CSS px width the book asks for; a figure
              drawn at 2x for sharpness has width = half its pixels), else the image's natural
              width (a browser shows an image without a width at its natural width in CSS px,
              whatever the screen's device pixel ratio). The device pixel ratio plays no part: it
              changes neither the layout nor what the book asks for. Each finding also gives the
              width its container offered, so a figure shrunk to fit a phone's column can be told
              from one squeezed by the layout. Thumbnails by design (THUMBNAILS below) are skipped.
    wider     the document itself is wider than the viewport (documentElement.scrollWidth >
              clientWidth + 1): the page scrolls sideways.

Findings are printed by page and mode, then one summary line with the counts per mode. The exit
status is 1 when any count is non-zero, 0 with --report-only (to look at a book that is not clean
yet). --screenshots DIR also saves every page in every mode as a full-page PNG, the print mode as
a PDF too (Page.printToPDF, A4, 10 mm margins), and a fourth mode, dark-1100 (screen, 1100 px,
prefers-color-scheme: dark), for screenshots only. --json FILE writes all findings as JSON.

--self-test checks the fixtures in .ci/layout-fixtures/: each must produce exactly the findings
listed in FIXTURES below, in each of the three modes, and clean.html none.

How: one Chromium (`chromium --headless --remote-debugging-port=0`) for all pages, driven over the
DevTools protocol through a minimal WebSocket client written here with the standard library
(socket, http.client), so CI needs nothing beyond Debian's chromium and python3: no PyPI package,
no chromedriver whose version must match the browser's. The protocol calls used are few and
stable: Emulation.setDeviceMetricsOverride, Emulation.setEmulatedMedia, Page.navigate,
Page.loadEventFired, Runtime.evaluate, Page.captureScreenshot, Page.printToPDF.
"""
import argparse
import base64
import hashlib
import http.client
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# Images that are small on purpose: the index's chapter cards show each chapter's first figure
# as a 9rem thumbnail.
THUMBNAILS = [".chapter-card img"]

# A shown image under this fraction of its intended width is "shrunken".
SHRUNK_BELOW = 0.7


@dataclass(frozen=True)
class Mode:
    name: str
    width: int
    height: int
    scale: float
    mobile: bool
    media: str
    dark: bool = False
    measured: bool = True

    def describe(self):
        what = f"{self.media}, {self.width} px wide, device scale factor {self.scale:g}"
        return what + (", prefers-color-scheme: dark" if self.dark else "")


MODES = [
    Mode("screen-1100", 1100, 900, 1, False, "screen"),
    Mode("phone-390", 390, 844, 2, True, "screen"),
    # 190 mm = 190 / 25.4 * 96 = 718.1 CSS px; the height is A4's 277 mm of printable height.
    Mode("print-718", 718, 1047, 1, False, "print"),
    Mode("dark-1100", 1100, 900, 1, False, "screen", dark=True, measured=False),
]
MEASURED = [mode for mode in MODES if mode.measured]
KINDS = ["clipped", "past", "spills", "shrunken", "wider"]

# What each fixture must produce, in every measured mode: a list of (kind, text that the finding's
# element or text must contain). Nothing else may be found.
FIXTURES = {
    "clean.html": [],
    "clipped-math.html": [("clipped", "\\sum_{i=1}^{n}")],
    "past-viewport.html": [("past", "div.too-wide"), ("wider", "")],
    "spilling-cell.html": [("spills", "td.narrow")],
    "squeezed-image.html": [("shrunken", "img.squeezed")],
    "picture-sources.html": [("shrunken", "img.squeezed-source")],
}


# ---------------------------------------------------------------------------------------------
# A minimal WebSocket client (RFC 6455): enough for the DevTools protocol on the loopback.

class WebSocket:
    GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    def __init__(self, url: str, timeout: float):
        parts = urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        key = base64.b64encode(os.urandom(16))
        request = (
            f"GET {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key.decode()}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        self.buffer = bytearray()
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("the browser closed the connection during the handshake")
            self.buffer += chunk
        end = self.buffer.index(b"\r\n\r\n")
        head = bytes(self.buffer[:end]).decode("latin-1")
        del self.buffer[: end + 4]
        status = head.split("\r\n", 1)[0]
        if " 101 " not in status + " ":
            raise ConnectionError(f"the browser refused the WebSocket: {status}")
        accept = base64.b64encode(hashlib.sha1(key + self.GUID).digest()).decode()
        if accept not in head:
            raise ConnectionError("the browser's WebSocket handshake has a wrong Sec-WebSocket-Accept")

    def settimeout(self, seconds: float):
        self.sock.settimeout(max(seconds, 0.001))

    def _send_frame(self, opcode: int, payload: bytes):
        header = bytes([0x80 | opcode])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack("!H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack("!Q", n)
        mask = os.urandom(4)
        # XOR with the mask, all at once as one big integer.
        repeated = (mask * (n // 4 + 1))[:n]
        masked = (int.from_bytes(payload, "big") ^ int.from_bytes(repeated, "big")).to_bytes(n, "big")
        self.sock.sendall(header + mask + masked)

    def send(self, text: str):
        self._send_frame(0x1, text.encode("utf-8"))

    def _read(self, n: int) -> bytes:
        while len(self.buffer) < n:
            chunk = self.sock.recv(max(1 << 20, n - len(self.buffer)))
            if not chunk:
                raise ConnectionError("the browser closed the DevTools connection")
            self.buffer += chunk
        data = bytes(self.buffer[:n])
        del self.buffer[:n]
        return data

    def recv(self) -> str:
        message = bytearray()
        while True:
            b0, b1 = self._read(2)
            fin, opcode, n = b0 & 0x80, b0 & 0x0F, b1 & 0x7F
            if n == 126:
                n = struct.unpack("!H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack("!Q", self._read(8))[0]
            mask = self._read(4) if b1 & 0x80 else None
            data = self._read(n)
            if mask:
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
            if opcode == 0x8:
                raise ConnectionError("the browser closed the DevTools connection")
            if opcode == 0x9:
                self._send_frame(0xA, data)
                continue
            if opcode == 0xA:
                continue
            message += data
            if fin:
                return message.decode("utf-8")

    def close(self):
        try:
            self._send_frame(0x8, b"")
        except OSError:
            pass
        self.sock.close()


class DevToolsError(RuntimeError):
    pass


class Browser:
    """One headless Chromium and one page of it, driven over the DevTools protocol."""

    def __init__(self, timeout: float = 60):
        self.timeout = timeout
        chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not chromium:
            raise SystemExit("check-layout: no chromium on PATH (apt-get install chromium)")
        self.profile = Path(tempfile.mkdtemp(prefix="check-layout-"))
        self.log = open(self.profile / "chromium.log", "wb")
        self.process = subprocess.Popen(
            [
                chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--mute-audio",
                "--font-render-hinting=none", "--remote-debugging-port=0",
                f"--user-data-dir={self.profile}", "about:blank",
            ],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
        )
        port = self._port()
        self.ws = WebSocket(self._page_target(port), timeout)
        self.next_id = 0
        self.events = []
        self.call("Page.enable")
        self.call("Runtime.enable")

    def _port(self) -> int:
        # With --remote-debugging-port=0 the browser picks a free port and writes it here.
        active = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._fail(f"chromium exited with status {self.process.returncode} at start")
            if active.exists():
                lines = active.read_text().split()
                if lines:
                    return int(lines[0])
            time.sleep(0.05)
        self._fail("chromium did not open its DevTools port in time")

    def _page_target(self, port: int) -> str:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=self.timeout)
            try:
                connection.request("GET", "/json/list")
                targets = json.loads(connection.getresponse().read())
            finally:
                connection.close()
            pages = [t for t in targets if t.get("type") == "page" and t.get("webSocketDebuggerUrl")]
            if pages:
                return pages[0]["webSocketDebuggerUrl"]
            time.sleep(0.05)
        self._fail("chromium opened no page")

    def _fail(self, why: str):
        self.close()
        log = (self.profile / "chromium.log").read_text(errors="replace")[-2000:]
        raise SystemExit(f"check-layout: {why}\n{log}")

    def _receive(self, deadline: float, what: str) -> dict:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"chromium did not answer {what} in {self.timeout:g} s")
        self.ws.settimeout(remaining)
        try:
            return json.loads(self.ws.recv())
        except socket.timeout:
            raise TimeoutError(f"chromium did not answer {what} in {self.timeout:g} s") from None

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._receive(deadline, method)
            if message.get("id") == ident:
                if "error" in message:
                    raise DevToolsError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, event: str):
        deadline = time.monotonic() + self.timeout
        while True:
            for i, message in enumerate(self.events):
                if message["method"] == event:
                    del self.events[: i + 1]
                    return message.get("params", {})
            self.events.append(self._receive(deadline, event))
            self.events = [m for m in self.events if "method" in m]

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise DevToolsError(f"JavaScript in the page failed: {text}")
        return result["result"].get("value")

    def emulate(self, mode: Mode):
        self.call(
            "Emulation.setDeviceMetricsOverride", width=mode.width, height=mode.height,
            deviceScaleFactor=mode.scale, mobile=mode.mobile,
            screenWidth=mode.width, screenHeight=mode.height,
        )
        features = [{"name": "prefers-color-scheme", "value": "dark" if mode.dark else "light"}]
        self.call("Emulation.setEmulatedMedia", media=mode.media, features=features)

    def load(self, url: str):
        self.events.clear()
        result = self.call("Page.navigate", url=url)
        if result.get("errorText"):
            raise DevToolsError(f"cannot load {url}: {result['errorText']}")
        self.wait_for("Page.loadEventFired")
        self.evaluate(SETTLE_JS)

    def screenshot(self, path: Path):
        size = self.call("Page.getLayoutMetrics")["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        data = self.call("Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True)
        path.write_bytes(base64.b64decode(data["data"]))

    def pdf(self, path: Path):
        margin = 10 / 25.4  # 10 mm, in inches
        data = self.call(
            "Page.printToPDF", paperWidth=210 / 25.4, paperHeight=297 / 25.4,
            marginTop=margin, marginBottom=margin, marginLeft=margin, marginRight=margin,
            printBackground=True, preferCSSPageSize=False,
        )
        path.write_bytes(base64.b64decode(data["data"]))

    def close(self):
        if getattr(self, "ws", None):
            try:
                self.call("Browser.close")
            except (OSError, DevToolsError, TimeoutError, ConnectionError):
                pass
            self.ws.close()
            self.ws = None
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# What runs in the page.

# Wait until the fonts are in and every image has loaded and decoded, then for two frames.
SETTLE_JS = r"""
(async () => {
  await document.fonts.ready;
  await Promise.all([...document.images].map(img => img.complete
    ? img.decode().catch(() => {})
    : new Promise(done => { img.addEventListener('load', done, {once: true});
                            img.addEventListener('error', done, {once: true}); })));
  await document.fonts.ready;
  const frame = () => new Promise(done => { requestAnimationFrame(done); setTimeout(done, 200); });
  await frame(); await frame();
  return true;
})()
"""

MEASURE_JS = r"""
((thumbnails, shrunkBelow) => {
  const html = document.documentElement;
  const viewport = html.clientWidth;
  const round = x => Math.round(x * 10) / 10;
  const squash = s => s.replace(/\s+/g, ' ').trim();
  const cut = (s, n) => s.length > n ? s.slice(0, n - 1) + '…' : s;

  // A readable text for an element: math as its TeX between dollars.
  function textOf(node) {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const tag = node.localName;
    if (tag === 'math') {
      const tex = node.querySelector('annotation[encoding="application/x-tex"], annotation');
      return tex ? ' $' + squash(tex.textContent) + '$ ' : node.textContent;
    }
    if (tag === 'img' || tag === 'script' || tag === 'style') return '';
    const text = [...node.childNodes].map(textOf).join('');
    // Blocks, cells and the like are apart from what comes before and after them.
    return getComputedStyle(node).display.startsWith('inline') ? text : ' ' + text + ' ';
  }
  function nameOf(el) {
    let name = el.localName;
    if (el.id) name += '#' + el.id;
    for (const c of el.classList) name += '.' + c;
    if (el.localName === 'math' && el.getAttribute('display') === 'block') name += '[display=block]';
    return name;
  }
  // The headings of the page's sections, not those inside a card, a figure or a table.
  const headings = [...document.querySelectorAll('h1, h2, h3')].filter(h =>
    ['body', 'main', 'header', 'section', 'article'].includes(h.parentElement.localName));
  const relations = [...document.querySelectorAll('figure.relation')];
  const figures = [...document.querySelectorAll('figure.plot')];
  function where(el) {
    const place = {};
    let heading = null;
    for (const h of headings) {
      if (h === el || h.contains(el) ||
          (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) heading = h;
    }
    if (heading) place.section = cut(squash(heading.textContent), 60);
    const relation = el.closest('figure.relation');
    if (relation) {
      place.relation = (relations.indexOf(relation) + 1) + ' of ' + relations.length;
      const row = el.closest('.equation');
      if (row) place.row = row.classList.contains('numbers') ? 'numbers' : 'symbols';
    }
    const figure = el.closest('figure.plot');
    if (figure) place.figure = (figures.indexOf(figure) + 1) + ' of ' + figures.length;
    if (el.localName !== 'table' && el.closest('table')) place.table = true;
    return place;
  }
  function finding(kind, el, extra) {
    let text = squash(textOf(el));
    const math = el.localName === 'math' ? el : el.querySelector('math');
    // An element that is one formula (a math, or a box around one): its TeX in full.
    const tex = math && squash(textOf(math)) === text ? text.replace(/^\$|\$$/g, '') : null;
    return Object.assign({kind, element: nameOf(el), text: tex === null ? cut(text, 90) : '',
                          tex}, where(el), extra);
  }
  const clips = style => ['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX);
  const found = [];

  // clipped: a box that hides or scrolls its overflow, with content wider than itself.
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (!clips(style) || el.clientWidth === 0) continue;
    if (el.scrollWidth > el.clientWidth + 1)
      found.push(finding('clipped', el, {content: el.scrollWidth, box: el.clientWidth,
                                         hidden: el.scrollWidth - el.clientWidth}));
  }

  // past: the outermost boxes (or text) past either edge of the viewport; nothing inside a box
  // that clips, since what is clipped there cannot reach past the box.
  const past = (left, right) => right > viewport + 1 || left < -1;
  function walk(el) {
    const style = getComputedStyle(el);
    if (style.display === 'none') return;
    const box = el.getBoundingClientRect();
    const left = box.left + window.scrollX, right = box.right + window.scrollX;
    if ((box.width > 0 || box.height > 0) && style.visibility !== 'hidden' && past(left, right)) {
      found.push(finding('past', el, {left: round(left), right: round(right), viewport, node: el}));
      return;
    }
    if (clips(style) && el !== document.body) return;
    for (const child of el.childNodes) {
      if (child.nodeType === Node.ELEMENT_NODE) walk(child);
      else if (child.nodeType === Node.TEXT_NODE && child.data.trim() && style.visibility !== 'hidden') {
        const range = document.createRange();
        range.selectNodeContents(child);
        const r = range.getBoundingClientRect();
        if ((r.width > 0 || r.height > 0) && past(r.left + window.scrollX, r.right + window.scrollX)) {
          found.push(finding('past', el, {left: round(r.left + window.scrollX),
                                          right: round(r.right + window.scrollX), viewport,
                                          textOnly: true, node: el}));
          return;
        }
      }
    }
  }
  walk(document.body);

  // spills: a block of text (a paragraph, a cell, a caption...) whose content is wider than its
  // box although the box lets it show: it runs over the page's margin or into the next cell,
  // and the two findings above cannot see it while it stays inside the viewport. The innermost
  // such block only, and none whose content is already reported as past the viewport.
  const pastElements = found.filter(f => f.kind === 'past').map(f => f.node);
  const blocks = [...document.body.querySelectorAll(
    'p, li, td, th, dd, dt, figcaption, caption, blockquote, h1, h2, h3, h4, h5, h6, summary')]
    .filter(el => el.clientWidth > 0 && !clips(getComputedStyle(el)) &&
                  el.scrollWidth > el.clientWidth + 1);
  for (const el of blocks) {
    if (blocks.some(other => other !== el && el.contains(other))) continue;
    if (pastElements.some(p => el.contains(p) || p.contains(el))) continue;
    // What spills: the first formula (or else element) that reaches past the box's edge.
    const edge = el.getBoundingClientRect().right - el.clientLeft - 1;
    const crossing = [...el.querySelectorAll('math, img, code, *')]
      .find(child => child.getBoundingClientRect().right > edge + 1);
    const culprit = crossing ? squash(textOf(crossing.closest('math') || crossing)) : null;
    found.push(finding('spills', el, {content: el.scrollWidth, box: el.clientWidth,
                                      over: el.scrollWidth - el.clientWidth, culprit}));
  }

  // shrunken: an image shown at under shrunkBelow of its intended width.
  let thumbnailsSkipped = 0;
  for (const img of document.images) {
    if (thumbnails.some(selector => img.matches(selector))) { thumbnailsSkipped++; continue; }
    const box = img.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (!img.naturalWidth) {
      found.push(finding('shrunken', img, {src: img.getAttribute('src'), broken: true}));
      continue;
    }
    // Inside a <picture>, the intended width is that of the source the browser chose (a phone
    // drawing is narrower than the column's); otherwise the img's own width attribute.
    const chosen = img.parentElement && img.parentElement.tagName === 'PICTURE'
      ? [...img.parentElement.querySelectorAll('source')].find(source =>
          img.currentSrc && source.getAttribute('srcset')
          && new URL(source.getAttribute('srcset'), document.baseURI).href === img.currentSrc)
      : null;
    const attribute = (chosen && chosen.getAttribute('width')) || img.getAttribute('width');
    const intended = attribute && /^\s*\d+(\.\d+)?\s*$/.test(attribute) ? parseFloat(attribute)
                                                                        : img.naturalWidth;
    const ratio = box.width / intended;
    if (ratio < shrunkBelow) {
      const parent = img.parentElement, ps = getComputedStyle(parent);
      const room = parent.clientWidth - parseFloat(ps.paddingLeft) - parseFloat(ps.paddingRight);
      found.push(finding('shrunken', img, {src: img.getAttribute('src'), shown: round(box.width),
        intended, natural: img.naturalWidth, ratio: Math.round(ratio * 100) / 100,
        room: round(room), byColumn: box.width >= room - 1,
        by: attribute ? 'width attribute' : 'natural width'}));
    }
  }

  // wider: the page scrolls sideways.
  if (html.scrollWidth > viewport + 1)
    found.push({kind: 'wider', element: 'document', text: '', tex: null,
                content: html.scrollWidth, viewport});

  for (const f of found) delete f.node;
  return {viewport, findings: found, thumbnailsSkipped,
          images: document.images.length, elements: document.getElementsByTagName('*').length};
})
"""


def measure(browser: Browser) -> dict:
    return browser.evaluate(f"({MEASURE_JS})({json.dumps(THUMBNAILS)}, {SHRUNK_BELOW})")


# ---------------------------------------------------------------------------------------------
# Running over a book and reporting.

def pages_of(root: Path) -> list:
    pages = [p for p in root.rglob("*.html")
             if not any(part.startswith(".") for part in p.relative_to(root).parts)]
    # The index first, then the chapters in order.
    return sorted(pages, key=lambda p: (len(p.relative_to(root).parts), str(p.relative_to(root))))


def slug(root: Path, page: Path) -> str:
    relative = page.relative_to(root)
    if relative.name == "index.html":
        relative = relative.parent
    return "-".join(relative.with_suffix("").parts) if relative.parts else "index"


def run(root: Path, modes: list, screenshots: Path | None, log=print) -> dict:
    """Every page in every mode: {(page, mode name): measurement}."""
    pages = pages_of(root)
    if not pages:
        raise SystemExit(f"check-layout: no HTML pages in {root}")
    if screenshots:
        screenshots.mkdir(parents=True, exist_ok=True)
    results = {}
    browser = Browser()
    try:
        for mode in modes:
            if not mode.measured and not screenshots:
                continue
            started = time.monotonic()
            browser.emulate(mode)
            for page in pages:
                browser.load(page.resolve().as_uri())
                if mode.measured:
                    results[(page, mode.name)] = measure(browser)
                if screenshots:
                    name = slug(root, page)
                    browser.screenshot(screenshots / f"{name}.{mode.name}.png")
                    if mode.media == "print":
                        browser.pdf(screenshots / f"{name}.print.pdf")
            log(f"check-layout: {mode.name}: {len(pages)} pages in {time.monotonic() - started:.1f} s")
    finally:
        browser.close()
    return results


def place_of(f: dict) -> str:
    parts = []
    if f.get("relation"):
        parts.append(f"relation {f['relation']}" + (f" ({f['row']} row)" if f.get("row") else ""))
    if f.get("figure"):
        parts.append(f"figure {f['figure']}")
    if f.get("table"):
        parts.append("in a table")
    if f.get("section"):
        parts.append(f"§ {f['section']}")
    return ", ".join(parts)


def format_finding(f: dict) -> list:
    kind, element = f["kind"], f["element"]
    place = place_of(f)
    place = f" ({place})" if place else ""
    if kind == "clipped":
        line = (f"clipped   {element}{place}: {f['content']} px of content in a {f['box']} px box,"
                f" {f['hidden']} px hidden")
    elif kind == "past":
        side = []
        if f["right"] > f["viewport"] + 1:
            side.append(f"right edge at {f['right']:g} px, {f['right'] - f['viewport']:.1f} px past")
        if f["left"] < -1:
            side.append(f"left edge at {f['left']:g} px")
        what = "its text" if f.get("textOnly") else "its box"
        line = f"past      {element}{place}: {what}: {'; '.join(side)} the {f['viewport']} px viewport"
    elif kind == "shrunken":
        if f.get("broken"):
            line = f"shrunken  {element} {f['src']}{place}: the image did not load"
        else:
            why = ("as wide as its column: the column is narrower than the figure" if f["byColumn"]
                   else "squeezed by the layout: its column offers more")
            line = (f"shrunken  {element} {f['src']}{place}: shown {f['shown']:g} px of {f['intended']:g} px"
                    f" ({f['by']}; {f['natural']} px natural) = {f['ratio']:.2f};"
                    f" its column offers {f['room']:g} px ({why})")
    elif kind == "spills":
        line = (f"spills    {element}{place}: {f['content']} px of content in a {f['box']} px box,"
                f" {f['over']} px over its edge (into the margin or the next cell)")
    else:
        line = f"wider     the document is {f['content']} px wide in a {f['viewport']} px viewport"
    lines = [line]
    if kind == "spills" and f.get("culprit"):
        lines.append(f"          what spills: {f['culprit'][:200]}")
    if f.get("tex"):
        tex = f["tex"] if len(f["tex"]) <= 200 else f["tex"][:199] + "…"
        lines.append(f"          TeX: {tex}")
    elif f.get("text") and kind not in ("wider", "shrunken"):
        lines.append(f"          text: {f['text']}")
    return lines


def counts(results: dict, mode_name: str, page: Path | None = None) -> dict:
    tally = {kind: 0 for kind in KINDS + ["byColumn"]}
    for (where, name), measurement in results.items():
        if name == mode_name and (page is None or where == page):
            for f in measurement["findings"]:
                tally[f["kind"]] += 1
                tally["byColumn"] += bool(f.get("byColumn"))
    return tally


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word.replace('page', 'pages').replace('image', 'images')}"


def summary(results: dict, modes: list) -> str:
    parts = []
    for mode in modes:
        c = counts(results, mode.name)
        shrunk = plural(c["shrunken"], "shrunken image")
        if c["byColumn"]:
            shrunk += f" ({c['byColumn']} as wide as their column)"
        parts.append(f"{mode.name}: {c['clipped']} clipped, {c['past']} past the viewport,"
                     f" {c['spills']} spilling over their box, {shrunk},"
                     f" {plural(c['wider'], 'page')} wider than the viewport")
    return "; ".join(parts)


def table(root: Path, results: dict, modes: list):
    """Counts per page and mode: clipped/past/shrunken/wider."""
    pages = pages_of(root)
    names = [str(p.relative_to(root)) for p in pages]
    width = max(len(n) for n in names)
    print(f"\ncounts per page, clipped/past/spills/shrunken/wider:")
    print(f"  {'':{width}}  " + "  ".join(f"{m.name:>13}" for m in modes))
    for page, name in zip(pages, names):
        cells = []
        for mode in modes:
            c = counts(results, mode.name, page)
            cells.append("/".join(str(c[kind]) for kind in KINDS).rjust(13))
        print(f"  {name:{width}}  " + "  ".join(cells))


def report(root: Path, results: dict, modes: list):
    for page in pages_of(root):
        for mode in modes:
            measurement = results.get((page, mode.name))
            if measurement is None:
                continue
            findings = measurement["findings"]
            if not findings:
                continue
            print(f"\n== {page.relative_to(root)} — {mode.name} ({mode.describe()}):"
                  f" {len(findings)} finding{'s' if len(findings) != 1 else ''}")
            order = {kind: i for i, kind in enumerate(KINDS)}
            for f in sorted(findings, key=lambda f: order[f["kind"]]):
                for line in format_finding(f):
                    print("  " + line)


def main_check(args) -> int:
    root = Path(args.book)
    if not root.is_dir():
        raise SystemExit(f"check-layout: no folder {root}")
    started = time.monotonic()
    results = run(root, MODES, Path(args.screenshots) if args.screenshots else None)
    report(root, results, MEASURED)
    if args.json:
        Path(args.json).write_text(json.dumps(
            [{"page": str(page.relative_to(root)), "mode": name, **measurement}
             for (page, name), measurement in results.items()], indent=1, ensure_ascii=False))
    table(root, results, MEASURED)
    total = sum(counts(results, m.name)[kind] for m in MEASURED for kind in KINDS)
    print()
    if args.screenshots:
        print(f"check-layout: screenshots of every page in {', '.join(m.name for m in MODES)}"
              f" (and print as PDF) in {args.screenshots}")
    print(f"check-layout: {len(pages_of(root))} pages in {time.monotonic() - started:.1f} s")
    print(f"layout: {summary(results, MEASURED)}")
    if total and args.report_only:
        print(f"check-layout: {total} findings, reported only (--report-only)")
    return 1 if total and not args.report_only else 0


def main_self_test(args) -> int:
    fixtures = Path(__file__).resolve().parent / "layout-fixtures"
    present = {p.name for p in fixtures.glob("*.html")}
    if present != set(FIXTURES):
        raise SystemExit(f"check-layout self-test: {fixtures} holds {sorted(present)}, expected {sorted(FIXTURES)}")
    results = run(fixtures, MEASURED, Path(args.screenshots) if args.screenshots else None,
                  log=lambda *a: None)
    failures, checks = [], 0
    for page in pages_of(fixtures):
        expected = FIXTURES[page.name]
        for mode in MEASURED:
            checks += 1
            findings = results[(page, mode.name)]["findings"]
            unmatched = list(findings)
            missing = []
            for kind, needle in expected:
                match = next((f for f in unmatched if f["kind"] == kind and
                              needle in " ".join([f["element"], f.get("text") or "", f.get("tex") or ""])), None)
                if match:
                    unmatched.remove(match)
                else:
                    missing.append(f"{kind} {needle!r}")
            if missing or unmatched:
                problem = f"{page.name} in {mode.name}:"
                if missing:
                    problem += f" expected but not found: {', '.join(missing)};"
                for f in unmatched:
                    problem += "\n    unexpected: " + "\n    ".join(format_finding(f))
                failures.append(problem)
    for failure in failures:
        print(f"check-layout self-test FAILED: {failure}")
    print(f"check-layout self-test: {len(FIXTURES)} fixtures in {len(MEASURED)} modes,"
          f" {checks - len(failures)} of {checks} as expected")
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("book", nargs="?", default="output", help="the built book's folder (default: output)")
    parser.add_argument("--report-only", action="store_true", help="print the findings, exit 0")
    parser.add_argument("--screenshots", metavar="DIR", help="save full-page screenshots (and the print PDF) here")
    parser.add_argument("--json", metavar="FILE", help="write every finding as JSON here")
    parser.add_argument("--self-test", action="store_true",
                        help="check that the fixtures in .ci/layout-fixtures produce exactly their findings")
    args = parser.parse_args()
    return main_self_test(args) if args.self_test else main_check(args)


if __name__ == "__main__":
    sys.exit(main())
