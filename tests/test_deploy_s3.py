"""Deploy to S3-compatible object storage (#16), against a local S3 server the test starts.

The server is moto's server mode on 127.0.0.1 (a real HTTP S3 API, in this process); the sample
site is built, uploaded with `guongsang deploy-s3`, and its pages are read back over HTTP the
way a CDN would fetch them (anonymously, through a public-read bucket policy).
"""
from __future__ import annotations

import hashlib
import json
import logging
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from guongsang import cli
from guongsang.site import deploy_s3
from guongsang.site.deploy_s3 import LONG, SHORT, cache_control, content_type
from guongsang.text import format_count

BUCKET = "guongsang"


@pytest.fixture(scope="module")
def s3(monkeypatch_module: pytest.MonkeyPatch) -> Iterator[str]:
    """Endpoint URL of a local S3-compatible server with an empty, publicly readable bucket."""
    pytest.importorskip("boto3")
    server_mod = pytest.importorskip("moto.server")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    for key, value in (("AWS_ACCESS_KEY_ID", "thu"), ("AWS_SECRET_ACCESS_KEY", "thu"),
                       ("AWS_DEFAULT_REGION", "us-east-1")):
        monkeypatch_module.setenv(key, value)
    server = server_mod.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = deploy_s3.client_for(endpoint, "us-east-1")
    client.create_bucket(Bucket=BUCKET)
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps({
        "Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*"}]}))
    try:
        yield endpoint
    finally:
        server.stop()


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as mp:
        yield mp


@pytest.fixture
def site(sample_site: Path, tmp_path: Path) -> Path:
    """A private copy of the built sample site, free to edit."""
    copy = tmp_path / "site"
    shutil.copytree(sample_site, copy)
    return copy


def _objects(endpoint: str, prefix: str) -> dict[str, dict]:
    client = deploy_s3.client_for(endpoint, "us-east-1")
    found = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix):
        for obj in page.get("Contents", []):
            found[obj["Key"]] = obj
    return found


def _deploy(endpoint: str, site: Path, prefix: str, capsys, *extra: str) -> str:
    code = cli.main(["deploy-s3", "--bucket", BUCKET, "--endpoint", endpoint, "--region",
                     "us-east-1", "--prefix", prefix, "--site", str(site), *extra])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def _get(endpoint: str, key: str) -> tuple[bytes, dict[str, str]]:
    with urllib.request.urlopen(f"{endpoint}/{BUCKET}/{key}", timeout=10) as resp:
        return resp.read(), {k.lower(): v for k, v in resp.headers.items()}


def test_cache_lifetimes_and_types_follow_the_file_names() -> None:
    long = ["assets/anh/0123456789abcdef0123-640.webp", "assets/og/45e2106dd5e7d69921f7d615.png",
            "assets/anh/chu-cai/a6373a4d73669f8c51fb15a1.png",
            "assets/javascripts/bundle.a5f9d56c.min.js", "assets/stylesheets/main.57a0d79d.min.css",
            "pagefind/fragment/vi_9dac3f4.pf_fragment", "pagefind/pagefind.vi_3e9a1c2b.pf_meta"]
    short = ["index.html", "ho-so/a1b2c3d4e5/index.html", "assets/og/mac-dinh.jpg", "feed.xml",
             "sitemap.xml", "pagefind/pagefind-entry.json", "pagefind/pagefind.js",
             "assets/css/guongsang.css", "assets/js/tim-kiem.js", "vinh-danh/2024.csv"]
    assert {k: cache_control(k) for k in long} == dict.fromkeys(long, LONG)
    assert {k: cache_control(k) for k in short} == dict.fromkeys(short, SHORT)
    assert [content_type(k) for k in ("a/index.html", "x.webp", "feed.xml", "a.pf_fragment",
                                      "b.css", "logo.svg")] == [
        "text/html; charset=utf-8", "image/webp", "application/xml; charset=utf-8",
        "application/octet-stream", "text/css; charset=utf-8", "image/svg+xml; charset=utf-8"]


