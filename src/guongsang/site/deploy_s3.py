"""Publish the built site to S3-compatible object storage, for sites past one GitHub Pages site.

GitHub Pages publishes at most 1 GB; a province's exemplars with their photos and share images
can outgrow it. Any S3-compatible store (Amazon S3, Cloudflare R2, Backblaze B2, MinIO, the
object storage of Vietnamese clouds…) behind a CDN has no such limit. :func:`deploy` makes the
bucket (or a prefix in it) an exact copy of ``site/``:

* **only what changed is sent**: a file whose MD5 equals the object's ETag is left alone (the
  ETag of an object uploaded in one part is its MD5 on S3 and the stores that copy it);
* **content-hashed files are cached for a year** (``immutable``): their name changes with their
  content (photos, share images, avatars, Material's bundles, Pagefind's index chunks), so a
  CDN or browser never needs to ask again. Everything else (HTML, the feed, the sitemap, the
  search entry point, our own CSS and JS) is short-lived, so an edit shows within minutes;
* **the order keeps every page whole**: new and changed assets first, then HTML and the other
  short-lived files, and only then the deletions, so no published page ever points to a file
  that is not there yet or not any more;
* **deletions are synced**: objects under the prefix that the site no longer has are removed.

Credentials come from the environment as for any AWS tool (``AWS_ACCESS_KEY_ID``,
``AWS_SECRET_ACCESS_KEY``); the endpoint and bucket are arguments. Nothing here runs at build
time: this is the last step of the deploy workflow.
"""
from __future__ import annotations

import hashlib
import mimetypes
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LONG = "public, max-age=31536000, immutable"
"""Cache-Control of content-hashed files: a year, never revalidated."""
SHORT = "public, max-age=300"
"""Cache-Control of everything else: five minutes, so an edit is live soon after a deploy."""

_HASHED = re.compile(r"(?:^|[.\-_])[0-9a-f]{7,}(?:[.\-_]|$)")
"""A run of 7+ hex digits between separators: our digests (``3f2a…-640.webp``, share images),
Material's ``bundle.a5f9d56c.min.js``, Pagefind's ``vi_9dac3f4.pf_fragment``."""
_NOT_HASHED = {"assets/og/mac-dinh.jpg"}
"""Fixed names whose content can change (the default share image, named by the templates)."""

_TYPES = {".webp": "image/webp", ".svg": "image/svg+xml", ".xml": "application/xml",
          ".json": "application/json", ".js": "text/javascript", ".mjs": "text/javascript",
          ".css": "text/css", ".html": "text/html", ".txt": "text/plain", ".csv": "text/csv",
          ".woff2": "font/woff2", ".woff": "font/woff", ".map": "application/json",
          ".gz": "application/gzip", ".wasm": "application/wasm", ".ico": "image/x-icon",
          ".pf_fragment": "application/octet-stream", ".pf_index": "application/octet-stream",
          ".pf_meta": "application/octet-stream", ".pagefind": "application/octet-stream"}
_TEXT = {"text/html", "text/css", "text/javascript", "text/plain", "text/csv", "application/xml",
         "application/json", "image/svg+xml"}


def cache_control(key: str) -> str:
    """Cache-Control for the file at site path ``key``."""
    name = key.rsplit("/", 1)[-1]
    if key in _NOT_HASHED or name.endswith(".html") or not _HASHED.search(name):
        return SHORT
    return LONG


def content_type(key: str) -> str:
    suffix = "." + key.rsplit(".", 1)[-1].lower() if "." in key else ""
    kind = _TYPES.get(suffix) or mimetypes.guess_type(key)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind in _TEXT else kind


@dataclass(frozen=True)
class LocalFile:
    key: str
    """Object key: the prefix plus the path inside ``site/``."""
    path: Path
    md5: str
    size: int


@dataclass
class Plan:
    """What a deploy does, in the order it does it."""

    upload_assets: list[LocalFile] = field(default_factory=list)
    upload_pages: list[LocalFile] = field(default_factory=list)
    """Short-lived files (HTML, feed, sitemap…), sent after every asset."""
    delete: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def uploads(self) -> list[LocalFile]:
        return [*self.upload_assets, *self.upload_pages]


class DeployError(Exception):
    """The deploy cannot go on; the message is Vietnamese."""


def local_files(site_dir: Path, prefix: str = "") -> list[LocalFile]:
    if not (site_dir / "index.html").is_file():
        raise DeployError(f"Không thấy {site_dir}/index.html: hãy dựng trang (make build) trước "
                          "khi xuất bản.")
    out = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file() and not p.is_symlink()):
        data = path.read_bytes()
        out.append(LocalFile(prefix + path.relative_to(site_dir).as_posix(), path,
                             hashlib.md5(data, usedforsecurity=False).hexdigest(), len(data)))
    return out


def plan(local: Iterable[LocalFile], remote: dict[str, str]) -> Plan:
    """Compare the site with the bucket (key → ETag) and order the work."""
    out = Plan()
    keys = set()
    for f in local:
        keys.add(f.key)
        if remote.get(f.key, "").strip('"') == f.md5:
            out.unchanged += 1
        elif cache_control(f.key) == LONG:
            out.upload_assets.append(f)
        else:
            out.upload_pages.append(f)
    out.delete = sorted(k for k in remote if k not in keys)
    return out


def remote_objects(client: Any, bucket: str, prefix: str) -> dict[str, str]:
    """Every object under ``prefix``: key → ETag."""
    found: dict[str, str] = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for obj in page.get("Contents", []):
            found[obj["Key"]] = obj.get("ETag", "")
    return found


def client_for(endpoint: str | None, region: str | None) -> Any:
    """A boto3 S3 client for ``endpoint`` (any S3-compatible store)."""
    try:
        import boto3
        from botocore.config import Config
    except ImportError as err:  # pragma: no cover - boto3 is in requirements-dev.txt
        raise DeployError("Thiếu thư viện boto3 (chạy make venv).") from err
    # Checksums only when the API requires them: several S3-compatible stores refuse the
    # CRC headers newer boto3 versions send by default.
    config = Config(request_checksum_calculation="when_required",
                    response_checksum_validation="when_required",
                    retries={"max_attempts": 5, "mode": "standard"},
                    s3={"addressing_style": "path"})
    return boto3.client("s3", endpoint_url=endpoint or None, region_name=region or None,
                        config=config)


def deploy(site_dir: Path, client: Any, bucket: str, prefix: str = "",
           dry_run: bool = False) -> Plan:
    """Make ``bucket``/``prefix`` an exact copy of ``site_dir`` (see the module docstring)."""
    prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
    files = local_files(site_dir, prefix)
    work = plan(files, remote_objects(client, bucket, prefix))
    if dry_run:
        return work
    for f in work.uploads:
        with f.path.open("rb") as body:
            client.put_object(Bucket=bucket, Key=f.key, Body=body, ContentLength=f.size,
                              ContentType=content_type(f.key), CacheControl=cache_control(f.key))
    for start in range(0, len(work.delete), 1000):  # DeleteObjects takes 1,000 keys a call
        batch = work.delete[start:start + 1000]
        answer = client.delete_objects(Bucket=bucket, Delete={
            "Objects": [{"Key": k} for k in batch], "Quiet": True})
        if answer.get("Errors"):
            first = answer["Errors"][0]
            raise DeployError(f"Không xoá được {len(answer['Errors'])} tệp cũ, ví dụ "
                              f"{first.get('Key')}: {first.get('Message')}")
    return work
