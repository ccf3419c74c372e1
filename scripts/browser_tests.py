# SPDX-License-Identifier: Apache-2.0
"""Wedge's pages in a real browser: headless Chromium (Debian's chromium and chromium-driver) driven by selenium.

Run by scripts/browser-tests.sh, which starts `wedge-server demo` and passes its URL and accounts file:

    python3 scripts/browser_tests.py --base-url http://127.0.0.1:PORT --accounts FILE [--engine NAME]
                                     [--screenshots DIR]

The scenarios of issue 17, as a site coordinator, a data manager and a statistician would use the pages:
  1. a site coordinator logs in, screens two people (one not eligible, with a reason) and enrolls the eligible one
     through the screening log's "Enroll" link;
  2. enters a rule-breaking injection date and sees the message next to the field (aria-describedby), with
     nothing saved;
  3. records the outcomes and sees them on the timeline;
  4. a coordinator of another site cannot reach that participant by any link or typed URL (404), GET or POST;
  5. two browsers open the same outcome form: the first saves, the second sees the conflict (409) and nothing of
     it is saved;
  6. a data manager corrects a value with a reason; the timeline and audit history show old -> new and why;
  7. the statistician downloads the study report, whose CONSORT flow starts at "Assessed for eligibility" and
     counts the two people screened in scenario 1.
Then the session and page checks: a POST without or with a wrong form token is 403 and writes nothing; the session
cookie is HttpOnly, SameSite=Strict, Path=/ and renewed at login; logout ends the session (back button, old
cookie, a typed URL comes back after signing in); every role's dashboard, lists, filters, reports and admin pages.

Every page met on the way is checked with axe-core (axe-selenium-python): any serious or critical violation
fails the run, every violation is printed. Each page is also laid out 768 px wide, where the document must not
scroll sideways (wide tables scroll inside their .table-wrap) and no content may stick out of its card or
fieldset. Resources the Content-Security-Policy blocks are failures too. The enrollment and outcome forms are
walked with the Tab key: skip link first, a visible focus ring at every stop, stops in reading order. With
--screenshots DIR, each page is saved at desktop (1280 x 900) and tablet (768 x 1024) width, full height up to
2,400 px, in 256 colours (Pillow) when Pillow is installed.

The last line is the summary that .ci/run greps, on success:
    browser tests: 7 scenarios passed, 4 session/page checks passed, axe: N pages, 0 serious/critical, ...
and otherwise "browser tests: FAILED: ..." with exit status 1.
"""

import argparse
import base64
import io
import json
import os
import re
import sys
import tempfile
import time
import traceback
import urllib.parse

import requests
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

DESKTOP = (1280, 900)
MAX_SHOT_HEIGHT = 2400
TABLET = (768, 1024)
SESSION_COOKIE = "wedge_session"


class CheckFailed(Exception):
    """A scenario's expectation that did not hold."""


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def log(message):
    print(message, flush=True)


# ---------------------------------------------------------------------------------------------------------------
# Page quality: axe-core, horizontal scrolling at tablet width, CSP refusals, screenshots.


# Content that sticks out of its card or fieldset (text drawn over the next card, or cut off), outside the
# .table-wrap regions that scroll on purpose.
SPILL_SCRIPT = """
const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
  (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
const found = [];
for (const box of document.querySelectorAll('main .card, main fieldset')) {
  const outer = box.getBoundingClientRect();
  for (const el of box.querySelectorAll('*')) {
    if (el.closest('.table-wrap') || el.closest('details:not([open]) > :not(summary)')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > outer.right + 1) {
      const text = (el.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 30);
      found.push(describe(el) + ' "' + text + '" ends ' + Math.round(r.right - outer.right) + ' px past its ' + describe(box));
      break;
    }
  }
  if (found.length >= 6) break;
}
return found;
"""


class PageAudit:
    """What every page is checked for; collects the findings of the whole run."""

    def __init__(self, screenshots_dir):
        self.screenshots_dir = screenshots_dir
        self.pages = []            # names checked
        self.violations = []       # (page, id, impact, help, targets)
        self.blocking = []         # (page, id, impact) for serious/critical
        self.overflow = []         # (page, detail): sideways scrolling or content past its card at 768 px
        self.screenshots = []

    def visit(self, browser, name):
        """Checks the page `browser` shows now, under `name` (unique per page state)."""
        if name in self.pages:
            return
        self.pages.append(name)
        driver = browser.driver
        results = browser.axe()
        check("error" not in results, f"axe failed on {name}: {results.get('error')}")
        for violation in results.get("violations", []):
            targets = [", ".join(str(t) for t in node.get("target", [])) for node in violation.get("nodes", [])]
            impact = violation.get("impact") or "none"
            self.violations.append((name, violation["id"], impact, violation.get("help", ""), targets))
            log(f"   axe {impact}: {violation['id']} on {name}: {violation.get('help', '')}")
            for node in violation.get("nodes", [])[:8]:
                summary = (node.get("failureSummary") or "").replace("\n", " ")
                log(f"      {', '.join(str(t) for t in node.get('target', []))}: {summary[:300]}")
            if impact in ("serious", "critical"):
                self.blocking.append((name, violation["id"], impact))
        # Tablet width: the document itself must not scroll sideways.
        width, height = TABLET
        browser.emulate(width, height)
        try:
            metrics = driver.execute_script(
                """
                const root = document.documentElement;
                const wide = [];
                if (root.scrollWidth > root.clientWidth + 1) {
                  for (const el of document.body.querySelectorAll('*')) {
                    if (el.closest('.table-wrap') && !el.classList.contains('table-wrap')) continue;
                    const r = el.getBoundingClientRect();
                    if (r.right > root.clientWidth + 1) {
                      wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                                (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
                                ' right=' + Math.round(r.right));
                    }
                    if (wide.length >= 6) break;
                  }
                }
                return {scroll: root.scrollWidth, client: root.clientWidth, wide: wide};
                """
            )
            if metrics["scroll"] > metrics["client"] + 1:
                detail = f"scrollWidth {metrics['scroll']} > clientWidth {metrics['client']}: {'; '.join(metrics['wide'])}"
                self.overflow.append((name, detail))
                log(f"   horizontal scroll at 768 px on {name}: {detail}")
            spill = driver.execute_script(SPILL_SCRIPT)
            if spill:
                detail = "content wider than its card or fieldset: " + "; ".join(spill)
                self.overflow.append((name, detail))
                log(f"   at 768 px on {name}: {detail}")
            if self.screenshots_dir:
                self.shoot(browser, f"tablet-{name}.png", width, height)
                width, height = DESKTOP
                browser.emulate(width, height)
                self.shoot(browser, f"desktop-{name}.png", width, height)
        finally:
            browser.emulate(None, None)

    def shoot(self, browser, filename, width, height):
        driver = browser.driver
        full = driver.execute_script(
            "return Math.ceil(Math.max(document.documentElement.scrollHeight, document.body.scrollHeight,"
            " document.documentElement.getBoundingClientRect().height))")
        # Full height, up to 2,400 px: a list of 400 participants needs only its first screens.
        full = max(height, min(int(full), MAX_SHOT_HEIGHT))
        browser.emulate(width, full)
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "clip": {"x": 0, "y": 0, "width": width, "height": full, "scale": 1},
            "captureBeyondViewport": True})
        path = os.path.join(self.screenshots_dir, filename)
        data = base64.b64decode(shot["data"])
        try:
            # 256 colours without dithering: a page of flat colours and text stays sharp at a third of the size.
            from PIL import Image
            image = Image.open(io.BytesIO(data)).convert("RGB")
            image = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
            out = io.BytesIO()
            image.save(out, "PNG", optimize=True)
            data = out.getvalue()
        except ImportError:
            pass
        with open(path, "wb") as f:
            f.write(data)
        self.screenshots.append(path)


# ---------------------------------------------------------------------------------------------------------------
# One browser: a headless Chromium with its own profile (its own cookies), and helpers to use the pages.