def test_the_sample_site_is_uploaded_and_pages_read_back(s3: str, site: Path, capsys) -> None:
    local = {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}
    out = _deploy(s3, site, "ban-chinh", capsys)
    assert out.startswith(f"Đã xuất bản lên s3://{BUCKET}/ban-chinh: tải lên "
                          f"{len(local)} tệp (")
    assert out.endswith(", giữ nguyên 0 tệp, xoá 0 tệp cũ.\n")
    remote = _objects(s3, "ban-chinh/")
    assert sorted(remote) == sorted(f"ban-chinh/{k}" for k in local)
    for key, path in local.items():
        assert remote[f"ban-chinh/{key}"]["ETag"].strip('"') == hashlib.md5(
            path.read_bytes(), usedforsecurity=False).hexdigest()
    # Read back as a CDN would: anonymous GETs, with the headers the CDN will cache by.
    body, headers = _get(s3, "ban-chinh/index.html")
    assert body == (site / "index.html").read_bytes()
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["cache-control"] == SHORT
    profile = "ban-chinh/ho-so/le-minh-duc/index.html"
    body, _ = _get(s3, profile)
    assert "Lê Minh Đức" in body.decode("utf-8")
    photo = next(k for k in local if k.startswith("assets/anh/") and k.endswith(".webp"))
    body, headers = _get(s3, f"ban-chinh/{photo}")
    assert body == local[photo].read_bytes()
    assert (headers["content-type"], headers["cache-control"]) == ("image/webp", LONG)


def test_a_second_deploy_sends_only_changes_then_deletes_last(s3: str, site: Path,
                                                              capsys) -> None:
    _deploy(s3, site, "ban-thu", capsys)
    total = sum(1 for p in site.rglob("*") if p.is_file())
    assert _deploy(s3, site, "ban-thu", capsys).endswith(
        "tải lên 0 tệp (0 KB; 0 tệp đặt tên theo nội dung, 0 trang và tệp khác), giữ nguyên "
        f"{format_count(total)} tệp, xoá 0 tệp cũ.\n")
    # A neighbour whose name starts the same way is outside this prefix: never deleted.
    client = deploy_s3.client_for(s3, "us-east-1")
    client.put_object(Bucket=BUCKET, Key="ban-thu-cu/index.html", Body=b"khac")

    # An edit, a new photo and a removed page: one changed page, one new asset, one deletion.
    page = site / "gioi-thieu" / "index.html"
    page.write_text(page.read_text("utf-8").replace("</h1>", " (sửa)</h1>", 1), encoding="utf-8")
    (site / "assets/anh/ffffffffffffffffffff-640.webp").write_bytes(b"RIFF....WEBP")
    gone = next(p for p in (site / "ho-so").rglob("index.html"))
    gone_key = "ban-thu/" + gone.relative_to(site).as_posix()
    gone.unlink()

    calls: list[tuple[str, str]] = []
    real_put, real_delete = client.put_object, client.delete_objects
    client.put_object = lambda **kw: (calls.append(("put", kw["Key"])), real_put(**kw))[1]
    client.delete_objects = lambda **kw: (calls.append(("delete", kw["Delete"]["Objects"][0][
        "Key"])), real_delete(**kw))[1]
    work = deploy_s3.deploy(site, client, BUCKET, "ban-thu")
    assert [f.key for f in work.upload_assets] == ["ban-thu/assets/anh/ffffffffffffffffffff-640.webp"]
    assert [f.key for f in work.upload_pages] == ["ban-thu/gioi-thieu/index.html"]
    assert work.delete == [gone_key] and work.unchanged == total - 2
    # Assets first, then pages, deletions last: no page ever points to a missing file.
    assert calls == [("put", "ban-thu/assets/anh/ffffffffffffffffffff-640.webp"),
                     ("put", "ban-thu/gioi-thieu/index.html"), ("delete", gone_key)]
    remote = _objects(s3, "ban-thu/")
    assert sorted(remote) == sorted("ban-thu/" + p.relative_to(site).as_posix()
                                    for p in site.rglob("*") if p.is_file())
    assert "(sửa)" in _get(s3, "ban-thu/gioi-thieu/index.html")[0].decode("utf-8")
    assert list(_objects(s3, "ban-thu-cu/")) == ["ban-thu-cu/index.html"]


def test_dry_run_changes_nothing(s3: str, site: Path, capsys) -> None:
    out = _deploy(s3, site, "chi-thu", capsys, "--thu")
    assert out.startswith(f"Thử (chưa gửi gì), sẽ xuất bản lên s3://{BUCKET}/chi-thu: tải lên ")
    assert _objects(s3, "chi-thu/") == {}


def test_an_unbuilt_site_is_refused(s3: str, tmp_path: Path, capsys) -> None:
    code = cli.main(["deploy-s3", "--bucket", BUCKET, "--endpoint", s3, "--site",
                     str(tmp_path / "site")])
    assert code == 1
    assert capsys.readouterr().err == (f"Lỗi: Không thấy {tmp_path / 'site'}/index.html: hãy "
                                       "dựng trang (make build) trước khi xuất bản.\n")


def test_the_bucket_is_required(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GUONGSANG_S3_BUCKET", raising=False)
    assert cli.main(["deploy-s3"]) == 2
    assert capsys.readouterr().err == (
        "Lỗi: Thiếu tên bucket: --bucket TÊN (hoặc biến môi trường GUONGSANG_S3_BUCKET).\n")
