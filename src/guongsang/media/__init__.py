"""Pictures and fonts: photo variants (``images``), initials avatars, share images
(``ogimage``), SVG charts and the vendored fonts. Derived files are cached by content hash."""
