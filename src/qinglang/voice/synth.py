"""Synthetic telephone recordings for tests, evaluations and benchmarks: a STAND-IN for real speech.

Why: qinglang has no real call recordings (and must not collect any for development: a voiceprint
is sensitive personal data). espeak-ng's Mandarin voice (`cmn`) with its variants (m1..m7,
f1..f5, klatt...) and per-speaker pitch, speed, amplitude, a sox pitch shift (which also moves the
formants) and a tilt of the spectrum make distinct "speakers"; every call of a speaker says
different words with small jitter in pitch and tempo, through a telephone band (sox sinc
300-3400 Hz), at 8 kHz, with background noise at a random SNR (15-35 dB). With collectors,
each call opens with a collector's turn on the same (mono) channel, as many recorders keep it.

These are formant-synthesised voices: far more alike within a speaker and less natural than
people on a phone line. Every figure measured on them says so; none is a claim about real calls.

Needs the Debian packages espeak-ng and sox (scripts/install-sysdeps.sh).
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

TELEPHONE_RATE = 8000
# espeak-ng voice variants that sound like people (its robots, whispers and monsters left out):
# each sets its own formant scales, pitch range, voicing and breath, so they differ in timbre.
VARIANTS = (
    "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "f1", "f2", "f3", "f4", "f5",
    "klatt", "klatt2", "klatt3", "klatt4", "Alex", "Alicia", "Andrea", "Andy", "Annie", "Denis",
    "Diogo", "Gene", "Henrique", "Hugo", "Jacky", "Lee", "Marco", "Mario", "Michael", "Mike",
    "adam", "anika", "aunty", "belinda", "benjamin", "boris", "caleb", "david", "ed", "edward",
    "grandma", "grandpa", "gustave", "iven", "john", "linda", "max", "michel", "norbert", "paul",
    "pedro", "quincy", "rob", "robert", "sandro", "shelby", "steph", "travis", "victor", "zac",
)  # fmt: skip

# Phrases someone answering a collection call might say (borrower or an agency posing as one).
PHRASES = (
    "喂，你好，请问哪位",
    "我就是本人，有什么事情吗",
    "这个月资金周转不开，能不能晚几天再还",
    "我已经委托了律师处理这件事情",
    "你们的利息太高了，我要投诉到银保监",
    "我现在在开会，不方便说话",
    "下周五之前一定把钱还上",
    "请不要再给我的家人和同事打电话",
    "我申请停息挂账，分期六十期",
    "你们这是暴力催收，我已经录音了",
    "我的工资还没有发，等发了工资再说",
    "有什么事情跟我的代理人联系",
    "我没有借过这笔钱，你们找错人了",
    "好的，我知道了，我会尽快处理",
    "可以减免一部分罚息吗",
    "我的手机号码换了，以后打这个号码",
    "我最近失业了，家里老人生病住院",
    "你把还款账号发到我的短信上",
    "我要求协商还款方案",
    "这个事情我需要和家里人商量一下",
)


# What a collector says first; the last three are kept for enrolment recordings only.
COLLECTOR_PHRASES = (
    "您好，这里是贷款中心，请问是借款人本人吗",
    "您的账单已经逾期三天，请问什么时候可以还款",
    "您好，我是催收专员，您的借款今天到期",
    "请问您今天能处理一下逾期的款项吗",
    "本次通话将被录音，请您按时还款",
    "我们是客户服务中心，提醒您尽快还款",
    "请您确认一下还款的时间和金额",
)


class SynthUnavailableError(RuntimeError):
    """espeak-ng or sox is missing."""


@dataclass(frozen=True)
class Speaker:
    speaker_id: str
    variant: str
    pitch: int  # espeak -p, 0..99
    speed: int  # espeak -s, words per minute
    amplitude: int  # espeak -a
    shift_cents: int  # sox pitch shift
    tilt_db: float  # sox treble gain at 2 kHz: brighter or duller voice


def make_speakers(n: int, rng: np.random.Generator) -> list[Speaker]:
    return [
        Speaker(
            speaker_id=f"S{i:03d}",
            variant=str(rng.choice(VARIANTS)),
            pitch=int(rng.integers(15, 85)),
            speed=int(rng.integers(150, 220)),
            amplitude=int(rng.integers(80, 160)),
            shift_cents=int(rng.integers(-400, 400)),
            tilt_db=float(np.round(rng.uniform(-6, 6), 1)),
        )
        for i in range(n)
    ]


def _require_tools() -> tuple[str, str]:
    espeak, sox = shutil.which("espeak-ng"), shutil.which("sox")
    if not espeak or not sox:
        raise SynthUnavailableError("espeak-ng and sox are needed (run scripts/install-sysdeps.sh)")
    return espeak, sox


def _speak(speaker: Speaker, text: str, rng: np.random.Generator) -> np.ndarray:
    """8 kHz telephone-band float32 samples of `speaker` saying `text`, with line noise."""
    espeak, sox = _require_tools()
    pitch = int(np.clip(speaker.pitch + rng.integers(-4, 5), 0, 99))
    speed = int(speaker.speed * rng.uniform(0.93, 1.07))
    raw = subprocess.run(
        [espeak, "-v", f"cmn+{speaker.variant}", "-p", str(pitch), "-s", str(speed)]
        + ["-a", str(speaker.amplitude), "--stdout", text],
        check=True,
        capture_output=True,
    ).stdout
    tempo = float(np.round(rng.uniform(0.95, 1.05), 3))
    shift = speaker.shift_cents + int(rng.integers(-30, 31))
    effects = ["pitch", str(shift), "tempo", "-s", str(tempo), "treble", str(speaker.tilt_db), "2000"]
    effects += ["sinc", "300-3400", "rate", str(TELEPHONE_RATE), "norm", "-3"]
    with tempfile.TemporaryDirectory(prefix="qinglang-synth-") as tmp:
        out = Path(tmp) / "turn.wav"
        subprocess.run(
            [sox, "-D", "-t", "wav", "-", "-b", "16", str(out), *effects],
            input=raw,
            check=True,
            capture_output=True,
        )
        wav, _ = sf.read(str(out), dtype="float32")
    snr_db = rng.uniform(15, 35)
    rms = float(np.sqrt(np.mean(wav**2))) or 1e-4
    return np.asarray(wav + rng.normal(0, rms / 10 ** (snr_db / 20), size=wav.shape), dtype=np.float32)


def _write(out: Path, turns: list[np.ndarray], rng: np.random.Generator) -> Path:
    lead = np.zeros(int(rng.uniform(0.2, 0.8) * TELEPHONE_RATE), dtype=np.float32)  # the line opens first
    parts = [lead]
    for i, turn in enumerate(turns):
        if i:
            parts.append(np.zeros(int(rng.uniform(0.3, 0.8) * TELEPHONE_RATE), dtype=np.float32))
        parts.append(turn)
    sf.write(str(out), np.clip(np.concatenate(parts), -1, 1), TELEPHONE_RATE, subtype="PCM_16")
    return out


def render_call(speaker: Speaker, text: str, out: Path, rng: np.random.Generator) -> Path:
    """One 8 kHz, 16-bit telephone-band WAV of `speaker` saying `text`."""
    return _write(out, [_speak(speaker, text, rng)], rng)


def collector_voices(collectors: int, seed: int) -> list[Speaker]:
    """The lender's collectors in synthesise_recordings(..., collectors=n, seed=seed): ids K000..."""
    voices = make_speakers(collectors, np.random.default_rng([seed, 1]))
    return [dataclasses.replace(v, speaker_id="K" + v.speaker_id[1:]) for v in voices]


