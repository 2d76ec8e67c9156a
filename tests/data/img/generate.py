# generate.py - writes the PNG fixtures of tests/data/img (issue 11) with zlib and
# struct only: good images of every colour type, and broken ones, one defect each.
# The JPEGs are written by gen_jpeg.c (libjpeg). Run: python3 tests/data/img/generate.py
import os
import struct
import zlib

OUT = os.path.dirname(os.path.abspath(__file__))


def chunk(kind, data, crc=None):
    c = zlib.crc32(kind + data) if crc is None else crc
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", c & 0xFFFFFFFF)


def ihdr(w, h, depth, ctype, interlace=0):
    return chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, ctype, 0, 0, interlace))


SIG = b"\x89PNG\r\n\x1a\n"


def png(w, h, depth, ctype, rows, extra=b"", interlace=0):
    raw = b"".join(b"\x00" + r for r in rows)
    return (SIG + ihdr(w, h, depth, ctype, interlace) + extra +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def rgb_pixel(x, y):
    """Red left half, blue right half, a green stripe across the middle row band."""
    if h_band(y):
        return (0, 160, 60)
    return (220, 30, 30) if x < W // 2 else (30, 60, 200)


W, H = 40, 20


def h_band(y):
    return 8 <= y < 12


def rgb_rows(w=W, h=H):
    return [bytes(c for x in range(w) for c in rgb_pixel(x, y)) for y in range(h)]


def adam7(w, h, pixel, bpp):
    """Adam7-interlaced scanlines (filter 0) for 8-bit pixels of bpp bytes."""
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4),
              (1, 0, 2, 2), (0, 1, 1, 2)]
    out = b""
    for x0, y0, dx, dy in passes:
        xs = list(range(x0, w, dx))
        ys = list(range(y0, h, dy))
        if not xs or not ys:
            continue
        for y in ys:
            out += b"\x00" + b"".join(bytes(pixel(x, y)) for x in xs)
    return out


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


good = png(W, H, 8, 2, rgb_rows())
write("rgb.png", good)
# interlaced (Adam7): the same picture, which libharu 2.3 refused
inter = (SIG + ihdr(W, H, 8, 2, 1) + chunk(b"IDAT", zlib.compress(adam7(W, H, rgb_pixel, 3), 9)) +
         chunk(b"IEND", b""))
write("interlaced.png", inter)
# palette with PLTE, and a transparent entry (tRNS) that must come out white
pal = [(220, 30, 30), (30, 60, 200), (0, 160, 60), (0, 0, 0)]
idx = [bytes((2 if h_band(y) else (0 if x < W // 2 else 1)) if not (x < 2 and y < 2) else 3
             for x in range(W)) for y in range(H)]
plte = chunk(b"PLTE", b"".join(bytes(p) for p in pal))
write("palette.png", png(W, H, 8, 3, idx, plte + chunk(b"tRNS", b"\xff\xff\xff\x00")))
# grey, 8 bit
write("grey.png", png(W, H, 8, 0, [bytes((x * 6) % 256 for x in range(W)) for y in range(H)]))
# RGBA: left half opaque red, right half fully transparent (white on the page)
write("alpha.png", png(W, H, 8, 6, [bytes(c for x in range(W) for c in
                                          ((220, 30, 30, 255) if x < W // 2 else (0, 0, 0, 0)))
                                    for y in range(H)]))
# 16 bits per channel: decoded to 8 (libharu 2.3 drew it with wrong colours)
write("rgb16.png", png(W, H, 16, 2, [b"".join(struct.pack(">HHH", *(v * 257 for v in rgb_pixel(x, y)))
                                             for x in range(W)) for y in range(H)]))

# ---- broken, one defect each
write("truncated.png", good[:len(good) // 2])
write("header-only.png", SIG + ihdr(W, H, 8, 2))
crc = bytearray(good)
idat = good.index(b"IDAT")
idat_len = struct.unpack(">I", good[idat - 4:idat])[0]
crc[idat + 4 + idat_len] ^= 0xFF           # the IDAT chunk's CRC, the pixels intact
write("bad-crc.png", bytes(crc))
write("width0.png", SIG + ihdr(0, H, 8, 2) + chunk(b"IDAT", zlib.compress(b"\x00" * H, 9)) +
      chunk(b"IEND", b""))
write("palette-no-plte.png", png(W, H, 8, 3, idx))
# declares 100 000 x 100 000 with a handful of bytes of pixels
write("huge-declared.png", SIG + ihdr(100000, 100000, 8, 2) +
      chunk(b"IDAT", zlib.compress(b"\x00" * 1000, 9)) + chunk(b"IEND", b""))
write("not-an-image.png", b"GIF89a this is no PNG\n")
# another picture, 80 x 10, all green: the "outside" file of the link-swap tests
write("wide.png", png(80, 10, 8, 2, [bytes((0, 160, 60) * 80)] * 10))
# a large but legal logo, 1500 x 750 (palette, so the file stays small): drawn
# downsampled to what its box needs at 300 dpi
big_rows = [bytes([0] * 750 + [1] * 750)] * 375 + [bytes([2] * 1500)] * 375
write("large.png", png(1500, 750, 8, 3, big_rows, plte))
# a tEXt chunk with a wrong CRC: libpng warns and drops it, the picture is fine
text = chunk(b"tEXt", b"Comment\x00trasig", crc=0)
write("warning.png", good[:33] + text + good[33:])
