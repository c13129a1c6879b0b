package io.crmbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The run's header: date, machine (cores, memory, JDK, OS, load), mode and the bridge's JVM settings. */
final class Machine {

    private Machine() {
    }

    static void describe(Map<String, Object> run, boolean quick, Instant started, Path bridgeJar, List<String> jvm) {
        int cores = Runtime.getRuntime().availableProcessors();
        long memoryMiB = memTotalMiB();
        String jdk = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version");
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        String load = loadAverage();
        run.put("date", started.truncatedTo(ChronoUnit.SECONDS).toString());
        run.put("mode", quick ? "quick" : "full");
        run.put("cores", cores);
        run.put("memory_mib", memoryMiB);
        run.put("jdk", jdk);
        run.put("os", os);
        run.put("load_average_at_start", load);
        run.put("bridge_jar", bridgeJar.toString());
        run.put("bridge_jvm_args", String.join(" ", jvm));
        run.put("bridge_extra_args", System.getProperty("bench.bridge-args", ""));
        run.put("machine_text", String.format("%d cores, %,d MiB, %s, %s, load average %s at start", cores, memoryMiB,
                jdk, os, load));
    }

    private static long memTotalMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Runtime.getRuntime().maxMemory() / (1024 * 1024);
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
