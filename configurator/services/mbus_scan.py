"""Find meters on an M-Bus: by primary address, and by secondary address with wildcards.

Primary scan: SND_NKE to each address; whatever acknowledges is asked for its RSP_UD
(REQ_UD2). Identical E5s from several meters overlap into one clean E5, so a shared address
shows only in the garbled RSP_UD: reported as such (every meter ships with address 0).

Secondary scan (EN 13757-3 wildcard search): select `FFFFFFFF` (every ident; manufacturer,
version and medium wildcarded too); if anything acknowledges, REQ_UD2 to address 253. Two
clean RSP_UDs in a row from the same ident matching the pattern mean exactly one meter is
selected: found (one clean answer is not proof, see `_Prober.single`). A garbled one (or a
garbled E5) means several: fix the next digit (most significant first) to 0-9 and search
each branch, down to 8 digits. Silent branches are pruned at once, so the probes needed grow
with the number of meters and the digits they share, not with the 10^8 addresses.

Silence costs a timeout: by default the request's wire time + 330 bit times + 50 ms (the
slowest answer EN 13757-2 allows) + a small margin; `--timeout` sets it instead.

On a noisy line (docs/DECISIONS.md F7-F9) a collision and a garbled answer
look alike, and a lost answer looks like an empty branch. So:
- the search notes evidence that the line itself faults (an answer that is garbled once and
  clean or silent the next time, a "collision" whose branches hold fewer than two meters, an
  E5 with no data behind it). From then on a silent selection is tried SILENT_REPROBES more
  times (the cap per digit position), REQ_UD2 is asked up to DATA_ATTEMPTS times for two
  clean telegrams, and at the end the branches that were pruned on a single silent answer
  before the evidence came are searched again. A clean line costs exactly what it did.
- the selection of FFFFFFFF (the root, whose silence ends the search) is tried ROOT_ATTEMPTS
  times before the bus is called empty;
- when NOISE_LIMIT of the last NOISE_WINDOW selections were answered garbled, the search
  stops with LineTooNoisyError (exit 5) instead of walking a tree of garbage (a device
  talking nonsense makes every branch look like a collision: 10^8 leaves).
- the primary scan repeats a garbled SND_NKE answer, asks a meter that acknowledges up to
  DATA_ATTEMPTS times, reports addresses that only ever answered garbled, and once the line has
  shown faults probes the silent addresses again (PRIMARY_SWEEPS passes).
- progress: `progress(pattern, found)` after every selection, and `estimate(SearchProgress)`
  with the probes sent and the selections still scheduled (a lower bound of what is left).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import FrameError
from ..i18n import QT_TRANSLATE_NOOP
from ..model.models import Model
from ..protocol.mbus import frames
from ..protocol.mbus.frames import MbusFrameError
from ..protocol.mbus.master import MbusMaster, Reply, pattern_matches, select_frame, select_pattern
from ..protocol.mbus.meter_map import decode, model_from
from ..protocol.mbus.records import Telegram, medium_name, parse_rsp_ud

SCAN_MARGIN_S = 0.03
DIGITS = "0123456789"
DATA_ATTEMPTS = 4  # REQ_UD2s that may be spent to get two clean telegrams (noisy line, primary)
SILENT_REPROBES = 2  # noisy line: a silent selection is tried this many more times
ROOT_ATTEMPTS = 3  # the selection of FFFFFFFF: its silence ends the whole search
ACK_RETRIES = 2  # primary scan: a garbled answer to SND_NKE is probed again this often
PRIMARY_SWEEPS = 2  # primary scan on a line that showed faults: passes over silent addresses
NOISE_WINDOW = 20  # the last selections looked at ...
NOISE_LIMIT = 12  # ... and how many of them garbled stop the search


@dataclass(frozen=True)
class MbusFound:
    """A meter (or a collision) found on the bus."""

    primary: int | None
    secondary: str | None
    model: Model | None = None
    manufacturer: str = ""
    version: int | None = None
    medium: str = ""
    note: str = ""
    probes: int = 0  # probes sent so far when this one was found

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {"primary_address": self.primary, "secondary_address": self.secondary,
                "model": self.model.info.code if self.model else None,
                "manufacturer": self.manufacturer, "version": self.version,
                "medium": self.medium, "note": self.note, "probes_so_far": self.probes}


@dataclass
class MbusScanStats:
    """Counts for the report and the benchmark."""

    probes: int = 0  # every frame sent
    selects: int = 0
    requests: int = 0
    collisions: int = 0
    silent: int = 0
    garbled_probes: int = 0  # answers that were garbled (collisions included)
    reprobes: int = 0  # probes repeated because of a silent or garbled answer
    sweeps: int = 0  # primary scan: extra passes; secondary: pruned branches searched again
    line_faulty: bool = False  # the line showed faults of its own (not collisions)
    # addresses that only ever answered garbled: primary addresses, or secondary addresses
    # (8 digits) where the search ended without one clean telegram
    garbled: list[int | str] = field(default_factory=list)
    wire_s: float = 0.0  # what the frames exchanged take on the wire (11 bits a character)
    silence_s: float = 0.0  # the standard's minimum wait for each silent probe

    def per_meter(self, found: int) -> float | None:
        """Probes per meter found."""
        return self.probes / found if found else None


@dataclass(frozen=True)
class SearchProgress:
    """Where a secondary search stands (for a progress line or bar)."""

    pattern: str  # the selection just sent
    probes: int  # probes sent so far
    pending: int  # selections still scheduled: a lower bound of the probes left
    found: int
    garbled_recent: int  # garbled answers among the last NOISE_WINDOW selections
    line_faulty: bool


class LineTooNoisyError(FrameError):
    """The secondary search gave up: most selections were answered garbled (exit 5).

    `found` and `stats` hold what was found before it stopped."""

    def __init__(self, message: str, found: list[MbusFound], stats: MbusScanStats) -> None:
        super().__init__(message)
        self.found = found
        self.stats = stats


def _found(telegram: Telegram, probes: int, note: str = "") -> MbusFound:
    decoded = decode(telegram)
    header = telegram.header
    model, model_note = model_from(decoded.values, decoded.ct_record_seen)
    if header is None:
        return MbusFound(telegram.address, None, None, note="no long header (not a 879-30xx)",
                         probes=probes)
    foreign = header.manufacturer != "INM" or header.medium != 0x02
    return MbusFound(telegram.address, header.secondary_address, None if foreign else model,
                     header.manufacturer, header.version, medium_name(header.medium),
                     note or ("not a WAGO 879-30xx" if foreign else
                              "" if model is Model.PUCT2 else "4PU or 4PS"),
                     probes)


class _Prober:
    """Sends probes with the scan's timeout and keeps the counts."""

    def __init__(self, master: MbusMaster, wait: float | None) -> None:
        self.master = master
        self.wait = wait
        self.stats = MbusScanStats()
        self.recent: deque[bool] = deque(maxlen=NOISE_WINDOW)  # selections: garbled?
        self.last_clean: Telegram | None = None  # the one clean telegram of a "garbled" verdict

    def mark_faulty(self) -> None:
        """The line has shown faults of its own: search carefully from now on."""
        self.stats.line_faulty = True

    @property
    def faulty(self) -> bool:
        """Whether the line has shown faults of its own."""
        return self.stats.line_faulty

    async def send(self, request: bytes) -> Reply:
        master = self.master
        wait = self.wait if self.wait is not None else master.timeout
        standard = master.standard_wait(len(request))
        if wait is None:
            wait = standard + SCAN_MARGIN_S
        self.stats.probes += 1
        reply = await master.exchange(request, wait=wait)
        char = master.transport.char_time()
        self.stats.wire_s += (len(request) + len(reply.raw)) * char
        if reply.kind == "silent":
            self.stats.silent += 1
            self.stats.silence_s += standard - len(request) * char
        elif reply.kind == "garbled":
            self.stats.garbled_probes += 1
        return reply

    async def data(self, address: int, fcb: bool = True) -> Telegram | str:
        """REQ_UD2: the telegram, or "silent" / "collision"."""
        self.stats.requests += 1
        reply = await self.send(frames.req_ud2(address, fcb))
        if reply.kind == "silent":
            return "silent"
        if reply.kind != "frame" or reply.frame is None:
            return "collision"
        try:
            return parse_rsp_ud(reply.frame)
        except MbusFrameError:
            return "collision"

    async def single(self, address: int, *, careful: bool = False) -> Telegram | str:
        """The telegram of the one meter answering at `address`, or "silent", "collision"
        or "garbled".

        Overlapping answers of near-identical telegrams can pass the checksum by chance (a
        few in a hundred with byte-aligned overlaps), so one clean answer is not proof: a
        second REQ_UD2 (frame count bit toggled: a fresh telegram) must be clean too and
        come from the same ident, manufacturer, version and medium. On a clean line the first
        answer that is not clean decides (collision or silence). `careful` (or a line that has
        shown faults) allows up to DATA_ATTEMPTS REQ_UD2s for the two clean telegrams; then
        answers garbled every time (at least twice, never clean) mean a collision, only
        silence means nobody, and any other mix means the line garbles: "garbled".
        """
        patient = careful or self.faulty
        first: Telegram | None = None
        self.last_clean = None
        bad: list[str] = []
        fcb = True
        for _ in range(DATA_ATTEMPTS if patient else 2):
            answer = await self.data(address, fcb)
            fcb = not fcb
            if isinstance(answer, Telegram):
                if first is None:
                    first = answer
                    continue
                if answer.address == first.address and _who(answer) == _who(first):
                    if bad:
                        self.mark_faulty()  # bad, then clean: the line, not a collision
                    return answer
                return "collision"
            if not patient:
                return "collision" if first is not None else answer
            bad.append(answer)
            self.stats.reprobes += 1
        if first is None and all(b == "silent" for b in bad):
            return "silent"
        if first is None and bad.count("collision") >= 2:
            return "collision"
        self.mark_faulty()  # a mix of clean, garbled and silent: the line, not meters
        self.last_clean = first
        return "garbled"

    def note_selection(self, reply: Reply) -> None:
        """Keep the window of garbled selections; raise when the line is too noisy."""
        self.recent.append(reply.kind == "garbled")
        garbled = sum(self.recent)
        if garbled >= NOISE_LIMIT:
            raise LineTooNoisyError(QT_TRANSLATE_NOOP(
                "Errors", "The line is too noisy to search ({garbled} of the last {window} "
                "probes were garbled): check wiring, termination and baud rate.").format(
                garbled=garbled, window=len(self.recent)), [], self.stats)


