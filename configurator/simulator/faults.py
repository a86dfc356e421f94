"""Seeded, reproducible line faults for the simulated buses (`simulate --faults ...`).

A fault spec is a comma-separated list, e.g. `drop=0.15,crc=0.10,seed=1`:

    drop=P      a reply is not sent (the master hears silence)
    crc=P       a reply is sent with one byte changed (a CRC / checksum error)
    late=P      a reply is sent `late-s` seconds late; requests that arrive meanwhile are not
                heard (the meter is busy), so the late reply is the only answer on the line
    late-s=S    how late a late reply is (default 1.0 s: after the master's usual timeout)
    garbage[=P] a device on the line answers every frame with random bytes (P of the frames;
                `garbage` alone: every frame), in place of the meter's own reply
    noack       the meters carry out writes but never answer them
    die-after=N the simulator serves N request frames; the next frame it RECEIVES (frame
                N + 1, whoever it is addressed to) is not answered: the simulator closes the
                pty at once and exits (code 0), as an adapter unplugged mid-command
    seed=S      the random generator's seed (default 0): the same seed and the same requests
                give the same faults

drop, crc and late are drawn from one number per reply, so `drop=0.15,crc=0.10` faults
exactly 25 % of the replies on average and P values must add up to at most 1. Every frame
and every fault is counted (`FaultStats`); with `--fault-stats FILE` the counts are written
as JSON after every frame, so a test can assert "N replies dropped, M corrupted".
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

DEFAULT_LATE_S = 1.0
MAX_GARBAGE_BYTES = 40


class FaultSpecError(ValueError):
    """A --faults value that makes no sense (the message is one sentence for the user)."""


@dataclass(frozen=True)
class FaultSpec:
    """Which faults a simulated bus injects, and the seed that makes them reproducible."""

    drop: float = 0.0
    crc: float = 0.0
    late: float = 0.0
    late_s: float = DEFAULT_LATE_S
    garbage: float = 0.0
    noack: bool = False
    die_after: int | None = None
    seed: int = 0

    @property
    def active(self) -> bool:
        """Whether any fault is injected at all."""
        return bool(self.drop or self.crc or self.late or self.garbage or self.noack
                    or self.die_after is not None)

    def describe(self) -> str:
        """One line for the simulator's start-up output."""
        parts = [f"{name}={value:g}" for name, value in
                 (("drop", self.drop), ("crc", self.crc), ("late", self.late),
                  ("garbage", self.garbage)) if value]
        if self.late:
            parts.append(f"late-s={self.late_s:g}")
        if self.noack:
            parts.append("noack")
        if self.die_after is not None:
            parts.append(f"die-after={self.die_after}")
        parts.append(f"seed={self.seed}")
        return "Faults: " + ",".join(parts)


_PROBABILITIES = ("drop", "crc", "late", "garbage")
_KNOWN = "drop, crc, late, late-s, garbage, noack, die-after, seed"


def _probability(name: str, text: str) -> float:
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise FaultSpecError(f"--faults {name}={text!r} is not a number: give a probability "
                             "from 0 to 1 (or a percentage like 15%).") from None
    if not 0.0 <= value <= 1.0:
        raise FaultSpecError(f"--faults {name}={text} is not valid: a probability lies "
                             "between 0 and 1.")
    return value


