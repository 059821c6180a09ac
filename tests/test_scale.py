"""The scale test's CPU budgets: a replica's quota is real, and where it cannot be set the test fails."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench import scale
from bench.scale import CpuBudgets


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def test_a_replica_in_its_budget_gets_a_quarter_of_a_core_and_no_more():
    assert CpuBudgets.unavailable() is None  # root on cgroup v1, as CI and the developers' machines are
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        with CpuBudgets(0.25) as budgets:
            budgets.place(0, busy)
            assert budgets.quota(0) == 0.25
            assert str(os.getpid()) in (budgets.parent / "harness" / "cgroup.procs").read_text().split()
            start_cpu, start = cpu_seconds(busy.pid), time.monotonic()
            time.sleep(2)
            share = (cpu_seconds(busy.pid) - start_cpu) / (time.monotonic() - start)
            periods, throttled = budgets.throttled(0)
            parent = budgets.parent
            busy.kill()
            busy.wait()
        assert 0.15 <= share <= 0.30, f"the busy loop used {share:.2f} core under a 0.25 core quota"
        assert periods >= 15 and throttled >= periods - 2
        assert not parent.exists()  # the groups are removed on exit
        assert str(os.getpid()) in (scale.CPU_CGROUP / "cgroup.procs").read_text().split()
    finally:
        busy.kill()


def test_without_a_cpu_quota_the_scale_test_says_so_and_fails(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(scale, "CPU_CGROUP", tmp_path)
    monkeypatch.setattr(sys, "argv", ["bench.scale", "--quick", "--out", str(tmp_path / "scale.md")])
    assert scale.main() == 1
    assert capsys.readouterr().err == (
        f"Scale test not run: no cgroup v1 cpu controller at {tmp_path} (no {tmp_path}/cpu.cfs_quota_us): the "
        "per-replica CPU quota cannot be set, and replicas sharing this machine's cores would measure the machine, "
        "not replicas\n"
    )
    assert not (tmp_path / "scale.md").exists()
