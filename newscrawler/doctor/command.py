"""The `newscrawler doctor` command line."""

from __future__ import annotations

import argparse


def add_doctor_parser(commands) -> None:
    doctor = commands.add_parser("doctor", help="check a site's selectors, discovery, feeds")
    doctor.add_argument("site")
    doctor.add_argument("--site-file", action="append", default=[], metavar="PATH")


def run_doctor(args: argparse.Namespace, settings: dict) -> int:
    return 2