class Browser:
    def __init__(self, base_url, label, download_dir=None):
        self.base_url = base_url.rstrip("/")
        self.label = label
        options = webdriver.ChromeOptions()
        options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=en-US",
                    "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                    "--disable-search-engine-choice-screen", "--password-store=basic",
                    f"--window-size={DESKTOP[0]},{DESKTOP[1]}", "--force-device-scale-factor=1",
                    "--hide-scrollbars"):
            options.add_argument(arg)
        prefs = {"credentials_enable_service": False, "profile.password_manager_enabled": False,
                 "intl.accept_languages": "en-US"}
        self.download_dir = download_dir
        if download_dir:
            prefs.update({"download.default_directory": download_dir, "download.prompt_for_download": False,
                          "safebrowsing.enabled": False,
                          "profile.default_content_setting_values.automatic_downloads": 1})
        options.add_experimental_option("prefs", prefs)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_page_load_timeout(30)
        self.driver.set_script_timeout(60)
        self.driver.execute_cdp_cmd("Network.enable", {})
        if download_dir:
            self.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": download_dir})
        self.last_status = None
        self.bypassed_csp = False
        self.console_errors = []

    def quit(self):
        try:
            self.driver.quit()
        except Exception:
            pass

    # --- navigation with the HTTP status of the document

    def _drain_performance(self):
        status = None
        try:
            entries = self.driver.get_log("performance")
        except Exception:
            return None
        for entry in entries:
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.responseReceived" and message["params"].get("type") == "Document":
                status = message["params"]["response"]["status"]
        return status

    def _console(self):
        try:
            return self.driver.get_log("browser")
        except Exception:
            return []

    def _collect_console(self):
        """Keeps the severe console messages of the page just loaded: a resource the Content-Security-Policy
        refused, a stylesheet that did not load. A page's own status (404, 409, 422) is not one of them."""
        for entry in self._console():
            message = entry.get("message", "")
            if entry.get("level") != "SEVERE" or "favicon.ico" in message:
                continue
            if "Failed to load resource" in message and "/static/" not in message:
                continue
            finding = (self.path, message)
            if finding not in self.console_errors:
                self.console_errors.append(finding)
                log(f"   console error on {self.path}: {message}")

    def get(self, path):
        """Opens `path` as a typed URL; returns the document's HTTP status (after redirects)."""
        self._drain_performance()
        self.driver.get(self.base_url + path)
        self._wait_loaded()
        self.last_status = self._drain_performance()
        self._collect_console()
        return self.last_status

    def _wait_loaded(self):
        WebDriverWait(self.driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def _mark(self):
        """Marks the current document, so that the wait below sees when another one replaced it."""
        self.driver.execute_script("window.__wedgeBrowserTest = true")

    def _wait_replaced(self, timeout=30):
        def replaced(driver):
            try:
                return driver.execute_script(
                    "return window.__wedgeBrowserTest !== true && document.readyState === 'complete'")
            except WebDriverException:
                return False    # between two documents
        WebDriverWait(self.driver, timeout).until(replaced)

    def submit(self, element):
        """Clicks `element` (a submit button or a link) and waits for the next page; returns its HTTP status."""
        self._drain_performance()
        self._mark()
        element.click()
        self._wait_replaced()
        self.last_status = self._drain_performance()
        self._collect_console()
        return self.last_status

    def back(self):
        self._drain_performance()
        self._mark()
        self.driver.back()
        try:
            self._wait_replaced(10)
        except TimeoutException:
            pass
        self._wait_loaded()
        self.last_status = self._drain_performance()
        self._collect_console()
        return self.last_status

    @property
    def path(self):
        parts = urllib.parse.urlsplit(self.driver.current_url)
        return parts.path + (("?" + parts.query) if parts.query else "")

    # --- reading the page

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def exists(self, css):
        return len(self.find_all(css)) > 0

    def text(self, css="body"):
        return self.find(css).text

    def h1(self):
        found = self.find_all("h1")
        return found[0].text.strip() if found else ""

    def button(self, label):
        """The button (or input[type=submit]) whose visible text is `label`."""
        xpath = (f"//button[normalize-space(.)={json.dumps(label)}] | "
                 f"//input[@type='submit' and @value={json.dumps(label)}]")
        found = [e for e in self.driver.find_elements(By.XPATH, xpath) if e.is_displayed()]
        check(found, f"no button '{label}' on {self.path}")
        return found[0]

    def link(self, label):
        found = [e for e in self.driver.find_elements(By.XPATH, f"//a[normalize-space(.)={json.dumps(label)}]")
                 if e.is_displayed()]
        check(found, f"no link '{label}' on {self.path}")
        return found[0]

    def table_rows(self, css="main table"):
        """The body rows of the first table matching `css`, as lists of cell texts (one round trip)."""
        return self.driver.execute_script(
            "const t = document.querySelector(arguments[0]); if (!t) return [];"
            "return Array.from(t.querySelectorAll('tbody tr')).map(tr =>"
            "  Array.from(tr.querySelectorAll('td')).map(td => td.innerText.trim()));", css)

    def csrf(self):
        found = self.find_all("input[name=csrf]")
        check(found, f"no csrf field on {self.path}")
        return found[0].get_attribute("value")

    # --- filling forms as a person would: typing, choosing, clicking

    def fill(self, element_id, value):
        element = self.find(f"#{element_id}")
        kind = (element.get_attribute("type") or "").lower()
        if element.tag_name == "select":
            Select(element).select_by_value(value)
            return
        if kind == "date":
            self.type_date(element, value)
            return
        element.clear()
        if value:
            element.send_keys(value)

    def type_date(self, element, iso):
        """Types an ISO date into a date input as a person would (en-US order: month, day, year); falls back to
        setting the value when the browser's locale orders the parts differently."""
        element.click()
        self.driver.execute_script("arguments[0].value = ''", element)
        if iso:
            year, month, day = iso.split("-")
            element.send_keys(month + day + year)
            if element.get_property("value") != iso:
                self.driver.execute_script("arguments[0].value = arguments[1]", element, iso)
        check(element.get_property("value") == iso,
              f"the date input #{element.get_attribute('id')} holds '{element.get_property('value')}', not '{iso}'")

    def choose(self, element_id):
        element = self.find(f"#{element_id}")
        if not element.is_selected():
            element.click()

    # --- sessions

    def login(self, username, password):
        self.get("/login")
        if not self.path.startswith("/login"):
            self.logout()
            self.get("/login")
        self.fill("username", username)
        self.fill("password", password)
        status = self.submit(self.button("Sign in"))
        check(not self.path.startswith("/login"),
              f"{username} could not sign in (status {status}): {self.text_of('.alert')}")
        return status

    def logout(self):
        status = self.submit(self.button("Sign out"))
        check(self.path.startswith("/login"), f"Sign out led to {self.path}, not the login page")
        return status

    def text_of(self, css):
        found = self.find_all(css)
        return found[0].text.strip() if found else ""

    def cookie(self):
        return self.driver.get_cookie(SESSION_COOKIE)

    def http(self):
        """A requests session carrying this browser's cookies (the session cookie is HttpOnly, but WebDriver
        reads it)."""
        session = requests.Session()
        for c in self.driver.get_cookies():
            session.cookies.set(c["name"], c["value"], path=c.get("path", "/"))
        return session

    # --- axe and the viewport

    def axe(self):
        axe = Axe(self.driver)
        axe.inject()
        if not self.driver.execute_script("return typeof axe !== 'undefined'"):
            # The page's Content-Security-Policy kept axe out: bypass it in the test only, reload, inject again.
            self.driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
            self.bypassed_csp = True
            self.driver.refresh()
            self._wait_loaded()
            axe.inject()
        return self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r)).catch(e => done({error: String(e)}));")

    def keyboard_order(self, limit=60):
        """Tabs through the page from the top, as a keyboard user would. Checks that the first stop is the skip
        link, that focus is visible at every stop, and that the stops follow the reading order (down the page, and
        left to right within a row). Returns the stops' descriptions."""
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys
        self.get(self.path)     # a fresh load of this GET page: focus starts at the top of the document
        stops, previous = [], None
        for _ in range(limit):
            ActionChains(self.driver).send_keys(Keys.TAB).perform()
            info = self.driver.execute_script("""
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const r = el.getBoundingClientRect();
                const row = (el.closest('.field') || el).getBoundingClientRect();   // a field's label starts its row
                const style = getComputedStyle(el);
                const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                                || style.boxShadow !== 'none';
                return {name: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                              (el.textContent && el.tagName !== 'SELECT' ? ' "' + el.textContent.trim().slice(0, 20) + '"' : ''),
                        top: row.top + window.scrollY, left: r.left + window.scrollX, height: row.height,
                        visible: visible, skip: el.classList.contains('skip')};
            """)
            if info is None or (stops and info["name"] == stops[0]["name"]):
                break
            if stops and info["name"] == stops[-1]["name"]:
                # A date input's month, day and year (and its picker) are stops of one element.
                stops[-1]["visible"] = stops[-1]["visible"] or info["visible"]
                continue
            stops.append(info)
        check(stops, "Tab reaches nothing on the page")
        check(stops[0]["skip"], f"the first Tab stop is {stops[0]['name']}, not the 'Skip to content' link")
        for stop in stops:
            check(stop["visible"], f"no visible focus indicator on {stop['name']}")
        for before, after in zip(stops, stops[1:]):
            same_row = abs(after["top"] - before["top"]) < max(8, before["height"] / 2)
            in_order = after["top"] > before["top"] if not same_row else after["left"] > before["left"]
            # The header's "Sign out" sits at the right of the first row; the navigation follows below it.
            check(in_order or before.get("skip"),
                  f"Tab goes from {before['name']} to {after['name']}, against the reading order")
        return [s["name"] for s in stops]

    def emulate(self, width, height):
        if width is None:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        else:
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


