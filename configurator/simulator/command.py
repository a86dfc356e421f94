"""The `simulate` command: serve simulated meters on a pseudo-terminal until stopped.

`add_arguments` fills an argparse parser and `run` executes the parsed options; the CLI wires
both into `configurator simulate`, and `python -m configurator.simulator` uses them directly.
The first line printed is always `Simulated meter bus on <pty path>` (tests and tools wait for
it), followed by one line per meter and, with --link, `Link: <path>`.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..cli import options as cli_options
from ..errors import ConfiguratorError, ExitCode
from ..model.models import Model
from ..model.settings import SETTINGS
from . import faults
from .bus import LinkPathError, MeterBus
from .meter import VirtualMeter
from .physics import DEMO_HISTORY_HOURS, PHASES, WIRING_FAULTS, Wiring
from .state import StateFile

READY_PREFIX = "Simulated meter bus on "
LINK_PREFIX = "Link: "
DEFAULT_SERIAL = 23000001
# The link a new simulated meter starts with: the factory values of the settings table.
FACTORY_BAUD = SETTINGS["modbus.baudrate"].factory_default
FACTORY_PARITY = SETTINGS["modbus.parity"].factory_default
FACTORY_MBUS_BAUD = SETTINGS["mbus.baudrate"].factory_default
MAX_SERIAL = 99_999_999
MAX_HISTORY_HOURS = 20 * 8760  # twenty years of use


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the simulator's options to `parser`."""
    parser.add_argument("--model", default="4PU",
                        help="meter model: 4PU, 4PS or 2PUCT (default 4PU)")
    parser.add_argument("--count", type=cli_options.plain_number("a number of meters"),
                        default=None,
                        help="number of meters, at consecutive addresses from the first "
                             "--address (or 1)")
    parser.add_argument("--address", type=cli_options.plain_number("a Modbus address"),
                        action="append",
                        default=None,
                        help="Modbus address of a meter (repeat for several meters)")
    parser.add_argument("--serial", type=cli_options.plain_number("a serial number"),
                        default=DEFAULT_SERIAL,
                        help=f"serial number of the first meter; the others count up "
                             f"(default {DEFAULT_SERIAL})")
    parser.add_argument("--baud", default=str(FACTORY_BAUD),
                        help=f"initial Modbus baud rate of every meter (default {FACTORY_BAUD})")
    parser.add_argument("--parity", default=FACTORY_PARITY,
                        help="initial Modbus parity of every meter: even, none or odd "
                             f"(default {FACTORY_PARITY}; stored only, a pty cannot carry "
                             "parity)")
    parser.add_argument("--link", default=None,
                        help="also make this path a symlink to the pty (an existing symlink "
                             "is replaced)")
    parser.add_argument("--state", default=None,
                        help="JSON file holding all meters' state; loaded at start (a power "
                             "cycle), saved after every write, every 10 s and at exit")
    parser.add_argument("--seed", type=cli_options.seed, default=0,
                        help="seed of the simulated load (default 0)")
    parser.add_argument("--wire-timing", action="store_true",
                        help="delay each reply by the time it would take on a real wire")
    parser.add_argument("--reversed-phase", default=None, choices=PHASES,
                        help="simulate a current transformer fitted the wrong way round on "
                             "this phase (it then exports)")
    parser.add_argument("--wiring", default=None, metavar="FAULTS",
                        help="wire the meters into a faulty installation, comma-separated: "
                             + ", ".join(WIRING_FAULTS) + " (swapped-* needs --model 2PUCT: "
                             "a direct-connected meter cannot pair a current with another "
                             "phase's voltage)")
    parser.add_argument("--protocol", default="modbus", choices=["modbus", "mbus"],
                        help="serve the meters over Modbus RTU (default) or as M-Bus slaves")
    parser.add_argument("--mbus-address", type=cli_options.plain_number("an M-Bus address"),
                        action="append",
                        default=None,
                        help="M-Bus primary address of a meter (repeat for several meters; one "
                             "with --count counts up; default 0 for every meter, as shipped)")
    parser.add_argument("--mbus-secondary", action="append", default=None,
                        help="M-Bus secondary address of a meter, 8 digits (repeat for several "
                             "meters; default: the meter's serial number, as shipped)")
    parser.add_argument("--mbus-baud", default=str(FACTORY_MBUS_BAUD),
                        help="initial M-Bus baud rate of every meter "
                             f"(default {FACTORY_MBUS_BAUD})")
    parser.add_argument("--from", dest="from_capture", default=None, metavar="CAPTURE",
                        help="serve exactly the meter of a support bundle ('configurator "
                             "capture'): its captured register words and exceptions (M-Bus: "
                             "its telegrams); the simulator's physics only where it holds none")
    parser.add_argument("--history-hours", default=0.0, metavar="H",
                        type=cli_options.plain_number("hours", decimal=True),
                        help="start new meters with H hours of typical load on their energy "
                             "counters, about 70/30 over tariffs T1/T2 (default 0; the demo "
                             f"uses {DEMO_HISTORY_HOURS}, about a year)")
    faults.add_arguments(parser)


