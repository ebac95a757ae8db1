# Gương sáng — build / test entry points.
# Every target works on a fresh clone: each depends on the venv stamp, which
# (re)installs the hashed pins only when requirements-dev.txt or pyproject.toml change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
# Material 9.8 prints a banner about MkDocs 2.0 on every run; it is noise for editors.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help venv serve build test check schema bench lighthouse screenshots clean

help:
	@echo "Gương sáng — các lệnh make:"
	@echo "  make venv    Tạo môi trường ảo .venv và cài phụ thuộc đã ghim (có hash)"
	@echo "  make serve   Chạy máy chủ xem trước (mkdocs serve --dirty: chỉ dựng lại trang đã đổi)"
	@echo "  make build   Dựng trang tĩnh vào site/ (mkdocs build --strict)"
	@echo "  make test    Chạy bộ kiểm thử (pytest); thêm tham số qua PYTEST_ARGS=\"...\""
	@echo "  make check   Kiểm tra dữ liệu hồ sơ (guongsang check)"
	@echo "  make schema  Tạo lại JSON Schema, mẫu hồ sơ và bảng mã lỗi sau khi sửa data/ hoặc schema.py"
	@echo "  make bench   Đo hiệu năng (scripts/bench.py)"
	@echo "  make lighthouse  Chấm Lighthouse các trang chính (cần npm ci và chromium)"
	@echo "  make screenshots Chụp mọi loại trang ở 390 px và 1366 px vào screenshots/ (cần chromium)"
	@echo "  make clean   Xoá .venv, site/ và các tệp tạm"
	@echo "Biến: PYTHON=$(PYTHON) (trình thông dịch dùng để tạo .venv)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements-dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check --require-hashes -r requirements-dev.txt
	$(BIN)/python -m pip install --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

venv: $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty

build: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check: $(STAMP)
	$(BIN)/guongsang check

schema: $(STAMP)
	$(BIN)/guongsang schema

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

lighthouse: $(STAMP)
	$(BIN)/python scripts/lighthouse.py

screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) site/ reports/ screenshots/ .cache/ .pytest_cache/ .bench/ build/ src/*.egg-info
	find . -path ./node_modules -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