def _integer(name: str, text: str, low: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise FaultSpecError(f"--faults {name}={text!r} is not a whole number.") from None
    if value < low:
        raise FaultSpecError(f"--faults {name}={value} is not valid: at least {low}.")
    return value


def parse_faults(text: str) -> FaultSpec:
    """`drop=0.15,crc=0.10,seed=1` -> FaultSpec; raises FaultSpecError with one sentence."""
    values: dict[str, object] = {}
    for raw in text.split(","):
        item = raw.strip()
        if not item:
            continue
        name, has_value, value = (part.strip() for part in item.partition("="))
        name = name.lower().replace("_", "-")
        key = name.replace("-", "_")
        if key in values:
            raise FaultSpecError(f"--faults names {name} twice.")
        if name in _PROBABILITIES:
            if not has_value and name != "garbage":
                raise FaultSpecError(f"--faults {name} needs a probability, e.g. {name}=0.1.")
            values[name] = _probability(name, value) if has_value else 1.0
        elif name == "noack":
            if has_value:
                raise FaultSpecError("--faults noack takes no value.")
            values["noack"] = True
        elif name == "die-after":
            values["die_after"] = _integer(name, value, 1)
        elif name == "seed":
            values["seed"] = _integer(name, value, 0)
        elif name == "late-s":
            try:
                late_s = float(value)
            except ValueError:
                raise FaultSpecError(f"--faults late-s={value!r} is not a number of "
                                     "seconds.") from None
            if not 0.0 < late_s <= 60.0:
                raise FaultSpecError(f"--faults late-s={value} is not valid: 0-60 seconds.")
            values["late_s"] = late_s
        else:
            raise FaultSpecError(f"--faults: unknown fault {name!r}; known: {_KNOWN}.")
    spec = FaultSpec(**values)  # type: ignore[arg-type]
    if spec.drop + spec.crc + spec.late > 1.0 + 1e-9:
        raise FaultSpecError(f"--faults drop, crc and late add up to "
                             f"{spec.drop + spec.crc + spec.late:g}: at most 1 (each reply "
                             "meets one fault at most).")
    return spec


@dataclass
class FaultStats:
    """What the bus received and what the faults did to its replies."""

    frames: int = 0  # request frames received (any address)
    replies: int = 0  # replies the meters produced (before faults)
    sent: int = 0  # replies (or garbage) written to the line
    dropped: int = 0
    corrupted: int = 0
    late: int = 0
    unheard: int = 0  # requests that arrived while a late reply was pending
    noack: int = 0  # write replies withheld
    garbage: int = 0  # random answers sent
    died: bool = False


@dataclass(frozen=True)
class Shaped:
    """What goes on the line for one request: bytes (None: silence) and a delay."""

    data: bytes | None
    delay: float = 0.0

    @property
    def late(self) -> bool:
        """A late reply: sent after a delay, whatever arrived in the meantime."""
        return self.delay > 0


@dataclass
class FaultInjector:
    """Applies a FaultSpec to a bus's replies, frame by frame, and counts everything."""

    spec: FaultSpec
    stats_path: Path | None = None
    stats: FaultStats = field(default_factory=FaultStats)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.spec.seed)
        self.save()

    def must_die(self) -> bool:
        """Called when a frame arrives: whether this frame is the one past die-after."""
        limit = self.spec.die_after
        if limit is not None and self.stats.frames >= limit:
            self.stats.died = True
            self.save()
            return True
        return False

    def shape(self, reply: bytes | None, *, write: bool) -> Shaped:
        """The faults' verdict on one received frame and the reply the meters made to it."""
        spec, stats = self.spec, self.stats
        stats.frames += 1
        if reply is not None:
            stats.replies += 1
        draw = self._rng.random()  # one draw per frame keeps runs reproducible
        if spec.garbage and self._rng.random() < spec.garbage:
            stats.garbage += 1
            size = self._rng.randint(1, MAX_GARBAGE_BYTES)
            return self._sent(bytes(self._rng.getrandbits(8) for _ in range(size)))
        if reply is None:
            return Shaped(None)
        if write and spec.noack:
            stats.noack += 1
            return Shaped(None)
        if draw < spec.drop:
            stats.dropped += 1
            return Shaped(None)
        if draw < spec.drop + spec.crc:
            stats.corrupted += 1
            return self._sent(self._corrupt(reply))
        if draw < spec.drop + spec.crc + spec.late:
            stats.late += 1
            return self._sent(reply, spec.late_s)
        return self._sent(reply)

    def _sent(self, data: bytes, delay: float = 0.0) -> Shaped:
        self.stats.sent += 1
        return Shaped(data, delay)

    def _corrupt(self, reply: bytes) -> bytes:
        position = self._rng.randrange(len(reply))
        flipped = bytearray(reply)
        flipped[position] ^= self._rng.randint(1, 255)
        return bytes(flipped)

    def unheard(self) -> None:
        """A request arrived while the meter was busy with a late reply."""
        self.stats.frames += 1
        self.stats.unheard += 1

    def save(self) -> None:
        """Write the counts (atomically) to the stats file, if there is one."""
        if self.stats_path is None:
            return
        folder = self.stats_path.parent
        fd, temp = tempfile.mkstemp(prefix=f".{self.stats_path.name}.", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(asdict(self.stats), handle)
            os.replace(temp, self.stats_path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)

    def summary(self) -> str:
        """One line for the end of the run."""
        s = self.stats
        return (f"Fault counts: {s.frames} frames received, {s.replies} replies, "
                f"{s.dropped} dropped, {s.corrupted} corrupted, {s.late} late, "
                f"{s.unheard} unheard, {s.noack} writes unanswered, {s.garbage} garbage"
                + (", died" if s.died else ""))


def read_stats(path: str | os.PathLike[str]) -> FaultStats:
    """The counts a simulator wrote to its --fault-stats file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return FaultStats(**data)


# --- the simulate command's options ---------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`--faults SPEC` and `--fault-stats FILE` for the simulate command."""
    parser.add_argument("--faults", default=None, metavar="SPEC",
                        help="inject seeded line faults into the replies, e.g. "
                             "drop=0.15,crc=0.10,seed=1 (also late=P, late-s=S, garbage[=P], "
                             "noack, die-after=N; see docs/faults in the README)")
    parser.add_argument("--fault-stats", default=None, metavar="FILE",
                        help="write the frame and fault counts as JSON to FILE after every "
                             "frame")


def options_from(args: argparse.Namespace) -> tuple[FaultSpec | None, Path | None]:
    """The parsed fault spec (None without --faults) and the stats file; raises
    FaultSpecError with one sentence."""
    text = getattr(args, "faults", None)
    spec = parse_faults(text) if text is not None else None
    stats = getattr(args, "fault_stats", None)
    path = Path(stats) if stats else None
    if path is not None and not path.parent.is_dir():
        raise FaultSpecError(f"--fault-stats {stats}: folder {path.parent} does not exist.")
    return spec, path


def injector(spec: FaultSpec | None, stats_path: Path | None) -> FaultInjector | None:
    """The bus's fault injector: needed for faults, or just to count frames."""
    if spec is None and stats_path is None:
        return None
    return FaultInjector(spec or FaultSpec(), stats_path)
