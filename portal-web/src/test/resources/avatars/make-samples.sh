#!/usr/bin/env bash
# Makes the small images the avatar tests upload. Needs python3 and Debian's `webp`
# package (cwebp, img2webp: libwebp 1.2.4). Run from this folder; the outputs are
# committed, so the tests need neither tool.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# PNG sources: a colour gradient, and one with a checkered alpha channel
python3 - "$work" <<'PY'
import struct, sys, zlib

def png(path, w, h, alpha):
    raw = bytearray()
    for y in range(h):
        raw.append(0)
        for x in range(w):
            pixel = [(x * 255) // max(1, w - 1), (y * 255) // max(1, h - 1), 128]
            if alpha:
                pixel.append(0 if (x + y) % 8 < 4 else 255)
            raw.extend(pixel)
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    header = struct.pack('>IIBBBBB', w, h, 8, 6 if alpha else 2, 0, 0, 0)
    with open(path, 'wb') as out:
        out.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(bytes(raw), 9))
                  + chunk(b'IEND', b''))

png(sys.argv[1] + '/rgb.png', 40, 20, False)
png(sys.argv[1] + '/alpha.png', 24, 24, True)
png(sys.argv[1] + '/frame2.png', 40, 20, True)
png(sys.argv[1] + '/wide.png', 5000, 8, False)
PY

cwebp -quiet -q 60 "$work/rgb.png" -o lossy.webp                        # VP8, 40 x 20
cwebp -quiet -lossless "$work/alpha.png" -o lossless-alpha.webp         # VP8L with alpha, 24 x 24
cwebp -quiet -q 60 -alpha_q 100 "$work/alpha.png" -o lossy-alpha.webp   # VP8X + ALPH + VP8, 24 x 24
img2webp -loop 0 -d 100 -lossy "$work/rgb.png" -d 100 "$work/frame2.png" -o animated.webp  # 2 frames
cwebp -quiet -lossless "$work/wide.png" -o too-wide.webp                # a real 5000 x 8 image

# truncated: the first half of a good file
head -c 80 lossy.webp > truncated.webp

# a decompression bomb's header: lossless-alpha.webp with the VP8L header (bytes 21-24)
# claiming 16384 x 16384 pixels; its data still describes 24 x 24, so only a reader that
# decodes before checking the size would get further than the header
python3 - <<'PY'
data = bytearray(open('lossless-alpha.webp', 'rb').read())
bits = int.from_bytes(data[21:25], 'little')
bits = (bits & ~0x0FFFFFFF) | (16383 << 14) | 16383
data[21:25] = bits.to_bytes(4, 'little')
open('bomb-header.webp', 'wb').write(bytes(data))
PY
