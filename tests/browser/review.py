#!/usr/bin/python3
"""report.html and charter diff's page in a real browser: headless Chromium
driven by Debian's chromium-driver through python3-selenium, with npm's
axe-core injected for the accessibility check.

  review.py test CHARTER SHARED SOURCE   the review round trip (ctest "browser")
  review.py bench REPORT_HTML            open / filter / decide timings of one report

`test` converts a development constitution (South Africa), opens its
report.html, accepts one candidate, edits one, rejects one (by keyboard),
exports the decisions file, runs `convert --decisions` with it and checks the
constitution changed accordingly; takes screenshots at 1280 and 390 pixels
with no console message; runs axe-core (no serious or critical violation);
opens `charter diff --html` of the US Constitution as of 1804 (through
Amendment XII) against today's; and does the same round trip on the global
report of five development constitutions (usa, zaf, ind, deu, gha): keeps
side A of the military service / conscientious objection conflict, exports,
runs `merge --global --decisions` with the export and checks side B's
principle left the global constitution. Exit 77 (ctest: skipped) when
Chromium, the driver, selenium, axe-core or ../shared/corpora is absent,
saying which.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"


def skip(why):
    print("SKIP: " + why + " (scripts/install-deps.sh installs it)")
    sys.exit(SKIP)


def browser(download_dir=None):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        skip("python3-selenium not installed")
    for path in (CHROMIUM, DRIVER):
        if not os.path.exists(path):
            skip(path + " not installed")
    o = webdriver.ChromeOptions()
    o.binary_location = CHROMIUM
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--disable-background-networking", "--disable-component-update", "--no-first-run",
              "--window-size=1280,900"):
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if download_dir:
        o.add_experimental_option("prefs", {"download.default_directory": download_dir,
                                            "download.prompt_for_download": False})
    return webdriver.Chrome(service=Service(DRIVER), options=o)


def wait(cond, what, timeout=10.0):
    end = time.time() + timeout
    while time.time() < end:
        v = cond()
        if v:
            return v
        time.sleep(0.05)
    raise AssertionError("timed out waiting for " + what)


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAILED: " + what)


def console_errors(d):
    return [e for e in d.get_log("browser") if e.get("level") in ("SEVERE", "WARNING")]


def axe_serious(d, axe_js):
    d.execute_script(axe_js)
    res = d.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
        "  done(r.violations.map(function (v) {"
        "    return {id: v.id, impact: v.impact, n: v.nodes.length,"
        "            target: v.nodes[0] ? v.nodes[0].target.join(' ') : ''}; })); },"
        "  function (e) { done([{id: 'axe-error', impact: 'critical', n: 0, target: String(e)}]); });")
    return [v for v in res if v["impact"] in ("serious", "critical")]


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise AssertionError(" ".join(cmd) + " failed: " + p.stderr.strip())
    return p


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def ready(d, what):
    wait(lambda: d.execute_script(
        "return document.getElementById('review').getAttribute('data-ready')"), what)


def check_page(d, c, url, anchor, shot, axe_js):
    """Screenshots at 1280 and 390 px: no horizontal scroll, no console
    message, no serious axe violation."""
    for width in (1280, 390):
        d.set_window_size(width, 900)
        d.get(url)
        ready(d, "page")
        d.execute_script("document.getElementById(arguments[0]).scrollIntoView()", anchor)
        path = shot % width
        c.check(d.save_screenshot(path) and os.path.getsize(path) > 10000,
                "screenshot %s" % os.path.basename(path))
        overflow = d.execute_script(
            "return document.documentElement.scrollWidth - window.innerWidth")
        c.check(overflow <= 0, "no horizontal scroll at %d px (%d px over) on %s"
                % (width, overflow, url))
        errs = console_errors(d)
        c.check(not errs, "console at %d: %r" % (width, errs))
        bad = axe_serious(d, axe_js)
        c.check(not bad, "axe at %d on %s: %r" % (width, url, bad))


def global_round_trip(d, c, charter, shared, tmp, dl, axe_js):
    """The global report's conflicts: keep side A of one, export, apply."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import Select
    src = os.path.join(tmp, "in")
    os.makedirs(src)
    for doc in ("usa", "zaf", "ind", "deu", "gha"):
        shutil.copy(os.path.join(shared, "corpora/constitutions/en", doc + ".txt"), src)
    run([charter, "bulk", src, "--out", os.path.join(tmp, "bulk")])
    g1, g2 = os.path.join(tmp, "g1"), os.path.join(tmp, "g2")
    run([charter, "merge", "--global", os.path.join(tmp, "bulk"), "--out", g1])
    d.set_window_size(1280, 900)
    d.execute_script("window.localStorage.clear()")
    d.get("file://" + os.path.join(g1, "report.html"))
    ready(d, "the global page")
    cards = d.find_elements("css selector", "article.cand")
    n = len(cards)
    c.check(n >= 1, "at least one conflict (found %d)" % n)
    progress = d.find_element("id", "progress")
    c.check(progress.text == "0 of %d decided" % n, "global progress before: " + progress.text)
    military = [e for e in cards if "military_service" in e.get_attribute("data-topics").split()]
    c.check(len(military) == 1, "one military service conflict")
    if not military:
        return
    card = military[0]
    cid = card.get_attribute("data-id")
    card.find_element("css selector", "button[data-act=keep-a]").click()
    c.check(card.get_attribute("data-state") == "keep-a", "keep A recorded")
    c.check(progress.text == "1 of %d decided" % n, "global progress after: " + progress.text)
    # By keyboard: undo, then keep A again.
    d.execute_script("arguments[0].focus()", card)
    ActionChains(d).send_keys("u").perform()
    c.check(card.get_attribute("data-state") == "pending", "u undoes")
    d.execute_script("arguments[0].focus()", card)
    ActionChains(d).send_keys("a").perform()
    c.check(card.get_attribute("data-state") == "keep-a", "a keeps A")
    # Filters: by a document of side B, and awaiting review.
    Select(d.find_element("id", "f-topic")).select_by_value("deu")
    c.check(card.is_displayed(), "the document filter shows deu's conflict")
    Select(d.find_element("id", "f-topic")).select_by_value("")
    Select(d.find_element("id", "f-state")).select_by_value("pending")
    c.check(not card.is_displayed(), "awaiting filter hides the decided conflict")
    Select(d.find_element("id", "f-state")).select_by_value("all")
    d.refresh()
    ready(d, "global reload")
    c.check(d.find_element("id", "progress").text == "1 of %d decided" % n,
            "global decision persists")
    path = os.path.join(dl, "decisions.tsv")
    if os.path.exists(path):
        os.remove(path)
    d.find_element("id", "export").click()
    wait(lambda: os.path.exists(path) and os.path.getsize(path) > 0, "the global download")
    with open(path, encoding="utf-8") as f:
        exported = f.read()
    lines = [l for l in exported.splitlines() if l and not l.startswith("#")]
    c.check(lines == [cid + "\tkeep-a"], "global export " + repr(lines))
    run([charter, "merge", "--global", os.path.join(tmp, "bulk"), "--decisions", path,
         "--out", g2])
    before = json.load(open(os.path.join(g1, "report.json"), encoding="utf-8"))
    after = json.load(open(os.path.join(g2, "report.json"), encoding="utf-8"))
    conflict = [x for x in before["conflicts"] if x["id"] == cid][0]
    c.check(after["summary"]["decisions_applied"] == 1 and
            after["summary"]["decisions_stale"] == 0, "the global decision applied")
    kept = [p["id"] for p in read_jsonl(os.path.join(g2, "constitution.jsonl"))]
    was = [p["id"] for p in read_jsonl(os.path.join(g1, "constitution.jsonl"))]
    c.check(conflict["entry_b"] in was and conflict["entry_b"] not in kept,
            "side B's principle left the global constitution")
    c.check(conflict["entry_a"] in kept, "side A's principle stays")
    c.check(len(kept) == len(was) - 1, "one principle fewer: %d -> %d" % (len(was), len(kept)))
    d.execute_script("window.localStorage.clear()")
    d.get("file://" + os.path.join(g2, "report.html"))
    ready(d, "g2 page")
    c.check(d.find_element("id", "progress").text == "1 of %d decided" % n,
            "applied global decision shows as decided")
    d.get_log("browser")
    check_page(d, c, "file://" + os.path.join(g1, "report.html"), "conflicts",
               os.path.join(tmp, "global-%d.png"), axe_js)