def _who(telegram: Telegram) -> tuple[object, ...] | None:
    header = telegram.header
    if header is None:
        return None
    return header.ident, header.manufacturer, header.version, header.medium


async def scan_primary(master: MbusMaster, first: int = 0, last: int = 250,
                       progress: Callable[[int, list[MbusFound]], None] | None = None,
                       wait: float | None = None) -> tuple[list[MbusFound], MbusScanStats]:
    """SND_NKE each address; identify what acknowledges with REQ_UD2.

    Addresses that only ever answered garbled are in `stats.garbled` (the bus rule of
    services/scan.bus_error applies to them)."""
    prober = _Prober(master, wait)
    found: dict[int, MbusFound] = {}
    in_order: list[MbusFound] = []
    garbled: set[int] = set()

    async def probe(address: int) -> None:
        reply = await prober.send(frames.snd_nke(address))
        tries = 0
        while reply.kind == "garbled" and tries < ACK_RETRIES:
            tries += 1
            prober.stats.reprobes += 1
            reply = await prober.send(frames.snd_nke(address))
        if reply.kind == "silent" and tries:
            prober.mark_faulty()  # garbled, then silent: noise
        if reply.kind == "silent":
            return
        if reply.kind == "garbled":
            garbled.add(address)
            prober.mark_faulty()
            return
        if tries:
            prober.mark_faulty()
        garbled.discard(address)
        answer = await prober.single(address, careful=True)
        if answer == "garbled":
            garbled.add(address)  # never two clean telegrams: a sweep asks again
            return
        if isinstance(answer, Telegram):
            hit = _found(answer, prober.stats.probes)
        elif answer == "collision":
            prober.stats.collisions += 1
            hit = MbusFound(address, None, note=(
                f"several meters answer at primary address {address}: find them with "
                "'scan --secondary' and give each its own address"),
                probes=prober.stats.probes)
        else:
            prober.mark_faulty()  # an E5 and then nothing: lost answers
            hit = MbusFound(address, None, note="acknowledged but sent no data",
                            probes=prober.stats.probes)
        found[address] = hit
        in_order.append(hit)

    def pending() -> list[int]:
        return [a for a in range(first, last + 1)
                if a not in found or found[a].note == "acknowledged but sent no data"]

    addresses: list[int] = list(range(first, last + 1))
    while True:
        for address in addresses:
            if address in found:
                del found[address]  # a sweep asks again
                in_order[:] = [f for f in in_order if f.primary != address]
            await probe(address)
            if progress is not None:
                progress(address, in_order)
        if not prober.faulty or prober.stats.sweeps >= PRIMARY_SWEEPS:
            break
        addresses = pending()
        if not addresses:
            break
        prober.stats.sweeps += 1
    prober.stats.garbled = sorted(garbled)
    return sorted(found.values(), key=lambda f: f.primary or 0), prober.stats


