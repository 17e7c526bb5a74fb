package io.portevoix.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time spent on this machine between two readings, from Linux's {@code /proc}: the whole
 * machine (every core's busy time: not idle, not waiting for I/O), this JVM, and the PostgreSQL
 * server's processes (their own time, plus the time of the backends that ended in between, which
 * the postmaster collects). Shows what a piece of work costs the machine, whoever did it.
 */
record CpuMeter(double machineSeconds, double jvmSeconds, double postgresSeconds) {

    /** Clock ticks per second of {@code /proc} (USER_HZ: 100 on Linux). */
    private static final double TICKS = 100.0;

    static CpuMeter now() {
        try {
            List<String> cpu = List.of(Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+"));
            long busy = 0;
            for (int i = 1; i < cpu.size(); i++) {
                // user nice system idle iowait irq softirq steal (guest time is already in user)
                if (i != 4 && i != 5 && i <= 8) {
                    busy += Long.parseLong(cpu.get(i));
                }
            }
            long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
            return new CpuMeter(busy / TICKS, jvm / 1e9, postgresTicks() / TICKS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The time spent since {@code before}. */
    CpuMeter since(CpuMeter before) {
        return new CpuMeter(machineSeconds - before.machineSeconds, jvmSeconds - before.jvmSeconds,
                postgresSeconds - before.postgresSeconds);
    }

    /** Milliseconds of the machine per unit of work (a message). */
    double machineMsPer(long units) {
        return 1000 * machineSeconds / units;
    }

    double jvmMsPer(long units) {
        return 1000 * jvmSeconds / units;
    }

    double postgresMsPer(long units) {
        return 1000 * postgresSeconds / units;
    }

    private static long postgresTicks() throws IOException {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                String stat;
                try {
                    stat = Files.readString(process.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < open || !stat.substring(open + 1, close).equals("postgres")) {
                    continue;
                }
                // after the command: state(3) ... utime(14) stime(15) cutime(16) cstime(17)
                String[] fields = stat.substring(close + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                        + Long.parseLong(fields[14]);
            }
        }
        return ticks;
    }
}