def test(charter, shared, source):
    doc = os.path.join(shared, "corpora/constitutions/en/zaf.txt")
    base = os.path.join(shared, "corpora/principles/claude-constitution-2023.jsonl")
    usa = os.path.join(shared, "corpora/constitutions/en/usa.txt")
    for path in (doc, base, usa):
        if not os.path.exists(path):
            skip(path + " absent")
    axe_path = os.path.join(source, "third_party/axe-core/node_modules/axe-core/axe.min.js")
    if not os.path.exists(axe_path):
        skip(axe_path + " absent (npm axe-core)")
    with open(axe_path, encoding="utf-8") as f:
        axe_js = f.read()
    c = Checks()
    tmp = tempfile.mkdtemp(prefix="charter-browser-")
    dl = os.path.join(tmp, "downloads")
    os.makedirs(dl)
    d = browser(dl)
    try:
        run([charter, "convert", doc, "--base", base, "--out", os.path.join(tmp, "run1")])
        d.get("file://" + os.path.join(tmp, "run1/report.html"))
        wait(lambda: d.execute_script(
            "return document.getElementById('review').getAttribute('data-ready')"), "the page")
        cards = d.find_elements("css selector", "article.cand")
        n = len(cards)
        c.check(n >= 3, "at least three candidates (found %d)" % n)
        progress = d.find_element("id", "progress")
        c.check(progress.text == "0 of %d decided" % n, "progress before: " + progress.text)
        ids = [e.get_attribute("data-id") for e in cards[:3]]
        suggested = cards[0].get_attribute("data-suggested")
        # Accept the first, edit the second, reject the third by keyboard.
        cards[0].find_element("css selector", "button[data-act=accept]").click()
        cards[1].find_element("css selector", "button[data-act=edit]").click()
        ta = cards[1].find_element("css selector", ".editor textarea")
        edited = ("Choose the response that most respects everyone's privacy, the inviolability "
                  "of the home and the confidentiality of communications.")
        ta.clear()
        ta.send_keys(edited)
        cards[1].find_element("css selector", "button[data-act=save]").click()
        d.execute_script("arguments[0].focus()", cards[2])
        from selenium.webdriver.common.action_chains import ActionChains
        ActionChains(d).send_keys("r").perform()
        c.check(progress.text == "3 of %d decided" % n, "progress after three: " + progress.text)
        states = [e.get_attribute("data-state") for e in cards[:3]]
        c.check(states == ["accept", "edit", "reject"], "states " + repr(states))
        # Filters: awaiting review hides the three decided.
        from selenium.webdriver.support.ui import Select
        Select(d.find_element("id", "f-state")).select_by_value("pending")
        c.check(all(not e.is_displayed() for e in cards[:3]), "awaiting filter hides decided")
        Select(d.find_element("id", "f-state")).select_by_value("all")
        # Decisions persist in the browser.
        d.refresh()
        wait(lambda: d.execute_script(
            "return document.getElementById('review').getAttribute('data-ready')"), "reload")
        progress = d.find_element("id", "progress")
        c.check(progress.text == "3 of %d decided" % n, "progress after reload: " + progress.text)
        # Export.
        d.find_element("id", "export").click()
        path = os.path.join(dl, "decisions.tsv")
        wait(lambda: os.path.exists(path) and os.path.getsize(path) > 0, "the download")
        with open(path, encoding="utf-8") as f:
            exported = f.read()
        shown = d.find_element("id", "export-text").get_attribute("value")
        c.check(exported == shown, "download and shown export agree")
        lines = [l for l in exported.splitlines() if l and not l.startswith("#")]
        c.check(lines == [ids[0] + "\taccept", ids[1] + "\tedit\t" + edited, ids[2] + "\treject"],
                "exported lines " + repr(lines))
        # The exported file, read by --decisions as it is.
        run([charter, "convert", doc, "--base", base, "--decisions", path, "--out",
             os.path.join(tmp, "run2")])
        report = json.load(open(os.path.join(tmp, "run2/report.json"), encoding="utf-8"))
        c.check(report["summary"]["decisions_applied"] == 3 and
                report["summary"]["decisions_stale"] == 0, "three decisions applied, none stale")
        cons = read_jsonl(os.path.join(tmp, "run2/constitution.jsonl"))
        before = read_jsonl(os.path.join(tmp, "run1/constitution.jsonl"))
        texts = {p["text"]: p for p in cons}
        c.check(suggested in texts and texts[suggested]["status"] == "combined"
                and ids[0] in texts[suggested].get("candidates", []), "accepted text combined")
        c.check(edited in texts and texts[edited]["status"] == "combined", "edited text combined")
        rejected = [p for p in cons if p["status"] == "added" and ids[2] in p.get("candidates", [])]
        c.check(len(rejected) == 1, "rejected candidate's country principle added")
        c.check(len(cons) == len(before) + 1, "one principle more (the rejected one): %d -> %d"
                % (len(before), len(cons)))
        # Decided in the file: shown as decided in a browser that never saw them.
        d.execute_script("window.localStorage.clear()")
        d.get("file://" + os.path.join(tmp, "run2/report.html"))
        wait(lambda: d.execute_script(
            "return document.getElementById('review').getAttribute('data-ready')"), "run2 page")
        c.check(d.find_element("id", "progress").text == "3 of %d decided" % n,
                "applied decisions show as decided")
        d.get_log("browser")  # drop what came before
        # Screenshots, console, accessibility, at two widths.
        check_page(d, c, "file://" + os.path.join(tmp, "run1/report.html"), "candidates",
                   os.path.join(tmp, "report-%d.png"), axe_js)
        # An amendment: the US Constitution as of 1804 (through Amendment XII) and today's.
        with open(usa, encoding="utf-8") as f:
            text = f.read()
        cut = text.index("\nAmendment XIII\n")
        old = os.path.join(tmp, "usa-1804.txt")
        with open(old, "w", encoding="utf-8") as f:
            f.write(text[:cut + 1])
        diff = os.path.join(tmp, "amendments.html")
        run([charter, "diff", old, usa, "--html", "--out", diff])
        d.set_window_size(1280, 900)
        d.get("file://" + diff)
        changed = d.find_element("id", "changed").text
        c.check(changed.startswith("Changed (") and changed != "Changed (0)",
                "diff lists changed principles: " + changed)
        news = [e.text for e in d.find_elements("css selector", "#changed ~ article li")
                if e.text.startswith("new clause")]
        # A new amendment's clause joins a changed principle ("new clause") or makes an
        # added one (Amend. XIII: slavery with cruel and unusual punishment, too long for the
        # principle of life and liberty that Amend. VIII joined in 1804).
        added = [e.text for e in d.find_elements("css selector", "#added ~ article li")]
        for amend in ("Amend. XIII", "Amend. XIV", "Amend. XIX"):
            c.check(any(amend in t for t in news + added),
                    "a new or added clause cites " + amend + ": %r" % (news + added))
        c.check(not any("Amend. XII," in t or "Amend. I " in t for t in news),
                "clauses of 1804 are not new")
        c.check(not console_errors(d), "diff page console")
        bad = axe_serious(d, axe_js)
        c.check(not bad, "axe on the diff page: %r" % bad)
        global_round_trip(d, c, charter, shared, tmp, dl, axe_js)
    finally:
        d.quit()
    keep = os.environ.get("CHARTER_BROWSER_OUT")
    if keep:
        os.makedirs(keep, exist_ok=True)
        for name in ("report-1280.png", "report-390.png", "amendments.html", "global-1280.png",
                     "global-390.png", "g1/report.html"):
            if os.path.exists(os.path.join(tmp, name)):
                shutil.copy(os.path.join(tmp, name), keep)
    shutil.rmtree(tmp, ignore_errors=True)
    print("browser: %d passed, %d failed" % (c.passed, c.failed))
    return 1 if c.failed else 0