async def scan_secondary(master: MbusMaster,
                         progress: Callable[[str, list[MbusFound]], None] | None = None,
                         wait: float | None = None, *,
                         estimate: Callable[[SearchProgress], None] | None = None,
                         ) -> tuple[list[MbusFound], MbusScanStats]:
    """The wildcard tree search over the 8 ident digits; finds every meter on the bus.

    Raises LineTooNoisyError (with what was found so far) when the line is too noisy."""
    prober = _Prober(master, wait)
    stats = prober.stats
    found: list[MbusFound] = []
    pruned: list[str] = []  # branches pruned on one silent answer before the line was faulty
    shared: list[MbusFound] = []  # secondary addresses that several meters answer
    scheduled = 1

    async def select(prefix: str, pattern: bytes) -> Reply:
        nonlocal scheduled
        attempts = ROOT_ATTEMPTS if not prefix else 1 + (SILENT_REPROBES if prober.faulty
                                                          else 0)
        stats.selects += 1
        reply = await prober.send(select_frame(pattern))
        prober.note_selection(reply)
        for _ in range(attempts - 1):
            if reply.kind != "silent":
                break
            stats.reprobes += 1
            stats.selects += 1
            reply = await prober.send(select_frame(pattern))
            prober.note_selection(reply)
        scheduled -= 1
        digits = pattern[:4][::-1].hex().upper()
        if progress is not None:
            progress(digits, found)
        if estimate is not None:
            estimate(SearchProgress(digits, stats.probes, scheduled, len(found),
                                    sum(prober.recent), prober.faulty))
        return reply

    def leaf(prefix: str, pattern: bytes, answer: str) -> int:
        """All 8 digits fixed and still no clean pair of telegrams."""
        clean = prober.last_clean if answer == "garbled" else None
        header = clean.header if clean is not None else None
        if header is not None and pattern_matches(pattern, header.ident, b"\xff\xff", 0xFF,
                                                  0xFF):
            assert clean is not None
            found.append(_found(clean, stats.probes))  # one clean telegram of this very ident
            return 1
        if answer == "garbled":
            stats.garbled.append(prefix)  # never clean: the line, or several meters here
            return 2
        stats.collisions += 1
        # Reported only by a search that ends normally: a line talking garbage looks just so.
        shared.append(MbusFound(None, prefix, note="several meters share this secondary "
                                "address: give them different ones over their primary "
                                "address or the menu", probes=stats.probes))
        return 2

    async def search(prefix: str) -> int:
        """Search one branch; returns how many meters (and shared addresses) it holds."""
        nonlocal scheduled
        digits = prefix + "F" * (8 - len(prefix))
        pattern = select_pattern(digits)
        reply = await select(prefix, pattern)
        if reply.kind == "silent":
            if prefix and not prober.faulty:
                pruned.append(prefix)
            return 0
        was_faulty = prober.faulty
        answer = await prober.single(frames.SECONDARY)
        if answer == "silent" and not was_faulty:
            prober.mark_faulty()  # the selection was answered, the request not: the line
            answer = await prober.single(frames.SECONDARY)
        if isinstance(answer, Telegram):
            header = answer.header
            if header is not None and pattern_matches(
                    pattern, header.ident, b"\xff\xff", 0xFF, 0xFF):
                if reply.kind == "garbled":
                    prober.mark_faulty()  # one meter, yet its E5 came garbled: the line
                found.append(_found(answer, stats.probes))
                return 1
            answer = "collision"  # an OR of answers that happened to pass the checksum
        if answer == "silent":
            return 0  # a stray E5 or garbled answer (line noise) and nobody selected
        if len(prefix) == 8:
            return leaf(prefix, pattern, answer)
        stats.collisions += 1  # a collision, or "garbled": the branches below tell
        scheduled += len(DIGITS)
        below = 0
        for digit in DIGITS:
            below += await search(prefix + digit)
        if below < 2:
            prober.mark_faulty()  # a "collision" with fewer than two meters below it
        return below

    try:
        await search("")
        if prober.faulty and pruned:
            again, pruned[:] = list(pruned), []
            stats.sweeps = len(again)
            scheduled += len(again)
            for prefix in again:  # searched again, now that silence is not trusted
                await search(prefix)
    except LineTooNoisyError as exc:
        exc.found = sorted(found, key=lambda f: f.secondary or "")
        raise
    found.extend(shared)
    found.sort(key=lambda f: f.secondary or "")
    return found, stats
