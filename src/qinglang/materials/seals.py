"""Round red seals (公章) read by content: where the impression is, its geometry, its ring text,
and whether two impressions are the same stamping.

A coarse correlation of red discs cannot tell seals apart: every round official seal has a rim,
a star and a ring of characters, and at 64 px two hospitals' seals correlated 0.93-0.96 on an
independent document set. So a seal is described here in its own frame:

- geometry: the rim is fitted as an ellipse (a photo taken at an angle turns a circle into
  one) and the impression is resampled onto the unit disc, in polar coordinates (radius x
  angle): a turned stamp becomes a circular shift, found exactly by FFT;
- design: the polar picture of the ink, compared sector by sector around the ring text band, so
  one different character (福田区 / 南山区) is one sector that does not match;
- impression: where the ink is heavy or thin and where it skipped (pressure, ink pad, paper).
  One impression seen twice (a digital copy, a re-used scan) keeps the ratio of the two ink
  strengths constant over every stroke; two stampings of one physical seal share the design
  but not that ratio;
- ring text: the ring band unrolled into a straight line, for OCR (ocr.py), starting in the gap
  at the bottom of the ring where no characters are.

Illumination is divided out: ink strength is (R - max(G, B)) / R, which a shadow or a warm lamp
does not change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image

NR, NA = 64, 360  # polar picture: radius bins over the unit disc, angle bins (1 degree)
TEXT_BAND = (0.58, 0.95)  # ring text lies between these radii (fraction of the rim)
INK_MIN = 0.22  # ink strength above which a pixel is seal ink
RIM_MIN = 0.3  # stricter, for fitting the rim
SECTOR_DEG = 20  # design compared per sector of this many degrees (about one ring character)
FINE, FINE_REACH = 256, 1.05  # fine picture: pixels a side, over [-reach, reach] of the unit disc


@dataclass
class Seal:
    """One seal impression, in its own frame (plain arrays: picklable, ~24 KB)."""

    polar: np.ndarray  # uint8 (NR, NA): ink strength 0..255 on the unit disc
    centre: tuple[float, float]  # in page pixels (x, y)
    radius_px: float  # mean rim radius in page pixels
    axis_ratio: float  # short / long axis of the fitted rim (1.0 = seen square-on)
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 in page pixels
    ring_text: str = ""  # OCR of the unrolled ring band ("" when OCR is off or unreadable)
    ring_conf: float = 0.0  # Tesseract's confidence in ring_text (0-100)
    ring_reads: list = field(default_factory=list)  # every reading of the ring: [(text, conf)]
    geometry: dict = field(default_factory=dict)
    fine: np.ndarray | None = None  # uint8 (FINE, FINE): the ink on the unit disc, Cartesian
    grey: bool = False  # read from a greyscale page (grey_ink), not from red ink


def ink_strength(rgb: np.ndarray) -> np.ndarray:
    """Red-ink strength 0..1 per pixel: (R - max(G, B)) / R, unchanged by light and shadow."""
    r = rgb[..., 0].astype(np.float32)
    gb = np.maximum(rgb[..., 1], rgb[..., 2]).astype(np.float32)
    s = (r - gb) / np.maximum(r, 40.0)
    return np.clip(s, 0.0, 1.0, out=s)


def _components(mask: np.ndarray) -> list[np.ndarray]:
    """Connected components (8-neighbour) of a small boolean grid, as index arrays."""
    h, w = mask.shape
    seen = np.zeros_like(mask, dtype=bool)
    out = []
    ys, xs = np.nonzero(mask)
    for y0, x0 in zip(ys.tolist(), xs.tolist(), strict=True):
        if seen[y0, x0]:
            continue
        stack = [(y0, x0)]
        seen[y0, x0] = True
        cells = []
        while stack:
            y, x = stack.pop()
            cells.append((y, x))
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    yy, xx = y + dy, x + dx
                    if 0 <= yy < h and 0 <= xx < w and mask[yy, xx] and not seen[yy, xx]:
                        seen[yy, xx] = True
                        stack.append((yy, xx))
        out.append(np.array(cells))
    return out


def red_pixels(rgb: np.ndarray, ink: np.ndarray | None = None) -> np.ndarray:
    """Seal ink for locating: red clearly above green and blue both relatively and absolutely
    (a brown desk or a warm shadow has some relative red excess, never 35 levels of it).
    `ink`: ink_strength(rgb) when the caller has it already."""
    a = rgb.astype(np.int16)
    excess = a[..., 0] - np.maximum(a[..., 1], a[..., 2])
    return (excess > 35) & ((ink_strength(rgb) if ink is None else ink) > 0.3)


def locate(
    m: np.ndarray, min_px: int = 400, bridge: int = 1, edge_ok: bool = False
) -> tuple[int, int, int, int] | None:
    """The box (x0, y0, x1, y1) of the largest compact blob of red pixels `m`: a seal, not a red
    title line, stray red pixels or a reddish desk around a photographed page (a blob touching
    the picture's edge is background: measured on phone photos, the desk was taken for the seal).
    `bridge`: cells of dilation closing gaps (a grey seal is cut by the black line printed over
    it); `edge_ok`: the picture is a seal image itself (a PDF's electronic seal). None when the
    page has no seal-sized red blob."""
    if m.sum() < min_px:
        return None
    cell = 6
    h, w = m.shape
    hh, ww = h // cell, w // cell
    if hh < 3 or ww < 3:
        return None
    grid = m[: hh * cell, : ww * cell].reshape(hh, cell, ww, cell).sum(axis=(1, 3))
    occupied = grid >= 8  # a fifth of the cell: strokes, not scattered reddish noise (a brown desk)
    # close small gaps (ink voids, a ring broken by text): cells of dilation
    dil = occupied.copy()
    for _ in range(bridge):
        grown = dil.copy()
        grown[1:] |= dil[:-1]
        grown[:-1] |= dil[1:]
        grown[:, 1:] |= dil[:, :-1]
        grown[:, :-1] |= dil[:, 1:]
        dil = grown
    best, best_px = None, 0
    for comp in _components(dil):
        y0, x0 = comp.min(0)
        y1, x1 = comp.max(0)
        bh, bw = (y1 - y0 + 1) * cell, (x1 - x0 + 1) * cell
        if min(bh, bw) < 40 or max(bh, bw) / min(bh, bw) > 1.8:
            continue
        if not edge_ok and (y0 == 0 or x0 == 0 or y1 == hh - 1 or x1 == ww - 1):
            continue  # touches the picture's edge: the desk or a cut-off margin, not a seal
        px = int(grid[comp[:, 0], comp[:, 1]].sum())
        if px > best_px:
            best, best_px = (x0 * cell, y0 * cell, (x1 + 1) * cell, (y1 + 1) * cell), px
    if best is None or best_px < min_px:
        return None
    x0, y0, x1, y1 = best
    # faint ink at one side of an impression falls below the locating thresholds: the box is
    # widened so the rim fit (on all ink) sees the whole ring
    pad = max(cell * 2, int(0.15 * max(x1 - x0, y1 - y0)))
    return max(0, x0 - pad), max(0, y0 - pad), min(w, x1 + pad), min(h, y1 + pad)


def fit_rim(ink: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Fit the rim (outer edge of the ring) as an ellipse. Returns (centre xy, A) with A the
    2x2 matrix taking unit-disc coordinates to pixel offsets: p = centre + A @ u."""
    m = ink > RIM_MIN
    # keep pixels inside a stroke (5 of their 3x3 neighbourhood inked): isolated reddish noise
    # (a wooden desk, JPEG colour bleeding) must not become the farthest point of the rim
    pad = np.pad(m, 1).astype(np.int8)
    count = sum(pad[dy : dy + m.shape[0], dx : dx + m.shape[1]] for dy in range(3) for dx in range(3))
    m = m & (count >= 5)
    ys, xs = np.nonzero(m)
    if len(xs) < 200:
        return None
    cx, cy = (xs.min() + xs.max()) / 2, (ys.min() + ys.max()) / 2
    ang = np.arctan2(ys - cy, xs - cx)
    dist = np.hypot(xs - cx, ys - cy)
    bins = ((ang + np.pi) / (2 * np.pi) * 180).astype(int) % 180
    far = np.full(180, -1.0)
    idx = np.full(180, -1)
    order = np.argsort(dist)
    far[bins[order]] = dist[order]  # the last write per bin is the farthest pixel
    idx[bins[order]] = order
    ok = idx >= 0
    if ok.sum() < 60:
        return None
    px, py = xs[idx[ok]].astype(float), ys[idx[ok]].astype(float)
    keep = np.ones(len(px), dtype=bool)
    for _ in range(3):  # least squares conic, twice re-fitted without outliers
        x, y = px[keep] - cx, py[keep] - cy
        design = np.stack([x * x, x * y, y * y, x, y], axis=1)
        try:
            coef = np.linalg.lstsq(design, np.ones(len(x)), rcond=None)[0]
        except np.linalg.LinAlgError:
            return None
        a, b, c, d, e = coef
        q = np.array([[a, b / 2], [b / 2, c]])
        if np.linalg.det(q) <= 0 or a <= 0:
            return None
        c0 = -0.5 * np.linalg.solve(q, np.array([d, e]))
        k = 1 + c0 @ q @ c0
        if k <= 0:
            return None
        mq = q / k
        allx, ally = px - cx - c0[0], py - cy - c0[1]
        rho = np.sqrt(np.maximum(mq[0, 0] * allx**2 + 2 * mq[0, 1] * allx * ally + mq[1, 1] * ally**2, 0))
        new_keep = np.abs(rho - 1) < 0.06
        if new_keep.sum() < 40 or (new_keep == keep).all():
            keep = new_keep if new_keep.sum() >= 40 else keep
            break
        keep = new_keep
    w, v = np.linalg.eigh(mq)
    if (w <= 0).any():
        return None
    a_mat = v @ np.diag(1 / np.sqrt(w)) @ v.T
    return np.array([cx + c0[0], cy + c0[1]]), a_mat


def _sample(img: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Bilinear sample of a 2-D array at float coordinates (outside = 0)."""
    h, w = img.shape
    x0 = np.floor(x).astype(int)
    y0 = np.floor(y).astype(int)
    fx, fy = x - x0, y - y0
    out = np.zeros(x.shape, dtype=np.float32)
    for dy, wy in ((0, 1 - fy), (1, fy)):
        for dx, wx in ((0, 1 - fx), (1, fx)):
            xx, yy = x0 + dx, y0 + dy
            ok = (xx >= 0) & (xx < w) & (yy >= 0) & (yy < h)
            out += np.where(ok, img[np.clip(yy, 0, h - 1), np.clip(xx, 0, w - 1)], 0) * wx * wy
    return out


def unroll(
    ink: np.ndarray, centre: np.ndarray, a_mat: np.ndarray, radii: np.ndarray, angles: np.ndarray
) -> np.ndarray:
    """ink sampled on the fitted disc at (radius, angle) pairs: shape (len(radii), len(angles))."""
    u = np.cos(angles)[None, :] * radii[:, None]
    v = np.sin(angles)[None, :] * radii[:, None]
    x = centre[0] + a_mat[0, 0] * u + a_mat[0, 1] * v
    y = centre[1] + a_mat[1, 0] * u + a_mat[1, 1] * v
    return _sample(ink, x, y)


def is_grey(rgb: np.ndarray) -> bool:
    """A greyscale page saved as RGB (a scanner in grey mode): its channels are equal."""
    s = rgb[::2, ::2].astype(np.int16)
    chroma = np.abs(s[..., 0] - s[..., 1]) + np.abs(s[..., 0] - s[..., 2])
    return float((chroma > 40).mean()) < 2e-4  # not even a seal's worth of coloured pixels


def grey_ink(rgb: np.ndarray) -> np.ndarray:
    """Seal ink 0..1 on a greyscale page: a red seal scanned in grey is mid-grey, lighter than
    the black print. Black print and its anti-aliased rim (2 px) are taken out; darkness is
    scaled by the page's own mid-grey level (a light or a heavy seal)."""
    from scipy import ndimage as ndi

    lum = rgb.astype(np.float32).mean(-1)
    paper = max(float(np.percentile(lum, 90)), 1.0)
    dark = np.clip((paper - lum) / paper, 0, 1)
    black = ndi.binary_dilation(lum < 0.32 * paper, iterations=2)
    mid = dark[(~black) & (dark > 0.05)]
    scale = float(np.percentile(mid, 75)) if mid.size > 500 else 0.4
    ink = np.clip((dark - 0.03) / max(scale, 0.1) * 0.7, 0, 1)
    ink[black] = 0
    return ink.astype(np.float32)


def describe(img: Image.Image, grey: bool = True, edge_ok: bool = False) -> tuple[Seal, np.ndarray] | None:
    """The seal on a page (None when there is none), and its ink-strength crop for ring OCR.
    A greyscale page's seal is read from its mid-grey ink (`grey_ink`) unless grey=False;
    edge_ok: the picture is a seal image (see `locate`)."""
    rgb = np.asarray(img.convert("RGB"))
    grey = grey and is_grey(rgb)
    if grey:
        ink_page = grey_ink(rgb)
        box = locate(ink_page > 0.3, bridge=3, edge_ok=edge_ok)
    else:
        ink_page = ink_strength(rgb)
        box = locate(red_pixels(rgb, ink_page), edge_ok=edge_ok)
    if box is None:
        return None
    h, w = ink_page.shape
    fit = None
    for _ in range(2):  # locate, fit; then fit again in a box centred on the first fit
        x0, y0, x1, y1 = box
        ink = ink_page[y0:y1, x0:x1]
        paper = ink[ink < INK_MIN]
        ink = np.clip(ink - (np.median(paper) if paper.size else 0), 0, 1)  # paper tint
        fit = fit_rim(ink)
        if fit is None:
            return None
        # faint ink at one side can leave part of the ring outside the located box: the second
        # pass looks around the fitted centre, far enough for the whole rim
        cx, cy = fit[0][0] + x0, fit[0][1] + y0
        reach = 1.3 * max(float(np.linalg.svd(fit[1], compute_uv=False).max()), (x1 - x0) / 2, (y1 - y0) / 2)
        box = (
            max(0, int(cx - reach)),
            max(0, int(cy - reach)),
            min(w, int(cx + reach) + 1),
            min(h, int(cy + reach) + 1),
        )
    assert fit is not None
    centre, a_mat = fit
    axes = np.linalg.svd(a_mat, compute_uv=False)
    if axes.min() < 15 or axes.min() / axes.max() < 0.6:
        return None
    radii = (np.arange(NR) + 0.5) / NR
    angles = np.arange(NA) * 2 * np.pi / NA
    polar = unroll(ink, centre, a_mat, radii, angles)
    # the ring: the radius of strongest ink in the outer fifth, and its width
    prof = polar.mean(1)
    outer = prof[int(NR * 0.8) :]
    ring_r = (int(NR * 0.8) + int(np.argmax(outer)) + 0.5) / NR
    ring_w = float((outer > outer.max() / 2).sum()) / NR
    seal = Seal(
        polar=np.clip(polar * 255, 0, 255).astype(np.uint8),
        centre=(float(centre[0] + x0), float(centre[1] + y0)),
        radius_px=float(axes.mean()),
        axis_ratio=round(float(axes.min() / axes.max()), 3),
        box=box,
        geometry={"ring_radius": round(ring_r, 3), "ring_width": round(ring_w, 3)},
        fine=canonical(ink, centre, a_mat),
        grey=grey,
    )
    return seal, ink


def canonical(ink: np.ndarray, centre: np.ndarray, a_mat: np.ndarray, size: int = 0) -> np.ndarray:
    """The impression resampled onto a square grid over the fitted unit disc (a photo's angle
    and the seal's size divided out; not its rotation), at full detail: for `same_print`."""
    size = size or FINE
    t = (np.arange(size) + 0.5) / size * 2 * FINE_REACH - FINE_REACH
    u, v = np.meshgrid(t, t)
    x = centre[0] + a_mat[0, 0] * u + a_mat[0, 1] * v
    y = centre[1] + a_mat[1, 0] * u + a_mat[1, 1] * v
    return np.clip(_sample(ink, x, y) * 255, 0, 255).astype(np.uint8)


def gap_angle(profile: np.ndarray) -> tuple[int, bool]:
    """The middle of the widest run of low ink in a circular angular profile (1 value per
    degree): the bottom of the ring, where seals carry no ring characters. (angle, found)."""
    n = len(profile)
    prof = np.convolve(np.tile(profile, 3), np.ones(9) / 9, mode="same")[n : 2 * n]
    low = prof < max(float(prof.max()) * 0.3, 1e-3)
    if low.all() or not low.any():
        return int(np.argmin(prof)), False
    run, best, mid = 0, 0, 0
    for i in range(2 * n):
        if low[i % n]:
            run += 1
            if run > best:
                best, mid = run, (i - run // 2) % n
        else:
            run = 0
    return mid, best >= 20


def ring_strip(ink: np.ndarray) -> Image.Image | None:
    """The ring text band unrolled into one straight line (black on white, L), starting in the
    widest gap of the band (the bottom of the ring, where seals carry no ring characters)."""
    fit = fit_rim(ink)
    if fit is None:
        return None
    centre, a_mat = fit
    lo, hi = TEXT_BAND
    coarse = unroll(ink, centre, a_mat, np.linspace(lo + 0.04, hi - 0.08, 12), np.arange(360) * np.pi / 180)
    start, _ = gap_angle(coarse.mean(0))
    top, bottom = hi - 0.05, lo + 0.02  # inside the rim line, above the star
    rows = 56
    width = int(2 * np.pi * (top + bottom) / 2 * rows / (top - bottom))
    radii = np.linspace(top, bottom, rows)  # top row = outer: characters stand upright
    angles = np.radians(start) + np.arange(width) * 2 * np.pi / width  # clockwise on the page
    band = unroll(ink, centre, a_mat, radii, angles)
    # keep the run of characters: the columns from the first to the last inked one
    col = np.convolve(band[rows // 6 : rows - rows // 6].mean(0), np.ones(9) / 9, mode="same")
    inked = np.nonzero(col > col.max() * 0.25)[0]
    if len(inked) == 0:
        return None
    band = band[:, max(0, inked[0] - 10) : inked[-1] + 10]
    ink_max = max(float(np.percentile(band, 99)), 0.05)
    grey = 255 - np.clip(band / ink_max * 255 * 1.3, 0, 255)
    out = Image.new("L", (band.shape[1] + 40, rows + 24), 255)
    out.paste(Image.fromarray(grey.astype(np.uint8)), (20, 12))
    return out


# ---------------------------------------------------------------------------------------------
# Comparing two impressions
# ---------------------------------------------------------------------------------------------


def _blur_polar(p: np.ndarray, kr: int, ka: int) -> np.ndarray:
    """Box blur over (radius, angle), circular in angle."""
    out = p
    if ka > 1:
        c = np.cumsum(np.concatenate([out[:, -ka:], out, out[:, :ka]], axis=1), axis=1)
        c = np.concatenate([np.zeros((out.shape[0], 1)), c], axis=1)
        half = ka // 2
        idx = np.arange(out.shape[1]) + ka
        out = (c[:, idx + half + 1] - c[:, idx - half]) / (2 * half + 1)
    if kr > 1:
        pad = np.pad(out, ((kr, kr), (0, 0)), mode="edge")
        c = np.concatenate([np.zeros((1, out.shape[1])), np.cumsum(pad, axis=0)], axis=0)
        half = kr // 2
        idx = np.arange(out.shape[0]) + kr
        out = (c[idx + half + 1] - c[idx - half]) / (2 * half + 1)
    return out


def _density(p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ink density inside the strokes (normalised convolution) and where it is defined."""
    m = (p > INK_MIN).astype(np.float32)
    bm = _blur_polar(m, 3, 7)
    d = _blur_polar(p * m, 3, 7) / np.maximum(bm, 1e-3)
    return d, bm > 0.35


def _corr(a: np.ndarray, b: np.ndarray) -> float:
    a = a - a.mean()
    b = b - b.mean()
    den = float(np.sqrt((a * a).sum() * (b * b).sum()))
    return float((a * b).sum() / den) if den > 1e-9 else 0.0


@dataclass
class SealMatch:
    shift_deg: int  # how far b is turned against a
    design: float  # correlation of the two designs over the disc, aligned
    design_min_sector: float  # the worst-matching sector of the ring text band
    ink_spread: float  # spread of log(ink a / ink b) over the shared strokes (0 = one impression)
    same_design: bool
    same_impression: bool


# Thresholds, measured on generated impressions (main set seed 5: 78 pairs of re-used scans;
# genuine set seed 1: 302 pairs of issuers whose seals differ only in ring text, 129 pairs of
# stampings of one seal, grainy to nearly solid ink, photographed and scanned):
#   copies of one impression: design >= 0.96, worst sector >= 0.84, ink spread 0.026-0.089
#   (77 of 78 <= 0.085); two stampings of one seal: ink spread >= 0.097; different ring texts:
#   ink spread >= 0.105 and worst sector <= 0.83 (median 0.53).
DESIGN_SAME = 0.93
SECTOR_SAME = 0.78
SPREAD_SAME = 0.085
BLOCK_SAME = 0.83  # block_signature correlation for a candidate pair
# Ring text read with at least this confidence is evidence (measured: correct reads 69-94,
# reads of grainy seals that got characters wrong up to 72.5). Below it, OCR of one and the same
# copied seal on two pages differs (the page under the ink differs) and says nothing.
RING_CONF_MIN = 80.0


def compare(a: Seal, b: Seal) -> SealMatch:
    """Align b to a (rotation by FFT over the angle, +-1 radius bin) and compare their designs
    (whole disc and sector by sector over the ring text) and their ink: one impression seen
    twice keeps the ratio of ink strengths constant over every stroke; two stampings of one
    seal, or two seals, do not (ink load, voids, pressure differ)."""
    pa = a.polar.astype(np.float32) / 255
    pb = b.polar.astype(np.float32) / 255
    r0 = int(NR * 0.3)
    ga, gb = _blur_polar(pa, 1, 3)[r0:], _blur_polar(pb, 1, 3)[r0:]
    ga = ga - ga.mean(1, keepdims=True)
    gb = gb - gb.mean(1, keepdims=True)
    best = (-np.inf, 0, 0)
    fa = np.fft.rfft(ga, axis=1)
    for dr in (-1, 0, 1):
        gbs = np.roll(gb, dr, axis=0)
        xc = np.fft.irfft((fa * np.conj(np.fft.rfft(gbs, axis=1))).sum(0), n=NA)
        k = int(np.argmax(xc))
        if xc[k] > best[0]:
            best = (float(xc[k]), k, dr)
    _, k, dr = best
    pb_al = np.roll(np.roll(pb, dr, axis=0), k, axis=1)
    ba_all, bb_all = _blur_polar(pa, 1, 3), _blur_polar(pb_al, 1, 3)
    design = _corr(ba_all[r0:], bb_all[r0:])
    lo, hi = int(TEXT_BAND[0] * NR), int(TEXT_BAND[1] * NR * 0.96)
    ba, bb = ba_all[lo:hi], bb_all[lo:hi]
    sectors = []
    for s0 in range(0, NA, SECTOR_DEG // 2):  # overlapping sectors: a character is never split
        idx = np.arange(s0, s0 + SECTOR_DEG) % NA
        xa, xb = ba[:, idx], bb[:, idx]
        if max(xa.mean(), xb.mean()) < 0.04:  # the gap at the bottom: no characters on either
            continue
        sectors.append(_corr(xa, xb))
    sector_min = min(sectors) if sectors else 0.0
    ca, cb = _blur_polar(pa, 3, 7), _blur_polar(pb_al, 3, 7)
    strong = (ca > 0.25) & (cb > 0.25)
    strong[: int(NR * 0.2)] = False  # the centre is few pixels, heavily interpolated
    spread = float(np.std(np.log(ca[strong]) - np.log(cb[strong]))) if strong.sum() > 80 else 9.0
    same_design = design >= DESIGN_SAME and sector_min >= SECTOR_SAME
    return SealMatch(
        shift_deg=int(k if k <= NA // 2 else k - NA),
        design=round(design, 3),
        design_min_sector=round(sector_min, 3),
        ink_spread=round(spread, 3),
        same_design=same_design,
        same_impression=same_design and spread <= SPREAD_SAME,
    )


def ring_texts_differ(a: str, b: str) -> bool:
    """Two ring texts that OCR read well enough (4+ CJK characters each) and that name different
    bodies: two or more characters differ (福田区 / 南山区). One slip is tolerated (a copy read
    twice may differ by a character)."""
    import difflib
    import re

    ca = "".join(re.findall(r"[\u4e00-\u9fff]", a))
    cb = "".join(re.findall(r"[\u4e00-\u9fff]", b))
    if len(ca) < 4 or len(cb) < 4:
        return False
    sm = difflib.SequenceMatcher(a=ca, b=cb, autojunk=False)
    edits = max(len(ca), len(cb)) - sum(blk.size for blk in sm.get_matching_blocks())
    return edits >= 2 and sm.ratio() < 0.85


def block_signature(seal: Seal, harmonics: int = 60) -> np.ndarray:
    """A rotation-invariant fingerprint for finding candidate pairs before `compare`: per radius,
    the magnitudes of the angular spectrum of the (lightly blurred) ink (a turned stamp only
    changes phases), log-scaled and z-normalised. Measured: copies of one impression >= 0.866;
    other pairs pass 0.83 at 1.7 % (main set) and 11.8 % (genuine set, one template per
    family)."""
    p = _blur_polar(seal.polar.astype(np.float32) / 255, 1, 3)[int(NR * 0.3) :]
    v = np.log1p(np.abs(np.fft.rfft(p, axis=1))[:, 1 : harmonics + 1]).ravel()
    v = v - v.mean()
    return (v / (np.linalg.norm(v) + 1e-9)).astype(np.float32)


# ---------------------------------------------------------------------------------------------
# One physical print seen twice
# ---------------------------------------------------------------------------------------------


@dataclass
class PrintMatch:
    aligned: float  # correlation of the two fine pictures after registration (the design)
    residual: float  # what a tone curve of b leaves unexplained of a's ink density (0 = all)
    same_print: bool


# Measured on the dev sets b2, b5, b6, b8 (docs/materials.md, issue 11 round 4): 367 pairs of
# different stampings with a design correlation >= 0.92 (one seal stamped twice, seals of one
# template that differ only in ring text, electronic seals of one template) left residual
# >= 0.681; 24 pairs of one print (copied seals, re-used documents, re-photographed, scanned or
# forwarded through WeChat) <= 0.627. Not a separation everywhere: on the project's generated
# genuine set (seed 2, 532 pairs) two stampings of one seal reached 0.48, so a print match alone
# never claims re-use (crossdoc._same_paper asks the page to agree) and a seal copy still needs
# the ring's content.
RESIDUAL_SAME = 0.655
DESIGN_PRINT = 0.92  # design correlation (compare) a pair needs before the print is compared
# A seal read from a grey scan (black print over it taken out: holes in its strokes) against a
# red one: 4 pairs of one print had design 0.71-0.81 and residual 0.32-0.57; 30 pairs of
# different stampings with design >= 0.6 had residual >= 0.625 (few pairs: a stricter bar).
DESIGN_PRINT_GREY = 0.70
RESIDUAL_SAME_GREY = 0.60


def _warp(img: np.ndarray, p: np.ndarray) -> np.ndarray:
    """img resampled through the affine p = (a, b, c, d, tx, ty) about the centre: output
    (row, col) reads input M @ (row, col) + offset, M = I + [[a, b], [c, d]]."""
    from scipy import ndimage as ndi

    n = img.shape[0]
    c = (n - 1) / 2
    m = np.array([[1 + p[0], p[1]], [p[2], 1 + p[3]]])
    off = np.array([c, c]) - m @ np.array([c, c]) + np.array([p[5], p[4]])
    return ndi.affine_transform(img, m, offset=off, order=1, mode="constant")


def _register(a: np.ndarray, b: np.ndarray, sigma: float, iters: int = 25) -> np.ndarray:
    """b warped onto a by an affine transform (Lucas-Kanade, Gauss-Newton on blurred copies):
    the ellipse fit leaves a pixel or two of error and the FFT rotation one degree."""
    from scipy import ndimage as ndi

    n = a.shape[0]
    ga, gb = ndi.gaussian_filter(a, sigma), ndi.gaussian_filter(b, sigma)
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float32) - (n - 1) / 2
    p = np.zeros(6)
    for _ in range(iters):
        bw = _warp(gb, p)
        gy, gx = np.gradient(bw)
        jac = np.stack([gy * yy, gy * xx, gx * yy, gx * xx, gx, gy], -1).reshape(-1, 6)
        h = jac.T @ jac
        dp = np.linalg.solve(h + 1e-6 * np.eye(6), jac.T @ (ga - bw).ravel())
        p = p + dp
        if np.abs(dp[4:]).max() < 0.01 and np.abs(dp[:4]).max() < 1e-4:
            break
    return _warp(b, p)


def _ncs(x: np.ndarray, m: np.ndarray, sigma: float) -> np.ndarray:
    """Mean of x over the mask m around every pixel (normalised convolution)."""
    from scipy import ndimage as ndi

    return ndi.gaussian_filter(x * m, sigma) / np.maximum(ndi.gaussian_filter(m, sigma), 1e-3)


def same_print(a: Seal, b: Seal, shift_deg: int) -> PrintMatch | None:
    """Are two impressions one physical print (a copy of the other's pixels, or the same paper
    photographed or scanned again)? b is turned by the coarse rotation from `compare` and
    registered onto a (affine, to a fraction of a pixel); then the ink density over the strokes
    both share (normalised convolution, 4 px) is compared through a tone curve: a capture (a
    phone's or a scanner's response, WeChat's recompression) maps one print's densities through
    a monotone curve, which a cubic of b's density absorbs; a second stamping has its own uneven
    ink load, pressure and voids, which no tone curve explains. `residual` is the part of a's
    density variation left unexplained."""
    from scipy import ndimage as ndi

    if a.fine is None or b.fine is None:
        return None
    fa = a.fine.astype(np.float32) / 255
    fb = b.fine.astype(np.float32) / 255
    best: tuple[float, np.ndarray] | None = None
    for sign in (1, -1):
        rb = ndi.rotate(fb, sign * shift_deg, reshape=False, order=1)
        c = _corr(ndi.gaussian_filter(fa, 2), ndi.gaussian_filter(rb, 2))
        if best is None or c > best[0]:
            best = (c, rb)
    assert best is not None
    rb = _register(fa, best[1], 2.0)
    rb = _register(fa, rb, 1.0)
    aligned = _corr(ndi.gaussian_filter(fa, 1.0), ndi.gaussian_filter(rb, 1.0))
    m = ((ndi.gaussian_filter(fa, 1.0) > 0.3) & (ndi.gaussian_filter(rb, 1.0) > 0.3)).astype(np.float32)
    da, db = _ncs(fa, m, 4.0), _ncs(rb, m, 4.0)
    sel = ndi.binary_erosion(m > 0, iterations=1) & (ndi.gaussian_filter(m, 4.0) > 0.3)
    if sel.sum() < 200:
        return PrintMatch(round(aligned, 3), 1.0, False)
    ya, xb = da[sel], db[sel]
    design = np.stack([np.ones_like(xb), xb, xb * xb, xb**3], 1)
    coef = np.linalg.lstsq(design, ya, rcond=None)[0]
    residual = float(np.std(ya - design @ coef) / (np.std(ya) + 1e-9))
    bar = RESIDUAL_SAME_GREY if (a.grey or b.grey) else RESIDUAL_SAME
    return PrintMatch(round(aligned, 3), round(residual, 3), residual <= bar)