@dataclass(frozen=True)
class SimulatorOptions:
    """The validated options of one simulator run."""

    model: Model
    addresses: tuple[int, ...]
    serial: int
    baudrate: int
    parity: str
    link: Path | None
    state: Path | None
    seed: int
    wire_timing: bool
    reversed_phase: str | None
    protocol: str = "modbus"
    mbus_addresses: tuple[int, ...] = ()
    mbus_secondaries: tuple[str, ...] = ()
    mbus_baudrate: int = FACTORY_MBUS_BAUD
    history_hours: float = 0.0
    wiring: Wiring | None = None
    faults: faults.FaultSpec | None = None
    fault_stats: Path | None = None


class OptionError(ConfiguratorError):
    """An option of the simulate command makes no sense."""

    exit_code = ExitCode.USAGE


def _check(option: str, key: str, text: str) -> Any:
    try:
        return SETTINGS[key].domain.parse(key, text)
    except ConfiguratorError as exc:
        allowed = SETTINGS[key].domain.describe()
        raise OptionError(f"{option} {text!r} is not valid: allowed {allowed}.") from exc


def parse_options(args: argparse.Namespace) -> SimulatorOptions:
    """Validate parsed arguments; raises OptionError with one sentence for the user."""
    try:
        model = Model.parse(args.model)
    except ValueError as exc:
        raise OptionError(f"--model: {exc}.") from None
    explicit = list(args.address or [])
    count = args.count
    if count is not None and not 1 <= count <= 247:
        raise OptionError(f"--count {count} is not valid: allowed 1-247 meters.")
    if len(explicit) > 1:
        if count is not None and count != len(explicit):
            raise OptionError(f"--count {count} does not match the {len(explicit)} --address "
                              "options given; give one --address with --count, or only "
                              "--address options.")
        addresses = explicit
    else:
        first = explicit[0] if explicit else 1
        addresses = list(range(first, first + (count or 1)))
    for address in addresses:
        if not 1 <= address <= 247:
            raise OptionError(f"Modbus address {address} is not valid: allowed 1-247.")
    if len(set(addresses)) != len(addresses):
        raise OptionError("--address is given twice for the same address.")
    if not 1 <= args.serial <= MAX_SERIAL - len(addresses) + 1:
        raise OptionError(f"--serial {args.serial} is not valid: serial numbers have at most 8 "
                          "digits.")
    baudrate = int(_check("--baud", "modbus.baudrate", str(args.baud)))
    parity = str(_check("--parity", "modbus.parity", str(args.parity)))
    if args.state and not Path(args.state).parent.is_dir():
        raise OptionError(f"--state {args.state}: folder {Path(args.state).parent} does not "
                          "exist.")
    reversed_phase = args.reversed_phase.lower() if args.reversed_phase else None
    if reversed_phase is not None and reversed_phase not in PHASES:
        raise OptionError(f"--reversed-phase {args.reversed_phase!r} is not valid: allowed "
                          f"{', '.join(PHASES)}.")
    history_hours = float(getattr(args, "history_hours", 0.0) or 0.0)
    if not 0 <= history_hours <= MAX_HISTORY_HOURS:
        raise OptionError(f"--history-hours {history_hours:g} is not valid: allowed "
                          f"0-{MAX_HISTORY_HOURS}.")
    try:
        fault_spec, fault_stats = faults.options_from(args)
    except faults.FaultSpecError as exc:
        raise OptionError(str(exc)) from None
    return SimulatorOptions(
        faults=fault_spec,
        fault_stats=fault_stats,
        model=model,
        addresses=tuple(addresses),
        serial=args.serial,
        baudrate=baudrate,
        parity=parity,
        link=Path(args.link) if args.link else None,
        state=Path(args.state) if args.state else None,
        seed=args.seed,
        wire_timing=bool(args.wire_timing),
        reversed_phase=reversed_phase,
        history_hours=history_hours,
        wiring=_wiring_option(args, model),
        **_mbus_options(args, len(addresses)),
    )