# ---------------------------------------------------------------------------------------------------------------
# The run.


class Run:
    def __init__(self, args):
        self.base_url = args.base_url.rstrip("/")
        self.engine = args.engine
        with open(args.accounts) as f:
            self.accounts = {a["username"]: a for a in json.load(f)}
        for name in ("admin", "datamanager", "statistician", "monitor", "coord-unit-a", "coord-unit-b"):
            check(name in self.accounts, f"the accounts file has no '{name}'")
        self.audit = PageAudit(args.screenshots)
        self.browsers = []
        self.tmp = tempfile.mkdtemp(prefix="wedge-browser-")
        self.participant = None          # the participant scenario 1 enrolls
        self.deferred = []               # findings that fail a step only after its other pages were checked
        self.screening_id = None         # the eligible person's screening, enrolled in scenario 1
        self.condition_value = None      # its stamped condition's option value
        self.consort_before = None
        self.suffix = time.strftime("%H%M%S")
        self.results = []                # (number, title, ok, message)
        self.session_results = []

    def password(self, username):
        return self.accounts[username]["password"]

    def browser(self, label, downloads=False):
        download_dir = None
        if downloads:
            download_dir = tempfile.mkdtemp(prefix="downloads-", dir=self.tmp)
        b = Browser(self.base_url, label, download_dir)
        self.browsers.append(b)
        return b

    def visit(self, browser, name):
        self.audit.visit(browser, name)

    def close(self):
        for b in self.browsers:
            b.quit()

    def console_errors(self):
        return [(b.label, path, message) for b in self.browsers for path, message in b.console_errors]

    # --- helpers over the participant page

    def participant_page(self, b, pid):
        status = b.get(f"/participants/{pid}")
        check(status == 200, f"/participants/{pid} answered {status}")
        return status

    def outcomes_on_page(self, b):
        """The participant page's Outcomes section as {label: value} ('' when not recorded)."""
        values = {}
        section = b.driver.find_element(By.XPATH, "//section[.//h2[normalize-space(.)='Outcomes']]")
        terms = section.find_elements(By.CSS_SELECTOR, "dl.facts dt")
        details = section.find_elements(By.CSS_SELECTOR, "dl.facts dd")
        for dt, dd in zip(terms, details):
            value = dd.text.strip()
            values[dt.text.strip()] = "" if value == "not recorded" else value
        return values

    def timeline(self, b):
        return [li.text.strip() for li in b.find_all("ol.timeline li")]

    def audit_rows(self, b):
        rows = []
        for tr in b.driver.find_elements(
                By.XPATH, "//section[.//h2[normalize-space(.)='Audit history']]//table/tbody/tr"):
            rows.append([td.text.strip() for td in tr.find_elements(By.TAG_NAME, "td")])
        return rows

    def outcome(self, b, pid, label):
        self.participant_page(b, pid)
        values = self.outcomes_on_page(b)
        check(label in values, f"the Outcomes section has no '{label}' (it has {sorted(values)})")
        return values[label]

    # --- the CONSORT table of the study report, downloaded by the statistician

    def download_report(self, b):
        """As the statistician: Reports, then the "Study report (HTML)" link; waits for the file; opens it in the
        browser and reads the CONSORT table. Returns {"rows": [[label, ..., total]], "assessed": n, "excluded": n}."""
        status = b.get("/reports")
        check(status == 200, f"/reports answered {status} for the statistician")
        link = b.link("Study report (HTML)")
        check(link.get_attribute("href").endswith("/reports/study.html"),
              f"the study report link points to {link.get_attribute('href')}")
        for name in os.listdir(b.download_dir):      # the same file name again would be overwritten in place
            os.remove(os.path.join(b.download_dir, name))
        before = set()
        link.click()
        path = None
        deadline = time.time() + 30
        while time.time() < deadline:
            done = [f for f in set(os.listdir(b.download_dir)) - before
                    if not f.endswith(".crdownload") and not f.endswith(".tmp")]
            if done:
                path = os.path.join(b.download_dir, done[0])
                break
            time.sleep(0.25)
        check(path, "clicking 'Study report (HTML)' downloaded no file within 30 s")
        check(path.endswith(".html"), f"the downloaded report is {os.path.basename(path)}, not an .html file")
        # The same bytes through the session cookie, to check the response headers as well.
        response = b.http().get(self.base_url + "/reports/study.html", allow_redirects=False)
        check(response.status_code == 200, f"GET /reports/study.html answered {response.status_code}")
        check("attachment" in response.headers.get("Content-Disposition", ""),
              f"the report is not sent as an attachment: {response.headers.get('Content-Disposition')}")
        b.driver.get("file://" + path)
        b._wait_loaded()
        table = b.find_all("table[aria-labelledby='table-consort']")
        check(table, "the downloaded report has no CONSORT table (table[aria-labelledby=table-consort])")
        rows = []
        for tr in table[0].find_elements(By.CSS_SELECTOR, "tbody tr"):
            cells = [c.text.strip() for c in tr.find_elements(By.CSS_SELECTOR, "th, td")]
            if cells:
                rows.append(cells)
        check(rows, "the CONSORT table has no rows")
        b._drain_performance()
        b._console()

        def count(cell):
            match = re.match(r"\s*([\d,]+)", cell)
            check(match, f"no count in CONSORT cell '{cell}'")
            return int(match.group(1).replace(",", ""))

        first = rows[0][0]
        check(first.lower().startswith("assessed for eligibility"),
              f"the CONSORT table starts at '{first}', not 'Assessed for eligibility' (rows: "
              f"{[r[0] for r in rows[:6]]})")
        assessed = count(rows[0][-1])
        excluded = None
        for r in rows[1:]:
            label = r[0].lower()
            if label.startswith("enrolled"):
                break
            if label.startswith("excluded") or label.startswith("not eligible"):
                excluded = count(r[-1])
                break
        check(excluded is not None,
              f"no 'Excluded' row between 'Assessed for eligibility' and 'Enrolled' (rows: {[r[0] for r in rows[:8]]})")
        totals = {}
        for r in rows:
            match = re.match(r"\s*([\d,]+)", r[-1])
            if match and r[0].strip() not in totals:
                totals[r[0].strip()] = int(match.group(1).replace(",", ""))
        return {"rows": rows, "assessed": assessed, "excluded": excluded, "totals": totals}

    # -----------------------------------------------------------------------------------------------------------
    # Scenario 7, first half: the counts before anyone is screened (and the statistician's pages).

    def before(self):
        b = self.stat = self.browser("statistician", downloads=True)
        b.login("statistician", self.password("statistician"))
        self.visit(b, "dashboard-statistician")
        b.get("/reports")
        self.visit(b, "reports-statistician")
        try:
            self.consort_before = self.download_report(b)
            log(f"   CONSORT before: assessed {self.consort_before['assessed']}, "
                f"excluded {self.consort_before['excluded']}")
        except CheckFailed as failure:
            self.consort_before = failure

    # --- scenario 1

    def scenario_1(self):
        b = self.coord = self.browser("coord-unit-a")
        b.get("/")
        check(b.path.startswith("/login"), f"an anonymous browser at / is on {b.path}, not the login page")
        self.visit(b, "login")
        # A wrong password: the message, and nothing else.
        b.fill("username", "coord-unit-a")
        b.fill("password", "not the password")
        status = b.submit(b.button("Sign in"))
        check(status in (400, 401, 403), f"a wrong password answered {status}")
        check(b.exists(".alert"), "a wrong password shows no .alert")
        self.visit(b, "login-error")
        b.login("coord-unit-a", self.password("coord-unit-a"))
        self.visit(b, "dashboard-coordinator")
        nav = [a.text.strip() for a in b.find_all("nav.main a")]
        check("Users and tokens" not in nav, f"a site coordinator's navigation shows 'Users and tokens': {nav}")
        b.get("/participants")
        self.visit(b, "participants-coordinator")
        check(not b.exists("select#site"), "a site coordinator's participant list offers a site filter")

        self.pid = f"BT-{self.suffix}"
        enrolled_by_link = False
        failure = None
        try:
            enrolled_by_link = self.screen_and_enroll(b)
        except (CheckFailed, NoSuchElementException, TimeoutException) as error:
            failure = error
        if not enrolled_by_link:
            if self.participant is None and b.get(f"/participants/{self.pid}") == 200:
                self.participant = self.pid
            if self.participant is None:
                # Scenarios 2-6 need a participant: enroll one directly, so they still run.
                log(f"   screening failed ({failure}); enrolling {self.pid} through /enroll so the other scenarios run")
                self.enroll_directly(b)
            raise CheckFailed(f"screening: {failure}")

    def screen_and_enroll(self, b):
        status = b.get("/screening")
        check(status == 200, f"GET /screening answered {status} (the screening log page is missing)")
        nav = [a.text.strip() for a in b.find_all("nav.main a")]
        check("Screening" in nav, f"the navigation has no 'Screening' link: {nav}")
        self.visit(b, "screening-coordinator")
        enroll_links = {a.get_attribute("href") for a in b.find_all("a[href*='/enroll?screening=']")}
        assessed = re.search(r"Assessed for eligibility:\s*(\d+)", b.text("main"))
        assessed_before = int(assessed.group(1)) if assessed else None
        rows_before = {cells[0] for cells in b.table_rows() if cells}

        # Person 1: not eligible. First without the reason: refused, the message next to the reason.
        b.get("/screening/new")
        check(b.exists("input[type=date]#screening_date"), "the screening form has no date input #screening_date")
        check(not b.exists("select#site_id"), "coord-unit-a's screening form offers a site choice")
        site = b.find("input[type=hidden][name=site_id]").get_attribute("value")
        check(site == "unit-a", f"coord-unit-a's screening form is for site '{site}'")
        for radio in ("eligible-yes", "eligible-no", "consented-yes", "consented-no"):
            check(b.exists(f"input[type=radio]#{radio}"), f"the screening form has no radio #{radio}")
        self.visit(b, "screening-form")
        b.fill("screening_date", "2022-05-03")
        b.choose("eligible-no")
        status = b.submit(b.button("Save screening"))
        check(status == 422, f"a not-eligible person without a reason answered {status}, not 422 (saved without a reason?)")
        check("Nothing was saved" in b.text_of(".alert"), f"the alert reads '{b.text_of('.alert')}'")
        error = b.find_all("p.error#ineligible_reason-error")
        check(error and error[0].is_displayed(), "no message next to the ineligibility reason (p.error#ineligible_reason-error)")
        reason_select = b.find("#ineligible_reason")
        check("ineligible_reason-error" in (reason_select.get_attribute("aria-describedby") or ""),
              "the reason's message is not tied to it by aria-describedby")
        check(reason_select.get_attribute("aria-invalid") == "true", "the reason select is not aria-invalid")
        check(b.find("#screening_date").get_property("value") == "2022-05-03", "the refused form lost the date")
        check(b.find("#eligible-no").is_selected(), "the refused form lost the eligibility answer")
        self.visit(b, "screening-form-errors")
        reasons = [o.get_attribute("value") for o in Select(b.find("#ineligible_reason")).options
                   if o.get_attribute("value")]
        check(reasons, "the ineligibility reason select has no reasons")
        Select(b.find("#ineligible_reason")).select_by_value(reasons[0])
        status = b.submit(b.button("Save screening"))
        if status == 422 and b.exists("p.error#consented-error"):
            b.choose("consented-no")     # the form wants the consent answered even when not eligible
            status = b.submit(b.button("Save screening"))
        check(b.path.startswith("/screening") and "saved=1" in b.path,
              f"saving a not-eligible person led to {b.path} (status {status}): {b.text_of('.alert')} "
              f"{[e.text for e in b.find_all('p.error')]}")

        # Person 2: eligible and consented.
        b.get("/screening/new")
        b.fill("screening_date", "2022-05-02")
        b.choose("eligible-yes")
        b.choose("consented-yes")
        b.submit(b.button("Save screening"))
        check(b.path.startswith("/screening") and "saved=1" in b.path,
              f"saving the eligible person led to {b.path} (status {b.last_status})")
        self.visit(b, "screening-coordinator-saved")
        check("Screening saved" in b.text_of(".notice"), f"no 'Screening saved' notice: '{b.text_of('.notice')}'")
        assessed = re.search(r"Assessed for eligibility:\s*(\d+)", b.text("main"))
        if assessed_before is not None and assessed:
            check(int(assessed.group(1)) == assessed_before + 2,
                  f"the log's 'Assessed for eligibility' went from {assessed_before} to {assessed.group(1)}, not +2")
        table = b.text("main")
        check("2022-05-03" in table and "2022-05-02" in table, "the screening log does not list both people")
        new_rows = {cells[0]: cells for cells in b.table_rows() if cells and cells[0] not in rows_before}
        check(len(new_rows) == 2, f"the screening log has {len(new_rows)} new rows, not 2: {list(new_rows.values())}")
        eligible_rows = [r for r in new_rows.values() if r[1] == "2022-05-02"]
        check(eligible_rows, f"the screening log has no new row dated 2022-05-02: {list(new_rows.values())}")
        screening_id = self.screening_id = eligible_rows[0][0]
        ineligible = [r for r in new_rows.values() if r[1] == "2022-05-03"]
        check(ineligible and ineligible[0][3] == "no" and ineligible[0][4],
              f"the not-eligible row does not show 'no' with its reason: {ineligible}")
        new_links = [a for a in b.find_all("a[href*='/enroll?screening=']")
                     if a.get_attribute("href") not in enroll_links]
        missing_link = None
        if len(new_links) == 1:
            check(new_links[0].text.strip() == "Enroll", f"the link reads '{new_links[0].text}', not 'Enroll'")
            linked = urllib.parse.parse_qs(urllib.parse.urlsplit(new_links[0].get_attribute("href")).query)["screening"][0]
            check(linked == screening_id, f"the new Enroll link is for screening {linked}, not {screening_id}")
            # Enroll from the log: the form comes prefilled.
            status = b.submit(new_links[0])
        else:
            # Report it, and go on by the link's URL, so that the rest of the flow is still tested.
            missing_link = (f"the eligible, consented row {screening_id} has no 'Enroll' link "
                            f"({len(new_links)} new Enroll links; its Participant cell: '{eligible_rows[0][-1]}')")
            log(f"   {missing_link}; opening /enroll?screening={screening_id} instead")
            status = b.get(f"/enroll?screening={urllib.parse.quote(screening_id)}")
        check(status == 200 and b.path.startswith("/enroll"), f"the Enroll link led to {b.path} ({status})")
        hidden = b.find_all("input[type=hidden][name=screening_id]")
        check(hidden and hidden[0].get_attribute("value") == screening_id,
              f"the enrollment form does not carry screening_id={screening_id}")
        check(b.find("#admission_date").get_property("value") == "2022-05-02",
              f"the admission date is prefilled with '{b.find('#admission_date').get_property('value')}', "
              "not the screening date 2022-05-02")
        site = b.find("input[type=hidden][name=site_id]").get_attribute("value")
        check(site == "unit-a", f"the enrollment form's site is '{site}', not unit-a")
        self.fill_enrollment(b, preview=True)
        status = b.submit(b.button("Enroll"))
        self.after_enroll(b, status)
        # The screening row now links the participant and offers no second enrollment.
        b.get("/screening")
        check(not [a for a in b.find_all("a[href*='/enroll?screening=']")
                   if a.get_attribute("href").endswith(f"screening={screening_id}")],
              "the screening row still offers 'Enroll' after enrollment")
        check(b.exists(f"a[href='/participants/{self.pid}']"), "the screening log does not link the enrolled participant")
        check(not missing_link, missing_link)
        return True

    def fill_enrollment(self, b, preview):
        b.fill("participant_id", self.pid)
        b.fill("b-age", "34")
        b.fill("b-sex", "female")
        if preview:
            status = b.submit(b.button("Show the condition for this site and date"))
            check(status == 200, f"the preview answered {status}")
            stamp = " | ".join(e.text.strip() for e in b.find_all(".stamp"))
            check("Condition to be stamped:" in stamp, f"the preview shows no condition: '{stamp}'")
            self.visit(b, "enroll-preview")
            check(b.find("#participant_id").get_property("value") == self.pid, "the preview lost the participant ID")

    def after_enroll(self, b, status):
        check(b.path.startswith(f"/participants/{self.pid}?saved=enrolled"),
              f"Enroll led to {b.path} (status {status}): {b.text_of('.alert')} {[e.text for e in b.find_all('p.error')]}")
        self.participant = self.pid
        check("Enrolled" in b.text_of(".notice"), f"no enrollment notice: '{b.text_of('.notice')}'")
        condition = b.driver.find_element(By.XPATH, "//dt[normalize-space(.)='Condition']/following-sibling::dd[1]").text
        self.condition_label = condition.split("(")[0].strip()
        log(f"   enrolled {self.pid}: {self.condition_label}")
        self.visit(b, "participant-enrolled")

    def enroll_directly(self, b):
        status = b.get("/enroll")
        check(status == 200, f"GET /enroll answered {status}")
        b.fill("admission_date", "2022-05-02")
        self.fill_enrollment(b, preview=True)
        status = b.submit(b.button("Enroll"))
        self.after_enroll(b, status)

    # --- scenario 2

    def scenario_2(self):
        check(self.participant, "no participant was enrolled")
        b, pid = self.coord, self.participant
        self.participant_page(b, pid)
        status = b.submit(b.link("Record outcomes"))
        check(status == 200 and b.path == f"/participants/{pid}/outcomes", f"'Record outcomes' led to {b.path} ({status})")
        self.visit(b, "outcomes")
        stops = b.keyboard_order()
        check(any("#induction_start_date" in s for s in stops) and any('"Save outcomes"' in s for s in stops),
              f"Tab does not reach the outcome fields and the save button: {stops}")
        options = {o.text.strip(): o.get_attribute("value") for o in Select(b.find("#procedure_received")).options}
        check({"rapid", "standard"} <= set(options.values()),
              f"the procedure select offers {sorted(options.values())}, not rapid and standard")
        self.condition_value = options.get(self.condition_label, "standard")
        b.fill("induction_start_date", "2022-05-03")
        b.fill("first_injection_date", "2022-04-20")     # before the admission (2022-05-02)
        b.fill("discharge_date", "2022-07-25")           # after "today" (2022-07-18)
        status = b.submit(b.button("Save outcomes"))
        check(status == 422, f"rule-breaking dates answered {status}, not 422")
        check("Nothing was saved" in b.text_of(".alert"), f"the alert reads '{b.text_of('.alert')}'")
        for field, words in (("first_injection_date", "before admission date"), ("discharge_date", "in the future")):
            inp = b.find(f"#{field}")
            error = b.find_all(f"p.error#{field}-error")
            check(error, f"no p.error#{field}-error next to #{field}")
            check(words in error[0].text, f"#{field}-error reads '{error[0].text}', expected '{words}'")
            check(error[0].is_displayed(), f"#{field}-error is not visible")
            described = (inp.get_attribute("aria-describedby") or "").split()
            check(f"{field}-error" in described, f"#{field} has aria-describedby='{inp.get_attribute('aria-describedby')}'")
            check(inp.get_attribute("aria-invalid") == "true", f"#{field} is not aria-invalid")
            same_field = b.driver.execute_script(
                "return arguments[0].closest('.field') !== null && arguments[0].closest('.field') === arguments[1].closest('.field')",
                inp, error[0])
            check(same_field, f"#{field}-error is not in the same .field as its input")
        check(b.find("#first_injection_date").get_property("value") == "2022-04-20",
              "the form did not keep the submitted first injection date")
        check(b.find("#induction_start_date").get_attribute("aria-invalid") != "true",
              "a valid field is marked invalid")
        self.visit(b, "outcomes-errors")
        # Nothing was saved: the participant page still has no outcomes.
        self.participant_page(b, pid)
        values = self.outcomes_on_page(b)
        for label in ("First injection date (initiation)", "Discharge date", "Induction start date"):
            check(values.get(label, "?") == "", f"after the refused form, '{label}' holds '{values.get(label)}'")
        check(len(self.timeline(b)) == 1, f"after the refused form the timeline has {self.timeline(b)}")

    # --- scenario 3

    def scenario_3(self):
        check(self.participant, "no participant was enrolled")
        b, pid = self.coord, self.participant
        self.participant_page(b, pid)
        b.submit(b.link("Record outcomes"))
        b.fill("induction_start_date", "2022-05-03")
        b.fill("procedure_received", self.condition_value or "standard")
        b.fill("first_injection_date", "2022-05-09")
        b.fill("discharge_date", "2022-05-11")
        status = b.submit(b.button("Save outcomes"))
        check(b.path == f"/participants/{pid}?saved=outcomes",
              f"Save outcomes led to {b.path} ({status}): {b.text_of('.alert')} {[e.text for e in b.find_all('p.error')]}")
        check("Outcomes saved" in b.text_of(".notice"), f"no 'Outcomes saved' notice: '{b.text_of('.notice')}'")
        timeline = self.timeline(b)
        for date, what in (("2022-05-02", "Admitted"), ("2022-05-03", "Induction start"),
                           ("2022-05-09", "First injection"), ("2022-05-11", "Discharge")):
            check(any(date in e and what in e for e in timeline), f"the timeline lacks {date} {what}: {timeline}")
        dates = [re.match(r"\d{4}-\d{2}-\d{2}", e).group(0) for e in timeline if re.match(r"\d{4}-\d{2}-\d{2}", e)]
        check(dates == sorted(dates), f"the timeline is not in date order: {timeline}")
        values = self.outcomes_on_page(b)
        check(values.get("First injection date (initiation)") == "2022-05-09", f"outcomes section: {values}")
        # A reload of the page after the redirect posts nothing again.
        b.driver.refresh()
        b._wait_loaded()
        check(b.path == f"/participants/{pid}?saved=outcomes", "a reload after saving left the participant page")
        self.visit(b, "participant-outcomes")

    # --- the session checks, on the coordinator's session

    def csrf_check(self):
        check(self.participant, "no participant was enrolled")
        b, pid = self.coord, self.participant
        http = b.http()
        form = http.get(f"{self.base_url}/participants/{pid}/outcomes", allow_redirects=False)
        check(form.status_code == 200, f"GET the outcome form with the browser's cookie answered {form.status_code}")
        version = re.search(r'name="version" value="(\d+)"', form.text).group(1)
        token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
        fields = {"version": version, "last_contact_date": "2022-07-01"}
        # A wrong token: the real one with its first character changed (a token may itself start with "x").
        wrong = ("y" if token[0] == "x" else "x") + token[1:]
        for label, extra in (("without a form token", {}), ("with a wrong form token", {"csrf": wrong}),
                             ("with an empty form token", {"csrf": ""})):
            r = http.post(f"{self.base_url}/participants/{pid}/outcomes", data={**fields, **extra}, allow_redirects=False)
            check(r.status_code == 403, f"POST outcomes {label} answered {r.status_code}, not 403")
        ghost = f"CSRF-{self.suffix}"
        r = http.post(f"{self.base_url}/enroll", allow_redirects=False, data={
            "participant_id": ghost, "admission_date": "2022-05-02", "age": "40", "sex": "male"})
        check(r.status_code == 403, f"POST /enroll without a form token answered {r.status_code}, not 403")
        r = http.post(f"{self.base_url}/logout", allow_redirects=False)
        check(r.status_code == 403, f"POST /logout without a form token answered {r.status_code}, not 403")
        log_page = http.get(f"{self.base_url}/screening", allow_redirects=False)
        if log_page.status_code == 200:
            counted = re.search(r"Assessed for eligibility:\s*(\d+)", log_page.text)
            r = http.post(f"{self.base_url}/screening/new", allow_redirects=False, data={
                "screening_id": f"CSRF-{self.suffix}", "screening_date": "2022-05-04", "eligible": "yes",
                "consented": "yes"})
            check(r.status_code == 403, f"POST /screening/new without a form token answered {r.status_code}, not 403")
            after = re.search(r"Assessed for eligibility:\s*(\d+)",
                              http.get(f"{self.base_url}/screening", allow_redirects=False).text)
            check(counted and after and counted.group(1) == after.group(1),
                  "a refused POST /screening/new changed the screening log's count")
        # Nothing written: the outcome is still empty, the ghost is not enrolled, the session still works.
        check(self.outcome(b, pid, "Last contact date") == "", "a refused POST wrote the last contact date")
        check(b.get(f"/participants/{ghost}") == 404, f"a refused POST /enroll enrolled {ghost}")
        b.get(f"/participants/{pid}/outcomes")
        check(b.path.endswith("/outcomes"), "the session did not survive the refused POSTs")
        # The refusal, as a person who kept a form open too long would see it: a page, 403.
        r = http.post(f"{self.base_url}/participants/{pid}/outcomes", data=fields, allow_redirects=False)
        check("This form has expired" in r.text, "the 403 page does not say the form expired")

    def cookie_check(self):
        b = self.coord
        c = b.cookie()
        check(c, "the browser holds no wedge_session cookie after login")
        check(c.get("httpOnly") is True, f"the session cookie is not HttpOnly: {c}")
        check(c.get("sameSite") == "Strict", f"the session cookie is SameSite={c.get('sameSite')}: {c}")
        check(c.get("path") == "/", f"the session cookie's path is {c.get('path')}")
        # The raw header, and a new session id at login even when the browser already had one (fixation).
        http = requests.Session()
        http.cookies.set(SESSION_COOKIE, "planted-session-id", path="/")
        r = http.post(f"{self.base_url}/login", allow_redirects=False,
                      data={"username": "monitor", "password": self.password("monitor"), "next": "/"})
        check(r.status_code in (302, 303), f"POST /login answered {r.status_code}")
        header = r.headers.get("Set-Cookie", "")
        for attribute in ("HttpOnly", "SameSite=Strict", "Path=/"):
            check(attribute.lower() in header.lower(), f"Set-Cookie lacks {attribute}: {header}")
        check(f"{SESSION_COOKIE}=" in header and "planted-session-id" not in header.split(";")[0],
              f"login did not issue a new session id: {header}")
        new_id = header.split(";")[0].split("=", 1)[1]
        check(new_id and new_id != c["value"], "two logins share a session id")
        # The planted id is worthless.
        planted = requests.Session()
        planted.cookies.set(SESSION_COOKIE, "planted-session-id", path="/")
        r = planted.get(f"{self.base_url}/", allow_redirects=False)
        check(r.status_code in (302, 303) and "/login" in r.headers.get("Location", ""),
              f"a made-up session id reached / ({r.status_code})")

    def logout_check(self):
        check(self.participant, "no participant was enrolled")
        b, pid = self.coord, self.participant
        self.participant_page(b, pid)
        old = b.cookie()
        check(old, "no session cookie before logout")
        b.logout()
        check("signed out" in b.text_of(".notice").lower(), f"no signed-out notice: '{b.text_of('.notice')}'")
        self.visit(b, "login-signed-out")
        b.back()
        check(b.path.startswith("/login") and b.h1() == "Sign in",
              f"the back button after logout shows {b.path} ('{b.h1()}'), not the login page")
        check(pid not in b.text("main") or "next=" in b.path, "the back button shows the participant's data")
        stale = requests.Session()
        stale.cookies.set(SESSION_COOKIE, old["value"], path="/")
        for path in ("/", f"/participants/{pid}"):
            r = stale.get(self.base_url + path, allow_redirects=False)
            check(r.status_code in (302, 303) and r.headers.get("Location", "").startswith("/login"),
                  f"the cookie of a signed-out session still reaches {path} ({r.status_code} {r.headers.get('Location')})")
        r = stale.post(f"{self.base_url}/participants/{pid}/outcomes", allow_redirects=False,
                       data={"csrf": "anything", "version": "1", "last_contact_date": "2022-07-01"})
        check(r.status_code in (302, 303, 403), f"a POST with a signed-out session answered {r.status_code}")
        # A typed URL while signed out: the login page, then back to that page after signing in.
        b.get(f"/participants/{pid}")
        check(b.path.startswith("/login?next="), f"a signed-out typed URL led to {b.path}, not the login page")
        b.fill("username", "coord-unit-a")
        b.fill("password", self.password("coord-unit-a"))
        b.submit(b.button("Sign in"))
        check(b.path == f"/participants/{pid}", f"after signing in from a typed URL the browser is on {b.path}")

    # --- scenario 4

    def scenario_4(self):
        check(self.participant, "no participant was enrolled")
        pid = self.participant
        b = self.other = self.browser("coord-unit-b")
        b.login("coord-unit-b", self.password("coord-unit-b"))
        for path in ("/", "/participants", "/queries", "/participants?site=unit-a", "/queries?site=unit-a"):
            status = b.get(path)
            check(status in (200, 403, 404), f"coord-unit-b: {path} answered {status}")
            check(not b.exists(f"a[href*='{pid}']"), f"coord-unit-b sees a link to {pid} on {path}")
            check(pid not in b.text("main"), f"coord-unit-b sees {pid} on {path}")
        b.get("/participants")
        rows = [tr.text for tr in b.find_all("table tbody tr")]
        check(all("Inpatient unit B" in r for r in rows), "coord-unit-b's list shows another site's participants")
        for path in (f"/participants/{pid}", f"/participants/{pid}/outcomes"):
            status = b.get(path)
            check(status == 404, f"coord-unit-b: typed URL {path} answered {status}, not 404")
            check("2022-05-02" not in b.text("main") and "Record outcomes" not in b.text("main"),
                  f"the 404 page for {path} shows the participant's data")
        b.get(f"/participants/{pid}")
        self.visit(b, "not-found")
        # Indistinguishable from a participant that does not exist.
        seen = b.text("main").replace(pid, "ID")
        status = b.get(f"/participants/NOPE-{self.suffix}")
        check(status == 404, f"a participant that does not exist answered {status}")
        check(b.text("main").replace(f"NOPE-{self.suffix}", "ID") == seen,
              "another site's participant's 404 page differs from a missing participant's")
        status = b.get(f"/participants/{pid}/correct")
        check(status in (403, 404), f"coord-unit-b: /participants/{pid}/correct answered {status}")
        # POSTs with coord-unit-b's own valid form token.
        token = b.csrf()
        http = b.http()
        posts = {f"/participants/{pid}/outcomes": {"version": "1", "last_contact_date": "2022-07-01"},
                 f"/participants/{pid}/correct": {"version": "1", "field": "discharge_date", "value": "2022-05-12",
                                                  "reason": "not mine to correct"},
                 f"/participants/{pid}/delete": {"version": "1", "reason": "not mine to delete"}}
        for path, data in posts.items():
            r = http.post(self.base_url + path, data={**data, "csrf": token}, allow_redirects=False)
            allowed = (404,) if path.endswith("/outcomes") else (403, 404)
            check(r.status_code in allowed, f"coord-unit-b: POST {path} answered {r.status_code}, not {allowed}")
        # Nor unit-a's screening log, nor enrolling from one of its screenings.
        if self.screening_id:
            status = b.get(f"/enroll?screening={urllib.parse.quote(self.screening_id)}")
            check(status == 404, f"coord-unit-b: /enroll?screening={self.screening_id} answered {status}, not 404")
            status = b.get("/screening")
            check(status == 200 and self.screening_id not in b.text("main"),
                  f"coord-unit-b's screening log ({status}) shows unit-a's {self.screening_id}")
            r = http.post(self.base_url + "/enroll", allow_redirects=False, data={
                "csrf": token, "participant_id": f"B-{self.suffix}", "admission_date": "2022-05-02", "age": "40",
                "sex": "male", "screening_id": self.screening_id})
            check(r.status_code in (404, 422), f"coord-unit-b: enrolling from unit-a's screening answered {r.status_code}")
            check(b.get(f"/participants/B-{self.suffix}") == 404, "coord-unit-b enrolled from unit-a's screening")
        # The study-wide downloads are not a site coordinator's; the site's own status is, without unit-a.
        for path in ("/reports/study.html", "/reports/participants.csv"):
            r = http.get(self.base_url + path, allow_redirects=False)
            check(r.status_code == 403, f"coord-unit-b: GET {path} answered {r.status_code}, not 403")
        for path in ("/reports/status.csv", "/reports/queries.csv"):
            r = http.get(self.base_url + path, allow_redirects=False)
            check(r.status_code == 200, f"coord-unit-b: GET {path} answered {r.status_code}")
            check("unit-a" not in r.text and pid not in r.text, f"coord-unit-b's {path} names unit-a or {pid}")
        # Nothing of that was written.
        a = self.coord
        self.participant_page(a, pid)
        values = self.outcomes_on_page(a)
        check(values.get("Last contact date") == "" and values.get("Discharge date") == "2022-05-11",
              f"coord-unit-b's refused POSTs changed the participant: {values}")
        check("deleted" not in a.h1(), "coord-unit-b's refused POST deleted the participant")
        # Another site's enrollment by a typed form: coord-unit-b's site is fixed.
        status = b.get("/enroll")
        check(status == 200, f"coord-unit-b: /enroll answered {status}")
        # A coordinator's site is fixed: shown as text with a hidden field, no choice.
        check(not b.exists("select#site_id"), "coord-unit-b's enrollment form offers a site choice")
        site = b.find("input[type=hidden][name=site_id]").get_attribute("value")
        check(site == "unit-b", f"coord-unit-b's enrollment form is for site '{site}'")
        self.visit(b, "enroll-coordinator-b")

    # --- scenario 5

    def scenario_5(self):
        check(self.participant, "no participant was enrolled")
        pid = self.participant
        a = self.coord
        b = self.other
        b.logout()
        b.login("datamanager", self.password("datamanager"))
        self.visit(b, "dashboard-datamanager")
        for browser in (a, b):
            status = browser.get(f"/participants/{pid}/outcomes")
            check(status == 200, f"{browser.label}: the outcome form answered {status}")
        version_a = a.find("input[name=version]").get_attribute("value")
        version_b = b.find("input[name=version]").get_attribute("value")
        check(version_a == version_b, f"the two forms carry versions {version_a} and {version_b}")
        # The first saves...
        a.fill("second_injection_date", "2022-06-06")
        a.submit(a.button("Save outcomes"))
        check(a.path == f"/participants/{pid}?saved=outcomes", f"the first save led to {a.path} ({a.last_status})")
        # ...the second, from the form it opened before, sees the conflict.
        b.fill("second_injection_date", "2022-06-08")
        b.fill("last_contact_date", "2022-07-01")
        status = b.submit(b.button("Save outcomes"))
        check(status == 409, f"the second save answered {status}, not 409")
        check(b.h1() == "Someone else saved first", f"the conflict page's heading is '{b.h1()}'")
        check("Nothing was saved" in b.text_of(".alert"), "the conflict page does not say nothing was saved")
        rows = {}
        for tr in b.find_all("table tbody tr"):
            label = tr.find_element(By.TAG_NAME, "th").text.strip()
            cells = [td.text.strip() for td in tr.find_elements(By.TAG_NAME, "td")]
            rows[label] = cells
        second = rows.get("Second injection date")
        check(second and second[0] == "2022-06-06" and second[1].startswith("2022-06-08"),
              f"the conflict table's second injection row is {second} (want current 2022-06-06, submitted 2022-06-08)")
        check(rows.get("Last contact date", ["", ""])[1].startswith("2022-07-01"),
              f"the conflict table does not show the submitted last contact date: {rows.get('Last contact date')}")
        self.visit(b, "conflict")
        # Nothing of the second was saved.
        self.participant_page(b, pid)
        values = self.outcomes_on_page(b)
        check(values.get("Second injection date") == "2022-06-06", f"second injection is now {values.get('Second injection date')}")
        check(values.get("Last contact date") == "", f"the conflicting save wrote last contact {values.get('Last contact date')}")

    # --- scenario 6

    def scenario_6(self):
        check(self.participant, "no participant was enrolled")
        pid = self.participant
        b = self.other    # the data manager
        self.participant_page(b, pid)
        self.visit(b, "participant-datamanager")
        status = b.submit(b.link("Correct or delete"))
        check(status == 200 and b.path == f"/participants/{pid}/correct", f"'Correct or delete' led to {b.path} ({status})")
        self.visit(b, "correct")
        # Without a reason: refused, next to the field.
        b.fill("field", "discharge_date")
        b.fill("value", "2022-05-12")
        status = b.submit(b.button("Save correction"))
        check(status == 422, f"a correction without a reason answered {status}, not 422")
        error = b.find_all("p.error#reason-error")
        check(error and "reason" in error[0].text.lower(), "no message next to the reason")
        check("reason-error" in (b.find("#reason").get_attribute("aria-describedby") or ""),
              "the reason's message is not tied to it by aria-describedby")
        self.visit(b, "correct-errors")
        reason = "Discharge summary dated 12 May; 11 May was the planned date."
        b.fill("field", "discharge_date")
        b.fill("value", "2022-05-12")
        b.fill("reason", reason)
        status = b.submit(b.button("Save correction"))
        check(b.path == f"/participants/{pid}?saved=corrected",
              f"Save correction led to {b.path} ({status}): {b.text_of('.alert')} {[e.text for e in b.find_all('p.error')]}")
        check("Correction saved" in b.text_of(".notice"), f"no correction notice: '{b.text_of('.notice')}'")
        timeline = self.timeline(b)
        check(any("2022-05-12" in e and "Discharge" in e for e in timeline), f"the timeline lacks the corrected discharge: {timeline}")
        check(not any("2022-05-11" in e for e in timeline), f"the timeline still shows the old discharge: {timeline}")
        rows = self.audit_rows(b)
        check(rows, "no audit history rows")
        check(len(rows[0]) == 6, f"an audit row has {len(rows[0])} cells, not 6 (When, Who, What, Field, Old → new, Why)")
        headers = [th.text.strip() for th in b.driver.find_elements(
            By.XPATH, "//section[.//h2[normalize-space(.)='Audit history']]//table/thead//th")]
        for h in ("Who", "What", "Field", "Why"):
            check(any(x.startswith(h) for x in headers), f"the audit table has no '{h}' column: {headers}")
        match = [r for r in rows if r[3] == "Discharge date" and "2022-05-11" in r[4] and "2022-05-12" in r[4]]
        check(match, f"no audit row 'Discharge date 2022-05-11 → 2022-05-12': {rows[:4]}")
        row = match[0]
        check(re.search(r"2022-05-11\s*→\s*2022-05-12", row[4]), f"the audit row reads '{row[4]}', not old → new")
        check(row[5] == reason, f"the audit row's reason is '{row[5]}'")
        check(row[1].split()[0] == "datamanager", f"the audit row's actor is '{row[1]}'")
        check(b.exists("td del"), "the old value is not marked as deleted text (<del>)")
        self.visit(b, "participant-audit")

    # --- scenario 7

    def scenario_7(self):
        b = self.stat
        check(not isinstance(self.consort_before, Exception), f"before the scenarios: {self.consort_before}")
        after = self.download_report(b)
        before = self.consort_before
        log(f"   CONSORT after: assessed {after['assessed']}, excluded {after['excluded']} "
            f"(before {before['assessed']}, {before['excluded']})")
        check(after["assessed"] - before["assessed"] == 2,
              f"'Assessed for eligibility' went from {before['assessed']} to {after['assessed']}, not +2")
        check(after["excluded"] - before["excluded"] == 1,
              f"'Excluded' went from {before['excluded']} to {after['excluded']}, not +1")
        check("Enrolled" in after["totals"], "the CONSORT table has no 'Enrolled' row")
        check(after["totals"]["Enrolled"] - before["totals"].get("Enrolled", 0) == 1,
              f"'Enrolled' went from {before['totals'].get('Enrolled')} to {after['totals']['Enrolled']}, not +1")
        for label in ("Enrolled from a screening", "Eligible and consented"):
            if label in after["totals"]:
                check(after["totals"][label] - before["totals"].get(label, 0) == 1,
                      f"'{label}' went from {before['totals'].get(label)} to {after['totals'][label]}, not +1")

    # --- the pages no scenario shows: each role's dashboard and lists, the admin pages

    def enroll_pages(self, b):
        """The enrollment form clean, and refused: age and sex missing, a date after today."""
        status = b.get("/enroll")
        check(status == 200, f"GET /enroll answered {status}")
        check(b.find("#admission_date").get_attribute("type") == "date", "the admission date is not a date input")
        self.visit(b, "enroll")
        stops = b.keyboard_order()
        check(any('"Enroll"' in s for s in stops), f"Tab does not reach the Enroll button: {stops}")
        ghost = f"NE-{self.suffix}"
        b.fill("participant_id", ghost)
        b.fill("admission_date", "2022-05-02")
        status = b.submit(b.button("Enroll"))
        check(status == 422, f"an enrollment without age and sex answered {status}, not 422")
        check("Nothing was saved" in b.text_of(".alert"), f"the alert reads '{b.text_of('.alert')}'")
        for field in ("age", "sex"):
            inp = b.find(f"#b-{field}")
            check(b.exists(f"p.error#{field}-error"), f"no message next to the required {field}")
            check(f"{field}-error" in (inp.get_attribute("aria-describedby") or ""),
                  f"#b-{field} is not tied to its message (aria-describedby='{inp.get_attribute('aria-describedby')}')")
        self.visit(b, "enroll-errors")
        check(b.get(f"/participants/{ghost}") == 404, f"the refused enrollment created {ghost}")

    def other_pages(self):
        if not hasattr(self, "coord"):
            self.coord = self.browser("coord-unit-a")
            self.coord.login("coord-unit-a", self.password("coord-unit-a"))
        if not hasattr(self, "other"):
            self.other = self.browser("datamanager")
        if "datamanager" not in self.other.text_of("header .account"):
            self.other.login("datamanager", self.password("datamanager"))
        self.enroll_pages(self.coord)
        b = self.other      # the data manager
        status = b.get("/participants")
        check(status == 200, f"the data manager's list answered {status}")
        check(b.exists("select#site"), "the data manager's participant list has no site filter")
        self.visit(b, "participants-datamanager")
        b.fill("site", "unit-a")
        status = b.submit(b.button("Show"))
        check(status == 200 and "site=unit-a" in b.path, f"the site filter led to {b.path} ({status})")
        sites = {tr.find_elements(By.TAG_NAME, "td")[1].text for tr in b.find_all("table tbody tr")}
        check(sites <= {"Inpatient unit A"}, f"the unit-a filter shows sites {sites}")
        self.visit(b, "participants-datamanager-unit-a")
        problems = []
        b.fill("site", "")
        status = b.submit(b.button("Show"))
        if status != 200:
            problems.append(f"the participant list's filter with 'All sites' ({b.path}) answered {status}: '{b.h1()}'")
        b.get("/queries")
        check(b.exists("select#site") and b.exists("select#kind"), "the queries page lacks its site and kind filters")
        self.visit(b, "queries-datamanager")
        kinds = [o.get_attribute("value") for o in Select(b.find("#kind")).options if o.get_attribute("value")]
        if kinds:
            b.fill("kind", kinds[0])
            status = b.submit(b.button("Show"))
            if status != 200:
                problems.append(f"the queries filter with 'All sites' and kind {kinds[0]} ({b.path}) answered "
                                f"{status}: '{b.h1()}'")
            b.get(f"/queries?site=unit-a&kind={kinds[0]}")
            b.fill("site", "unit-a")
            status = b.submit(b.button("Show"))
            check(status == 200, f"the queries filter with site unit-a ({b.path}) answered {status}")
            self.visit(b, "queries-datamanager-filtered")
        self.deferred += problems
        b.get("/reports")
        self.visit(b, "reports-datamanager")
        if b.get("/screening") == 200:       # scenario 1 reports it when the screening pages are missing
            self.visit(b, "screening-datamanager")
            if b.exists("select#site"):
                b.fill("site", "unit-b")
                status = b.submit(b.button("Show"))
                check(status == 200 and "site=unit-b" in b.path, f"the screening log's site filter led to {b.path} ({status})")
                check(all(r[2] == "Inpatient unit B" for r in b.table_rows() if len(r) > 2),
                      "the screening log's unit-b filter shows other sites")
                b.fill("site", "")
                status = b.submit(b.button("Show"))
                if status != 200:
                    self.deferred.append(f"the screening log's filter with 'All sites' ({b.path}) answered {status}: "
                                         f"'{b.h1()}'")
            if b.get("/screening/new") == 200:
                check(b.exists("select#site_id"), "the data manager's screening form has no site choice")
                self.visit(b, "screening-form-datamanager")
        b.get("/admin")
        check(b.last_status == 403, f"the data manager's /admin answered {b.last_status}, not 403")
        self.visit(b, "forbidden")

        a = self.coord
        a.get("/queries")
        check(not a.exists("select#site"), "a site coordinator's queries page offers a site filter")
        self.visit(a, "queries-coordinator")
        a.get("/reports")
        labels = [x.text.strip() for x in a.find_all("main a")]
        check("Study report (HTML)" not in labels, f"a site coordinator is offered the study report: {labels}")
        self.visit(a, "reports-coordinator")

        m = self.other
        m.logout()
        m.login("monitor", self.password("monitor"))
        self.visit(m, "dashboard-monitor")
        m.get("/participants")
        self.visit(m, "participants-monitor")
        m.logout()
        m.login("admin", self.password("admin"))
        self.visit(m, "dashboard-admin")
        status = m.get("/admin")
        check(status == 200, f"/admin answered {status}")
        self.visit(m, "admin")
        m.fill("token-user", "statistician")
        m.fill("token-label", "browser test feed")
        m.submit(m.button("Create token"))
        check(m.exists(".secret") and len(m.text_of(".secret")) >= 20, "a new token is not shown")
        self.visit(m, "admin-token")
        m.driver.refresh()
        m._wait_loaded()
        check(not m.exists(".secret"), "the new token is shown again after a reload")
        check(not self.deferred, "; ".join(self.deferred))

    # -----------------------------------------------------------------------------------------------------------

    def run(self):
        started = time.time()
        steps = [
            ("setup", "the statistician's pages and the CONSORT counts before", self.before, None),
            (1, "a coordinator screens two people and enrolls the eligible one", self.scenario_1, "scenario"),
            (2, "a rule-breaking injection date: the message next to the field, nothing saved", self.scenario_2, "scenario"),
            (3, "outcomes recorded and shown on the timeline", self.scenario_3, "scenario"),
            ("csrf", "a POST without or with a wrong form token is 403 and writes nothing", self.csrf_check, "session"),
            ("cookie", "the session cookie is HttpOnly, SameSite=Strict, Path=/, renewed at login", self.cookie_check, "session"),
            ("logout", "logout ends the session (back button, old cookie)", self.logout_check, "session"),
            (4, "another site's coordinator gets 404 by any link, typed URL or POST", self.scenario_4, "scenario"),
            (5, "two sessions save the same form: the second sees the conflict, nothing of it saved", self.scenario_5, "scenario"),
            (6, "a data manager's correction with a reason: old -> new in the audit history", self.scenario_6, "scenario"),
            (7, "the statistician's report: CONSORT starts at 'Assessed for eligibility', +2 assessed, +1 excluded", self.scenario_7, "scenario"),
            ("pages", "every role's dashboard, lists, reports and admin pages", self.other_pages, "session"),
        ]
        for number, title, step, kind in steps:
            t0 = time.time()
            log(f"== {number}: {title}")
            try:
                step()
                ok, message = True, ""
            except CheckFailed as failure:
                ok, message = False, str(failure)
            except Exception as error:   # a selenium error, a missing element: the scenario failed
                ok, message = False, f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
                traceback.print_exc(file=sys.stdout)
            log(f"   {'ok' if ok else 'FAILED: ' + message} ({time.time() - t0:.1f} s)")
            if kind == "scenario":
                self.results.append((number, title, ok, message))
            elif kind == "session":
                self.session_results.append((number, title, ok, message))
            elif not ok:
                self.session_results.append((number, title, ok, message))
        self.close()
        return self.summary(time.time() - started)

    def summary(self, seconds):
        audit = self.audit
        log("")
        log(f"== pages checked ({len(audit.pages)}): {', '.join(audit.pages)}")
        if audit.violations:
            log("== axe violations (all impacts):")
            by_rule = {}
            for page, rule, impact, help_text, targets in audit.violations:
                by_rule.setdefault((rule, impact, help_text), []).append((page, targets))
            for (rule, impact, help_text), where in sorted(by_rule.items()):
                log(f"   {impact:9} {rule}: {help_text}")
                for page, targets in where:
                    log(f"             {page}: {len(targets)} node(s): {'; '.join(targets[:5])}")
        else:
            log("== axe: no violations")
        for page, detail in audit.overflow:
            log(f"== layout at 768 px: {page}: {detail}")
        console = self.console_errors()
        for label, path, message in console:
            log(f"== console error ({label}) on {path}: {message}")
        if audit.screenshots:
            log(f"== screenshots: {len(audit.screenshots)} files in {audit.screenshots_dir}")
        if any(b.bypassed_csp for b in self.browsers):
            log("== note: axe needed Page.setBypassCSP on some pages")

        failed = [r for r in self.results if not r[2]]
        failed_session = [r for r in self.session_results if not r[2]]
        for number, title, ok, message in self.results + self.session_results:
            if not ok:
                log(f"FAILED {number}: {title}: {message}")
        passed = len(self.results) - len(failed)
        session_passed = len(self.session_results) - len(failed_session)
        serious = len(audit.blocking)
        rules = sorted({rule for _, rule, _ in audit.blocking})
        problems = []
        if failed:
            problems.append(f"scenario(s) {', '.join(str(r[0]) for r in failed)} failed")
        if failed_session:
            problems.append(f"check(s) {', '.join(str(r[0]) for r in failed_session)} failed")
        if serious:
            problems.append(f"{serious} serious/critical axe violation(s) ({', '.join(rules)})")
        if audit.overflow:
            problems.append(f"{len(audit.overflow)} page(s) do not fit 768 px (sideways scroll or content past its card)")
        if console:
            problems.append(f"{len(console)} console error(s) (CSP refusals or missing resources)")
        line = (f"{passed} of {len(self.results)} scenarios passed, {session_passed} of {len(self.session_results)} "
                f"session/page checks passed, axe: {len(audit.pages)} pages, {serious} serious/critical, "
                f"{len(audit.violations)} violations in all ({self.engine}, {seconds:.0f} s)")
        if problems:
            log(f"browser tests: FAILED: {'; '.join(problems)}: {line}")
            return 1
        log(f"browser tests: {passed} scenarios passed, {session_passed} session/page checks passed, axe: "
            f"{len(audit.pages)} pages, 0 serious/critical, {len(audit.violations)} minor/moderate "
            f"({self.engine}, {seconds:.0f} s)")
        return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--accounts", required=True, help="the accounts file `wedge-server demo` wrote")
    parser.add_argument("--engine", default="sqlite")
    parser.add_argument("--screenshots", metavar="DIR", help="save every page at desktop and tablet width into DIR")
    args = parser.parse_args()
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
    run = Run(args)
    try:
        return run.run()
    finally:
        run.close()


if __name__ == "__main__":
    sys.exit(main())