def bench(report):
    d = browser()
    try:
        t0 = time.perf_counter()
        d.get("file://" + os.path.abspath(report))
        wait(lambda: d.execute_script(
            "return document.getElementById('review').getAttribute('data-ready')"), "the page")
        driver_ms = (time.perf_counter() - t0) * 1000
        # From the start of navigation to the page's script having set up
        # every candidate (the page is usable), as the page measured it.
        open_ms = float(d.execute_script(
            "return document.getElementById('review').getAttribute('data-ready-ms')"))
        n = d.execute_script("return document.querySelectorAll('article.cand').length")
        # In the page: filter by similarity, then by state, then record one
        # decision (the work a key press does), each timed to the next frame.
        ms = d.execute_async_script("""
          var done = arguments[arguments.length - 1];
          function frame() { return new Promise(function (r) { requestAnimationFrame(function () { setTimeout(r, 0); }); }); }
          var out = {};
          var t = performance.now();
          var lo = document.getElementById('f-min');
          lo.value = '0.5'; lo.dispatchEvent(new Event('input'));
          frame().then(function () {
            out.filter = performance.now() - t;
            lo.value = '0'; lo.dispatchEvent(new Event('input'));
            return frame();
          }).then(function () {
            var c = document.querySelector('article.cand');
            t = performance.now();
            c.querySelector('button[data-act=accept]').click();
            return frame();
          }).then(function () {
            out.decide = performance.now() - t;
            window.localStorage.clear();
            done(out);
          });""")
    finally:
        d.quit()
    print("review.candidates: %d candidates" % n)
    print("review.open_ms: %.0f ms" % open_ms)
    print("review.load_via_driver_ms: %.0f ms" % driver_ms)
    print("review.filter_ms: %.1f ms" % ms["filter"])
    print("review.decide_ms: %.1f ms" % ms["decide"])
    print("review.open_filter_decide_ms: %.0f ms" % (open_ms + ms["filter"] + ms["decide"]))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "test":
        sys.exit(test(*sys.argv[2:]))
    if len(sys.argv) == 3 and sys.argv[1] == "bench":
        sys.exit(bench(sys.argv[2]))
    print(__doc__)
    sys.exit(2)
