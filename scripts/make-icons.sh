#!/usr/bin/env bash
# Draws the app's icons into www/icons/ (committed; run again only to change
# them): a white label tag (برچسب is "label") on the accent blue of
# www/style.css (--accent, #1f6feb). icon-192.png and icon-512.png are a
# rounded square on transparency; icon-maskable-512.png fills the square and
# keeps the tag inside the maskable safe zone (the middle circle of 80%).
# Plain python3 (zlib, no imaging library): each shape is filled row by row
# at 4x and averaged down, so the edges are smooth.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p www/icons
python3 - <<'EOF'
import math, struct, zlib

ACCENT = (0x1F, 0x6F, 0xEB)
WHITE = (255, 255, 255)
SS = 4  # samples per pixel per axis

# The tag in the unit square: its point on the left, a hole near it.
TAG = [(0.20, 0.50), (0.40, 0.27), (0.80, 0.27), (0.80, 0.73), (0.40, 0.73)]
HOLE = (0.385, 0.50, 0.06)


def polygon_spans(points):
    def spans(y):
        xs = []
        for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]):
            if (y0 <= y < y1) or (y1 <= y < y0):
                xs.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
        xs.sort()
        return list(zip(xs[::2], xs[1::2]))
    return spans


def circle_spans(cx, cy, r):
    def spans(y):
        d = r * r - (y - cy) ** 2
        return [(cx - math.sqrt(d), cx + math.sqrt(d))] if d > 0 else []
    return spans


def rounded_square_spans(radius):
    def spans(y):
        dy = max(radius - y, y - (1 - radius), 0)
        inset = radius - math.sqrt(max(radius * radius - dy * dy, 0)) if dy else 0
        return [(inset, 1 - inset)]
    return spans


def coverage(size, spans, scale=1.0):
    """Per pixel, the share of its samples inside the shape (0..SS*SS)."""
    n = size * SS
    out = [0] * (size * size)
    for row in range(n):
        y = ((row + 0.5) / n - 0.5) / scale + 0.5
        line = bytearray(n)
        for x0, x1 in spans(y):
            a = max(0, math.ceil((((x0 - 0.5) * scale + 0.5) * n) - 0.5))
            b = min(n, math.ceil((((x1 - 0.5) * scale + 0.5) * n) - 0.5))
            if b > a:
                line[a:b] = b"\x01" * (b - a)
        base = (row // SS) * size
        for px in range(size):
            out[base + px] += sum(line[px * SS:(px + 1) * SS])
    return out


def png(path, size, maskable):
    full = SS * SS
    scale = 0.8 if maskable else 1.0
    bg = [full] * (size * size) if maskable else coverage(size, rounded_square_spans(0.22))
    tag = coverage(size, polygon_spans(TAG), scale)
    hole = coverage(size, circle_spans(*HOLE), scale)
    rows = bytearray()
    for y in range(size):
        rows.append(0)
        for x in range(size):
            i = y * size + x
            w = tag[i] * (full - hole[i]) / (full * full)
            rgb = [round(a * (1 - w) + b * w) for a, b in zip(ACCENT, WHITE)]
            rows += bytes(rgb + [round(255 * bg[i] / full)])
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    head = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))
    print(path)


png("www/icons/icon-192.png", 192, False)
png("www/icons/icon-512.png", 512, False)
png("www/icons/icon-maskable-512.png", 512, True)
EOF
