"""ctt site in a real browser: Debian's headless Chromium driven by Selenium through chromedriver.

Skipped (with the reason) when Chromium, chromedriver or selenium is missing here; a failure on CI
(CI=true), where `.ci/run` installs them. Nothing is downloaded: the driver and browser paths are given.
Set CTT_SCREENSHOTS=1 to also write the screenshots the README shows into docs/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, make_city

AS_OF = "2026-11-25"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def _need_browser() -> None:
    missing = [name for name, found in (("chromium", CHROMIUM), ("chromedriver", CHROMEDRIVER)) if not found]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip)")
    if missing:
        reason = f"cần {', '.join(missing)} để thử trang trong trình duyệt (apt-get install chromium chromium-driver)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from typer.testing import CliRunner

    from ctt_cli.app import app

    plans = make_city(tmp_path_factory.mktemp("city") / "plans")
    here = Path.cwd()
    os.chdir(plans.parent)  # relative paths on the pages, as an office running `ctt site plans/` sees them
    try:
        result = CliRunner().invoke(app, ["site", "--year", "2026", "--as-of", AS_OF, "plans", "-o", "site"])
    finally:
        os.chdir(here)
    out = plans.parent / "site"
    assert (out / "index.html").is_file(), result.output
    return out


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    _need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1500",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    browser.set_page_load_timeout(30)
    yield browser
    browser.quit()


def visible_names(driver) -> list[str]:
    from selenium.webdriver.common.by import By

    return [
        tr.find_element(By.CSS_SELECTOR, "th").text
        for tr in driver.find_elements(By.CSS_SELECTOR, "#city tbody tr")
        if tr.is_displayed()
    ]


def console_errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def screenshot(driver, name: str, tmp: Path) -> Path:
    path = tmp / name
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 10_000  # a real picture, not an empty page
    if os.environ.get("CTT_SCREENSHOTS"):
        shutil.copyfile(path, ROOT / "docs" / name)
    return path


def test_city_page_sorts_filters_and_links(driver, site: Path, tmp_path: Path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver.get((site / "index.html").as_uri())
    assert driver.title == "Tổng hợp Chính quyền thân thiện năm 2026"
    assert sorted(visible_names(driver)) == sorted(
        ["Phường Lê Thanh Nghị", "Xã An Hưng", "Đặc khu Bạch Long Vĩ", "Phường Hồng An"]
    )
    count = driver.find_element(By.ID, "f-count")
    assert count.text == "Đang hiện 4/4 đơn vị"  # the script ran: the filter form is shown

    def header(title: str):
        return driver.find_element(By.XPATH, f"//table[@id='city']/thead//th[normalize-space()='{title}']")

    # by tasks done: 1 (Lê Thanh Nghị), 2, 2, then the ward with errors (no number) last either way
    header("Hoàn thành").find_element(By.TAG_NAME, "button").click()
    assert header("Hoàn thành").get_attribute("aria-sort") == "ascending"
    names = visible_names(driver)
    assert names[0] == "Phường Lê Thanh Nghị" and names[-1] == "Phường Hồng An"
    header("Hoàn thành").find_element(By.TAG_NAME, "button").click()
    assert header("Hoàn thành").get_attribute("aria-sort") == "descending"
    names = visible_names(driver)
    assert names[2:] == ["Phường Lê Thanh Nghị", "Phường Hồng An"]
    # by name, Vietnamese order (Đ after D, before P)
    header("Tên").find_element(By.TAG_NAME, "button").click()
    assert visible_names(driver) == ["Đặc khu Bạch Long Vĩ", "Phường Hồng An", "Phường Lê Thanh Nghị", "Xã An Hưng"]

    Select(driver.find_element(By.ID, "f-kind")).select_by_value("phường")
    assert visible_names(driver) == ["Phường Hồng An", "Phường Lê Thanh Nghị"]
    assert count.text == "Đang hiện 2/4 đơn vị"
    Select(driver.find_element(By.ID, "f-state")).select_by_value("error")
    assert visible_names(driver) == ["Phường Hồng An"]
    Select(driver.find_element(By.ID, "f-kind")).select_by_value("")
    Select(driver.find_element(By.ID, "f-state")).select_by_value("")
    driver.find_element(By.ID, "f-name").send_keys("hung")  # typed without marks, as people search
    assert visible_names(driver) == ["Xã An Hưng"]
    driver.find_element(By.ID, "f-name").clear()
    driver.find_element(By.ID, "f-name").send_keys(" ")  # clear() fires no input event; typing does
    assert len(visible_names(driver)) == 4
    assert console_errors(driver) == []
    screenshot(driver, "site-index.png", tmp_path)

    driver.find_element(By.LINK_TEXT, "Phường Lê Thanh Nghị").click()
    assert driver.current_url.endswith("/le-thanh-nghi.html")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Phường Lê Thanh Nghị"
    timeline = driver.find_element(By.CSS_SELECTOR, "svg.timeline")
    assert timeline.is_displayed() and timeline.size["width"] > 600
    assert len(timeline.find_elements(By.CSS_SELECTOR, "g.occ")) >= 8
    assert driver.find_element(By.CSS_SELECTOR, "svg.score-chart").is_displayed()
    assert "MINH HỌA" in driver.find_element(By.CSS_SELECTOR, ".illustrative").text
    assert console_errors(driver) == []
    screenshot(driver, "site-phuong.png", tmp_path)


def test_injected_script_never_runs(driver, site: Path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    driver.get((site / "an-hung.html").as_uri())
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - reading it is the check
    assert "<script>alert(1)</script> Tổ chức thực hiện" in driver.find_element(By.TAG_NAME, "main").text
    assert console_errors(driver) == []
