#!/usr/bin/env python3
"""kurdi serve's page in headless Chromium (Debian's chromium, chromium-driver
and python3-selenium): types a Kurdish and a Latin-script query and checks
that highlighted results appear, opens a document, pages, filters, runs the
analyze view, switches to English, checks that markup in documents never runs,
and saves screenshots at desktop width and at 375 px (SERVE_OUT/screenshots/).
The server runs with --count-limit 5, so that a query matching 15 of the 16
documents shows a lower bound ("or more") on its first page and the exact
total on the second.

Starts and stops its own server on a free loopback port. Exits 77 (skipped)
when chromium, chromium-driver or selenium is missing, except under CI=true,
where that is a failure."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
KURDI = os.environ["KURDI"]
SOURCE = os.environ["KURDI_SOURCE_DIR"]
OUT = os.path.join(os.environ.get("SERVE_OUT", "."), "screenshots")
CI = os.environ.get("CI") == "true"


def unavailable(why):
    if CI:
        print(f"FAIL: {why} (CI=true: the browser test must run; scripts/test.sh installs chromium)")
        sys.exit(1)
    print(f"SKIP: {why}")
    sys.exit(SKIP)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    unavailable("python3-selenium is not installed")
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
driver_path = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
if not chromium or not driver_path:
    unavailable("chromium or chromium-driver is not installed")

failures = []


def check(ok, what):
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        failures.append(what)


tmp = tempfile.mkdtemp(prefix="kurdi-browser-")
server = None
driver = None
try:
    archive = os.path.join(tmp, "a.db")
    subprocess.run([KURDI, "index", archive, f"{SOURCE}/tests/behaviour/search/documents.jsonl",
                    f"{SOURCE}/tests/serve/extra_documents.jsonl"], check=True, capture_output=True)
    log = open(os.path.join(tmp, "serve.log"), "w+")
    server = subprocess.Popen([KURDI, "serve", archive, "--port", "0", "--count-limit", "5"], stderr=log)
    url = None
    for _ in range(600):  # up to 30 s: a loaded machine starts slowly; this is not a speed check
        log.seek(0)
        m = re.search(r"serving .* at (http://\S+)", log.read())
        if m:
            url = m.group(1)
            break
        time.sleep(0.05)
    if not url:
        raise RuntimeError("kurdi serve did not start")

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--no-first-run", "--disable-extensions"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    wait = WebDriverWait(driver, 15)
    os.makedirs(OUT, exist_ok=True)

    def screenshot(name):
        path = os.path.join(OUT, name)
        # The whole page, not only the first screen.
        height = driver.execute_script("return document.documentElement.scrollHeight")
        width = driver.execute_script("return window.innerWidth")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": max(height, 600), "deviceScaleFactor": 1, "mobile": width < 600})
        driver.save_screenshot(path)
        print(f"screenshot: {path}")

    def viewport(width, height):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})

    def search(query):
        box = driver.find_element(By.ID, "q")
        box.clear()
        box.send_keys(query)
        box.send_keys(Keys.ENTER)
        wait.until(lambda d: re.search(r"\d|[٠-٩]", d.find_element(By.ID, "status").text)
                   or "نەدۆزرایەوە" in d.find_element(By.ID, "status").text)
        return driver.find_elements(By.CSS_SELECTOR, "#results li.hit")

    def marks():
        return [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#results li.hit .snippet mark")]

    viewport(1280, 900)
    driver.get(url)
    html = driver.find_element(By.TAG_NAME, "html")
    check(html.get_attribute("dir") == "rtl" and html.get_attribute("lang") == "ckb", 'html dir="rtl" lang="ckb"')
    font_ok = driver.execute_async_script(
        "const done = arguments[0];"
        "document.fonts.load('16px \"Noto Sans Arabic\"', 'ڕڵێۆە').then(() => done("
        "document.fonts.check('16px \"Noto Sans Arabic\"', 'ڕڵێۆە'))).catch(() => done(false));")
    check(font_ok is True, "the bundled font loads and covers ڕ ڵ ێ ۆ ە")
    wait.until(lambda d: d.find_element(By.ID, "stats").text != "")
    check("١٦" in driver.find_element(By.ID, "stats").text, "archive stats in the footer, in Kurdish digits")

    # A Kurdish query: an inflected form is found and highlighted.
    hits = search("بەرپرس")
    found = marks()
    check(len(hits) >= 2, f"Kurdish query: {len(hits)} results")
    check(any(m.startswith("بەرپرس") for m in found) and "بەرپرسەکانی" in found,
          f"Kurdish query: highlighted {found}")
    screenshot("desktop-search-kurdish.png")

    # A Latin-script query finds Arabic-script text.
    viewport(1280, 900)
    hits = search("hewlêr")
    found = marks()
    # Both spellings are found: the standard هەولێر and the old هه‌ولێر.
    check(len(hits) >= 2 and all("ولێر" in m for m in found) and found,
          f"Latin query hewlêr: {len(hits)} results, marks {found}")
    hits = search("slemani")
    check(len(hits) >= 1 and marks(), f"Latin query without diacritics: {len(hits)} results, marks {marks()}")
    screenshot("desktop-search-latin.png")

    # Markup in a document or a query never runs.
    viewport(1280, 900)
    hits = search("هێرش")
    title = driver.find_element(By.CSS_SELECTOR, "#results li.hit h2 a").text
    check(title.startswith("<img"), f"a title with markup is shown as text: {title[:40]}")
    driver.find_element(By.CSS_SELECTOR, "#results li.hit h2 a").click()
    wait.until(lambda d: "سەردێڕی" in d.find_element(By.ID, "doc-title").text)
    body = driver.find_element(By.ID, "doc-body").text
    check("<script>" in body, "document view shows the body, markup as text")
    search_box = driver.find_element(By.ID, "q")
    check(not search_box.is_displayed(), "document view replaces the results")
    check(driver.execute_script("return window.__kurdiXss === undefined"), "no script from a document ran")
    screenshot("desktop-document.png")
    driver.find_element(By.ID, "back").click()
    wait.until(lambda d: d.find_element(By.ID, "q").is_displayed())
    viewport(1280, 900)
    search("<img src=x onerror=window.__kurdiXss=9>")
    check(driver.execute_script("return window.__kurdiXss === undefined"), "no script from a query ran")

    # Filters and pagination.
    driver.find_element(By.CSS_SELECTOR, "#filters summary").click()
    driver.find_element(By.ID, "source").send_keys("k24")
    hits = search("بەرپرس")
    sources = [h.find_element(By.CSS_SELECTOR, ".meta").text for h in hits]
    check(len(hits) >= 1 and all("k24" in s for s in sources), f"source filter: {sources}")
    driver.find_element(By.ID, "source").clear()
    hits = search("و OR لە OR هەولێر OR بەرپرس OR هێز OR کردن")
    pager = driver.find_element(By.ID, "pager")
    check(len(hits) == 10 and pager.is_displayed(), f"page 1 of several: {len(hits)} results")
    # Past --count-limit the total is a lower bound: counted to 11, one past
    # the page, so that "next" leads on.
    status = driver.find_element(By.ID, "status").text
    check("١١ یان زیاتر" in status and "یان زیاتر" in driver.find_element(By.ID, "page").text,
          f"capped total shown as a lower bound: {status!r}, {driver.find_element(By.ID, 'page').text!r}")
    check(driver.find_element(By.ID, "next").is_enabled(), "next page enabled past the count limit")
    screenshot("desktop-search-more.png")
    viewport(1280, 900)
    first_page = [h.find_element(By.CSS_SELECTOR, "h2").text for h in hits]
    driver.find_element(By.ID, "next").click()
    # Page 2 is drawn once its hits and its exact total have come (no fixed
    # sleep: under load the answer may take longer than any chosen pause).
    wait.until(lambda d: "page=2" in d.current_url and d.find_elements(By.CSS_SELECTOR, "#results li.hit")
               and "لە ١٥" in d.find_element(By.ID, "status").text)
    second_page = [h.find_element(By.CSS_SELECTOR, "h2").text for h in driver.find_elements(By.CSS_SELECTOR, "#results li.hit")]
    check(second_page and not set(second_page) & set(first_page), f"page 2 shows other results ({len(second_page)})")
    status = driver.find_element(By.ID, "status").text
    check("لە ١٥" in status and "زیاتر" not in status, f"the last page tells the exact total: {status!r}")
    check(not driver.find_element(By.ID, "next").is_enabled(), "no page after the last")
    screenshot("desktop-search-pages.png")

    # The analyze view.
    driver.get(url + "#/analyze")
    text = driver.find_element(By.ID, "text")
    text.send_keys("بەرپرسەکانی هێزێكی کوردستان")
    driver.find_element(By.CSS_SELECTOR, "#analyze-form button").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#a-tokens li.token"))
    check(driver.find_element(By.ID, "a-normalized").text == "بەرپرسەکانی هێزێکی کوردستان", "analyze: normalized text")
    check("bermsekanî" in driver.find_element(By.ID, "a-latin").text or "berpirsekanî" in driver.find_element(By.ID, "a-latin").text,
          f"analyze: Latin form {driver.find_element(By.ID, 'a-latin').text}")
    cards = driver.find_element(By.ID, "a-tokens").text
    check("بەرپرس" in cards and "هێز" in cards, "analyze: lemmas shown")
    screenshot("desktop-analyze.png")

    # English interface.
    viewport(1280, 900)
    driver.get(url + "#/")
    driver.find_element(By.ID, "lang").click()
    html = driver.find_element(By.TAG_NAME, "html")
    check(html.get_attribute("lang") == "en" and html.get_attribute("dir") == "ltr", "English toggle: lang=en dir=ltr")
    check(driver.find_element(By.ID, "nav-search").text == "Search", "English toggle: interface text")
    hits = search("بەرپرس")
    check(hits and driver.find_element(By.CSS_SELECTOR, "#results .snippet").get_attribute("dir") == "auto",
          "English interface still shows Kurdish results")
    screenshot("desktop-search-english.png")
    driver.find_element(By.ID, "lang").click()
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ckb", "toggle back to Sorani")

    # A phone: 375 px wide, no sideways scrolling.
    viewport(375, 812)
    driver.get(url + "#/")
    hits = search("بەرپرسەکان")
    check(len(hits) >= 1 and marks(), "375 px: results with highlights")
    width = driver.execute_script("return document.documentElement.scrollWidth")
    check(width <= 375, f"375 px: no horizontal scrolling (page is {width} px wide)")
    screenshot("mobile-search.png")
    viewport(375, 812)
    driver.find_element(By.CSS_SELECTOR, "details.syntax summary").click()
    check(driver.execute_script("return document.documentElement.scrollWidth") <= 375, "375 px: query help fits")
    screenshot("mobile-help.png")
    viewport(375, 812)
    driver.get(url + "#/analyze?text=" + "بەرپرسەکانی%20هێزێكی%20لە%20٢٦/٧/٢٠٢١دا%20hêz")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#a-tokens li.token"))
    check(driver.execute_script("return document.documentElement.scrollWidth") <= 375, "375 px: analyze view fits")
    screenshot("mobile-analyze.png")
finally:
    if driver:
        driver.quit()
    if server:
        server.terminate()
        try:
            code = server.wait(timeout=10)
            check(code == 0, f"server stopped cleanly on SIGTERM (exit {code})")
        except subprocess.TimeoutExpired:
            server.kill()
            check(False, "server did not stop within 10 s of SIGTERM")
    shutil.rmtree(tmp, ignore_errors=True)

if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all checks passed")
