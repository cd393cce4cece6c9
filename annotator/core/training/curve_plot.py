"""The learning curve as a small PNG: F1 per label against the share of training documents.

Drawn pixel by pixel and written with zlib, so the plot needs no plotting library
(matplotlib would triple the install for one picture). Text uses a built-in 5×7
bitmap font: label names, axis figures and a legend.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from annotator.core.files.atomic_files import write_atomically
from annotator.core.training.train import LearningCurve

WIDTH, HEIGHT = 720, 420
LEFT, RIGHT, TOP, BOTTOM = 60, 180, 30, 50
SCALE = 2
"""Each font pixel is drawn as a SCALE×SCALE square."""
COLOURS = [
    (31, 119, 180),
    (214, 39, 40),
    (44, 160, 44),
    (148, 103, 189),
    (255, 127, 14),
    (23, 190, 207),
    (0, 0, 0),
]
GREY = (200, 200, 200)
INK = (40, 40, 40)

# 5×7 glyphs, one string of five 0/1 per row.
_GLYPHS = {
    "0": "01110 10001 10011 10101 11001 10001 01110",
    "1": "00100 01100 00100 00100 00100 00100 01110",
    "2": "01110 10001 00001 00010 00100 01000 11111",
    "3": "11110 00001 00001 01110 00001 00001 11110",
    "4": "00010 00110 01010 10010 11111 00010 00010",
    "5": "11111 10000 11110 00001 00001 10001 01110",
    "6": "00110 01000 10000 11110 10001 10001 01110",
    "7": "11111 00001 00010 00100 01000 01000 01000",
    "8": "01110 10001 10001 01110 10001 10001 01110",
    "9": "01110 10001 10001 01111 00001 00010 01100",
    "a": "00000 00000 01110 00001 01111 10001 01111",
    "b": "10000 10000 10110 11001 10001 10001 11110",
    "c": "00000 00000 01110 10000 10000 10001 01110",
    "d": "00001 00001 01101 10011 10001 10001 01111",
    "e": "00000 00000 01110 10001 11111 10000 01110",
    "f": "00110 01001 01000 11100 01000 01000 01000",
    "g": "00000 01111 10001 10001 01111 00001 01110",
    "h": "10000 10000 10110 11001 10001 10001 10001",
    "i": "00100 00000 01100 00100 00100 00100 01110",
    "j": "00010 00000 00110 00010 00010 10010 01100",
    "k": "10000 10000 10010 10100 11000 10100 10010",
    "l": "01100 00100 00100 00100 00100 00100 01110",
    "m": "00000 00000 11010 10101 10101 10001 10001",
    "n": "00000 00000 10110 11001 10001 10001 10001",
    "o": "00000 00000 01110 10001 10001 10001 01110",
    "p": "00000 00000 11110 10001 11110 10000 10000",
    "q": "00000 00000 01101 10011 01111 00001 00001",
    "r": "00000 00000 10110 11001 10000 10000 10000",
    "s": "00000 00000 01110 10000 01110 00001 11110",
    "t": "01000 01000 11100 01000 01000 01001 00110",
    "u": "00000 00000 10001 10001 10001 10011 01101",
    "v": "00000 00000 10001 10001 10001 01010 00100",
    "w": "00000 00000 10001 10001 10101 10101 01010",
    "x": "00000 00000 10001 01010 00100 01010 10001",
    "y": "00000 00000 10001 10001 01111 00001 01110",
    "z": "00000 00000 11111 00010 00100 01000 11111",
    "F": "11111 10000 10000 11110 10000 10000 10000",
    "%": "11000 11001 00010 00100 01000 10011 00011",
    ".": "00000 00000 00000 00000 00000 01100 01100",
    "-": "00000 00000 00000 11111 00000 00000 00000",
    "_": "00000 00000 00000 00000 00000 00000 11111",
    "(": "00010 00100 01000 01000 01000 00100 00010",
    ")": "01000 00100 00010 00010 00010 00100 01000",
    " ": "00000 00000 00000 00000 00000 00000 00000",
}
_UNKNOWN = "11111 10001 10001 10001 10001 10001 11111"


class Canvas:
    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.pixels = bytearray(b"\xff" * (width * height * 3))

    def dot(self, x: int, y: int, colour: tuple[int, int, int]) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            at = (y * self.width + x) * 3
            self.pixels[at : at + 3] = bytes(colour)

    def box(self, x: int, y: int, w: int, h: int, colour: tuple[int, int, int]) -> None:
        for row in range(y, y + h):
            for column in range(x, x + w):
                self.dot(column, row, colour)

    def line(self, x0: int, y0: int, x1: int, y1: int, colour: tuple[int, int, int]) -> None:
        steps = max(abs(x1 - x0), abs(y1 - y0), 1)
        for i in range(steps + 1):
            x = round(x0 + (x1 - x0) * i / steps)
            y = round(y0 + (y1 - y0) * i / steps)
            self.box(x - 1, y - 1, 3, 3, colour)  # three pixels thick

    def text(self, x: int, y: int, words: str, colour: tuple[int, int, int] = INK) -> None:
        for index, char in enumerate(words):
            glyph = _GLYPHS.get(char, _GLYPHS.get(char.lower(), _UNKNOWN))
            for row, bits in enumerate(glyph.split()):
                for column, bit in enumerate(bits):
                    if bit == "1":
                        self.box(
                            x + (index * 6 + column) * SCALE, y + row * SCALE, SCALE, SCALE, colour
                        )

    def png(self) -> bytes:
        stride = self.width * 3
        raw = b"".join(
            b"\x00" + bytes(self.pixels[row * stride : (row + 1) * stride])
            for row in range(self.height)
        )

        def chunk(kind: bytes, data: bytes) -> bytes:
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b"")
        )


def draw_curve(curve: LearningCurve) -> bytes:
    """The PNG bytes: exact-match F1 (0 to 1) per label against training documents."""
    canvas = Canvas(WIDTH, HEIGHT)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    most = max((point.documents for point in curve.points), default=1) or 1

    def x_of(documents: int) -> int:
        return LEFT + round(plot_w * documents / most)

    def y_of(f1: float) -> int:
        return TOP + round(plot_h * (1 - f1))

    for tenth in range(0, 11, 2):
        y = y_of(tenth / 10)
        if tenth:
            canvas.line(LEFT, y, LEFT + plot_w, y, GREY)
        canvas.text(LEFT - 40, y - 7, f"{tenth / 10:.1f}")
    canvas.box(LEFT, TOP, 2, plot_h + 1, INK)
    canvas.box(LEFT, TOP + plot_h, plot_w + 1, 2, INK)
    for point in curve.points:
        x = x_of(point.documents)
        canvas.box(x, TOP + plot_h, 2, 6, INK)
        label = str(point.documents)
        canvas.text(x - len(label) * 6, TOP + plot_h + 10, label)
    canvas.text(LEFT + plot_w // 2 - 90, HEIGHT - 20, "training documents")
    canvas.text(4, 6, "F1 exact")
    series = [*curve.labels, "overall"]
    for index, name in enumerate(series):
        colour = COLOURS[index % len(COLOURS)]
        values = [
            (
                point.documents,
                (point.scores.overall if name == "overall" else point.scores.labels[name]).exact.f1,
            )
            for point in curve.points
        ]
        previous: tuple[int, int] | None = None
        for documents, f1 in values:
            if f1 is None:
                previous = None
                continue
            here = (x_of(documents), y_of(f1))
            canvas.box(here[0] - 3, here[1] - 3, 7, 7, colour)
            if previous is not None:
                canvas.line(*previous, *here, colour)
            previous = here
        legend_y = TOP + 10 + index * 24
        canvas.box(WIDTH - RIGHT + 16, legend_y, 14, 14, colour)
        canvas.text(WIDTH - RIGHT + 36, legend_y, name[:12], colour)
    return canvas.png()


def write_curve_png(curve: LearningCurve, path: Path) -> None:
    data = draw_curve(curve)
    write_atomically(Path(path), lambda handle: handle.write(data), mode="wb")
