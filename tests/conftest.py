"""The cross-app tests, among them the end-to-end browser tests: their fixtures (`chromium`, `page`)
are in the root conftest.py, shared with the apps' browser tests."""