def _wiring_option(args: argparse.Namespace, model: Model) -> Wiring | None:
    """The --wiring faults, checked against the model."""
    text = getattr(args, "wiring", None)
    if not text:
        return None
    try:
        wiring = Wiring.parse(text)
    except ValueError as exc:
        raise OptionError(f"--wiring {text!r} is not valid: {exc}.") from None
    if wiring.swapped and not model.info.has_ct:
        raise OptionError(f"--wiring {text!r}: a {model.info.code} measures voltage and current "
                          "on the same terminals, so phases cannot be swapped between them; "
                          "use --model 2PUCT.")
    return wiring


def _mbus_options(args: argparse.Namespace, count: int) -> dict[str, Any]:
    """The M-Bus options, checked against the settings' domains."""
    protocol = getattr(args, "protocol", "modbus") or "modbus"
    given = [int(_check("--mbus-address", "mbus.address", str(a)))
             for a in (getattr(args, "mbus_address", None) or [])]
    if len(given) > 1 and len(given) != count:
        raise OptionError(f"{len(given)} --mbus-address options for {count} meters.")
    if len(given) == 1:
        given = [given[0] + i for i in range(count)]
        if given[-1] > 250:
            raise OptionError("--mbus-address counts up past 250.")
    secondaries = [str(_check("--mbus-secondary", "mbus.secondary_address", str(a)))
                   for a in (getattr(args, "mbus_secondary", None) or [])]
    if secondaries and len(secondaries) != count:
        raise OptionError(f"{len(secondaries)} --mbus-secondary options for {count} meters.")
    baud = int(_check("--mbus-baud", "mbus.baudrate",
                      str(getattr(args, "mbus_baud", FACTORY_MBUS_BAUD))))
    return {"protocol": protocol, "mbus_addresses": tuple(given),
            "mbus_secondaries": tuple(secondaries), "mbus_baudrate": baud}


def build_meters(options: SimulatorOptions, state_file: StateFile | None) -> list[VirtualMeter]:
    """The meters of a run: restored from the state file where it has them, else new."""
    if state_file is not None:
        state_file.load()
    meters: list[VirtualMeter] = []
    for index, address in enumerate(options.addresses):
        serial = options.serial + index
        meter = None
        if state_file is not None:
            meter = state_file.restore(
                options.model.info.code, serial,
                lambda state: VirtualMeter.from_state(
                    state, seed=options.seed, reversed_phase=options.reversed_phase,
                    wiring=options.wiring),
            )
        if meter is None:
            meter = VirtualMeter(options.model, serial, address=address,
                                 baudrate=options.baudrate, parity=options.parity,
                                 seed=options.seed, reversed_phase=options.reversed_phase,
                                 wiring=options.wiring)
            _set_mbus(meter, options, index)
            if options.history_hours:  # a restored meter has its own history already
                meter.preaccumulate(options.history_hours)
        meters.append(meter)
    return meters


