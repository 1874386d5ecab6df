"""Loaded by every process bench_growth.py starts (this folder is on their PYTHONPATH): at
exit, report the process's own peak RSS (VmHWM). A child's ru_maxrss from wait4() is no good
here: Linux carries the parent's high-water mark into a forked child across exec."""

import atexit
import sys


def report_peak() -> None:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    sys.stderr.write(f"\nHWM_KIB {line.split()[1]}\n")
                    sys.stderr.flush()
    except (OSError, ValueError):
        pass


atexit.register(report_peak)
