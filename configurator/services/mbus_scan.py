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
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model.models import Model
from ..protocol.mbus import frames
from ..protocol.mbus.frames import MbusFrameError
from ..protocol.mbus.master import MbusMaster, Reply, pattern_matches, select_frame, select_pattern
from ..protocol.mbus.meter_map import decode, model_from
from ..protocol.mbus.records import Telegram, medium_name, parse_rsp_ud

SCAN_MARGIN_S = 0.03
DIGITS = "0123456789"


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
    wire_s: float = 0.0  # what the frames exchanged take on the wire (11 bits a character)
    silence_s: float = 0.0  # the standard's minimum wait for each silent probe

    def per_meter(self, found: int) -> float | None:
        """Probes per meter found."""
        return self.probes / found if found else None


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

    async def single(self, address: int) -> Telegram | str:
        """The telegram of the one meter answering at `address`, "silent" or "collision".

        Overlapping answers of near-identical telegrams can pass the checksum by chance (a
        few in a hundred with byte-aligned overlaps), so one clean answer is not proof: a
        second REQ_UD2 (frame count bit toggled: a fresh telegram) must be clean too and
        come from the same ident, manufacturer, version and medium.
        """
        first = await self.data(address, True)
        if not isinstance(first, Telegram):
            return first
        second = await self.data(address, False)
        if not isinstance(second, Telegram) or second.address != first.address \
                or _who(second) != _who(first):
            return "collision"
        return second


def _who(telegram: Telegram) -> tuple[object, ...] | None:
    header = telegram.header
    if header is None:
        return None
    return header.ident, header.manufacturer, header.version, header.medium


async def scan_primary(master: MbusMaster, first: int = 0, last: int = 250,
                       progress: Callable[[int, list[MbusFound]], None] | None = None,
                       wait: float | None = None) -> tuple[list[MbusFound], MbusScanStats]:
    """SND_NKE each address; identify what acknowledges with REQ_UD2."""
    prober = _Prober(master, wait)
    found: list[MbusFound] = []
    for address in range(first, last + 1):
        reply = await prober.send(frames.snd_nke(address))
        if reply.kind != "silent":
            answer = await prober.single(address)
            if isinstance(answer, Telegram):
                found.append(_found(answer, prober.stats.probes))
            elif answer == "collision":
                prober.stats.collisions += 1
                found.append(MbusFound(address, None, note=(
                    f"several meters answer at primary address {address}: find them with "
                    "'scan --secondary' and give each its own address"),
                    probes=prober.stats.probes))
            else:
                found.append(MbusFound(address, None, note="acknowledged but sent no data",
                                       probes=prober.stats.probes))
        if progress is not None:
            progress(address, found)
    return found, prober.stats


async def scan_secondary(master: MbusMaster,
                         progress: Callable[[str, list[MbusFound]], None] | None = None,
                         wait: float | None = None) -> tuple[list[MbusFound], MbusScanStats]:
    """The wildcard tree search over the 8 ident digits; finds every meter on the bus."""
    prober = _Prober(master, wait)
    found: list[MbusFound] = []

    async def search(prefix: str) -> None:
        digits = prefix + "F" * (8 - len(prefix))
        pattern = select_pattern(digits)
        prober.stats.selects += 1
        reply = await prober.send(select_frame(pattern))
        if progress is not None:
            progress(digits, found)
        if reply.kind == "silent":
            return
        # Several E5s at once that did not overlap cleanly: a collision, no need to ask.
        answer = "collision" if reply.kind == "garbled" else \
            await prober.single(frames.SECONDARY)
        if isinstance(answer, Telegram):
            header = answer.header
            if header is not None and pattern_matches(
                    pattern, header.ident, b"\xff\xff", 0xFF, 0xFF):
                found.append(_found(answer, prober.stats.probes))
                return
            answer = "collision"  # an OR of answers that happened to pass the checksum
        if answer == "silent" and reply.kind == "ack":
            return  # a stray E5 (line noise) and nobody selected
        prober.stats.collisions += 1
        if len(prefix) == 8:
            found.append(MbusFound(None, prefix, note="several meters share this secondary "
                                   "address: give them different ones over their primary "
                                   "address or the menu", probes=prober.stats.probes))
            return
        for digit in DIGITS:
            await search(prefix + digit)

    await search("")
    return found, prober.stats