def synthesise_collector_references(collectors: int, out_dir: Path, seed: int) -> dict[str, Path]:
    """One enrolment recording per collector (collector id -> WAV), other words than in calls."""
    rng = np.random.default_rng([seed, 2])
    out_dir.mkdir(parents=True, exist_ok=True)
    return {
        v.speaker_id: render_call(
            v, "。".join(COLLECTOR_PHRASES[-3:]) + "。", out_dir / f"{v.speaker_id}.wav", rng
        )
        for v in collector_voices(collectors, seed)
    }


def synthesise_recordings(
    speakers: int, n_calls: int, out_dir: Path, seed: int, *, collectors: int = 0
) -> tuple[dict[str, Path], dict[str, str]]:
    """n_calls recordings by `speakers` synthetic voices (every voice at least once while
    n_calls >= speakers; the rest drawn at random, so some voices answer many calls).
    With collectors > 0, every call opens with one of that many collector voices speaking first
    (a mono recording of both sides, as many recorders keep); the truth is still who answered.
    Returns (call_id -> WAV path, call_id -> answering speaker id)."""
    if speakers < 1 or n_calls < 1:
        raise ValueError("speakers and n_calls must be >= 1")
    rng = np.random.default_rng(seed)
    voices = make_speakers(speakers, rng)
    out_dir.mkdir(parents=True, exist_ok=True)
    order = list(range(speakers))[:n_calls] + list(rng.integers(0, speakers, size=max(0, n_calls - speakers)))
    rng.shuffle(order)
    staff = collector_voices(collectors, seed) if collectors else []
    paths: dict[str, Path] = {}
    truth: dict[str, str] = {}
    for k, idx in enumerate(order):
        voice = voices[int(idx)]
        n_phrases = 2
        text = "。".join(str(p) for p in rng.choice(PHRASES, size=n_phrases, replace=False)) + "。"
        call_id = f"C{seed % 10000:04d}-{k:05d}"
        if staff:
            opener = str(rng.choice(COLLECTOR_PHRASES[:-3]))
            turns = [_speak(staff[k % len(staff)], opener, rng), _speak(voice, text, rng)]
            paths[call_id] = _write(out_dir / f"{call_id}.wav", turns, rng)
        else:
            paths[call_id] = render_call(voice, text, out_dir / f"{call_id}.wav", rng)
        truth[call_id] = voice.speaker_id
    return paths, truth
