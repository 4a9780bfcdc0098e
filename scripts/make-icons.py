"""Draws Holdfast's icon (a white anchor-like "H" on teal) as PNGs at every manifest size.
Pure standard library so it runs anywhere; rerun after changing the design."""
import struct, zlib, sys

TEAL, WHITE = (15, 107, 92, 255), (255, 255, 255, 255)

def pixel(x, y, n):
    u, v = (x + 0.5) / n, (y + 0.5) / n
    r = 0.18  # rounded-square corner radius, as a share of the size
    cx, cy = min(max(u, r), 1 - r), min(max(v, r), 1 - r)
    if (u - cx) ** 2 + (v - cy) ** 2 > r * r:
        return (0, 0, 0, 0)
    stem = 0.13
    left = 0.24 <= u <= 0.24 + stem and 0.2 <= v <= 0.8
    right = 0.76 - stem <= u <= 0.76 and 0.2 <= v <= 0.8
    bar = 0.24 <= u <= 0.76 and 0.45 <= v <= 0.45 + stem
    return WHITE if (left or right or bar) else TEAL

def png(n):
    rows = b''.join(b'\x00' + bytes(c for x in range(n) for c in pixel(x, y, n)) for y in range(n))
    chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', n, n, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b'')

out = sys.argv[1] if len(sys.argv) > 1 else 'public/icon'
for size in (16, 32, 48, 96, 128):
    open(f'{out}/{size}.png', 'wb').write(png(size))