def _set_mbus(meter: VirtualMeter, options: SimulatorOptions, index: int) -> None:
    """A new meter's M-Bus settings from the options (factory: the settings table's)."""
    if options.mbus_addresses:
        meter.set_setting("mbus.address", options.mbus_addresses[index])
    if options.mbus_secondaries:
        meter.set_setting("mbus.secondary_address", options.mbus_secondaries[index])
    meter.set_setting("mbus.baudrate", options.mbus_baudrate)


def _replay_bus(args: argparse.Namespace, injector: faults.FaultInjector | None) -> MeterBus:
    """The bus serving a capture (`--from`): one meter, its protocol taken from the capture;
    `--faults` apply to it as to any simulated bus."""
    from ..services.capture import load_capture
    from . import replay

    if args.state:
        raise OptionError("--from and --state cannot be combined: a replayed meter starts "
                          "from its capture every time.")
    capture = load_capture(args.from_capture)
    replay.check_replayable(capture)
    link = Path(args.link) if args.link else None
    if capture.transport == "mbus":
        baud = int(_check("--mbus-baud", "mbus.baudrate",
                          str(capture.baudrate or args.mbus_baud)))  # the captured speed
        meter = replay.mbus_meter(capture, baud, seed=args.seed)
        return replay.ReplayMbusBus([meter], capture=capture, link=link,
                                    wire_timing=bool(args.wire_timing), faults=injector)
    return MeterBus([replay.ReplayMeter(capture, seed=args.seed)], link=link,
                    wire_timing=bool(args.wire_timing), faults=injector)


async def _serve(bus: MeterBus) -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)

    def ready() -> None:
        bus.save()  # a restored meter's power cycle is on disk at once
        slaves = getattr(bus, "slaves", None)  # an M-Bus bus describes its slaves
        described = [s.describe() for s in slaves] if slaves else \
            [m.describe() for m in bus.meters]
        lines = [f"{READY_PREFIX}{bus.pty_path}", *described]
        if bus.faults is not None and bus.faults.spec.active:
            lines.append(bus.faults.spec.describe())
        if bus.link is not None:
            lines.append(f"{LINK_PREFIX}{bus.link}")
        sys.stdout.write("".join(f"{line}\n" for line in lines))  # one write: one pipe chunk
        sys.stdout.flush()

    await bus.serve(stop, on_ready=ready)


def run(args: argparse.Namespace) -> int:
    """Run the simulator until SIGINT or SIGTERM; returns the process exit code."""
    try:
        injector = None
        if getattr(args, "from_capture", None):
            try:
                injector = faults.injector(*faults.options_from(args))
            except faults.FaultSpecError as exc:
                raise OptionError(str(exc)) from None
            bus = _replay_bus(args, injector)
        else:
            options = parse_options(args)
            state_file = StateFile(options.state) if options.state else None
            meters = build_meters(options, state_file)
            bus_class = MeterBus
            if options.protocol == "mbus":
                from .mbus_bus import MbusBus

                bus_class = MbusBus
            injector = faults.injector(options.faults, options.fault_stats)
            bus = bus_class(meters, link=options.link, wire_timing=options.wire_timing,
                            state_file=state_file, faults=injector)
        bus.open()
    except ConfiguratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except LinkPathError as exc:
        print(f"error: --link: {exc}", file=sys.stderr)
        return int(ExitCode.USAGE)
    except OSError as exc:
        print(f"error: cannot create the simulated bus: {exc.strerror or exc}.", file=sys.stderr)
        return int(ExitCode.PORT)
    try:
        asyncio.run(_serve(bus))
    except KeyboardInterrupt:  # SIGINT before the handler was installed
        pass
    finally:
        bus.close()
    if injector is not None:
        print(injector.summary(), flush=True)
    return int(ExitCode.OK)
